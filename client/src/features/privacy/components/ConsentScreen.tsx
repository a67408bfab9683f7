import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Failure } from '@shared/core/result';
import type { ConsentChannel, ConsentDecision } from '@shared/consent/ledger';
import type { ConsentView } from '@shared/privacy/api';
import { FailureBanner } from '@/components/FailureBanner';
import { toastDone } from '@/lib/feedback';
import { routes } from '@/lib/routes';
import { saveConsent, saveDoNotDisturb } from '../api/queries';
import { ConsentChannels } from './ConsentChannels';
import { ConsentHistory } from './ConsentHistory';
import { DoNotDisturbCard } from './DoNotDisturbCard';

interface Props {
  view: ConsentView;
  onChange: (view: ConsentView) => void;
  /** opened from a marketing message: a withdrawal here is recorded as made through the message */
  fromMessage: boolean;
}

/** The consent screen: channels, 勿扰 and the history; every tap is saved at once. Ids: `#consent-error`. */
export function ConsentScreen({ view, onChange, fromMessage }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const run = async (key: string, call: () => ReturnType<typeof saveDoNotDisturb>, done: string) => {
    if (busy) return;
    setBusy(key);
    setFailure(null);
    const reply = await call();
    setBusy(null);
    if (!reply.ok) return setFailure(reply);
    onChange(reply.data);
    toastDone(done);
  };

  const choose = (channel: ConsentChannel, decision: ConsentDecision) =>
    void run(channel, () => saveConsent(channel, decision, fromMessage && decision === 'withdrawn' ? 'messageLink' : 'tap'), decision === 'granted' ? '已同意' : '已撤回');
  const toggle = (on: boolean) => void run('dnd', () => saveDoNotDisturb(on), on ? '已开启勿扰' : '已关闭勿扰');

  return (
    <View className='consent'>
      {fromMessage ? <View className='banner banner--info'>不想再收到这类消息？点下面对应渠道的“撤回”，或打开“勿扰”，立即生效。</View> : null}
      <FailureBanner failure={failure} id='consent-error' />
      <ConsentChannels state={view.state} busy={busy} onChoose={choose} />
      <DoNotDisturbCard on={view.state.doNotDisturb.on} at={view.state.doNotDisturb.at} busy={busy === 'dnd'} onToggle={toggle} />
      <ConsentHistory history={view.history} />
      <View className='link-row' id='consent-notice-link' onClick={() => void Taro.navigateTo({ url: routes.privacyNotice() })}>
        <Text>隐私说明（{view.noticeVersion} 版）</Text>
        <Text className='entry-cell__chevron'>›</Text>
      </View>
    </View>
  );
}
