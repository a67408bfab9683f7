import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { EnquiryInputs, type EnquiryView } from '@shared/enquiry/api';
import type { EnquiryKind } from '@shared/enquiry/enquiry';
import { validate } from '@shared/core/validation';
import { SubmitBar } from '@/components/SubmitBar';
import { TextField } from '@/components/TextField';
import { ProjectSearch } from '@/features/complaint';
import type { ProjectHit } from '@/features/project';
import { useSubmitForm } from '@/hooks/useSubmitForm';
import { newRequestId } from '@/lib/requestId';
import { callEnquiry } from '../api/callEnquiry';
import { KindChips } from './KindChips';

const NO_PHOTOS = { failed: false };

/** 登记电话咨询: customer service writes down a call; what was answered on the phone is recorded as the reply. */
export function PhoneEnquiryForm({ replyHours, onLogged }: { replyHours: number; onLogged: (e: EnquiryView) => void }) {
  const [requestId] = useState(newRequestId);
  const [project, setProject] = useState<ProjectHit | null>(null);
  const [kind, setKind] = useState<EnquiryKind | undefined>();
  const [text, setText] = useState('');
  const [reply, setReply] = useState('');
  const { errors, failure, sending, edited, submit } = useSubmitForm(NO_PHOTOS);

  const send = () =>
    submit(
      () => validate(EnquiryInputs.log, { requestId, projectId: project?.id ?? '', kind, text, reply: reply.trim() ? reply : undefined }),
      (input) => callEnquiry('log', input),
      (data) => onLogged(data.enquiry),
    );

  return (
    <View id='phone-enquiry-form'>
      <View className='card'>
        <ProjectSearch value={project} onChange={edited('projectId', setProject)} error={errors.projectId} />
      </View>
      <View className='card'>
        <KindChips idPrefix='phone-enquiry-kind' value={kind} onChange={edited('kind', setKind)} error={errors.kind} />
        <TextField id='phone-enquiry-text' label='客户问了什么 / 提了什么' value={text} onChange={edited('text', setText)} placeholder='按客户的意思整理，写清楚是哪件事' max={1000} error={errors.text} />
        <TextField
          id='phone-enquiry-reply'
          label='电话里已经答复的内容'
          value={reply}
          onChange={edited('reply', setReply)}
          placeholder={`当场答复了就写在这里，登记后即为“已回复”；不能当即答复的留空，并告诉客户 ${replyHours} 小时内回复`}
          max={1000}
          error={errors.reply}
          optional
        />
        <Text className='muted'>没有当场答复的会进入「待回复」，{replyHours} 小时内必须回复；超时会通知客服部经理。</Text>
      </View>
      <SubmitBar id='phone-enquiry-submit' errorId='phone-enquiry-error' label='登记' failure={failure} sending={sending} uploading={false} onSubmit={() => void send()} />
    </View>
  );
}
