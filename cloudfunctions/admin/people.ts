import { AdminInputs, STAFF_APP_ROLES } from '@shared/admin/api';
import { CommonErrors } from '@shared/core/errors';
import { ok } from '@shared/core/result';
import type { User } from '@shared/core/roles';
import type { Project } from '@shared/project/project';
import { action } from '../_platform/define';
import { recordAdminChange } from '../_usecases/history';
import { planProject } from '../_usecases/planning';

/** Staff (everyone with a role other than homeowner), by role and department, by name. */
export const listStaff = action({
  input: AdminInputs.listStaff,
  roles: ['admin'],
  async run({ store }, input) {
    const _ = store.command;
    const where = { roles: input.role ? input.role : _.in([...STAFF_APP_ROLES]), ...(input.department ? { department: input.department } : {}) };
    const staff = await store.users.find(where, { orderBy: [['name', 'asc']], limit: 1000 });
    return ok({ staff: staff.map((u) => ({ id: u._id, name: u.name, phone: u.phone, roles: u.roles, department: u.department ?? null })) });
  },
});

/**
 * Adds a staff member under their openid (the function logs it as "caller not registered" on their
 * first call), or changes their name, phone, roles and department. A homeowner role they hold is kept.
 * An admin cannot take away their own admin role (someone must be left to manage the system).
 */
export const saveStaff = action({
  input: AdminInputs.saveStaff,
  roles: ['admin'],
  async run({ store, user, now }, input) {
    if (input.roles.includes('deptManager') && !input.department) return CommonErrors.badRequest({ department: '部门经理需要选择部门' });
    if (input.id === user._id && !input.roles.includes('admin')) return CommonErrors.badRequest({ roles: '不能取消自己的管理员角色' });
    const saved = await store.transaction(async (tx) => {
      const users = store.users.within(tx);
      const before = await users.get(input.id);
      const roles = before?.roles.includes('homeowner') ? (['homeowner', ...input.roles] as User['roles']) : input.roles;
      const after: User = { ...(before ?? {}), _id: input.id, name: input.name, phone: input.phone, roles, ...(input.department ? { department: input.department } : {}) };
      if (!input.department) delete after.department;
      await users.put(after);
      await recordAdminChange(store.adminHistory.within(tx), { kind: 'staff', ref: `users/${input.id}`, before, after, by: user, at: now });
      return after;
    });
    return ok({ staff: { id: saved._id, name: saved.name, phone: saved.phone, roles: saved.roles, department: saved.department ?? null } });
  },
});

/**
 * Adds a site (a project) or changes its name, address, department, site manager, homeowner and staff.
 * The site manager must hold that role, the homeowner must be a homeowner. Milestones are recorded
 * through `project.recordMilestone`; a new site is planned at once and by the planner from then on.
 */
export const saveSite = action({
  input: AdminInputs.saveSite,
  roles: ['admin'],
  async run({ store, user, now, deps }, input) {
    const people = await store.users.getMany([input.siteManagerId, input.homeownerId]);
    const fields: Record<string, string> = {};
    if (!people.get(input.siteManagerId)?.roles.includes('siteManager')) fields.siteManagerId = '找不到这位项目经理，请先在员工中添加并给他“项目经理”角色';
    if (!people.get(input.homeownerId)?.roles.includes('homeowner')) fields.homeownerId = '找不到这位业主';
    if (Object.keys(fields).length) return CommonErrors.badRequest(fields);
    const site = await store.transaction(async (tx) => {
      const projects = store.projects.within(tx);
      const before = await projects.get(input.id);
      // the homeowner's follow-ups, repairs and complaints belong to them: a new homeowner binds through an invite code
      if (before && before.homeownerId !== input.homeownerId) return CommonErrors.badRequest({ homeownerId: '已有业主的工地不能直接更换业主，请为新业主生成邀请码（createInvite）' });
      const after: Project = {
        milestones: {}, createdAt: now, planAt: now,
        ...(before ?? {}),
        _id: input.id, name: input.name, address: input.address, department: input.department,
        siteManagerId: input.siteManagerId, homeownerId: input.homeownerId, staff: input.staff,
      };
      await projects.put(after);
      await recordAdminChange(store.adminHistory.within(tx), { kind: 'site', ref: `projects/${input.id}`, before, after, by: user, at: now });
      return ok(after);
    });
    if (!site.ok) return site;
    await planProject(store, site.data._id, now, deps.log);
    const p = site.data;
    return ok({ site: { id: p._id, name: p.name, address: p.address, department: p.department, siteManagerId: p.siteManagerId, homeownerId: p.homeownerId, staff: p.staff } });
  },
});

