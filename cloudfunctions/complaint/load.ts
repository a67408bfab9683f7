import type { ComplaintSummary, ComplaintView } from '@shared/complaint/api';
import type { Complaint } from '@shared/complaint/complaint';
import { handlesNow, toComplaintSummary, toComplaintView } from '@shared/complaint/view';
import type { User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import type { Stores } from '../_platform/stores';
import { recordPersonalDataRead } from '../_usecases/audit';
import { loadFollowUpSettings } from '../_usecases/settings';

/** Builds a complaint's view for the viewer and records a staff read of the homeowner's data. */
export async function complaintView(store: Stores, c: Complaint, viewer: User, now: Millis): Promise<ComplaintView> {
  const ids = [
    c.homeownerId,
    ...(c.firstOwnerId ? [c.firstOwnerId] : []),
    ...(c.handlerId ? [c.handlerId] : []),
    ...(c.proposal ? [c.proposal.by] : []),
    ...(c.finding ? [c.finding.by] : []),
    ...(c.legalLiability ? [c.legalLiability.by] : []),
    ...c.evidence.map((e) => e.by),
    ...c.history.map((e) => e.by),
  ];
  const [project, users, settings] = await Promise.all([
    c.projectId ? store.projects.get(c.projectId) : Promise.resolve(null),
    store.users.getMany(ids),
    loadFollowUpSettings(store),
  ]);
  const homeowner = users.get(c.homeownerId) ?? { name: '', phone: '' };
  const view = toComplaintView(c, {
    viewer,
    projectName: project?.name ?? '',
    homeowner,
    names: Object.fromEntries([...users.values()].map((u) => [u._id, u.name])),
    now,
    hotline: settings.hotline,
  });
  await recordPersonalDataRead(store, {
    viewer,
    subjectId: c.homeownerId,
    record: `complaints/${c._id}`,
    fields: handlesNow(viewer, c) ? ['name', 'phone'] : ['name'],
    at: now,
  });
  return view;
}

/** Complaints as a list shows them: project names and handler names looked up in two batched reads. */
export async function summariesOf(store: Stores, complaints: Complaint[], now: Millis): Promise<ComplaintSummary[]> {
  const [names, handlers] = await Promise.all([
    projectNamesOf(store, complaints),
    store.users.getMany(complaints.flatMap((c) => (c.handlerId ? [c.handlerId] : []))),
  ]);
  return complaints.map((c) => toComplaintSummary(c, names.get(c.projectId ?? '') ?? '', now, c.handlerId ? (handlers.get(c.handlerId)?.name ?? null) : null));
}

export async function projectNamesOf(store: Stores, complaints: Complaint[]): Promise<Map<string, string>> {
  const projects = await store.projects.getMany(complaints.flatMap((c) => (c.projectId ? [c.projectId] : [])));
  return new Map([...projects.values()].map((p) => [p._id, p.name]));
}
