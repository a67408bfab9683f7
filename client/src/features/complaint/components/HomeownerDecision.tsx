import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ComplaintInputs, type ComplaintView } from '@shared/complaint/api';
import { validate } from '@shared/core/validation';
import { ActionButton } from '@/components/ActionButton';
import { FormButtons } from '@/components/FormButtons';
import { FailureBanner } from '@/components/FailureBanner';
import { TextField } from '@/components/TextField';
import { confirmAction } from '@/lib/feedback';
import type { ComplaintCommandRunner } from '../api/useComplaintCommand';
import { splitLabel } from '../model/status';

/** While a resolution is proposed: the homeowner accepts it, or rejects it with a reason (up a level). */
export function HomeownerDecision({ complaint: c, command }: { complaint: ComplaintView; command: ComplaintCommandRunner }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const canAccept = c.allowed.includes('accept');
  const canReject = c.allowed.includes('reject');
  if (!canAccept && !canReject) return null;
  const next = c.ladder.find((l) => l.state === 'upcoming');
  const whatNext = next
    ? `不接受的话，投诉会交给${splitLabel(next.label)[0]}复审，由他们重新给您答复。`
    : '这已是最后一级复审。不接受的话，投诉将存档，由总经理室继续跟进。';

  const accept = async () => {
    const sure = await confirmAction('接受这个处理方案？', '接受后这条投诉就关闭了。如果之后还有问题，可以再次投诉。', '接受方案');
    if (sure) await command.run('accept', { complaintId: c.id }, '已接受方案');
  };

  const submitReject = async () => {
    const checked = validate(ComplaintInputs.reject, { complaintId: c.id, reason });
    if (!checked.ok) return setReasonError(checked.fields?.reason ?? checked.message);
    setReasonError(undefined);
    const done = await command.run('reject', checked.data, next ? '已转上一级复审' : '已提交');
    if (done) {
      setRejecting(false);
      setReason('');
    }
  };

  return (
    <View className='card action-card' id='complaint-decision'>
      <View className='card__head'>
        <Text className='card__title'>您接受这个方案吗？</Text>
      </View>
      <Text className='muted'>{whatNext}</Text>
      <FailureBanner failure={command.failure} id='decision-error' />
      {rejecting ? (
        <View className='action-card__form'>
          <TextField
            id='reject-reason'
            label='不接受的原因'
            value={reason}
            onChange={(v) => {
              setReason(v);
              setReasonError(undefined);
            }}
            placeholder='请说说哪里不满意、希望怎么处理，例如：只补两个插座不够，要按原设计改'
            max={500}
            error={reasonError}
          />
          <FormButtons idPrefix='reject' submitLabel={next ? '提交，转上一级复审' : '提交'} kind='danger' busy={command.busy === 'reject'} onCancel={() => setRejecting(false)} onSubmit={() => void submitReject()} />
        </View>
      ) : (
        <View className='btn-row action-card__buttons'>
          {canReject ? (
            <ActionButton kind='danger' onClick={() => setRejecting(true)} id='complaint-reject' disabled={command.busy !== null}>
              不接受
            </ActionButton>
          ) : null}
          {canAccept ? (
            <ActionButton kind='primary' busy={command.busy === 'accept'} onClick={() => void accept()} id='complaint-accept'>
              接受方案
            </ActionButton>
          ) : null}
        </View>
      )}
    </View>
  );
}
