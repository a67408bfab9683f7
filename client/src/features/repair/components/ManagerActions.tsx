import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';
import type { RepairView } from '@shared/repair/api';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { useReply } from '@/hooks/useReply';
import { toastDone } from '@/lib/feedback';
import { callRepair } from '../api/callRepair';

const OPEN = ['submitted', 'accepted', 'scheduled', 'onSite', 'reopened'];

/**
 * A department manager's actions on an overdue ticket of their department: nudge the site manager
 * (once a day), or give the ticket to another site manager of the department. Shown only to those
 * the server lets list the department's site managers (anyone else sees nothing here).
 */
export function ManagerActions({ ticket, onUpdated }: { ticket: RepairView; onUpdated: (t: RepairView) => void }) {
  const load = useCallback(() => callRepair('siteManagers', { ticketId: ticket.id }), [ticket.id]);
  const { state } = useReply(load);
  const [busy, setBusy] = useState<'nudge' | 'reassign' | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  if (state.status !== 'ready' || ticket.overdue.length === 0 || !OPEN.includes(ticket.status)) return null;

  const nudge = async () => {
    setBusy('nudge');
    setFailure(null);
    const reply = await callRepair('nudge', { ticketId: ticket.id });
    setBusy(null);
    if (!reply.ok) return setFailure(reply);
    onUpdated(reply.data.ticket);
    toastDone('已提醒项目经理');
  };
  const reassign = async () => {
    if (!chosen) return setFailure({ ok: false, code: 'REQUEST.INVALID', message: '请先选择改派给哪位项目经理' });
    setBusy('reassign');
    setFailure(null);
    const reply = await callRepair('reassign', { ticketId: ticket.id, siteManagerId: chosen });
    setBusy(null);
    if (!reply.ok) return setFailure(reply);
    onUpdated(reply.data.ticket);
    toastDone('已改派');
  };

  const others = state.data.siteManagers;
  return (
    <View className='card action-card' id='manager-actions'>
      <View className='card__head'>
        <Text className='card__title'>已超时：部门经理处理</Text>
      </View>
      <FailureBanner failure={failure} id='manager-failure' />
      <ActionButton kind='primary' block busy={busy === 'nudge'} onClick={() => void nudge()} id='manager-nudge'>
        催办项目经理（每天一次）
      </ActionButton>
      <View className='field'>
        <View className='field__label'>改派给本部门其他项目经理</View>
        {others.length === 0 ? <Text className='muted'>本部门没有其他项目经理</Text> : null}
        <View className='chips'>
          {others.map((m) => (
            <View key={m.id} id={`manager-to-${m.id}`} className={`chip${chosen === m.id ? ' chip--active' : ''}`} onClick={() => setChosen(m.id)}>
              <Text>{m.name}</Text>
            </View>
          ))}
        </View>
      </View>
      {others.length ? (
        <ActionButton kind='ghost' block busy={busy === 'reassign'} onClick={() => void reassign()} id='manager-reassign'>
          改派
        </ActionButton>
      ) : null}
    </View>
  );
}
