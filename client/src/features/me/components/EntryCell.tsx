import { Text, View } from '@tarojs/components';
import { BadgeIcon, type BadgeTone } from '@/components/BadgeIcon';

/** A row that leads somewhere: title, a line of explanation, and a chevron. */
interface Props {
  id: string;
  icon: string;
  tone?: BadgeTone;
  title: string;
  text: string;
  onOpen: () => void;
}

export function EntryCell({ id, icon, tone, title, text, onOpen }: Props) {
  return (
    <View className='card entry-cell' id={id} hoverClass='btn--pressed' onClick={onOpen}>
      <BadgeIcon char={icon} tone={tone} />
      <View className='entry-cell__body'>
        <Text className='entry-cell__title'>{title}</Text>
        <Text className='muted'>{text}</Text>
      </View>
      <Text className='entry-cell__chevron'>›</Text>
    </View>
  );
}
