import type { Complaint } from '@shared/complaint/complaint';
import { findRepeat, newComplaint, type ComplaintIntake } from '@shared/complaint/intake';
import { ok } from '@shared/core/result';
import { DAY, type Millis } from '@shared/core/time';
import type { Stores } from '../_platform/stores';
import { tellDepartment } from './complaintNotices';
import { loadComplaintRules } from './settings';

/**
 * The one way a complaint enters the product, whoever opens it: a homeowner in the mini-program,
 * customer service on the phone, a survey answer that reports a problem, a repair reopened twice.
 * Routes it, sets its reply deadline, and marks a repeat. With `id`, opening the same complaint again
 * (a retry, a second timer run) answers the one already stored instead of a second one.
 */
export async function openComplaint(store: Stores, intake: ComplaintIntake, now: Millis, id?: string): Promise<Complaint> {
  const rules = await loadComplaintRules(store);
  if (id) {
    const existing = await store.complaints.get(id);
    if (existing) return existing;
  }
  const earlier = await store.complaints.find(
    { homeownerId: intake.homeownerId, category: intake.category, receivedAt: store.command.gte(now - rules.repeatWindowDays * DAY) },
    { orderBy: [['receivedAt', 'desc']], limit: 20 },
  );
  const complaint = newComplaint(intake, findRepeat(earlier, intake, now, rules), now, rules);
  const stored = await store.transaction(async (tx) => {
    const complaints = store.complaints.within(tx);
    if (!id) return complaints.insert(complaint);
    return (await complaints.modify(id, (again) => ok(again ?? { ...complaint, _id: id }))).data;
  });
  // the department it is routed to hears of it (keyed by complaint, level and department: told once)
  await tellDepartment(store, stored, now);
  return stored;
}
