import { AdminInputs } from '@shared/admin/api';
import { checkImport, tableRows, unboundHomeownerId, type ImportInput, type ImportPlan } from '@shared/admin/importing';
import { CommonErrors } from '@shared/core/errors';
import { ok } from '@shared/core/result';
import type { User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import { action } from '../_platform/define';
import type { Stores } from '../_platform/stores';
import { stopwatch } from '../_platform/sweep';
import { planProjects } from '../_usecases/planning';
import { recordAdminChange } from '../_usecases/history';
import { createInvite } from '../_usecases/invites';

/** Of the function's 20 s, what the import may spend planning follow-ups; the planner timer does the rest. */
export const IMPORT_PLANNING_BUDGET_MS = 8_000;

/**
 * Imports staff, homeowners and projects (CSV text or JSON rows). Every row is checked first; any bad
 * row and nothing is written: REQUEST.INVALID names each one as `<table>.<row>.<field>`. When all pass,
 * staff and homeowners are stored, projects stored under their ids with the import's id (the same import
 * run again after a timeout finishes it), an invite code made for each homeowner not yet on WeChat, and
 * follow-ups planned for every project: here while the time lasts, by the planner timer for the rest.
 */
export const importData = action({
  input: AdminInputs.import,
  roles: ['admin'],
  async run({ store, user, now, deps }, input) {
    const elapsed = stopwatch();
    const checked = checkImport(input, await importContext(store, input));
    if (!checked.ok) {
      const fields: Record<string, string> = {};
      for (const r of checked.rejected) fields[`${r.table}.${r.row}.${r.field}`] = r.reason;
      return CommonErrors.badRequest(fields);
    }
    const { plan, rows } = checked;
    if (input.dryRun) return ok({ imported: false, rows, users: plan.users.length, projects: plan.projects.length, invites: [], planned: 0, plannedLater: 0 });
    await store.transaction(async (tx) => {
      await recordAdminChange(store.adminHistory.within(tx), {
        kind: 'import', ref: `imports/${input.importId}`, before: null,
        after: { rows, users: plan.users.map((u) => u._id), projects: plan.projects.map((p) => p._id) }, by: user, at: now,
      });
    });
    await storePlan(store, plan, input.importId, now);
    const invites = await invitesFor(store, plan, user, now);
    const planning = await planProjects(store, plan.projects.map((p) => p._id), now, () => elapsed() < IMPORT_PLANNING_BUDGET_MS, deps.log);
    return ok({
      imported: true, rows, users: plan.users.length, projects: plan.projects.length, invites,
      planned: planning.planned, plannedLater: plan.projects.length - planning.planned,
    });
  },
});

/** What the check needs from the store: users the rows name (by id and by phone) and projects under the same ids. */
async function importContext(store: Stores, input: ImportInput) {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const staffRows = tableRows(input.staff);
  const projectRows = tableRows(input.projects);
  const ids = [
    ...staffRows.map((r) => text(r.id)),
    ...projectRows.flatMap((r) => [text(r.siteManagerId), text(r.designerId), text(r.inspectorId), text(r.projectManagerId)]),
  ].filter(Boolean);
  const phones = [...tableRows(input.homeowners).map((r) => text(r.phone)), ...projectRows.map((r) => text(r.homeownerPhone))].filter(Boolean);
  const [users, byPhone, projects] = await Promise.all([
    store.users.getMany(ids),
    phones.length ? store.users.find({ phone: store.command.in([...new Set(phones)]) }, { limit: 1000 }) : Promise.resolve([]),
    store.projects.getMany(projectRows.map((r) => text(r.id)).filter(Boolean)),
  ]);
  const usersByPhone = new Map<string, User>();
  // a homeowner found by phone: the one bound to WeChat before the one still waiting for an invite
  for (const u of byPhone.sort((a, b) => Number(a._id.startsWith('unbound-')) - Number(b._id.startsWith('unbound-')))) if (!usersByPhone.has(u.phone)) usersByPhone.set(u.phone, u);
  return { users, usersByPhone, projects };
}

/** Writes at a time: enough to keep a 500-row import well inside the function timeout, few enough not to flood the database. */
const WRITES_AT_ONCE = 20;

async function inBatches<T>(items: T[], write: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += WRITES_AT_ONCE) await Promise.all(items.slice(i, i + WRITES_AT_ONCE).map(write));
}

async function storePlan(store: Stores, plan: ImportPlan, importId: string, now: Millis): Promise<void> {
  await inBatches(plan.users, (u) => store.users.put(u));
  const existing = await store.projects.getMany(plan.projects.map((p) => p._id));
  await inBatches(plan.projects, (p) => store.projects.put({ ...p, createdAt: existing.get(p._id)?.createdAt ?? now, importId, planAt: now }));
}

/** One open invite code per project whose homeowner is not on WeChat yet (an existing open one is reused). */
async function invitesFor(store: Stores, plan: ImportPlan, user: User, now: Millis) {
  const waiting = plan.projects.filter((p) => p.homeownerId.startsWith(unboundHomeownerId('')));
  const open = waiting.length
    ? await store.invites.find({ projectId: store.command.in(waiting.map((p) => p._id)), redeemedBy: null }, { limit: 1000 })
    : [];
  const invites = new Map<string, { projectId: string; code: string; expiresAt: Millis }>();
  await inBatches(waiting, async (p) => {
    const found = open.find((i) => i.projectId === p._id && i.expiresAt > now);
    const made = found ? { ok: true as const, data: found } : await createInvite(store, p._id, user, now);
    if (made.ok) invites.set(p._id, { projectId: p._id, code: made.data._id, expiresAt: made.data.expiresAt });
  });
  // in the order of the rows, whatever order the writes finished in
  return waiting.flatMap((p) => invites.get(p._id) ?? []);
}
