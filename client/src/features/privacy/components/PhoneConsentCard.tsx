import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';
import { CHANNEL_LABELS, CONSENT_CHANNELS } from '@shared/consent/ledger';
import type { PrivacyReplies } from '@shared/privacy/api';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { Failed, Loading } from '@/components/StateViews';
import { useReply } from '@/hooks/useReply';
import { toastDone } from '@/lib/feedback';
import { newRequestId } from '@/lib/requestId';
import { callPrivacy, type PrivacyInput } from '../api/callPrivacy';

type Change = PrivacyInput<'recordPhoneConsent'>['change'];

/**
 * On a call: the homeowner's marketing choices, and one tap to record what they say now (同意 / 不要,
 * 勿扰). The entry names the staff member and the time. Ids: `#phone-consent`, `#phone-consent-<channel>`,
 * `#phone-consent-<channel>-grant`, `#phone-consent-<channel>-refuse`, `#phone-consent-dnd`, `#phone-consent-error`.
 */
export function PhoneConsentCard({ homeownerId }: { homeownerId: string }) {
  const { state, reload, replace } = useReply(() => callPrivacy('consentOf', { homeownerId }));
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  const view: PrivacyReplies['consentOf'] = state.data;

  const record = async (key: string, change: Change, done: string) => {
    if (busy) return;
    setBusy(key);
    setFailure(null);
    const reply = await callPrivacy('recordPhoneConsent', { homeownerId, change, requestId: newRequestId() });
    setBusy(null);
    if (!reply.ok) return setFailure(reply);
    replace(reply.data);
    toastDone(done);
  };

  const dnd = view.state.doNotDisturb.on;
  return (
    <View className='card' id='phone-consent'>
      <View className='card__head'>
        <Text className='card__title'>营销同意（业主在电话里说的，点一下登记）</Text>
      </View>
      <Text className='muted'>回访本身是服务，不需要同意。业主说“以后别给我打推销电话”“别发广告”时，在这里登记，立即生效。</Text>
      {CONSENT_CHANNELS.map((c) => {
        const now = view.state.marketing[c];
        return (
          <View key={c} className='consent-row' id={`phone-consent-${c}`}>
            <View className='consent-row__body'>
              <Text className='consent-row__title'>{CHANNEL_LABELS[c]}营销</Text>
              <Text className={now.granted ? 'tag tag--green consent-row__state' : 'tag consent-row__state'}>{now.granted ? '已同意' : now.at ? '不接收' : '未同意'}</Text>
            </View>
            <View className='phone-consent__buttons'>
              {now.granted || now.at === null ? (
                <ActionButton small kind='danger' busy={busy === `${c}-refuse`} id={`phone-consent-${c}-refuse`} onClick={() => void record(`${c}-refuse`, { subject: 'consent', channel: c, decision: 'withdrawn' }, '已登记不接收')}>
                  登记不要
                </ActionButton>
              ) : null}
              {!now.granted ? (
                <ActionButton small kind='ghost' busy={busy === `${c}-grant`} id={`phone-consent-${c}-grant`} onClick={() => void record(`${c}-grant`, { subject: 'consent', channel: c, decision: 'granted' }, '已登记同意')}>
                  登记同意
                </ActionButton>
              ) : null}
            </View>
          </View>
        );
      })}
      <View className='consent-row'>
        <View className='consent-row__body'>
          <Text className='consent-row__title'>勿扰（任何渠道都不营销）</Text>
          <Text className={dnd ? 'tag tag--orange consent-row__state' : 'tag consent-row__state'}>{dnd ? '已开启' : '未开启'}</Text>
        </View>
        <ActionButton small kind={dnd ? 'ghost' : 'danger'} busy={busy === 'dnd'} id='phone-consent-dnd' onClick={() => void record('dnd', { subject: 'doNotDisturb', on: !dnd }, dnd ? '已登记关闭勿扰' : '已登记勿扰')}>
          {dnd ? '登记关闭' : '登记勿扰'}
        </ActionButton>
      </View>
      <FailureBanner failure={failure} id='phone-consent-error' />
    </View>
  );
}
