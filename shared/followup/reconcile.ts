import type { FollowUpState } from './followup';
import type { PlannedFollowUp } from './schedule';

export interface StoredFollowUp {
  key: string;
  state: FollowUpState;
  dueDate: string;
  windowEnd: string;
}

export interface Reconciliation {
  /** planned, not stored yet */
  add: PlannedFollowUp[];
  /** still pending, but a corrected milestone moved its window */
  move: PlannedFollowUp[];
  /** still pending, but no longer called for (a milestone was corrected away, a form arrived) */
  cancel: string[];
}

/**
 * Brings the stored follow-ups up to date with a new plan, by key: nothing is stored twice, a pending
 * one follows its milestone when that is corrected, and one already sent or answered is never touched.
 * A cancelled one that the plan calls for again comes back.
 */
export function reconcileFollowUps(stored: StoredFollowUp[], plan: PlannedFollowUp[]): Reconciliation {
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const planned = new Set(plan.map((p) => p.key));
  const add: PlannedFollowUp[] = [];
  const move: PlannedFollowUp[] = [];
  for (const p of plan) {
    const s = byKey.get(p.key);
    if (!s) add.push(p);
    else if ((s.state === 'pending' || s.state === 'cancelled') && (s.dueDate !== p.dueDate || s.windowEnd !== p.windowEnd || s.state === 'cancelled')) move.push(p);
  }
  const cancel = stored.filter((s) => s.state === 'pending' && !planned.has(s.key)).map((s) => s.key);
  return { add, move, cancel };
}
