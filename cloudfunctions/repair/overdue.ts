import { ok, type Result } from '@shared/core/result';
import { RepairInputs } from '@shared/repair/api';
import { managesRepair, nudgeRepair, reassignRepair } from '@shared/repair/overdue';
import type { RepairTicket } from '@shared/repair/ticket';
import { action } from '../_platform/define';
import { notify } from '../_usecases/notify';
import { loadRepairRules } from '../_usecases/settings';
import { notFound } from './access';
import { viewOf } from './load';

const page = (id: string) => `/staff/ticket/index?id=${encodeURIComponent(id)}`;

/** A department manager gives an open ticket of their department to another site manager, who is told at once. */
export const reassign = action({
  input: RepairInputs.reassign,
  roles: ['deptManager', 'admin'],
  async run({ store, user, now }, input) {
    const found = await store.repairs.get(input.ticketId);
    if (!found || !managesRepair(user, found)) return notFound();
    const to = await store.users.get(input.siteManagerId);
    const outcome = await store.transaction((tx) =>
      store.repairs.within(tx).modify(input.ticketId, (t): Result<RepairTicket> => (t ? reassignRepair(t, to ?? { _id: input.siteManagerId, name: '', phone: '', roles: [] }, user, now, input.note) : notFound())),
    );
    if (!outcome.ok) return outcome;
    const t = outcome.data;
    await notify(store, {
      key: `repair.assigned:${t._id}:${t.history.length}`, to: t.siteManagerId, kind: 'repair.assigned', title: '改派给您的报修单',
      body: `${user.name}把一张已超时的报修单改派给您，请尽快联系业主`, page: page(t._id),
    }, now);
    return ok({ ticket: await viewOf(store, t, user, now, await loadRepairRules(store)) });
  },
});

/** A department manager nudges the site manager of an overdue ticket of their department: once a day. */
export const nudge = action({
  input: RepairInputs.nudge,
  roles: ['deptManager', 'admin'],
  async run({ store, user, now }, input) {
    const found = await store.repairs.get(input.ticketId);
    if (!found || !managesRepair(user, found)) return notFound();
    const outcome = await store.transaction((tx) => store.repairs.within(tx).modify(input.ticketId, (t): Result<RepairTicket> => (t ? nudgeRepair(t, user, now) : notFound())));
    if (!outcome.ok) return outcome;
    const t = outcome.data;
    await notify(store, {
      key: `repair.urged:${t._id}:${t.history.length}`, to: t.siteManagerId, kind: 'repair.urged', title: '报修单已超时，请尽快处理',
      body: `${user.name}催办：这张报修单已超过对业主的承诺时间`, page: page(t._id),
    }, now);
    return ok({ ticket: await viewOf(store, t, user, now, await loadRepairRules(store)) });
  },
});

/** The site managers of the ticket's department other than the one who has it: whom it can be given to. */
export const siteManagers = action({
  input: RepairInputs.siteManagers,
  roles: ['deptManager', 'admin'],
  async run({ store, user }, input) {
    const t = await store.repairs.get(input.ticketId);
    if (!t || !managesRepair(user, t)) return notFound();
    const found = await store.users.find({ roles: 'siteManager', department: t.department }, { orderBy: [['name', 'asc']], limit: 200 });
    return ok({ siteManagers: found.filter((u) => u._id !== t.siteManagerId).map((u) => ({ id: u._id, name: u.name })) });
  },
});
