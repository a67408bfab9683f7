import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Failure } from '@shared/core/result';
import type { ConsentChannel, ConsentDecision } from '@shared/consent/ledger';
import type { OwnConsentView } from '@shared/privacy/api';
import { FailureBanner } from '@/components/FailureBanner';
import { askForSubscriptions, reportSubscriptions, SubscribeStandIn } from '@/features/subscribe';
import { toastDone } from '@/lib/feedback';
import { routes } from '@/lib/routes';
import { fetchConsent, saveConsent, saveDoNotDisturb } from '../api/queries';
import { ConsentChannels } from './ConsentChannels';
import { ConsentHistory } from './ConsentHistory';
import { DoNotDisturbCard } from './DoNotDisturbCard';
import { MarketingMessages } from './MarketingMessages';

interface Props {
  view: OwnConsentView;
  onChange: (view: OwnConsentView) => void;
  /** opened from a marketing message: a withdrawal here is recorded as made through the message */
  fromMessage: boolean;
}

/**
 * The consent screen: channels, 勿扰 and the history; every tap is saved at once. Agreeing to 微信消息
 * also asks WeChat, in the same tap, for the marketing template (WeChat shows its dialog only for a
 * tap): she may allow or cancel there; what she allowed is reported once her consent is saved, since
 * the server takes the template only while that consent stands. Ids: `#consent-error`.
 */
export function ConsentScreen({ view, onChange, fromMessage }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const offer = view.marketingTemplate;

  /** Starts WeChat's dialog for the marketing template: call straight from a tap, before anything is awaited. */
  const askTemplate = () => (offer ? askForSubscriptions([offer.templateId], { [offer.templateId]: offer.label }) : Promise.resolve({}));

  /** What she chose in the dialog goes to the server; the screen then shows the messages she has allowed. */
  const report = async (asked: Promise<Record<string, string>>): Promise<boolean> => {
    const results = await asked;
    if (Object.keys(results).length === 0) return false;
    const reported = await reportSubscriptions(results);
    if (!reported.ok) {
      setFailure(reported);
      return false;
    }
    const fresh = await fetchConsent();
    if (fresh.ok) onChange(fresh.data);
    return Object.values(results).includes('accept');
  };

  const run = async (key: string, call: () => ReturnType<typeof saveDoNotDisturb>, done: string, asked?: Promise<Record<string, string>>) => {
    if (busy) return;
    setBusy(key);
    setFailure(null);
    const reply = await call();
    if (!reply.ok) {
      setBusy(null);
      return setFailure(reply);
    }
    onChange(reply.data);
    if (asked) await report(asked);
    setBusy(null);
    toastDone(done);
  };

  const choose = (channel: ConsentChannel, decision: ConsentDecision) => {
    if (busy) return;
    const asked = channel === 'subscription' && decision === 'granted' && offer ? askTemplate() : undefined;
    void run(channel, () => saveConsent(channel, decision, fromMessage && decision === 'withdrawn' ? 'messageLink' : 'tap'), decision === 'granted' ? '已同意' : '已撤回', asked);
  };
  const toggle = (on: boolean) => void run('dnd', () => saveDoNotDisturb(on), on ? '已开启勿扰' : '已关闭勿扰');
  const askMore = () => {
    if (busy) return;
    const asked = askTemplate();
    setBusy('marketing');
    setFailure(null);
    void report(asked).then((allowed) => {
      setBusy(null);
      if (allowed) toastDone('已允许');
    });
  };
  const messagesOn = view.state.marketing.subscription.granted && !view.state.doNotDisturb.on;

  return (
    <View className='consent'>
      {fromMessage ? <View className='banner banner--info'>不想再收到这类消息？点下面对应渠道的“撤回”，或打开“勿扰”，立即生效。</View> : null}
      <FailureBanner failure={failure} id='consent-error' />
      <ConsentChannels state={view.state} busy={busy} onChoose={choose} />
      {offer && messagesOn ? <MarketingMessages offer={offer} busy={busy === 'marketing'} onAsk={askMore} /> : null}
      <DoNotDisturbCard on={view.state.doNotDisturb.on} at={view.state.doNotDisturb.at} busy={busy === 'dnd'} onToggle={toggle} />
      <ConsentHistory history={view.history} />
      <View className='link-row' id='consent-notice-link' onClick={() => void Taro.navigateTo({ url: routes.privacyNotice() })}>
        <Text>隐私说明（{view.noticeVersion} 版）</Text>
        <Text className='entry-cell__chevron'>›</Text>
      </View>
      <SubscribeStandIn />
    </View>
  );
}
