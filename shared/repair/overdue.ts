import { hasRole, type User } from '../core/roles';
import { fail, ok, type Result } from '../core/result';
import { cstDate, type Millis } from '../core/time';
import { OPEN_REPAIR_STATUSES, type RepairTicket } from './ticket';

/**
 * What a department manager does about a ticket past its promise (DOMAIN §5: a request past its
 * deadline escalates to the department manager): give it to another site manager, or nudge the one
 * who has it. Only on an open ticket of their own department (an admin: any).
 */
export const OverdueErrors = {
  notOpen: () => fail('REPAIR.WRONG_STATUS', '这张报修单已经修好或已关闭，无需改派或催办'),
  notOverdue: () => fail('REPAIR.NOT_OVERDUE', '这张报修单还在承诺时间内，到期未完成时才能催办'),
  sameManager: () => fail('REQUEST.INVALID', '提交的内容有误，请检查标红的项目后重试', { siteManagerId: '已经是这位项目经理负责，请选择另一位' }),
  notSiteManager: () => fail('REQUEST.INVALID', '提交的内容有误，请检查标红的项目后重试', { siteManagerId: '请选择一位项目经理' }),
  nudgedToday: () => fail('REPAIR.NUDGED_TODAY', '今天已经催办过这张报修单，项目经理已收到提醒'),
};

/** Whether the caller may act on this ticket as its department's manager. */
export function managesRepair(user: User, t: Pick<RepairTicket, 'department'>): boolean {
  return hasRole(user, 'admin') || (hasRole(user, 'deptManager') && user.department === t.department);
}

/** Gives an open ticket to another site manager; its deadlines stay as promised to the homeowner. */
export function reassignRepair(t: RepairTicket, to: User, actor: User, now: Millis, note: string): Result<RepairTicket> {
  if (!OPEN_REPAIR_STATUSES.includes(t.status)) return OverdueErrors.notOpen();
  if (!hasRole(to, 'siteManager')) return OverdueErrors.notSiteManager();
  if (to._id === t.siteManagerId) return OverdueErrors.sameManager();
  return ok({
    ...t,
    siteManagerId: to._id,
    updatedAt: now,
    history: [...t.history, { type: 'reassign', at: now, by: actor._id, role: hasRole(actor, 'deptManager') ? 'deptManager' : 'admin', status: t.status, note: note ? `改派给${to.name}：${note}` : `改派给${to.name}` }],
  });
}

/** Nudges the site manager of an overdue open ticket: at most once a CST day. */
export function nudgeRepair(t: RepairTicket, actor: User, now: Millis): Result<RepairTicket> {
  if (!OPEN_REPAIR_STATUSES.includes(t.status)) return OverdueErrors.notOpen();
  if (t.nextDeadlineAt === null || t.nextDeadlineAt > now) return OverdueErrors.notOverdue();
  if (t.history.some((e) => e.type === 'nudge' && cstDate(e.at) === cstDate(now))) return OverdueErrors.nudgedToday();
  return ok({
    ...t,
    updatedAt: now,
    history: [...t.history, { type: 'nudge', at: now, by: actor._id, role: hasRole(actor, 'deptManager') ? 'deptManager' : 'admin', status: t.status }],
  });
}
