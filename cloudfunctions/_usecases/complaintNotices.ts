import type { Complaint } from '@shared/complaint/complaint';
import type { Millis } from '@shared/core/time';
import { complaintOverdueNotice, complaintRoutedNotice } from '@shared/notify/complaint';
import type { Stores } from '../_platform/stores';
import { departmentHandlers, departmentManagers, notifyEach, type PushDeps } from './notify';

async function projectName(store: Stores, c: Complaint): Promise<string> {
  return c.projectId ? ((await store.projects.get(c.projectId))?.name ?? '') : '';
}

/**
 * A complaint reached a department (opened, forwarded there, or climbed to it after a rejected
 * proposal): whoever answers there is told, once per level and department.
 */
export async function tellDepartment(store: Stores, c: Complaint, now: Millis, deps?: PushDeps): Promise<void> {
  // the named handler already heard of it as theirs (complaint.assigned)
  const managers = (await departmentHandlers(store, c.department)).filter((m) => m._id !== c.handlerId);
  await notifyEach(store, managers.map((m) => m._id), complaintRoutedNotice(c, await projectName(store, c)), now, deps);
}

/** A complaint's answer was late: the managers of the department the ladder names now are told, once per missed deadline. */
export async function tellOverdue(store: Stores, c: Complaint, now: Millis, deps?: PushDeps): Promise<void> {
  const atTop = c.history[c.history.length - 1]?.type === 'overdueAtTop';
  const managers = await departmentManagers(store, c.department);
  await notifyEach(store, managers.map((m) => m._id), complaintOverdueNotice(c, await projectName(store, c), atTop), now, deps);
}
