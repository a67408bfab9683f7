import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';
import type { RepairView } from '@shared/repair/api';
import { formatCst, type Millis } from '@shared/core/time';
import { URGE_EVERY } from '@shared/repair/urge';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { toastDone } from '@/lib/feedback';
import { callRepair } from '../api/callRepair';
import type { TicketCommand } from '../api/useTicketCommand';

const LATE = { contact: '联系您', onSite: '上门' } as const;

/**
 * 催单: when a promise made to the homeowner is past, one tap tells the site manager and the
 * department manager; once done, when the next urge is possible (at most one an hour).
 */
export function UrgeCard({ ticket: t, now, command }: { ticket: RepairView; now: Millis; command: TicketCommand }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const recently = t.urge.lastAt !== null && now - t.urge.lastAt < URGE_EVERY;
  if (!t.urge.allowed && !recently) return null;

  const urge = async () => {
    setBusy(true);
    setFailure(null);
    const reply = await callRepair('urge', { ticketId: t.id });
    setBusy(false);
    if (!reply.ok) return setFailure(reply);
    command.update(reply.data.ticket);
    toastDone('已催单');
  };

  const late = t.overdue.map((k) => LATE[k]).join('、');
  return (
    <View className='card action-card urge-card' id='repair-urge-card'>
      <View className='card__head'>
        <Text className='card__title'>{recently ? '已催单' : '已超过承诺时间'}</Text>
      </View>
      {recently && t.urge.lastAt !== null ? (
        <Text className='muted' id='repair-urge-done'>
          您在 {formatCst(t.urge.lastAt, 'HH:mm')} 催过单，项目经理和部门经理都已收到。一小时内只能催一次，{formatCst(t.urge.lastAt + URGE_EVERY, 'HH:mm')} 后可以再催。
        </Text>
      ) : (
        <Text className='muted'>项目经理没有按承诺的时间{late || '处理'}。催单会马上通知项目经理和部门经理，一小时内可以催一次。</Text>
      )}
      <FailureBanner failure={failure} id='repair-urge-error' />
      {t.urge.allowed ? (
        <ActionButton block kind='danger' busy={busy} onClick={() => void urge()} id='repair-urge'>
          催单
        </ActionButton>
      ) : null}
    </View>
  );
}
