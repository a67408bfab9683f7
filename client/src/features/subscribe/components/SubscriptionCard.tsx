import { Text, View } from '@tarojs/components';
import type { SubscriptionState } from '@shared/followup/api';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { useSubscribe } from '../hooks/useSubscribe';
import { SubscribeStandIn } from './SubscribeStandIn';

interface Props {
  subscriptions: SubscriptionState[];
  title?: string;
  text?: string;
  askLabel?: string;
}

/**
 * Home (and the 消息 page): whether reminders are on for each kind, and the one-tap way to turn them on.
 * In plain words: no counts of WeChat acceptances — a homeowner reads 已开启 / 未开启.
 */
export function SubscriptionCard({ subscriptions: initial, title = '回访提醒', text, askLabel = '接收回访提醒' }: Props) {
  const s = useSubscribe(initial);
  if (s.subscriptions.length === 0) return null;
  const left = s.subscriptions.reduce((n, t) => n + t.credits, 0);
  return (
    <View className='card subscriptions' id='subscriptions'>
      <View className='card__head'>
        <Text className='card__title'>{title}</Text>
        <Text className={left > 0 ? 'tag tag--green' : 'tag tag--orange'} id='subscription-credits'>
          {left > 0 ? '已开启' : '未开启'}
        </Text>
      </View>
      <Text className='muted'>{text ?? '开启后，到了回访的时候通过微信提醒您；没有开启时，客服会打电话联系您。'}</Text>
      <View className='subscriptions__list'>
        {s.subscriptions.map((t) => (
          <View key={t.purpose} className='row' id={`subscription-${t.purpose}`}>
            <Text className='row__label'>{t.label}</Text>
            <Text className={`row__value${t.credits > 0 ? ' text-ok' : ''}`}>{t.credits > 0 ? '已开启' : '未开启'}</Text>
          </View>
        ))}
      </View>
      {s.outcome && s.outcome.accepted === 0 ? (
        <View className='banner banner--warn' id='subscribe-result'>
          没有开启提醒，回访时客服会打电话给您；需要时可以再点下面的按钮
        </View>
      ) : null}
      <FailureBanner failure={s.failure} id='subscribe-error' />
      <ActionButton block kind='ghost' busy={s.busy} id='subscribe-ask' onClick={() => s.ask()}>
        {askLabel}
      </ActionButton>
      <SubscribeStandIn />
    </View>
  );
}
