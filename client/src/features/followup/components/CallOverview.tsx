import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PhoneTask } from '@shared/followup/api';
import { describeWindows } from '@shared/followup/contact';
import { formatCst } from '@shared/core/time';
import { ActionButton } from '@/components/ActionButton';

/** Whom to call and why: the full number (tap to call), the follow-up, and when the homeowner prefers. Id: `#call-overview`. */
export function CallOverview({ task: t }: { task: PhoneTask }) {
  return (
    <View className='card' id='call-overview'>
      <View className='card__head card__head--wrap'>
        <Text className='card__title'>{t.label}</Text>
        <Text className='tag tag--orange'>{t.reasonLabel || '电话回访'}</Text>
      </View>
      {t.priority ? (
        <View className='banner banner--warn' id='call-priority'>
          {t.priorityLabel}。回访时请先问问上次投诉处理得是否满意。
        </View>
      ) : null}
      <View className='contact-card__body'>
        <View>
          <Text className='contact-card__name'>{t.homeownerName}</Text>
          <View className='contact-card__phone' id='call-phone-number'>
            {t.homeownerPhone}
          </View>
        </View>
        <ActionButton small kind='primary' id='call-phone' onClick={() => void Taro.makePhoneCall({ phoneNumber: t.homeownerPhone }).catch(() => undefined)}>
          拨打电话
        </ActionButton>
      </View>
      <View className='row'>
        <Text className='row__label'>房屋</Text>
        <Text className='row__value'>{t.projectName}</Text>
      </View>
      {t.address ? (
        <View className='row'>
          <Text className='row__label'>地址</Text>
          <Text className='row__value'>{t.address}</Text>
        </View>
      ) : null}
      <View className='row'>
        <Text className='row__label'>回访期</Text>
        <Text className='row__value'>
          {t.dueDate} ~ {t.windowEnd}
        </Text>
      </View>
      {t.callAt !== null ? (
        <View className='row'>
          <Text className='row__label'>约定时间</Text>
          <Text className='row__value'>{formatCst(t.callAt, 'M月D日 HH:mm')}</Text>
        </View>
      ) : null}
      <View className='row'>
        <Text className='row__label'>方便接听</Text>
        <Text className='row__value'>{t.contactWindows ? describeWindows(t.contactWindows) : '未设置（按公司回访时段）'}</Text>
      </View>
    </View>
  );
}
