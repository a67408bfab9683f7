import { Text, View } from '@tarojs/components';
import type { EnquiryView } from '@shared/enquiry/api';
import { refText } from '@shared/core/refs';
import { promisedHours } from '@shared/enquiry/enquiry';
import { formatCst } from '@shared/core/time';
import { ActionButton } from '@/components/ActionButton';

/** After sending: the reference to quote, and what happens next, in words the desk keeps. */
export function EnquiryThanks({ enquiry, onAnother }: { enquiry: EnquiryView; onAnother: () => void }) {
  return (
    <View className='card enquiry-thanks' id='enquiry-thanks'>
      <Text className='enquiry-thanks__title'>谢谢您的{enquiry.kindLabel}，已经登记</Text>
      <Text className='enquiry-thanks__ref' id='enquiry-thanks-ref'>
        编号 {refText(enquiry.ref)}
      </Text>
      <Text id='enquiry-thanks-promise'>
        客服会在 {promisedHours(enquiry)} 小时内回复（最晚 {formatCst(enquiry.replyBy, 'M月D日 HH:mm')}），回复会出现在这里和「消息」里。打电话问进度时报上编号即可。
      </Text>
      <View className='enquiry-thanks__again'>
        <ActionButton kind='ghost' block onClick={onAnother} id='enquiry-another'>
          再写一条
        </ActionButton>
      </View>
    </View>
  );
}
