import { useState } from 'react';
import { View } from '@tarojs/components';
import { EnquiryInputs, type EnquirySummary, type EnquiryView } from '@shared/enquiry/api';
import { validate } from '@shared/core/validation';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { TextField } from '@/components/TextField';
import { useSubmitForm } from '@/hooks/useSubmitForm';
import { callEnquiry } from '../api/callEnquiry';

const NO_PHOTOS = { failed: false };

/** What a suggestion's answer should say: what was done with it, not only thanks. */
const placeholder = (e: Pick<EnquirySummary, 'kind'>) =>
  e.kind === 'suggestion' ? '说明这条建议怎么处理：采纳后做了什么、从哪天起；不采纳的说明原因' : '直接回答业主的问题；需要上门或另约时间的，写清楚谁、哪天联系';

/** 回复, inline on a card: the homeowner is told at once in 消息; an answer is given once. */
export function ReplyForm({ enquiry, onReplied }: { enquiry: EnquirySummary; onReplied: (e: EnquiryView) => void }) {
  const [text, setText] = useState('');
  const { errors, failure, sending, edited, submit } = useSubmitForm(NO_PHOTOS);
  const send = () =>
    submit(
      () => validate(EnquiryInputs.reply, { enquiryId: enquiry.id, text }),
      (input) => callEnquiry('reply', input),
      (data) => onReplied(data.enquiry),
    );
  return (
    <View className='enquiry-reply-form' id={`reply-form-${enquiry.id}`}>
      <TextField id={`reply-text-${enquiry.id}`} label='回复业主' value={text} onChange={edited('text', setText)} placeholder={placeholder(enquiry)} max={1000} error={errors.text} />
      <FailureBanner failure={failure} id={`reply-error-${enquiry.id}`} />
      <ActionButton kind='primary' block busy={sending} onClick={() => void send()} id={`reply-submit-${enquiry.id}`}>
        发送回复（只能回复一次）
      </ActionButton>
    </View>
  );
}
