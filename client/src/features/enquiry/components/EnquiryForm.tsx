import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { EnquiryInputs, type EnquiryView } from '@shared/enquiry/api';
import type { EnquiryKind } from '@shared/enquiry/enquiry';
import { validate } from '@shared/core/validation';
import type { ProjectSummary } from '@shared/me/api';
import { SubmitBar } from '@/components/SubmitBar';
import { TextField } from '@/components/TextField';
import { useSubmitForm } from '@/hooks/useSubmitForm';
import { newRequestId } from '@/lib/requestId';
import { callEnquiry } from '../api/callEnquiry';
import { KindChips } from './KindChips';

const PLACEHOLDERS: Record<EnquiryKind, string> = {
  enquiry: '例如：竣工后多久能拿到质保卡？地暖第一次开要注意什么？',
  suggestion: '例如：希望工地每天收工后拍张照片发到群里',
  need: '例如：想加装一个小厨宝，能安排师傅上门吗？',
};

/** the form has no photos: nothing to wait for */
const NO_PHOTOS = { failed: false };

interface Props {
  projects: ProjectSummary[];
  /** hours within which the desk answers (settings) */
  replyHours: number;
  onSent: (enquiry: EnquiryView) => void;
}

/** 咨询与建议: what kind, which home (optional), what it is; one request id per form. */
export function EnquiryForm({ projects, replyHours, onSent }: Props) {
  const [requestId] = useState(newRequestId);
  const [kind, setKind] = useState<EnquiryKind | undefined>();
  const [projectId, setProjectId] = useState(projects.length === 1 ? projects[0].id : '');
  const [text, setText] = useState('');
  const { errors, failure, sending, edited, submit } = useSubmitForm(NO_PHOTOS);

  const send = () =>
    submit(
      () => validate(EnquiryInputs.submit, { requestId, kind, text, projectId: projectId || undefined }),
      (input) => callEnquiry('submit', input),
      (data) => onSent(data.enquiry),
    );

  return (
    <View id='enquiry-form'>
      <View className='card'>
        <KindChips idPrefix='enquiry-kind' value={kind} onChange={edited('kind', setKind)} error={errors.kind} />
        {projects.length > 0 ? (
          <View className='field'>
            <View className='field__label'>
              <Text>
                关于哪套房屋<Text className='field__hint'>（选填）</Text>
              </Text>
            </View>
            <View className='chips'>
              {projects.map((p) => (
                <View
                  key={p.id}
                  id={`enquiry-project-${p.id}`}
                  className={`chip${p.id === projectId ? ' chip--active' : ''}`}
                  onClick={() => edited('projectId', setProjectId)(p.id === projectId ? '' : p.id)}
                >
                  {p.name}
                </View>
              ))}
            </View>
            {errors.projectId ? <View className='field__error'>{errors.projectId}</View> : null}
          </View>
        ) : null}
        <TextField id='enquiry-text' label='内容' value={text} onChange={edited('text', setText)} placeholder={PLACEHOLDERS[kind ?? 'enquiry']} max={1000} error={errors.text} />
        <Text className='muted' id='enquiry-promise'>客服会在 {replyHours} 小时内回复，回复会出现在这里和「消息」里。报修和投诉请走首页的「我的报修」「我的投诉」，处理得更快。</Text>
      </View>
      <SubmitBar id='enquiry-submit' errorId='enquiry-error' label='提交' failure={failure} sending={sending} uploading={false} onSubmit={() => void send()} />
    </View>
  );
}
