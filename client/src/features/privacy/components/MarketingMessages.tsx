import { Text, View } from '@tarojs/components';
import type { MarketingTemplateOffer } from '@shared/privacy/api';
import { ActionButton } from '@/components/ActionButton';

interface Props {
  offer: MarketingTemplateOffer;
  busy: boolean;
  onAsk: () => void;
}

/**
 * Under an agreed 微信消息 channel: WeChat lets the company send one marketing message per "允许" in its
 * dialog, so this says how many she has allowed and not yet received, and offers to allow one more.
 * Ids: `#consent-marketing`, `#consent-marketing-credits`, `#consent-marketing-ask`.
 */
export function MarketingMessages({ offer, busy, onAsk }: Props) {
  return (
    <View className='card' id='consent-marketing'>
      <View className='card__head'>
        <Text className='card__title'>微信消息：{offer.label}</Text>
      </View>
      <Text className='muted' id='consent-marketing-credits'>
        {offer.credits > 0
          ? `您已允许接收 ${offer.credits} 条，之后有优惠或活动时会通过微信服务通知发给您。`
          : '微信规定：您在微信弹窗里点一次“允许”，我们才能发一条。现在还不能发给您。'}
      </Text>
      <View className='btn-row'>
        <ActionButton kind={offer.credits > 0 ? 'ghost' : 'primary'} busy={busy} id='consent-marketing-ask' onClick={onAsk}>
          {offer.credits > 0 ? '再允许一条' : '允许接收一条'}
        </ActionButton>
      </View>
    </View>
  );
}
