import { maskPhone } from '@shared/core/privacy';
import { fail, ok, type Result } from '@shared/core/result';
import { hasRole, type User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import { FOLLOW_UP_STATE_LABELS, type FollowUp } from '@shared/followup/followup';
import { FOLLOW_UP_LABELS } from '@shared/followup/schedule';
import { ProjectInputs, type ProjectDetail, type ProjectListItem, type ProjectSearchHit } from '@shared/project/api';
import { checkMilestoneChange, recordableMilestones } from '@shared/project/milestones';
import { MILESTONE_LABELS, MILESTONES, type Project } from '@shared/project/project';
import { recordPersonalDataRead } from '../_usecases/audit';
import type { Database } from '../_platform/database';
import { action, defineFunction } from '../_platform/define';
import { syncFollowUps } from '../_usecases/followups';
import { findById, findByIds, findMany, withoutId } from '../_platform/store';

const MAX_HITS = 20;
const MAX_LIST = 200;
/** a project has at most ~40 follow-ups */
const MAX_FOLLOW_UPS = 200;

/** The same answer for a project that does not exist and one the caller may not see: existence does not leak. */
const notFound = () => fail('PROJECT.NOT_FOUND', '没有找到这个项目，请返回列表刷新', { projectId: '项目不存在' });

/** Site managers see the sites they run; customer service and admins see every project. */
function mayRead(user: User, p: Project): boolean {
  return hasRole(user, 'admin', 'customerService') || (hasRole(user, 'siteManager') && p.siteManagerId === user._id);
}

/** Site managers record milestones on the sites they run; admins on any. */
function mayRecord(user: User, p: Project): boolean {
  return hasRole(user, 'admin') || (hasRole(user, 'siteManager') && p.siteManagerId === user._id);
}

/**
 * Staff who take calls find the caller's project: by the homeowner's full mobile number, or by the
 * beginning of the project's name. Answers show the phone masked; every hit is an audited read.
 */
const search = action({
  input: ProjectInputs.search,
  roles: ['customerService', 'deptManager', 'admin'],
  async run({ deps, user, now }, { query }) {
    const _ = deps.db.command;
    const byPhone = /^1\d{10}$/.test(query);
    let projects: Project[];
    if (byPhone) {
      const owners = await findMany<User>(deps.db.collection('users').where({ phone: query }), MAX_HITS);
      projects = owners.length
        ? await findMany<Project>(deps.db.collection('projects').where({ homeownerId: _.in(owners.map((o) => o._id)) }), MAX_HITS)
        : [];
    } else {
      projects = await findMany<Project>(
        deps.db.collection('projects').where({ name: _.gte(query).and(_.lt(`${query}\uffff`)) }).orderBy('name', 'asc'),
        MAX_HITS,
      );
    }
    const people = await findByIds<User>(deps.db, 'users', projects.flatMap((p) => [p.homeownerId, p.siteManagerId]));
    const hits: ProjectSearchHit[] = projects.map((p) => ({
      id: p._id,
      name: p.name,
      address: p.address,
      homeownerName: people.get(p.homeownerId)?.name ?? '',
      homeownerPhone: maskPhone(people.get(p.homeownerId)?.phone ?? ''),
      siteManagerName: people.get(p.siteManagerId)?.name ?? '',
    }));
    for (const p of projects) {
      await recordPersonalDataRead(deps.db, { viewer: user, subjectId: p.homeownerId, record: `projects/${p._id}`, fields: ['name', 'address'], at: now });
    }
    return ok({ projects: hits });
  },
});

/** The projects a site manager runs, or every project for an admin; newest first. */
const mine = action({
  input: ProjectInputs.mine,
  roles: ['siteManager', 'admin'],
  async run({ deps, user }) {
    const projects = deps.db.collection('projects');
    const query = hasRole(user, 'admin') ? projects : projects.where({ siteManagerId: user._id });
    const found = await findMany<Project>(query.orderBy('createdAt', 'desc'), MAX_LIST);
    return ok({ projects: found.map(toListItem) });
  },
});

function toListItem(p: Project): ProjectListItem {
  // the contract completion date is a promise, not a stage reached
  const reached = MILESTONES.filter((m) => m !== 'plannedCompletion' && p.milestones[m]);
  const last = reached[reached.length - 1];
  const history = p.milestoneHistory ?? [];
  return {
    id: p._id,
    name: p.name,
    address: p.address,
    stage: last ? { milestone: last, label: MILESTONE_LABELS[last], date: p.milestones[last] ?? '' } : null,
    updatedAt: history.length ? history[history.length - 1].at : p.createdAt,
  };
}

/** One project with its milestones, their history and its follow-ups; the read of the homeowner's name is audited. */
const detail = action({
  input: ProjectInputs.detail,
  roles: ['siteManager', 'customerService', 'admin'],
  async run({ deps, user, now }, { projectId }) {
    const p = await findById<Project>(deps.db, 'projects', projectId);
    if (!p || !mayRead(user, p)) return notFound();
    return ok({ project: await projectDetail(deps.db, p, user, now) });
  },
});

/**
 * Records, corrects or removes one milestone, keeps the change in the project's history, then brings
 * the project's follow-ups up to date. A refusal writes nothing; recording the same date again changes
 * nothing but still re-syncs, so a retry after a failed sync plans what the first call missed.
 */
const recordMilestone = action({
  input: ProjectInputs.recordMilestone,
  roles: ['siteManager', 'admin'],
  async run({ deps, user, now }, { projectId, ...change }) {
    const outcome = await deps.db.runTransaction(async (tx): Promise<Result<Project>> => {
      const ref = tx.collection('projects').doc(projectId);
      const found = (await ref.get()).data as unknown as Project | null;
      if (!found || !mayRecord(user, found)) return notFound();
      const checked = checkMilestoneChange(found, change, { id: user._id, name: user.name }, now);
      if (!checked.ok) return checked;
      if (!checked.data.change) return ok(found);
      const { warrantyRegisteredBy: _previous, ...rest } = found;
      const by = checked.data.warrantyRegisteredBy;
      const next: Project = {
        ...rest,
        milestones: checked.data.milestones,
        ...(by ? { warrantyRegisteredBy: by } : {}),
        milestoneHistory: [...(found.milestoneHistory ?? []), checked.data.change],
      };
      await ref.set(withoutId(next));
      return ok(next);
    });
    if (!outcome.ok) return outcome;
    const followUps = await syncFollowUps(deps.db, projectId, now);
    return ok({ project: await projectDetail(deps.db, outcome.data, user, now), followUps });
  },
});

async function projectDetail(db: Database, p: Project, viewer: User, now: Millis): Promise<ProjectDetail> {
  const [people, followUps] = await Promise.all([
    findByIds<User>(db, 'users', [p.homeownerId, p.siteManagerId]),
    findMany<FollowUp>(db.collection('followups').where({ projectId: p._id }), MAX_FOLLOW_UPS),
  ]);
  const recordable = mayRecord(viewer, p) ? new Set(recordableMilestones(p.milestones)) : new Set();
  // every follow-up, cancelled and expired ones too: the office wants to see what was dropped and why
  followUps.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key));
  await recordPersonalDataRead(db, { viewer, subjectId: p.homeownerId, record: `projects/${p._id}`, fields: ['name', 'address'], at: now });
  return {
    id: p._id,
    name: p.name,
    address: p.address,
    homeownerName: people.get(p.homeownerId)?.name ?? '',
    siteManagerName: people.get(p.siteManagerId)?.name ?? '',
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

export const projectFunction = defineFunction('project', { search, mine, detail, recordMilestone });
