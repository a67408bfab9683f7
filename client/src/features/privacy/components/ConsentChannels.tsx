import { Text, View } from '@tarojs/components';
import { formatCst } from '@shared/core/time';
import { CHANNEL_LABELS, CHANNEL_MEANINGS, CONSENT_CHANNELS, type ConsentChannel, type ConsentDecision } from '@shared/consent/ledger';
import type { ConsentState } from '@shared/consent/state';
import { ActionButton } from '@/components/ActionButton';

interface Props {
  state: ConsentState;
  busy: string | null;
  onChoose: (channel: ConsentChannel, decision: ConsentDecision) => void;
}

/**
 * Marketing, channel by channel: what it means, where it stands (nothing is on until the homeowner
 * turns it on), and one tap to agree or to withdraw. Ids: `#consent-<channel>`, `#consent-<channel>-state`,
 * `#consent-<channel>-grant`, `#consent-<channel>-withdraw`.
 */
export function ConsentChannels({ state, busy, onChoose }: Props) {
  return (
    <View className='card' id='consent-channels'>
      <View className='card__head'>
        <Text className='card__title'>营销信息：逐个渠道由您决定</Text>
      </View>
      <Text className='muted'>优惠、活动邀请、节日问候、请您推荐亲友。默认都不发送；只在您点“同意”的渠道发送，随时一键撤回，立即生效。</Text>
      {CONSENT_CHANNELS.map((c) => {
        const now = state.marketing[c];
        const paused = now.granted && state.doNotDisturb.on;
        return (
          <View key={c} className='consent-row' id={`consent-${c}`}>
            <View className='consent-row__body'>
              <Text className='consent-row__title'>{CHANNEL_LABELS[c]}</Text>
              <Text className='muted'>{CHANNEL_MEANINGS[c]}</Text>
              <Text className={now.granted ? 'tag tag--green consent-row__state' : 'tag consent-row__state'} id={`consent-${c}-state`}>
                {now.granted ? `已同意${now.at ? `（${formatCst(now.at)}）` : ''}${paused ? '，勿扰中暂停' : ''}` : now.at ? `不接收（${formatCst(now.at)} 起）` : '未同意'}
              </Text>
            </View>
            {now.granted ? (
              <ActionButton small kind='danger' busy={busy === c} id={`consent-${c}-withdraw`} onClick={() => onChoose(c, 'withdrawn')}>
                撤回
              </ActionButton>
            ) : (
              <ActionButton small kind='ghost' busy={busy === c} id={`consent-${c}-grant`} onClick={() => onChoose(c, 'granted')}>
                同意
              </ActionButton>
            )}
          </View>
        );
      })}
      <Text className='muted consent-note'>施工回访、保修回访、报修和投诉的通知属于合同约定的服务，不受这里的选择影响；拒绝营销不会影响您享受的任何服务。</Text>
    </View>
  );
}
