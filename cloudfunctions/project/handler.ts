import { maskPhone } from '@shared/core/privacy';
import { ok, type Result } from '@shared/core/result';
import { hasRole, type User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import { ProjectInputs, type ProjectDetail, type ProjectSearchHit } from '@shared/project/api';
import { withMilestoneChange } from '@shared/project/milestones';
import type { Project } from '@shared/project/project';
import { mayReadProject, mayRecordMilestones, toProjectDetail, toProjectListItem } from '@shared/project/view';
import { action, defineFunction } from '../_platform/define';
import type { Stores } from '../_platform/stores';
import { recordPersonalDataRead, recordPersonalDataReads } from '../_usecases/audit';
import { syncFollowUps } from '../_usecases/followups';
import { notFound } from './access';
import { recordVisit, visits } from './visits';

const MAX_HITS = 20;
const MAX_LIST = 200;
/** a project has at most ~40 follow-ups */
const MAX_FOLLOW_UPS = 200;


/**
 * Staff who take calls find the caller's project: by the homeowner's full mobile number, or by the
 * beginning of the project's name. Replies show the phone masked; every hit is an audited read.
 */
const search = action({
  input: ProjectInputs.search,
  roles: ['customerService', 'deptManager', 'admin'],
  async run({ store, user, now }, { query }) {
    const _ = store.command;
    let projects: Project[];
    if (/^1\d{10}$/.test(query)) {
      const owners = await store.users.find({ phone: query }, { limit: MAX_HITS });
      projects = owners.length ? await store.projects.find({ homeownerId: _.in(owners.map((o) => o._id)) }, { limit: MAX_HITS }) : [];
    } else {
      projects = await store.projects.find({ name: _.gte(query).and(_.lt(`${query}\uffff`)) }, { orderBy: [['name', 'asc']], limit: MAX_HITS });
    }
    const people = await store.users.getMany(projects.flatMap((p) => [p.homeownerId, p.siteManagerId]));
    const hits: ProjectSearchHit[] = projects.map((p) => ({
      id: p._id,
      name: p.name,
      address: p.address,
      homeownerName: people.get(p.homeownerId)?.name ?? '',
      homeownerPhone: maskPhone(people.get(p.homeownerId)?.phone ?? ''),
      siteManagerName: people.get(p.siteManagerId)?.name ?? '',
    }));
    for (const p of projects) {
      await recordPersonalDataRead(store, { viewer: user, subjectId: p.homeownerId, record: `projects/${p._id}`, fields: ['name', 'address'], at: now });
    }
    return ok({ projects: hits });
  },
});

/** The projects a site manager runs, or every project for an admin; newest first. The addresses shown are an audited read. */
const mine = action({
  input: ProjectInputs.mine,
  roles: ['siteManager', 'admin'],
  async run({ store, user, now }) {
    const found = await store.projects.find(hasRole(user, 'admin') ? null : { siteManagerId: user._id }, { orderBy: [['createdAt', 'desc']], limit: MAX_LIST });
    await recordPersonalDataReads(store, { viewer: user, subjects: found.map((p) => ({ subjectId: p.homeownerId, record: `projects/${p._id}` })), fields: ['address'], at: now });
    return ok({ projects: found.map((p) => toProjectListItem(p, now)) });
  },
});

/** One project with its milestones, their history and its follow-ups; the read of the homeowner's name is audited. */
const detail = action({
  input: ProjectInputs.detail,
  roles: ['siteManager', 'customerService', 'admin'],
  async run({ store, user, now }, { projectId }) {
    const p = await store.projects.get(projectId);
    if (!p || !mayReadProject(user, p)) return notFound();
    return ok({ project: await projectDetail(store, p, user, now) });
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
  async run({ store, user, now }, { projectId, ...change }) {
    const outcome = await store.transaction((tx) =>
      store.projects.within(tx).modify(projectId, (found): Result<Project> => {
        if (!found || !mayRecordMilestones(user, found)) return notFound();
        return withMilestoneChange(found, change, { id: user._id, name: user.name }, now);
      }),
    );
    if (!outcome.ok) return outcome;
    const followUps = await syncFollowUps(store, projectId, now);
    return ok({ project: await projectDetail(store, outcome.data, user, now), followUps });
  },
});

async function projectDetail(store: Stores, p: Project, viewer: User, now: Millis): Promise<ProjectDetail> {
  const [people, followUps] = await Promise.all([
    store.users.getMany([p.homeownerId, p.siteManagerId]),
    store.followups.find({ projectId: p._id }, { limit: MAX_FOLLOW_UPS }),
  ]);
  await recordPersonalDataRead(store, { viewer, subjectId: p.homeownerId, record: `projects/${p._id}`, fields: ['name', 'address'], at: now });
  return toProjectDetail(p, {
    viewer,
    homeownerName: people.get(p.homeownerId)?.name ?? '',
    siteManagerName: people.get(p.siteManagerId)?.name ?? '',
    followUps,
  });
}

export const projectFunction = defineFunction('project', { search, mine, detail, recordMilestone, recordVisit, visits });
