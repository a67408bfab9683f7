import type { Complaint } from '@shared/complaint/complaint';
import { DAY, type Millis } from '@shared/core/time';
import {
  cancelledFollowUp,
  followUpId,
  movedFollowUp,
  newFollowUp,
  windowClosesAt,
  type FollowUp,
  type FollowUpState,
} from '@shared/followup/followup';
import { reconcileFollowUps, type StoredFollowUp } from '@shared/followup/reconcile';
import { followUpPlan, type PlannedFollowUp } from '@shared/followup/schedule';
import type { Project } from '@shared/project/project';
import type { RepairTicket } from '@shared/repair/ticket';
import type { Database } from '../_platform/database';
import type { Deps } from '../_platform/ports';
import { loadFollowUpSettings } from './settings';
import { findById, findMany, withoutId } from '../_platform/store';

/**
 * A follow-up whose window closed more than this many days before it is planned is stored 'expired'
 * instead of pending: an imported project completed two years ago must not flood customer service
 * with phone tasks. One closed more recently stays pending, so the dispatcher turns it into a phone
 * task and nothing is silently lost. A constant, not a setting: it guards data entry, not service.
 */
export const LATE_GRACE_DAYS = 30;

/** A project has at most ~40 follow-ups, and far fewer repairs and complaints than this. */
const PER_PROJECT_LIMIT = 200;

export interface FollowUpSync {
  added: number;
  moved: number;
  cancelled: number;
}

const NOTHING: FollowUpSync = { added: 0, moved: 0, cancelled: 0 };

/** Whether a window closed so long ago that the follow-up is recorded as expired rather than owed. */
function longClosed(f: Pick<FollowUp, 'windowEnd'>, now: Millis): boolean {
  return now - windowClosesAt(f) > LATE_GRACE_DAYS * DAY;
}

/** The follow-up as it is stored: pending, or expired when its window closed long ago. */
function settled(f: Omit<FollowUp, '_id'>, now: Millis): Omit<FollowUp, '_id'> {
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
 * Brings a project's stored follow-ups in line with its plan (DOMAIN §3): what its milestones,
 * resolved repairs and proposed complaint resolutions call for is added once, a pending one follows a
 * corrected milestone, one no longer called for is cancelled. Sent or answered ones are never touched.
 * Each write is its own transaction that re-reads the follow-up, because the dispatcher may be
 * changing it at the same moment. Idempotent: running it again changes nothing.
 */
export async function syncFollowUps(db: Database, projectId: string, now: Millis): Promise<FollowUpSync> {
  const project = await findById<Project>(db, 'projects', projectId);
  if (!project) return NOTHING;
  const [settings, repairs, complaints, stored] = await Promise.all([
    loadFollowUpSettings(db),
    findMany<RepairTicket>(db.collection('repairs').where({ projectId }), PER_PROJECT_LIMIT),
    findMany<Complaint>(db.collection('complaints').where({ projectId }), PER_PROJECT_LIMIT),
    findMany<FollowUp>(db.collection('followups').where({ projectId }), PER_PROJECT_LIMIT),
  ]);
  const plan = followUpPlan(
    {
      milestones: project.milestones,
      warrantyRegisteredBy: project.warrantyRegisteredBy,
      // the resolution of the current round: a reopen clears it, the next resolve sets it again
      repairsResolved: repairs.flatMap((t) => (t.resolution ? [{ id: t._id, at: t.resolution.at }] : [])),
      complaintsProposed: complaints.flatMap((c) => (c.proposal ? [{ id: c._id, at: c.proposal.at }] : [])),
    },
    settings.schedule,
    now,
  );
  const planned = new Map(plan.map((p) => [p.key, p]));
  const { add, move, cancel } = reconcileFollowUps(stored.map((s) => asReconciled(s, planned.get(s.key), now)), plan);

  let added = 0;
  for (const p of add) if (await addFollowUp(db, project, p, now)) added += 1;
  let moved = 0;
  for (const p of move) if (await moveFollowUp(db, followUpId(projectId, p.key), p, now)) moved += 1;
  let cancelled = 0;
  for (const key of cancel) if (await cancelFollowUp(db, followUpId(projectId, key), now)) cancelled += 1;
  return { added, moved, cancelled };
}

/**
 * What reconciling sees of a stored follow-up. An expired one whose milestone was corrected to a date
 * that is no longer long past comes back, the way a cancelled one does; otherwise it stays expired.
 */
function asReconciled(s: FollowUp, planned: PlannedFollowUp | undefined, now: Millis): StoredFollowUp {
  const revived = s.state === 'expired' && planned !== undefined && !longClosed(planned, now);
  return { key: s.key, state: revived ? 'cancelled' : s.state, dueDate: s.dueDate, windowEnd: s.windowEnd };
}

/** Stores a newly planned follow-up under its stable id, unless another sync stored it first. */
async function addFollowUp(db: Database, project: Project, p: PlannedFollowUp, now: Millis): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const ref = tx.collection('followups').doc(followUpId(project._id, p.key));
    if ((await ref.get()).data) return false;
    await ref.set(settled(newFollowUp(project, p, now), now));
    return true;
  });
}

const MOVABLE: readonly FollowUpState[] = ['pending', 'cancelled', 'expired'];

/** Moves a follow-up that is still pending (or brings back a cancelled or expired one) to its new window. */
async function moveFollowUp(db: Database, id: string, p: PlannedFollowUp, now: Millis): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const ref = tx.collection('followups').doc(id);
    const found = (await ref.get()).data as FollowUp | null;
    if (!found || !MOVABLE.includes(found.state)) return false;
    await ref.set(settled(withoutId(movedFollowUp(found, p, now)), now));
    return true;
  });
}

/** Cancels a follow-up the plan no longer calls for, if it is still pending. */
async function cancelFollowUp(db: Database, id: string, now: Millis): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const ref = tx.collection('followups').doc(id);
    const found = (await ref.get()).data as FollowUp | null;
    if (!found || found.state !== 'pending') return false;
    await ref.set(withoutId(cancelledFollowUp(found, now)));
    return true;
  });
}

/**
 * For hooks after a command that is already stored (a repair resolved, a complaint's resolution
 * proposed): plans the follow-up it calls for, and never throws. A failure is logged; the command
 * stands, and the next sync of the project (any milestone, repair or complaint) plans what this missed.
 */
export async function syncFollowUpsSafely(deps: Pick<Deps, 'db' | 'log'>, projectId: string, now: Millis): Promise<FollowUpSync> {
  try {
    return await syncFollowUps(deps.db, projectId, now);
  } catch (error) {
    deps.log.error('follow-up sync failed', { projectId, error: error instanceof Error ? error.stack : String(error) });
    return NOTHING;
  }
}
