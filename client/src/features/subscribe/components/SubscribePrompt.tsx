import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { SubscriptionState } from '@shared/followup/api';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { useReply } from '@/hooks/useReply';
import { fetchSubscriptions } from '../api/subscriptions';
import { useSubscribe } from '../hooks/useSubscribe';
import { SubscribeStandIn } from './SubscribeStandIn';

interface Props {
  /** the templates that matter most here go first ('repairProgress' after filing a repair) */
  prefer?: SubscriptionState['purpose'][];
  text: string;
}

/**
 * At a natural moment (a repair just filed, a survey just answered): the offer to be reminded, one
 * tap. Shows nothing when there are no templates or they cannot be loaded.
 */
export function SubscribePrompt({ prefer, text }: Props) {
  const { state } = useReply(fetchSubscriptions);
  if (state.status !== 'ready' || state.data.length === 0) return null;
  const rank = (s: SubscriptionState) => {
    const at = prefer?.indexOf(s.purpose) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const ordered = [...state.data].sort((a, b) => rank(a) - rank(b));
  return <Prompt subscriptions={ordered} text={text} />;
}

function Prompt({ subscriptions, text }: { subscriptions: SubscriptionState[]; text: string }) {
  const s = useSubscribe(subscriptions);
  const [later, setLater] = useState(false);
  if (later) return null;
  const accepted = s.outcome !== null && s.outcome.accepted > 0;
  return (
    <View className='card subscribe-prompt' id='subscribe-prompt'>
      <View className='card__head'>
        <Text className='card__title'>{accepted ? '已开启提醒' : '接收微信提醒'}</Text>
      </View>
      <Text className='muted'>{accepted ? '有进展或到回访时间时，我们会通过微信服务通知告诉您' : text}</Text>
      <FailureBanner failure={s.failure} id='subscribe-prompt-error' />
      {accepted ? null : (
        <View className='btn-row subscribe-prompt__buttons'>
          <ActionButton id='subscribe-prompt-later' onClick={() => setLater(true)}>
            暂不需要
          </ActionButton>
          <ActionButton kind='primary' busy={s.busy} id='subscribe-prompt-ask' onClick={() => s.ask()}>
            接收提醒
          </ActionButton>
        </View>
      )}
      <SubscribeStandIn />
    </View>
  );
}
