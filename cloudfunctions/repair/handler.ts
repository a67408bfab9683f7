import { createHash } from 'node:crypto';
import { fail, ok } from '@shared/core/result';
import type { Project } from '@shared/project/project';
import { RepairInputs } from '@shared/repair/api';
import { REPAIR_CATEGORIES, REPAIR_CATEGORY_LABELS } from '@shared/repair/categories';
import { checkPreferredVisit, newRepairTicket } from '@shared/repair/create';
import { OPEN_REPAIR_STATUSES, type RepairTicket } from '@shared/repair/ticket';
import { toRepairSummary } from '@shared/repair/view';
import { action, defineFunction } from '../_platform/define';
import { checkPhotos } from '../_usecases/photos';
import { loadRepairRules } from '../_usecases/settings';
import { findById, findByIds, findMany } from '../_platform/store';
import { mayRead, notFound } from './access';
import { commandActions } from './commands';
import { projectNames, viewOf } from './load';
import type { User } from '@shared/core/roles';

const create = action({
  input: RepairInputs.create,
  roles: ['homeowner'],
  async run({ deps, user, now }, input) {
    const project = await findById<Project>(deps.db, 'projects', input.projectId);
    if (!project || project.homeownerId !== user._id) {
      return fail('REPAIR.PROJECT_NOT_FOUND', '没有找到这套房屋，请从首页重新进入报修', { projectId: '房屋不存在' });
    }
    const visit = checkPreferredVisit(input.preferredVisit, now);
    if (!visit.ok) return visit;
    const badPhoto = await checkPhotos(deps.files, input.photos);
    if (badPhoto) return badPhoto;
    const rules = await loadRepairRules(deps.db);
    const ticket = newRepairTicket(input, project, now, rules);
    const id = input.requestId ? requestKey(user._id, input.requestId) : null;
    const stored = await deps.db.runTransaction(async (tx) => {
      // a retried submission (same requestId) answers the ticket it made the first time
      if (id) {
        const earlier = await tx.collection('repairs').doc(id).get();
        if (earlier.data) return earlier.data as unknown as RepairTicket;
        await tx.collection('repairs').doc(id).set(ticket);
        return { _id: id, ...ticket };
      }
      const added = await tx.collection('repairs').add(ticket);
      return { _id: added.id, ...ticket };
    });
    return ok({ ticket: await viewOf(deps.db, stored, user, now, rules) });
  },
});

const mine = action({
  input: RepairInputs.mine,
  roles: ['homeowner'],
  async run({ deps, user, now }) {
    const tickets = await findMany<RepairTicket>(
      deps.db.collection('repairs').where({ homeownerId: user._id }).orderBy('createdAt', 'desc'),
      100,
    );
    const names = await projectNames(deps.db, tickets);
    return ok({ tickets: tickets.map((t) => toRepairSummary(t, names.get(t.projectId) ?? '', now)) });
  },
});

const get = action({
  input: RepairInputs.get,
  roles: ['homeowner', 'siteManager', 'deptManager', 'customerService', 'admin'],
  async run({ deps, user, now }, input) {
    const t = await findById<RepairTicket>(deps.db, 'repairs', input.ticketId);
    if (!t || !mayRead(user, t)) return notFound();
    return ok({ ticket: await viewOf(deps.db, t, user, now, await loadRepairRules(deps.db)) });
  },
});

const queue = action({
  input: RepairInputs.queue,
  roles: ['siteManager'],
  async run({ deps, user, now }) {
    const _ = deps.db.command;
    const tickets = await findMany<RepairTicket>(
      deps.db.collection('repairs').where({ siteManagerId: user._id, status: _.in([...OPEN_REPAIR_STATUSES]) }),
      500,
    );
    // what is due soonest first; tickets with every deadline met (on site, working) after them
    tickets.sort((a, b) => (a.nextDeadlineAt ?? Infinity) - (b.nextDeadlineAt ?? Infinity) || a.createdAt - b.createdAt);
    const names = await projectNames(deps.db, tickets);
    return ok({ tickets: tickets.map((t) => toRepairSummary(t, names.get(t.projectId) ?? '', now)) });
  },
});

const overdue = action({
  input: RepairInputs.overdue,
  roles: ['deptManager', 'admin'],
  async run({ deps, user, now }) {
    const _ = deps.db.command;
    const where = user.roles.includes('admin')
      ? { nextDeadlineAt: _.lt(now) }
      : { nextDeadlineAt: _.lt(now), department: user.department ?? '' };
    const tickets = await findMany<RepairTicket>(
      deps.db.collection('repairs').where(where).orderBy('nextDeadlineAt', 'asc'),
      200,
    );
    const names = await projectNames(deps.db, tickets);
    const managers = await findByIds<User>(deps.db, 'users', tickets.map((t) => t.siteManagerId));
    return ok({
      tickets: tickets.map((t) => ({
        ...toRepairSummary(t, names.get(t.projectId) ?? '', now),
        siteManagerName: managers.get(t.siteManagerId)?.name ?? '',
      })),
    });
  },
});

const categories = action({
  input: RepairInputs.categories,
  roles: ['homeowner', 'siteManager', 'deptManager', 'customerService', 'admin'],
  async run({ deps }) {
    const rules = await loadRepairRules(deps.db);
    return ok({
      categories: REPAIR_CATEGORIES.map((id) => ({ id, label: REPAIR_CATEGORY_LABELS[id], onSiteHours: rules.onSiteWithinHours[id] })),
      contactHours: rules.contactWithinHours,
    });
  },
});

/** The id a retried submission maps to: the same homeowner and request id give the same ticket. */
function requestKey(openid: string, requestId: string): string {
  return createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 32);
}

export const repairFunction = defineFunction('repair', {
  create,
  mine,
  get,
  queue,
  overdue,
  categories,
  ...commandActions,
});
