import { COMPLAINT_CATEGORY_LABELS } from '@shared/complaint/categories';
import { OPEN_COMPLAINT_STATUSES, type Complaint } from '@shared/complaint/complaint';
import { handlerTiers, pickHandler } from '@shared/complaint/handler';
import { findRepeat, newComplaint, type ComplaintIntake } from '@shared/complaint/intake';
import { acknowledgementText } from '@shared/complaint/remedy';
import { ok } from '@shared/core/result';
import { DEPARTMENT_LABELS, type Department, type User } from '@shared/core/roles';
import { DAY, type Millis } from '@shared/core/time';
import type { Stores } from '../_platform/stores';
import { notify } from './notify';
import { allocateRef } from './refs';
import { tellDepartment } from './complaintNotices';
import { loadComplaintRules } from './settings';

/**
 * The one way a complaint enters the product, whoever opens it: a homeowner in the mini-program,
 * customer service on the phone, a survey answer that reports a problem, a repair reopened twice.
 * Routes it, sets its reply deadline, marks a repeat, gives it its reference number and a named
 * handler, and acknowledges it (受理函): the homeowner is told, in the app and by message, who handles
 * it and by when; the staff member it is about and the handler are told too. With `id`, opening the
 * same complaint again (a retry, a second timer run) answers the one already stored, under the same
 * reference, and tells nobody twice.
 */
export async function openComplaint(store: Stores, intake: ComplaintIntake, now: Millis, id?: string): Promise<Complaint> {
  const rules = await loadComplaintRules(store);
  if (id) {
    const existing = await store.complaints.get(id);
    if (existing) {
      await acknowledge(store, existing);
      return existing;
    }
  }
  const earlier = await store.complaints.find(
    { homeownerId: intake.homeownerId, category: intake.category, receivedAt: store.command.gte(now - rules.repeatWindowDays * DAY) },
    { orderBy: [['receivedAt', 'desc']], limit: 20 },
  );
  const complaint = newComplaint(intake, findRepeat(earlier, intake, now, rules), now, rules);
  // first contact: an agent of the responsible department who took the call owns it; otherwise the department's handler
  const firstContact = intake.receivedBy.role === 'customerService' && complaint.department === 'customerService' ? intake.receivedBy.id : null;
  const handler = firstContact ?? (await chooseHandler(store, complaint.department))?._id ?? null;
  const stored = await store.transaction(async (tx) => {
    const complaints = store.complaints.within(tx);
    const made = async () => ({ ...complaint, handlerId: handler, ref: await allocateRef(store, tx, 'complaint', now) });
    if (!id) return complaints.insert(await made());
    const kept = await complaints.modify(id, async (again) => ok(again ?? { ...(await made()), _id: id }));
    return kept.data;
  });
  await acknowledge(store, stored);
  // the department it is routed to hears of it (keyed by complaint, level and department: told once)
  await tellDepartment(store, stored, now);
  return stored;
}

/** The person who should handle complaints of this department now (首问负责制), or null when there is nobody. */
export async function chooseHandler(store: Stores, department: Department): Promise<User | null> {
  const staff = await store.users.find({ roles: store.command.in(['deptManager', 'customerService', 'admin']) }, { limit: 500 });
  // only the people who could be chosen are counted: those of the first tier that has anyone
  const candidates = handlerTiers(department).map((fits) => staff.filter(fits)).find((tier) => tier.length > 0) ?? [];
  const open = await Promise.all(
    candidates.map(async (u) => [u._id, await store.complaints.count({ handlerId: u._id, status: store.command.in([...OPEN_COMPLAINT_STATUSES]) })] as const),
  );
  return pickHandler(department, candidates, new Map(open));
}

/**
 * Hands a complaint that moved to another department (re-routed, or up the review ladder) to a named
 * person there, records the hand-over in its history, and tells the new handler. Nothing changes when
 * the complaint has meanwhile moved again or already has that handler.
 */
export async function handOver(store: Stores, c: Complaint, now: Millis): Promise<Complaint> {
  const handler = await chooseHandler(store, c.department);
  if (!handler || handler._id === c.handlerId) return c;
  const outcome = await store.transaction((tx) =>
    store.complaints.within(tx).modify(c._id, (current) => {
      if (!current || current.department !== c.department || current.level !== c.level || current.handlerId === handler._id) return ok(current ?? c);
      return ok({
        ...current,
        handlerId: handler._id,
        updatedAt: now,
        history: [
          ...current.history,
          { type: 'assigned' as const, at: now, by: 'system', role: 'system' as const, level: current.level, department: current.department, note: `由${handler.name}负责处理` },
        ],
      });
    }),
  );
  await tellHandler(store, outcome.data);
  return outcome.data;
}

/** The acknowledgement and the notices of a new complaint; each is keyed by the complaint, so repeating this tells nobody twice. */
export async function acknowledge(store: Stores, c: Complaint): Promise<void> {
  const people = await store.users.getMany([c.homeownerId, ...(c.handlerId ? [c.handlerId] : []), ...(c.staff?.id ? [c.staff.id] : [])]);
  const handler = c.handlerId ? (people.get(c.handlerId) ?? null) : null;
  const at = c.acknowledgement?.at ?? c.receivedAt;
  if (c.acknowledgement && people.has(c.homeownerId)) {
    await notify(
      store,
      {
        key: `complaint.received:${c._id}`,
        to: c.homeownerId,
        kind: 'complaint.received',
        title: '投诉已受理',
        body: acknowledgementText(c, c.acknowledgement, handler?.name ?? null),
        page: `/pages/complaint/index?id=${encodeURIComponent(c._id)}`,
        ref: c.ref,
      },
      at,
    );
  }
  // the staff member it is about is told what it says (003 第十二条); workers named only by role have no account
  const about = c.staff?.id ? people.get(c.staff.id) : undefined;
  if (about && about._id !== c.homeownerId) {
    await notify(
      store,
      {
        key: `complaint.about-you:${c._id}`,
        to: about._id,
        kind: 'complaint.about-you',
        title: '有一条关于您的投诉',
        body: `${COMPLAINT_CATEGORY_LABELS[c.category]}：${clip(c.description, 60)}。由${handler ? `${handler.name}（${DEPARTMENT_LABELS[c.department]}）` : DEPARTMENT_LABELS[c.department]}调查处理，请配合说明情况。`,
        page: '/pages/index/index',
        ref: c.ref,
      },
      at,
    );
  }
  await tellHandler(store, c, handler);
}

async function tellHandler(store: Stores, c: Complaint, known?: User | null): Promise<void> {
  if (!c.handlerId) return;
  const handler = known === undefined ? await store.users.get(c.handlerId) : known;
  if (!handler) return;
  await notify(
    store,
    {
      key: `complaint.assigned:${c._id}:${c.level}:${handler._id}`,
      to: handler._id,
      kind: 'complaint.assigned',
      title: c.level > 0 ? '一条投诉转给您复审' : '一条投诉指派给您处理',
      body: `${COMPLAINT_CATEGORY_LABELS[c.category]}：${clip(c.description, 60)}`,
      page: `/staff/complaint/index?id=${encodeURIComponent(c._id)}`,
      ref: c.ref,
    },
    c.updatedAt,
  );
}

function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
