import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RepairView } from '@shared/repair/api';
import type { Millis } from '@shared/core/time';
import { ActionButton } from '@/components/ActionButton';
import { confirmAction } from '@/lib/feedback';
import type { TicketCommand } from '../api/useTicketCommand';
import { FailureBanner } from '@/components/FailureBanner';
import { ResolveForm } from './ResolveForm';
import { ScheduleForm } from './ScheduleForm';

type Open = 'none' | 'schedule' | 'resolve';

/** The site manager's next steps on a ticket: only those the ticket allows now. */
export function StaffActions({ ticket, command, now }: { ticket: RepairView; command: TicketCommand; now: Millis }) {
  const [open, setOpen] = useState<Open>('none');
  const can = (c: RepairView['allowed'][number]) => ticket.allowed.includes(c);
  if (ticket.allowed.length === 0) return null;
  const id = ticket.id;
  const idle = command.busy === null;

  const arrive = async () => {
    const sure = await confirmAction('已到达现场？', '登记后业主会看到师傅已到现场。', '已到现场');
    if (sure) await command.run('arrive', { ticketId: id }, '已登记到场');
  };
  const close = () => {
    setOpen('none');
    command.setFailure(null);
  };

  return (
    <View className='card action-card' id='staff-actions'>
      <View className='card__head'>
        <Text className='card__title'>处理这张报修单</Text>
      </View>
      <FailureBanner failure={command.failure} />
      {open === 'schedule' ? (
        <ScheduleForm
          now={now}
          busy={command.busy === 'schedule'}
          onCancel={close}
          onSubmit={(visitAt: Millis) => void command.run('schedule', { ticketId: id, visitAt }, '已约定上门时间').then((ok) => ok && setOpen('none'))}
        />
      ) : null}
      {open === 'resolve' ? (
        <ResolveForm
          ticketId={id}
          busy={command.busy === 'resolve'}
          onCancel={close}
          onSubmit={(note, photos) => void command.run('resolve', { ticketId: id, note, photos }, '已提交维修结果').then((ok) => ok && setOpen('none'))}
        />
      ) : null}
      {open === 'none' ? (
        <View className='action-card__buttons'>
          {can('accept') ? (
            <ActionButton kind='primary' block busy={command.busy === 'accept'} onClick={() => void command.run('accept', { ticketId: id }, '已接单')} id='staff-accept'>
              接单
            </ActionButton>
          ) : null}
          {can('schedule') ? (
            <ActionButton kind={ticket.visitAt === null ? 'primary' : 'default'} block disabled={!idle} onClick={() => setOpen('schedule')} id='staff-schedule'>
              {ticket.visitAt === null ? '约定上门时间' : '改约上门时间'}
            </ActionButton>
          ) : null}
          {can('arrive') ? (
            <ActionButton kind={ticket.visitAt === null ? 'default' : 'primary'} block busy={command.busy === 'arrive'} disabled={!idle} onClick={() => void arrive()} id='staff-arrive'>
              已到现场
            </ActionButton>
          ) : null}
          {can('resolve') ? (
            <ActionButton kind='primary' block disabled={!idle} onClick={() => setOpen('resolve')} id='staff-resolve'>
              完成维修
            </ActionButton>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
