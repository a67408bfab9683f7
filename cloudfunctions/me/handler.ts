import { ok } from '@shared/core/result';
import { ROLES, type User } from '@shared/core/roles';
import { MeInputs, type ProjectSummary } from '@shared/me/api';
import type { Project } from '@shared/project/project';
import { action, defineFunction } from '../_platform/define';
import { findByIds, findMany } from '../_platform/store';

const whoami = action({
  input: MeInputs.whoami,
  roles: ROLES,
  async run({ deps, user }) {
    const projects = await findMany<Project>(
      deps.db
        .collection('projects')
        .where(deps.db.command.or({ homeownerId: user._id }, { siteManagerId: user._id }))
        .orderBy('createdAt', 'desc'),
      100,
    );
    const managers = await findByIds<User>(deps.db, 'users', projects.map((p) => p.siteManagerId));
    const summaries: ProjectSummary[] = projects.map((p) => ({
      id: p._id,
      name: p.name,
      address: p.address,
      milestones: p.milestones,
      siteManagerName: managers.get(p.siteManagerId)?.name ?? '',
    }));
    return ok({
      user: { id: user._id, name: user.name, roles: user.roles, department: user.department ?? null },
      projects: summaries,
    });
  },
});

export const meFunction = defineFunction('me', { whoami });
