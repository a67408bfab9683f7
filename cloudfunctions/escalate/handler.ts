import type { Complaint } from '@shared/complaint/complaint';
import { escalateOverdueComplaint } from '@shared/complaint/lifecycle';
import { escalateOverdueRepair } from '@shared/repair/lifecycle';
import type { RepairTicket } from '@shared/repair/ticket';
import { loadComplaintRules } from '../_usecases/complaints';
import { checked, type Database } from '../_platform/database';
import type { Deps } from '../_platform/ports';
import { withoutId } from '../_platform/store';

/** Work per run is bounded so a run ends well inside the function timeout; the next run goes on. */
export const PAGE = 50;
export const MAX_PAGES = 4;

export interface EscalationRun {
  complaints: number;
  repairs: number;
  /** true when there was more to do than one run may do */
  more: boolean;
}

/**
 * The overdue timer: finds complaints and repair tickets whose escalation is due (an indexed range
 * query on `escalateAt`, in pages) and escalates each once. Every item is re-read and changed in its
 * own transaction, so two runs at once, or a run killed half-way and run again, escalate nothing twice.
 */
export function escalateTimer(deps: Deps): () => Promise<EscalationRun> {
  return async () => {
    const now = deps.clock.now();
    const rules = await loadComplaintRules(deps.db);
    const complaints = await sweep<Complaint>(deps.db, 'complaints', now, (c) => escalateOverdueComplaint(c, now, rules));
    const repairs = await sweep<RepairTicket>(deps.db, 'repairs', now, (t) => escalateOverdueRepair(t, now));
    const run = { complaints: complaints.done, repairs: repairs.done, more: complaints.more || repairs.more };
    if (run.complaints || run.repairs) deps.log.info('escalated overdue items', { ...run });
    return run;
  };
}

async function sweep<T extends { _id: string }>(
  db: Database,
  collection: string,
  now: number,
  escalate: (doc: T) => T | null,
): Promise<{ done: number; more: boolean }> {
  let done = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    // items escalated in this run leave the range (their escalateAt moves on), so each page starts at the front
    const due = checked(
      await db.collection(collection).where({ escalateAt: db.command.lt(now) }).orderBy('escalateAt', 'asc').limit(PAGE).get(),
    ).data as unknown as T[];
    let changed = 0;
    for (const candidate of due) {
      const wrote = await db.runTransaction(async (tx) => {
        const ref = tx.collection(collection).doc(candidate._id);
        const current = (await ref.get()).data as unknown as T | null;
        const next = current ? escalate(current) : null;
        if (next) await ref.set(withoutId(next));
        return next !== null;
      });
      if (wrote) changed++;
    }
    done += changed;
    if (due.length < PAGE) return { done, more: false };
    if (changed === 0) return { done, more: true };
  }
  return { done, more: true };
}
