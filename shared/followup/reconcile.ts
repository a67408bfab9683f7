import { DAY, type Millis } from '../core/time';
import { windowClosesAt, type FollowUp, type FollowUpState } from './followup';
import type { PlannedFollowUp } from './schedule';

/**
 * A follow-up whose window closed more than this many days before it is planned is stored 'expired'
 * instead of pending: an imported project completed two years ago must not flood customer service
 * with phone tasks. One closed more recently stays pending, so the dispatcher turns it into a phone
 * task and nothing is silently lost. A constant, not a setting: it guards data entry, not service.
 */
export const LATE_GRACE_DAYS = 30;

/** Follow-ups a corrected plan may still move: pending ones, and cancelled or expired ones it brings back. */
export const MOVABLE_STATES: readonly FollowUpState[] = ['pending', 'cancelled', 'expired'];

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

/** Whether a window closed so long ago that the follow-up is recorded as expired rather than owed. */
export function longClosed(f: Pick<FollowUp, 'windowEnd'>, now: Millis): boolean {
  return now - windowClosesAt(f) > LATE_GRACE_DAYS * DAY;
}

/** The follow-up as it is stored when planned or moved: pending, or expired when its window closed long ago. */
export function settled<F extends Omit<FollowUp, '_id'>>(f: F, now: Millis): F {
  if (!longClosed(f, now)) return f;
  return {
    ...f,
    state: 'expired',
    nextActionAt: null,
    hold: null,
    updatedAt: now,
    history: [...f.history, { at: now, event: 'expired', by: null, note: `回访期 ${f.dueDate} ~ ${f.windowEnd} 在录入时已结束超过 ${LATE_GRACE_DAYS} 天` }],
  };
}

/**
 * What reconciling sees of a stored follow-up. An expired one whose milestone was corrected to a date
 * that is no longer long past comes back, the way a cancelled one does; otherwise it stays expired.
 */
export function asReconciled(s: FollowUp, planned: PlannedFollowUp | undefined, now: Millis): StoredFollowUp {
  const revived = s.state === 'expired' && planned !== undefined && !longClosed(planned, now);
  return { key: s.key, state: revived ? 'cancelled' : s.state, dueDate: s.dueDate, windowEnd: s.windowEnd };
}
