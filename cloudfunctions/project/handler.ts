import { maskPhone } from '@shared/core/privacy';
import { ok } from '@shared/core/result';
import type { User } from '@shared/core/roles';
import { ProjectInputs, type ProjectSearchHit } from '@shared/project/api';
import type { Project } from '@shared/project/project';
import { recordPersonalDataRead } from '../_runtime/audit';
import { action, defineFunction } from '../_runtime/define';
import { findByIds, findMany } from '../_runtime/store';

const MAX_HITS = 20;

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

export const projectFunction = defineFunction('project', { search });
