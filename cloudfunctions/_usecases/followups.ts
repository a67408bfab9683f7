import { fail, ok } from '@shared/core/result';
import type { Millis } from '@shared/core/time';
import { cancelledFollowUp, followUpId, movedFollowUp, newFollowUp, type FollowUp } from '@shared/followup/followup';
import { asReconciled, MOVABLE_STATES, reconcileFollowUps, settled } from '@shared/followup/reconcile';
import { followUpPlan, type PlannedFollowUp } from '@shared/followup/schedule';
import type { Project } from '@shared/project/project';
import type { Deps } from '../_platform/ports';
import type { Stores } from '../_platform/stores';
import { loadFollowUpSettings } from './settings';

/** A project has at most ~40 follow-ups, and far fewer repairs and complaints than this. */
const PER_PROJECT_LIMIT = 200;

export interface FollowUpSync {
  added: number;
  moved: number;
  cancelled: number;
}

const NOTHING: FollowUpSync = { added: 0, moved: 0, cancelled: 0 };
/** what a write that finds nothing to do answers: the follow-up changed under us, or is not ours to change */
const UNCHANGED = fail('FOLLOWUP.UNCHANGED', '回访已被其他操作更新');

/**
 * Brings a project's stored follow-ups in line with its plan (DOMAIN §3): what its milestones,
 * resolved repairs and proposed complaint resolutions call for is added once, a pending one follows a
 * corrected milestone, one no longer called for is cancelled. Sent or answered ones are never touched.
 * Each write is its own transaction that re-reads the follow-up, because the dispatcher may be
 * changing it at the same moment. Idempotent: running it again changes nothing.
 */
export async function syncFollowUps(store: Stores, projectId: string, now: Millis): Promise<FollowUpSync> {
  const project = await store.projects.get(projectId);
  if (!project) return NOTHING;
  const byProject = { limit: PER_PROJECT_LIMIT };
  const [settings, repairs, complaints, stored] = await Promise.all([
    loadFollowUpSettings(store),
    store.repairs.find({ projectId }, byProject),
    store.complaints.find({ projectId }, byProject),
    store.followups.find({ projectId }, byProject),
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
  for (const p of add) if (await addFollowUp(store, project, p, now)) added += 1;
  let moved = 0;
  for (const p of move) if (await changeFollowUp(store, followUpId(projectId, p.key), (f) => MOVABLE_STATES.includes(f.state) ? settled(movedFollowUp(f, p, now), now) : null)) moved += 1;
  let cancelled = 0;
  for (const key of cancel) if (await changeFollowUp(store, followUpId(projectId, key), (f) => (f.state === 'pending' ? cancelledFollowUp(f, now) : null))) cancelled += 1;
  return { added, moved, cancelled };
}

/** Stores a newly planned follow-up under its stable id, unless another sync stored it first. */
async function addFollowUp(store: Stores, project: Project, p: PlannedFollowUp, now: Millis): Promise<boolean> {
  const id = followUpId(project._id, p.key);
  const outcome = await store.transaction((tx) =>
    store.followups.within(tx).modify(id, (found) => (found ? UNCHANGED : ok({ ...settled(newFollowUp(project, p, now), now), _id: id }))),
  );
  return outcome.ok;
}

/** Re-reads a follow-up in a transaction and stores what `change` makes of it (null: leave it). */
async function changeFollowUp(store: Stores, id: string, change: (f: FollowUp) => FollowUp | null): Promise<boolean> {
  const outcome = await store.transaction((tx) =>
    store.followups.within(tx).modify(id, (found) => {
      const next = found ? change(found) : null;
      return next ? ok(next) : UNCHANGED;
    }),
  );
  return outcome.ok;
}

/**
 * For hooks after a command that is already stored (a repair resolved, a complaint's resolution
 * proposed): plans the follow-up it calls for, and never throws. A failure is logged; the command
 * stands, and the next sync of the project (any milestone, repair or complaint) plans what this missed.
 */
export async function syncFollowUpsSafely(store: Stores, log: Deps['log'], projectId: string, now: Millis): Promise<FollowUpSync> {
  try {
    return await syncFollowUps(store, projectId, now);
  } catch (error) {
    log.error('follow-up sync failed', { projectId, error: error instanceof Error ? error.stack : String(error) });
    return NOTHING;
  }
}
