import type { User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import type { RepairView } from '@shared/repair/api';
import type { RepairRules } from '@shared/repair/categories';
import type { RepairTicket } from '@shared/repair/ticket';
import { seesHomeownerPhone, toRepairView } from '@shared/repair/view';
import type { Stores } from '../_platform/stores';
import { recordPersonalDataRead } from '../_usecases/audit';

const UNKNOWN = { name: '（已离职）', phone: '' };

/** Loads what a ticket's view needs, builds it for the viewer, and records staff reads of personal data. */
export async function viewOf(store: Stores, t: RepairTicket, viewer: User, now: Millis, rules: RepairRules): Promise<RepairView> {
  const [project, users] = await Promise.all([
    store.projects.get(t.projectId),
    store.users.getMany([t.homeownerId, t.siteManagerId, ...t.history.map((e) => e.by)]),
  ]);
  const names = Object.fromEntries([...users.values()].map((u) => [u._id, u.name]));
  const view = toRepairView(t, {
    viewer,
    project: project ?? { name: '', address: '' },
    homeowner: users.get(t.homeownerId) ?? UNKNOWN,
    siteManager: users.get(t.siteManagerId) ?? UNKNOWN,
    names,
    now,
    rules,
  });
  await recordPersonalDataRead(store, {
    viewer,
    subjectId: t.homeownerId,
    record: `repairs/${t._id}`,
    fields: seesHomeownerPhone(t, viewer, now) ? ['name', 'phone', 'address'] : ['name', 'address'],
    at: now,
  });
  return view;
}

/** Project names by id, for lists. */
export async function projectNames(store: Stores, tickets: RepairTicket[]): Promise<Map<string, string>> {
  const projects = await store.projects.getMany(tickets.map((t) => t.projectId));
  return new Map([...projects.values()].map((p) => [p._id, p.name]));
}
