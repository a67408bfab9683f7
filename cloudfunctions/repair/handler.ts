import type { Millis } from '@shared/core/time';
import type { Stores } from '../_platform/stores';
import { isGeneralManager } from '@shared/core/roles';
import { normalizeRef } from '@shared/core/refs';
import { fail, ok } from '@shared/core/result';
import { RepairInputs } from '@shared/repair/api';
import { REPAIR_CATEGORIES, REPAIR_CATEGORY_LABELS } from '@shared/repair/categories';
import { checkPreferredVisit, newRepairTicket } from '@shared/repair/create';
import { CLOSED_REPAIR_STATUSES, OPEN_REPAIR_STATUSES, type RepairTicket } from '@shared/repair/ticket';
import { LIST_PAGE_SIZE, statusesOf } from '@shared/core/lists';
import { urgeRepair } from '@shared/repair/urge';
import { byNextDeadline, mayReadRepair, toRepairSummary } from '@shared/repair/view';
import { action, defineFunction } from '../_platform/define';
import { retryId } from '../_platform/retry';
import { checkPhotos } from '../_usecases/photos';
import { allocateRef } from '../_usecases/refs';
import { loadRepairRules } from '../_usecases/settings';
import { notFound } from './access';
import { commandActions } from './commands';
import { tellSiteManager, tellUrged } from './notices';
import { projectNames, viewOf } from './load';
import { nudge, reassign, siteManagers } from './overdue';

const create = action({
  input: RepairInputs.create,
  roles: ['homeowner'],
  async run({ deps, store, user, now }, input) {
    const project = await store.projects.get(input.projectId);
    if (!project || project.homeownerId !== user._id) {
      return fail('REPAIR.PROJECT_NOT_FOUND', '没有找到这套房屋，请从首页重新进入报修', { projectId: '房屋不存在' });
    }
    const visit = checkPreferredVisit(input.preferredVisit, now);
    if (!visit.ok) return visit;
    const badPhoto = await checkPhotos(deps.files, input.photos);
    if (badPhoto) return badPhoto;
    const rules = await loadRepairRules(store);
    const ticket = newRepairTicket(input, project, now, rules);
    const id = input.requestId ? retryId(user._id, input.requestId) : null;
    const stored = await store.transaction(async (tx) => {
      const repairs = store.repairs.within(tx);
      if (!id) return repairs.insert({ ...ticket, ref: await allocateRef(store, tx, 'repair', now) });
      // a retried submission (same requestId) replies with the ticket it made the first time, under its reference
      const made = await repairs.modify(id, async (earlier) => ok(earlier ?? { ...ticket, _id: id, ref: await allocateRef(store, tx, 'repair', now) }));
      return made.data;
    });
    // keyed by the ticket: a retried submission tells the site manager nothing new
    await tellSiteManager({ deps, store, user, now }, stored);
    return ok({ ticket: await viewOf(store, stored, user, now, rules) });
  },
});

const mine = action({
  input: RepairInputs.mine,
  roles: ['homeowner'],
  async run({ store, user, now }) {
    const tickets = await store.repairs.find({ homeownerId: user._id }, { orderBy: [['createdAt', 'desc']], limit: 100 });
    const names = await projectNames(store, tickets);
    return ok({ tickets: tickets.map((t) => toRepairSummary(t, names.get(t.projectId) ?? '', now)) });
  },
});

const get = action({
  input: RepairInputs.get,
  roles: ['homeowner', 'siteManager', 'deptManager', 'customerService', 'admin'],
  async run({ store, user, now }, input) {
    const t = await store.repairs.get(input.ticketId);
    if (!t || !mayReadRepair(user, t)) return notFound();
    return ok({ ticket: await viewOf(store, t, user, now, await loadRepairRules(store)) });
  },
});

const queue = action({
  input: RepairInputs.queue,
  roles: ['siteManager'],
  async run({ store, user, now }, view) {
    const where = { siteManagerId: user._id, status: store.command.in(statusesOf(view, OPEN_REPAIR_STATUSES, CLOSED_REPAIR_STATUSES)) };
    let tickets: RepairTicket[];
    let more = false;
    if (view.closed) {
      const found = await store.repairs.find(where, { orderBy: [['createdAt', 'desc']], skip: view.page * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE + 1 });
      more = found.length > LIST_PAGE_SIZE;
      tickets = found.slice(0, LIST_PAGE_SIZE);
    } else {
      tickets = await store.repairs.find(where, { limit: 500 });
      tickets.sort(byNextDeadline);
    }
    const names = await projectNames(store, tickets);
    return ok({ tickets: tickets.map((t) => toRepairSummary(t, names.get(t.projectId) ?? '', now)), more });
  },
});

const overdue = action({
  input: RepairInputs.overdue,
  roles: ['deptManager', 'admin'],
  async run({ store, user, now }) {
    const late = { nextDeadlineAt: store.command.lt(now) };
    // the general manager answers for every department, as an admin does (DOMAIN §6: the last level)
    const everyDepartment = user.roles.includes('admin') || isGeneralManager(user);
    const where = everyDepartment ? late : { ...late, department: user.department ?? '' };
    const tickets = await store.repairs.find(where, { orderBy: [['nextDeadlineAt', 'asc']], limit: 200 });
    return ok({ tickets: await summariesWithSiteManager(store, tickets, now) });
  },
});

/**
 * Customer service's list of repairs it tracks (DOMAIN §11): defects found in follow-ups, from opening
 * until the homeowner confirms the fix; the nearest deadline first.
 */
const tracked = action({
  input: RepairInputs.tracked,
  roles: ['customerService', 'admin'],
  async run({ store, now }) {
    const tickets = await store.repairs.find({ tracked: true, status: store.command.in([...OPEN_REPAIR_STATUSES, 'resolved']) }, { limit: 500 });
    tickets.sort(byNextDeadline);
    return ok({ tickets: await summariesWithSiteManager(store, tickets, now) });
  },
});

/**
 * 催单: the homeowner urges their overdue ticket; it reaches the site manager and the department
 * manager. At most once an hour: a second urge within the hour is refused and writes nothing.
 */
const urge = action({
  input: RepairInputs.urge,
  roles: ['homeowner'],
  async run(ctx, input) {
    const { store, user, now } = ctx;
    const outcome = await store.transaction((tx) =>
      store.repairs.within(tx).modify(input.ticketId, (found) => {
        if (!found || found.homeownerId !== user._id) return notFound();
        return urgeRepair(found, user._id, now);
      }),
    );
    if (!outcome.ok) return outcome;
    const told = await tellUrged(ctx, outcome.data, now);
    return ok({ ticket: await viewOf(store, outcome.data, user, now, await loadRepairRules(store)), told });
  },
});

const categories = action({
  input: RepairInputs.categories,
  roles: ['homeowner', 'siteManager', 'deptManager', 'customerService', 'admin'],
  async run({ store }) {
    const rules = await loadRepairRules(store);
    return ok({
      categories: REPAIR_CATEGORIES.map((id) => ({ id, label: REPAIR_CATEGORY_LABELS[id], onSiteHours: rules.onSiteWithinHours[id] })),
      contactHours: rules.contactWithinHours,
    });
  },
});

const byRef = action({
  input: RepairInputs.byRef,
  roles: ['siteManager', 'deptManager', 'customerService', 'admin'],
  async run({ store, user, now }, input) {
    const asked = normalizeRef(input.ref);
    if (!asked || asked.kind !== 'repair') {
      return fail('REQUEST.INVALID', '报修单编号的格式是 BX-日期-序号，例如 BX-20261129-0007', { ref: '请核对报修单编号' });
    }
    // only tickets this person may read; anyone else's are simply not found
    const tickets = (await store.repairs.find({ ref: asked.ref }, { limit: 5 })).filter((t) => mayReadRepair(user, t));
    const names = await projectNames(store, tickets);
    return ok({ tickets: tickets.map((t) => toRepairSummary(t, names.get(t.projectId) ?? '', now)) });
  },
});

export const repairFunction = defineFunction('repair', {
  byRef,
  create,
  mine,
  get,
  queue,
  overdue,
  tracked,
  categories,
  urge,
  reassign,
  nudge,
  siteManagers,
  ...commandActions,
});

/** Tickets as a manager's list shows them: each with its project and the site manager who has it. */
async function summariesWithSiteManager(store: Stores, tickets: RepairTicket[], now: Millis) {
  const [names, managers] = await Promise.all([projectNames(store, tickets), store.users.getMany(tickets.map((t) => t.siteManagerId))]);
  return tickets.map((t) => ({ ...toRepairSummary(t, names.get(t.projectId) ?? '', now), siteManagerName: managers.get(t.siteManagerId)?.name ?? '' }));
}
