import { fail, ok, type Result } from '../core/result';
import { formatCst, HOUR, type Millis } from '../core/time';
import { isOverdue } from './deadlines';
import type { RepairTicket } from './ticket';

/** A homeowner may urge (催单) an overdue ticket at most once in this long. */
export const URGE_EVERY: Millis = HOUR;

/** Whether the homeowner may urge the ticket now: it is overdue and was not urged within the hour. */
export function mayUrge(t: RepairTicket, now: Millis): boolean {
  return isOverdue(t, now) && (t.urgedAt === undefined || now - t.urgedAt >= URGE_EVERY);
}

/**
 * The homeowner urges an overdue ticket (催单): it reaches the site manager and the department
 * manager. At most once an hour; only while a promise made to the homeowner is past. Pure.
 */
export function urgeRepair(t: RepairTicket, by: string, now: Millis): Result<RepairTicket> {
  if (!isOverdue(t, now)) return fail('REPAIR.NOT_OVERDUE', '这张报修单还没有超过承诺的时间，超时仍未处理时可以催单');
  if (t.urgedAt !== undefined && now - t.urgedAt < URGE_EVERY) {
    return fail(
      'REPAIR.URGED_RECENTLY',
      `您在 ${formatCst(t.urgedAt, 'HH:mm')} 已催过单，项目经理和部门经理都已收到。一小时内只能催一次，${formatCst(t.urgedAt + URGE_EVERY, 'HH:mm')} 后可以再催`,
    );
  }
  return ok({
    ...t,
    urgedAt: now,
    updatedAt: now,
    history: [...t.history, { type: 'urge', at: now, by, role: 'homeowner', status: t.status, note: '业主催单，已通知项目经理和部门经理' }],
  });
}
