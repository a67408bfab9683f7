import type { RepairCommand } from '@shared/repair/lifecycle';
import type { RepairTicket } from '@shared/repair/ticket';
import {
  repairAcceptedNotice,
  repairAssignedNotice,
  repairRatedNotice,
  repairReopenedNotice,
  repairResolvedNotice,
  repairScheduledNotice,
  repairUrgedNotice,
} from '@shared/notify/repair';
import type { ActionContext } from '../_platform/define';
import { departmentManagers, notify, notifyEach } from '../_usecases/notify';

/**
 * Who hears of a step on a ticket: the homeowner of its acceptance, visit time and resolution; the
 * site manager of a reopen and of the homeowner's rating. Each notice is keyed by the step, so a retry tells nobody twice.
 */
export async function tellAboutStep({ deps, store, now }: ActionContext, cmd: RepairCommand['type'], t: RepairTicket): Promise<void> {
  if (cmd === 'accept' || cmd === 'schedule') {
    const siteManager = await store.users.get(t.siteManagerId);
    const name = siteManager?.name ?? '项目经理';
    await notify(store, cmd === 'accept' ? repairAcceptedNotice(t, name) : repairScheduledNotice(t, name), now, deps);
  } else if (cmd === 'resolve') {
    await notify(store, repairResolvedNotice(t), now, deps);
  } else if (cmd === 'reopen') {
    const reason = t.history[t.history.length - 1]?.note ?? '';
    await notify(store, repairReopenedNotice(t, await projectName(store, t.projectId), reason), now, deps);
  } else if (cmd === 'rate') {
    const rated = repairRatedNotice(t, await projectName(store, t.projectId));
    if (rated) await notify(store, rated, now, deps);
  }
}

/** A new ticket goes to its site manager at once. */
export async function tellSiteManager({ deps, store, now }: ActionContext, t: RepairTicket): Promise<void> {
  await notify(store, repairAssignedNotice(t, await projectName(store, t.projectId)), now, deps);
}

/** 催单 reaches the ticket's site manager and the managers of its department. Answers how many were told. */
export async function tellUrged({ deps, store, now }: ActionContext, t: RepairTicket, urgedAt: number): Promise<number> {
  const managers = await departmentManagers(store, t.department);
  const to = [...new Set([t.siteManagerId, ...managers.map((m) => m._id)])];
  await notifyEach(store, to, repairUrgedNotice(t, await projectName(store, t.projectId), urgedAt), now, deps);
  return to.length;
}

async function projectName(store: ActionContext['store'], projectId: string): Promise<string> {
  return (await store.projects.get(projectId))?.name ?? '';
}
