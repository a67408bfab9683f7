import { complaintRulesWith, type ComplaintRules } from '@shared/complaint/categories';
import type { Complaint } from '@shared/complaint/complaint';
import { findRepeat, newComplaint, type ComplaintIntake } from '@shared/complaint/intake';
import { DAY, type Millis } from '@shared/core/time';
import type { Database } from '../_platform/database';
import { findById, findMany } from '../_platform/store';

export async function loadComplaintRules(db: Database): Promise<ComplaintRules> {
  return complaintRulesWith(await findById<Record<string, unknown>>(db, 'settings', 'complaint'));
}

/**
 * The one way a complaint enters the product, whoever opens it: a homeowner in the mini-program,
 * customer service on the phone, a survey answer that reports a problem, a repair reopened twice.
 * Routes it, sets its reply deadline, and marks a repeat. With `id`, opening the same complaint again
 * (a retry, a second timer run) answers the one already stored instead of a second one.
 */
export async function openComplaint(db: Database, intake: ComplaintIntake, now: Millis, id?: string): Promise<Complaint> {
  const rules = await loadComplaintRules(db);
  if (id) {
    const existing = await findById<Complaint>(db, 'complaints', id);
    if (existing) return existing;
  }
  const _ = db.command;
  const earlier = await findMany<Complaint>(
    db
      .collection('complaints')
      .where({ homeownerId: intake.homeownerId, category: intake.category, receivedAt: _.gte(now - rules.repeatWindowDays * DAY) })
      .orderBy('receivedAt', 'desc'),
    20,
  );
  const complaint = newComplaint(intake, findRepeat(earlier, intake, now, rules), now, rules);
  return db.runTransaction(async (tx) => {
    if (id) {
      const ref = tx.collection('complaints').doc(id);
      const again = (await ref.get()).data as unknown as Complaint | null;
      if (again) return again;
      await ref.set(complaint);
      return { _id: id, ...complaint };
    }
    const added = await tx.collection('complaints').add(complaint);
    return { _id: added.id, ...complaint };
  });
}
