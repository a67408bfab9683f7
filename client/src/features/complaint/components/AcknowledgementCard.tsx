import { Text, View } from '@tarojs/components';
import type { ComplaintView } from '@shared/complaint/api';
import { formatCst } from '@shared/core/time';

/** The 受理函: the complaint is registered, with its reference, who handles it and both deadlines. */
export function AcknowledgementCard({ acknowledgement: a, reference: ref }: { acknowledgement: NonNullable<ComplaintView['acknowledgement']>; reference: string | null }) {
  return (
    <View className='card complaint-ack' id='complaint-ack'>
      <View className='card__head card__head--wrap'>
        <Text className='card__title'>受理函</Text>
        <Text className='card__sub nowrap'>{formatCst(a.at, 'MM-DD HH:mm')}</Text>
      </View>
      <Text className='complaint-ack__text' id='complaint-ack-text'>
        {ref && a.text.includes(ref) ? (
          <>
            {a.text.slice(0, a.text.indexOf(ref))}
            <Text className='nowrap'>{ref}</Text>
            {a.text.slice(a.text.indexOf(ref) + ref.length)}
          </>
        ) : (
          a.text
        )}
      </Text>
    </View>
  );
}
