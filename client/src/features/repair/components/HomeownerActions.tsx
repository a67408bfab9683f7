import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RepairView } from '@shared/repair/api';
import { RepairInputs } from '@shared/repair/api';
import { validate } from '@shared/core/validation';
import { ActionButton } from '@/components/ActionButton';
import { FormButtons } from '@/components/FormButtons';
import { confirmAction } from '@/lib/feedback';
import type { TicketCommand } from '../api/useTicketCommand';
import { FailureBanner } from '@/components/FailureBanner';
import { TextField } from '@/components/TextField';

/** When a repair is reported fixed: the homeowner confirms it, or reopens it with a reason. */
export function HomeownerActions({ ticket, command }: { ticket: RepairView; command: TicketCommand }) {
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const canConfirm = ticket.allowed.includes('confirm');
  const canReopen = ticket.allowed.includes('reopen');
  if (!canConfirm && !canReopen) return null;

  const confirm = async () => {
    const sure = await confirmAction('确认已经修好？', '确认后这次报修就完成了，之后可以为这次维修打分。', '确认修好');
    if (sure) await command.run('confirm', { ticketId: ticket.id }, '已确认修好');
  };

  const submitReopen = async () => {
    const checked = validate(RepairInputs.reopen, { ticketId: ticket.id, reason });
    if (!checked.ok) return setReasonError(checked.fields?.reason ?? checked.message);
    setReasonError(undefined);
    const done = await command.run('reopen', { ticketId: ticket.id, reason: checked.data.reason }, '已重新报修');
    if (done) {
      setReopening(false);
      setReason('');
    }
  };

  return (
    <View className='card action-card' id='homeowner-actions'>
      <View className='card__head'>
        <Text className='card__title'>修好了吗？</Text>
      </View>
      <Text className='muted'>请看一下维修结果。没修好可以重新报修，我们会重新安排上门。</Text>
      <FailureBanner failure={command.failure} />
      {reopening ? (
        <View className='action-card__form'>
          <TextField
            id='reopen-reason'
            label='还有什么问题'
            value={reason}
            onChange={(v) => {
              setReason(v);
              setReasonError(undefined);
            }}
            placeholder='请说说哪里还没修好，例如：插座还是一用就跳闸'
            max={300}
            error={reasonError}
          />
          <FormButtons idPrefix='reopen' submitLabel='提交重新报修' kind='danger' busy={command.busy === 'reopen'} onCancel={() => setReopening(false)} onSubmit={() => void submitReopen()} />
        </View>
      ) : (
        <View className='btn-row action-card__buttons'>
          {canReopen ? (
            <ActionButton kind='danger' onClick={() => setReopening(true)} id='repair-reopen' disabled={command.busy !== null}>
              重新报修
            </ActionButton>
          ) : null}
          {canConfirm ? (
            <ActionButton kind='primary' busy={command.busy === 'confirm'} onClick={() => void confirm()} id='repair-confirm'>
              确认修好
            </ActionButton>
          ) : null}
        </View>
      )}
    </View>
  );
}
