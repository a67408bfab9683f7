import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from './ActionButton';

/** The person on the other side of the ticket, with a call button when the full number is shown. */
export function ContactCard({ title, role, person }: { title: string; role: string; person: { name: string; phone: string } }) {
  const callable = /^\+?\d[\d-]{5,}$/.test(person.phone);
  return (
    <View className='card contact-card'>
      <View className='card__head'>
        <Text className='card__title'>{title}</Text>
      </View>
      <View className='contact-card__body'>
        <View>
          <Text className='contact-card__name'>{person.name || '待分配'}</Text>
          <Text className='muted'> {role}</Text>
          <View className='contact-card__phone'>{person.phone}</View>
        </View>
        {callable ? (
          <ActionButton small kind='ghost' id='contact-call' onClick={() => void Taro.makePhoneCall({ phoneNumber: person.phone })}>
            拨打电话
          </ActionButton>
        ) : null}
      </View>
    </View>
  );
}
