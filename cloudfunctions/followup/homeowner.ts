import { maskPhone } from '@shared/core/privacy';
import { normalizeRef } from '@shared/core/refs';
import { fail, ok } from '@shared/core/result';
import { hasRole, type User } from '@shared/core/roles';
import { FollowUpInputs, type HomeownerHit } from '@shared/followup/api';
import { homeownerHistory, MAX_HISTORY } from '@shared/followup/history';
import { action } from '../_platform/define';
import type { Stores } from '../_platform/stores';
import { recordPersonalDataRead, recordPersonalDataReads } from '../_usecases/audit';
import { phoneRecordsReader } from '../_usecases/recordAccess';
import { PHONE_RECORD_READERS } from './phone';

const MAX_HITS = 20;
const MAX_PROJECTS = 20;
/** a project has at most ~40 follow-ups */
const MAX_FOLLOW_UPS = 500;

/** The same reply for someone who does not exist and someone who is not a homeowner. */
const notFound = () => fail('FOLLOWUP.HOMEOWNER_NOT_FOUND', '没有找到这位业主，请重新查询', { homeownerId: '业主不存在' });

/** Who the query names: homeowner ids, from a reference, a mobile number, a name or a project's name. */
async function homeownerIdsFor(store: Stores, query: string): Promise<string[]> {
  const _ = store.command;
  const ref = normalizeRef(query);
  if (ref?.kind === 'repair') return (await store.repairs.find({ ref: ref.ref }, { limit: 5 })).map((t) => t.homeownerId);
  if (ref?.kind === 'complaint') return (await store.complaints.find({ ref: ref.ref }, { limit: 5 })).map((c) => c.homeownerId);
  if (ref?.kind === 'enquiry') return (await store.enquiries.find({ ref: ref.ref }, { limit: 5 })).map((e) => e.homeownerId);
  if (/^1\d{10}$/.test(query)) return (await store.users.find({ phone: query }, { limit: MAX_HITS })).map((u) => u._id);
  const [byName, byProject] = await Promise.all([
    store.users.find({ name: query }, { limit: MAX_HITS }),
    store.projects.find({ name: _.gte(query).and(_.lt(`${query}\uffff`)) }, { orderBy: [['name', 'asc']], limit: MAX_HITS }),
  ]);
  return [...byName.map((u) => u._id), ...byProject.map((p) => p.homeownerId)];
}

/**
 * Customer service finds the homeowner on the line: by name as recorded, full mobile number, the
 * beginning of a project's name, or a BX-/TS-/ZX- reference. Phones masked; each homeowner listed is an
 * audited read of their name. Others only under an admin's live approval to read phone records.
 */
export const lookup = action({
  input: FollowUpInputs.lookup,
  roles: PHONE_RECORD_READERS,
  async run({ store, user, now }, { query }) {
    const reader = await phoneRecordsReader(store, user, now);
    if (!reader.ok) return reader;
    const ids = [...new Set(await homeownerIdsFor(store, query))].slice(0, MAX_HITS);
    const people = await store.users.getMany(ids);
    const owners = ids.map((id) => people.get(id)).filter((u): u is User => u !== undefined && hasRole(u, 'homeowner') && u.anonymisedAt === undefined);
    const projects = owners.length
      ? await store.projects.find({ homeownerId: store.command.in(owners.map((o) => o._id)) }, { limit: MAX_HITS * 5 })
      : [];
    const homeowners: HomeownerHit[] = owners.map((o) => ({
      id: o._id,
      name: o.name,
      phone: maskPhone(o.phone),
      projects: projects.filter((p) => p.homeownerId === o._id).map((p) => p.name),
    }));
    await recordPersonalDataReads(store, { viewer: user, subjects: homeowners.map((h) => ({ subjectId: h.id, record: `users/${h.id}` })), fields: ['name'], at: now, approvalId: reader.grantId });
    return ok({ homeowners });
  },
});

/**
 * One homeowner's history for customer service: their projects, repairs, complaints, enquiries,
 * follow-ups and calls in one timeline, newest first. Only this homeowner's records are read (each query is by their
 * id); the phone is masked; the read of their name and addresses is audited. The timeline shows calls:
 * staff other than customer service and admins read it only under an admin's live approval (001 §十).
 */
export const homeowner = action({
  input: FollowUpInputs.homeowner,
  roles: PHONE_RECORD_READERS,
  async run({ store, user, now }, { homeownerId }) {
    const reader = await phoneRecordsReader(store, user, now);
    if (!reader.ok) return reader;
    const person = await store.users.get(homeownerId);
    if (!person || !hasRole(person, 'homeowner')) return notFound();
    const [projects, repairs, complaints, enquiries, followUps] = await Promise.all([
      store.projects.find({ homeownerId }, { orderBy: [['createdAt', 'desc']], limit: MAX_PROJECTS }),
      store.repairs.find({ homeownerId }, { orderBy: [['createdAt', 'desc']], limit: MAX_HISTORY }),
      store.complaints.find({ homeownerId }, { orderBy: [['receivedAt', 'desc']], limit: MAX_HISTORY }),
      store.enquiries.find({ homeownerId }, { orderBy: [['receivedAt', 'desc']], limit: MAX_HISTORY }),
      store.followups.find({ homeownerId }, { limit: MAX_FOLLOW_UPS }),
    ]);
    const managers = await store.users.getMany(projects.map((p) => p.siteManagerId));
    await recordPersonalDataRead(store, { viewer: user, subjectId: homeownerId, record: `users/${homeownerId}`, fields: ['name', 'address'], at: now, approvalId: reader.grantId });
    return ok({
      homeowner: {
        id: person._id,
        name: person.name,
        phone: maskPhone(person.phone),
        projects: projects.map((p) => ({ id: p._id, name: p.name, address: p.address, siteManagerName: managers.get(p.siteManagerId)?.name ?? '' })),
      },
      history: homeownerHistory({ projects, repairs, complaints, enquiries, followUps, now }),
    });
  },
});
