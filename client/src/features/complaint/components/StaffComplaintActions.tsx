import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ComplaintInputs, type ComplaintView } from '@shared/complaint/api';
import type { Millis } from '@shared/core/time';
import { validate } from '@shared/core/validation';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import type { ComplaintCommandRunner } from '../api/useComplaintCommand';
import { EvidenceForm } from './EvidenceForm';
import { ForwardForm } from './ForwardForm';
import { PromiseForm } from './PromiseForm';
import { TextStepForm } from './TextStepForm';

type Open = 'none' | 'note' | 'promise' | 'propose' | 'forward' | 'evidence' | 'finding' | 'legal';

const BUTTONS: { step: Exclude<Open, 'none'>; label: string }[] = [
  { step: 'propose', label: '提出处理方案' },
  { step: 'promise', label: '承诺答复时间' },
  { step: 'note', label: '记录进展' },
  { step: 'evidence', label: '添加证据照片' },
  { step: 'finding', label: '写调查结论' },
  { step: 'forward', label: '改派部门' },
  { step: 'legal', label: '标记涉及法律责任' },
];

/** The steps that take one piece of text: what the form asks, and the toast once it is done. */
const TEXT_STEPS = {
  note: {
    form: { label: '处理进展（业主可以看到）', placeholder: '先致歉，只写能做到的事。例如：很抱歉让您久等，已联系项目经理，明天上午到现场查看', max: 500, submitLabel: '记录进展' },
    done: '已记录进展',
  },
  propose: {
    form: { label: '处理方案（业主确认后投诉关闭）', placeholder: '只承诺确定能做到的。例如：本周六上午返工重新铺贴厨房墙砖，费用由公司承担，完工后请您验收', max: 1000, submitLabel: '提交方案给业主' },
    done: '方案已提交',
  },
  finding: {
    form: { label: '调查结论（业主可以看到）', placeholder: '例如：经现场查看，墙砖空鼓是铺贴时砂浆不饱满所致，属施工质量问题', max: 1000, submitLabel: '保存调查结论' },
    done: '已保存调查结论',
  },
  legal: {
    form: { label: '为什么涉及法律责任（业主看不到，按规定报公安机关）', placeholder: '例如：员工私下收取现金且拒不退还', max: 300, submitLabel: '确认标记', kind: 'danger' },
    done: '已标记',
  },
} as const;

type TextStep = keyof typeof TEXT_STEPS;
const isTextStep = (o: Open): o is TextStep => o in TEXT_STEPS;

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
  const textError = (step: TextStep) => (text: string) => {
    const field = step === 'legal' ? 'note' : 'text';
    const checked = validate(ComplaintInputs[step], { complaintId, [field]: text });
    return checked.ok ? null : (checked.fields?.[field] ?? checked.message);
  };
  const runText = (step: TextStep, text: string) =>
    step === 'legal' ? command.run('legal', { complaintId, note: text }, TEXT_STEPS.legal.done) : command.run(step, { complaintId, text }, TEXT_STEPS[step].done);

  return (
    <View className='card action-card' id='staff-complaint-actions'>
      <View className='card__head'>
        <Text className='card__title'>处理这条投诉</Text>
      </View>
      <FailureBanner failure={command.failure} id='staff-complaint-error' />
      {isTextStep(open) ? (
        <TextStepForm
          key={open}
          id={open}
          {...TEXT_STEPS[open].form}
          busy={command.busy === open}
          check={textError(open)}
          onCancel={close}
          onSubmit={(text) => void runText(open, text).then(after)}
        />
      ) : null}
      {open === 'evidence' ? (
        <EvidenceForm
          complaintId={complaintId}
          busy={command.busy === 'evidence'}
          onCancel={close}
          onSubmit={(photos, note) => void command.run('evidence', { complaintId, photos, note }, '已保存证据').then(after)}
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
