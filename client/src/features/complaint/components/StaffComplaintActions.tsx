import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ComplaintInputs, type ComplaintView } from '@shared/complaint/api';
import type { Millis } from '@shared/core/time';
import { validate } from '@shared/core/validation';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import type { ComplaintCommandRunner } from '../api/useComplaintCommand';
import { ForwardForm } from './ForwardForm';
import { PromiseForm } from './PromiseForm';
import { TextStepForm } from './TextStepForm';

type Open = 'none' | 'note' | 'promise' | 'propose' | 'forward';

const BUTTONS: { step: Exclude<Open, 'none'>; label: string }[] = [
  { step: 'propose', label: '提出处理方案' },
  { step: 'promise', label: '承诺答复时间' },
  { step: 'note', label: '记录进展' },
  { step: 'forward', label: '改派部门' },
];

/** The steps that take one piece of text: what the form asks, and the toast once it is done. */
const TEXT_STEPS = {
  note: {
    form: { label: '处理进展（业主可以看到）', placeholder: '例如：已联系项目经理，明天上午到现场查看', max: 500, submitLabel: '记录进展' },
    done: '已记录进展',
  },
  propose: {
    form: { label: '处理方案（业主确认后投诉关闭）', placeholder: '例如：本周六上午返工重新铺贴厨房墙砖，费用由公司承担，完工后请您验收', max: 1000, submitLabel: '提交方案给业主' },
    done: '方案已提交',
  },
} as const;

/** The steps the caller may take on a complaint now: only those in `allowed`. */
export function StaffComplaintActions({ complaint: c, command, now }: { complaint: ComplaintView; command: ComplaintCommandRunner; now: Millis }) {
  const [open, setOpen] = useState<Open>('none');
  const shown = BUTTONS.filter((b) => c.allowed.includes(b.step));
  if (shown.length === 0) return null;
  const complaintId = c.id;
  const close = () => {
    setOpen('none');
    command.setFailure(null);
  };
  const after = (ok: boolean) => ok && setOpen('none');
  const textError = (schema: typeof ComplaintInputs.note | typeof ComplaintInputs.propose) => (text: string) => {
    const checked = validate(schema, { complaintId, text });
    return checked.ok ? null : (checked.fields?.text ?? checked.message);
  };

  return (
    <View className='card action-card' id='staff-complaint-actions'>
      <View className='card__head'>
        <Text className='card__title'>处理这条投诉</Text>
      </View>
      <FailureBanner failure={command.failure} id='staff-complaint-error' />
      {open === 'note' || open === 'propose' ? (
        <TextStepForm
          key={open}
          id={open}
          {...TEXT_STEPS[open].form}
          busy={command.busy === open}
          check={textError(ComplaintInputs[open])}
          onCancel={close}
          onSubmit={(text) => void command.run(open, { complaintId, text }, TEXT_STEPS[open].done).then(after)}
        />
      ) : null}
      {open === 'promise' ? (
        <PromiseForm
          complaintId={complaintId}
          now={now}
          busy={command.busy === 'promise'}
          onCancel={close}
          onSubmit={(replyAt, text) => void command.run('promise', { complaintId, replyAt, text }, '已承诺答复时间').then(after)}
        />
      ) : null}
      {open === 'forward' ? (
        <ForwardForm
          complaintId={complaintId}
          current={c.department}
          busy={command.busy === 'forward'}
          onCancel={close}
          onSubmit={(department, reason) => void command.run('forward', { complaintId, department, reason }, '已改派').then(after)}
        />
      ) : null}
      {open === 'none' ? (
        <View className='action-card__buttons'>
          {shown.map((b, i) => (
            <ActionButton key={b.step} kind={i === 0 ? 'primary' : 'default'} block onClick={() => setOpen(b.step)} id={`complaint-${b.step}`}>
              {b.label}
            </ActionButton>
          ))}
        </View>
      ) : null}
    </View>
  );
}
