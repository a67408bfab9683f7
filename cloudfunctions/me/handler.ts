import { ok } from '@shared/core/result';
import { hasRole, ROLES } from '@shared/core/roles';
import { milestonesDue } from '@shared/project/due';
import { MILESTONE_LABELS } from '@shared/project/project';
import { OPEN_REPAIR_STATUSES } from '@shared/repair/ticket';
import { MeInputs, type ProjectSummary } from '@shared/me/api';
import { homeRepairPromise } from '@shared/repair/promise';
import { action, defineFunction } from '../_platform/define';
import { loadFollowUpSettings, loadRepairRules } from '../_usecases/settings';
import { redeemInvite as redeem } from '../_usecases/invites';

const whoami = action({
  input: MeInputs.whoami,
  roles: ROLES,
  async run({ store, user, now }) {
    const [settings, repairRules] = await Promise.all([loadFollowUpSettings(store), loadRepairRules(store)]);
    const runsSites = hasRole(user, 'siteManager');
    const projects = await store.projects.find(store.command.or({ homeownerId: user._id }, { siteManagerId: user._id }), {
      orderBy: [['createdAt', 'desc']],
      limit: 100,
    });
    const managers = await store.users.getMany(projects.map((p) => p.siteManagerId));
    const summaries: ProjectSummary[] = projects.map((p) => ({
      id: p._id,
      name: p.name,
      address: p.address,
      milestones: p.milestones,
      siteManagerName: managers.get(p.siteManagerId)?.name ?? '',
      due: p.siteManagerId === user._id ? milestonesDue(p, now).map((d) => MILESTONE_LABELS[d.milestone]) : [],
    }));
    // a site manager's home: their open tickets (the queue's query), and how many are past a deadline
    const open = runsSites ? await store.repairs.find({ siteManagerId: user._id, status: store.command.in([...OPEN_REPAIR_STATUSES]) }, { limit: 500 }) : [];
    return ok({
      user: { id: user._id, name: user.name, roles: user.roles, department: user.department ?? null },
      projects: summaries,
      tickets: runsSites ? { open: open.length, overdue: open.filter((t) => t.nextDeadlineAt !== null && t.nextDeadlineAt < now).length } : null,
      service: {
        hotline: settings.hotline,
        deskHours: settings.deskHours,
        repairPromise: homeRepairPromise(repairRules),
        contactHours: repairRules.contactWithinHours,
        enquiryReplyHours: settings.enquiryReplyWithinHours,
      },
    });
  },
});

/**
 * A homeowner binds their WeChat to their project with the invite code the company gave them: open to a
 * WeChat user not registered yet (that is who needs it), and to a registered one adding a project.
 */
const redeemInvite = action({
  input: MeInputs.redeemInvite,
  roles: ROLES,
  guest: true,
  async run({ store, user, now }, input) {
    const bound = await redeem(store, user._id, input.code, now);
    if (!bound.ok) return bound;
    const projects = await store.projects.getMany(bound.data.projectIds);
    return ok({
      user: { id: bound.data.user._id, name: bound.data.user.name, roles: bound.data.user.roles },
      projects: [...projects.values()].map((p) => ({ id: p._id, name: p.name, address: p.address })),
    });
  },
});

export const meFunction = defineFunction('me', { whoami, redeemInvite });
