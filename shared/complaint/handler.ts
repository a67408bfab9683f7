import { hasRole, type Department, type User } from '../core/roles';
import type { Complaint } from './complaint';

/**
 * First-contact ownership (首问负责制, 003): every complaint has a named person who owns it, not only a
 * department. The owner is someone of the department that owes the answer now: its department
 * manager; for customer service without a manager, a customer-service agent; failing both, an admin.
 * Among several, the one with the fewest open complaints, then the first by id, so the choice is
 * the same whoever makes it.
 */
export function handlerTiers(department: Department): ((u: User) => boolean)[] {
  const managerOf = (u: User) => hasRole(u, 'deptManager') && u.department === department;
  const tiers = [managerOf];
  if (department === 'customerService') tiers.push((u) => hasRole(u, 'customerService'));
  tiers.push((u) => hasRole(u, 'admin'));
  return tiers;
}

/** The handler among `staff` (with how many open complaints each handles now), or null when nobody fits. */
export function pickHandler(department: Department, staff: readonly User[], openCount: ReadonlyMap<string, number>): User | null {
  for (const fits of handlerTiers(department)) {
    const candidates = staff.filter(fits);
    if (!candidates.length) continue;
    const load = (u: User) => openCount.get(u._id) ?? 0;
    return [...candidates].sort((a, b) => load(a) - load(b) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))[0];
  }
  return null;
}

/** Whether the complaint must be handed to someone else: it has no handler, or moved to another department. */
export function needsHandler(before: Pick<Complaint, 'department' | 'handlerId'> | null, after: Pick<Complaint, 'department' | 'handlerId'>): boolean {
  return after.handlerId === null || (before !== null && before.department !== after.department);
}
