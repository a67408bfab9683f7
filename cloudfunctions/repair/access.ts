import { fail, type Failure } from '@shared/core/result';
import { hasRole, type User } from '@shared/core/roles';
import type { RepairTicket } from '@shared/repair/ticket';

export const notFound = (): Failure => fail('REPAIR.NOT_FOUND', '没有找到这张报修单，请返回列表刷新');

/**
 * Who may read a ticket: its homeowner, its site manager, the manager of the department that owns it,
 * customer service and admins. Anyone else is told it does not exist.
 */
export function mayRead(user: User, t: RepairTicket): boolean {
  if (user._id === t.homeownerId || user._id === t.siteManagerId) return true;
  if (hasRole(user, 'customerService', 'admin')) return true;
  return hasRole(user, 'deptManager') && user.department === t.department;
}
