import { hasRole, type User } from '../core/roles';
import type { Millis } from '../core/time';
import { FOLLOW_UP_STATE_LABELS, type FollowUp } from '../followup/followup';
import { FOLLOW_UP_LABELS } from '../followup/schedule';
import type { ProjectDetail, ProjectListItem } from './api';
import { milestonesDue } from './due';
import { recordableMilestones } from './milestones';
import { MILESTONE_LABELS, MILESTONES, type Project } from './project';

/** Site managers see the sites they run; customer service and admins see every project. */
export function mayReadProject(user: User, p: Pick<Project, 'siteManagerId'>): boolean {
  return hasRole(user, 'admin', 'customerService') || (hasRole(user, 'siteManager') && p.siteManagerId === user._id);
}

/** Site managers record milestones on the sites they run; admins on any. */
export function mayRecordMilestones(user: User, p: Pick<Project, 'siteManagerId'>): boolean {
  return hasRole(user, 'admin') || (hasRole(user, 'siteManager') && p.siteManagerId === user._id);
}

/** A project in a list: the latest stage it reached (the contract completion date is a promise, not a stage). */
export function toProjectListItem(p: Project, now: Millis): ProjectListItem {
  const reached = MILESTONES.filter((m) => m !== 'plannedCompletion' && p.milestones[m]);
  const last = reached[reached.length - 1];
  const history = p.milestoneHistory ?? [];
  return {
    id: p._id,
    name: p.name,
    address: p.address,
    stage: last ? { milestone: last, label: MILESTONE_LABELS[last], date: p.milestones[last] ?? '' } : null,
    updatedAt: history.length ? history[history.length - 1].at : p.createdAt,
    due: milestonesDue(p, now),
  };
}

/**
 * One project for staff: its milestones (which of them the viewer may record), their history, and
 * every follow-up, cancelled and expired ones too (the office wants to see what was dropped and why),
 * in the order they fall due.
 */
export function toProjectDetail(
  p: Project,
  v: { viewer: User; homeownerName: string; siteManagerName: string; followUps: FollowUp[] },
): ProjectDetail {
  const recordable = new Set(mayRecordMilestones(v.viewer, p) ? recordableMilestones(p.milestones) : []);
  const followUps = [...v.followUps].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key));
  return {
    id: p._id,
    name: p.name,
    address: p.address,
    homeownerName: v.homeownerName,
    siteManagerName: v.siteManagerName,
    milestones: MILESTONES.map((m) => ({ milestone: m, label: MILESTONE_LABELS[m], date: p.milestones[m] ?? null, recordable: recordable.has(m) })),
    warrantyRegisteredBy: p.warrantyRegisteredBy ?? null,
    history: p.milestoneHistory ?? [],
    followUps: followUps.map((f) => ({
      id: f._id,
      kind: f.kind,
      label: FOLLOW_UP_LABELS[f.kind],
      dueDate: f.dueDate,
      windowEnd: f.windowEnd,
      state: f.state,
      stateLabel: FOLLOW_UP_STATE_LABELS[f.state],
    })),
  };
}
