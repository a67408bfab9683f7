import { maskPhone } from '../core/privacy';
import { hasRole, isGeneralManager, type User } from '../core/roles';
import type { Millis } from '../core/time';
import type { Project } from '../project/project';
import type { RepairSummary, RepairView } from './api';
import { REPAIR_CATEGORY_LABELS, type RepairRules } from './categories';
import { openDeadlines } from './deadlines';
import { allowedCommands, COMMAND_ACTORS } from './lifecycle';
import { mayUrge } from './urge';
import { REPAIR_STATUS_LABELS, VISIT_SLOT_HOURS, type RepairEventType, type RepairTicket } from './ticket';

const EVENT_LABELS: Record<RepairEventType, string> = {
  submit: '提交报修',
  accept: '项目经理已接单',
  schedule: '已约定上门时间',
  arrive: '师傅到达现场',
  resolve: '维修完成',
  confirm: '业主确认修好',
  reopen: '业主重新报修',
  rate: '业主已评价',
  escalate: '超时升级',
  cancel: '业主取消了报修',
  addInfo: '业主补充了信息',
  urge: '业主催单',
  reassign: '部门经理改派项目经理',
  nudge: '部门经理催办',
};

export interface ViewContext {
  viewer: User;
  project: Pick<Project, 'name' | 'address'>;
  homeowner: Pick<User, 'name' | 'phone'>;
  siteManager: Pick<User, 'name' | 'phone'>;
  /** names of everyone in the ticket's history, by user id */
  names: Record<string, string>;
  now: Millis;
  rules: RepairRules;
}

/**
 * Who may read a ticket: its homeowner, its site manager, the manager of the department that owns it,
 * customer service and admins. Anyone else is told it does not exist.
 */
export function mayReadRepair(user: User, t: Pick<RepairTicket, 'homeownerId' | 'siteManagerId' | 'department'>): boolean {
  if (user._id === t.homeownerId || user._id === t.siteManagerId) return true;
  if (hasRole(user, 'customerService', 'admin') || isGeneralManager(user)) return true;
  return hasRole(user, 'deptManager') && user.department === t.department;
}

/** A site manager's queue: what is due soonest first; tickets with every deadline met (on site, working) after them. */
export function byNextDeadline(a: Pick<RepairTicket, 'nextDeadlineAt' | 'createdAt'>, b: Pick<RepairTicket, 'nextDeadlineAt' | 'createdAt'>): number {
  return (a.nextDeadlineAt ?? Infinity) - (b.nextDeadlineAt ?? Infinity) || a.createdAt - b.createdAt;
}

/**
 * Whether the viewer's work on this ticket needs the homeowner's full phone number: the homeowner
 * and the site manager always; the manager of the ticket's department once a promise is missed, to
 * call the homeowner about the late repair (DOMAIN §5: the overdue ticket is theirs to chase).
 */
export function seesHomeownerPhone(
  t: Pick<RepairTicket, 'homeownerId' | 'siteManagerId' | 'department' | 'nextDeadlineAt'>,
  viewer: User,
  now: Millis,
): boolean {
  if (viewer._id === t.homeownerId || viewer._id === t.siteManagerId) return true;
  const late = t.nextDeadlineAt !== null && t.nextDeadlineAt < now;
  return late && (isGeneralManager(viewer) || (viewer.roles.includes('deptManager') && viewer.department === t.department));
}

export function overdueNow(t: RepairTicket, now: Millis) {
  return openDeadlines(t)
    .filter((d) => d.dueAt < now)
    .map((d) => d.kind);
}

export function toRepairSummary(t: RepairTicket, projectName: string, now: Millis): RepairSummary {
  return {
    id: t._id,
    ref: t.ref,
    projectName,
    category: t.category,
    categoryLabel: REPAIR_CATEGORY_LABELS[t.category],
    description: t.description,
    status: t.status,
    statusLabel: REPAIR_STATUS_LABELS[t.status],
    createdAt: t.createdAt,
    nextDeadlineAt: t.nextDeadlineAt,
    overdue: overdueNow(t, now),
    visitAt: t.visitAt,
  };
}

/** The ticket as this viewer may see it: personal data limited to what their work needs. */
export function toRepairView(t: RepairTicket, c: ViewContext): RepairView {
  const role = c.viewer._id === t.homeownerId ? 'homeowner' : c.viewer._id === t.siteManagerId ? 'siteManager' : null;
  return {
    ...toRepairSummary(t, c.project.name, c.now),
    projectId: t.projectId,
    address: c.project.address,
    photos: t.photos,
    preferredVisit: t.preferredVisit,
    preferredVisitLabel: t.preferredVisit ? `${t.preferredVisit.date} ${VISIT_SLOT_HOURS[t.preferredVisit.slot].label}` : '回访中发现的问题，项目经理会和您约定上门时间',
    source: t.source ? { kind: t.source.kind, label: t.source.kind === 'phone' ? '电话回访中发现' : '回访问卷中发现' } : null,
    tracked: t.tracked,
    deadlines: { ...t.deadlines, onSiteHours: c.rules.onSiteWithinHours[t.category] },
    contactedAt: t.contactedAt,
    onSiteAt: t.onSiteAt,
    resolution: t.resolution,
    confirmedAt: t.confirmedAt,
    rating: t.rating,
    reopenCount: t.reopenCount,
    homeowner: {
      name: c.homeowner.name,
      phone: seesHomeownerPhone(t, c.viewer, c.now) ? c.homeowner.phone : maskPhone(c.homeowner.phone),
    },
    siteManager: { name: c.siteManager.name, phone: c.siteManager.phone },
    history: t.history.map((e) => ({
      type: e.type,
      label: EVENT_LABELS[e.type],
      at: e.at,
      byName: e.by === 'system' ? '系统' : (c.names[e.by] ?? ''),
      ...(e.note === undefined ? {} : { note: e.note }),
      ...(e.photos ? { photos: e.photos } : {}),
    })),
    allowed: role ? allowedCommands(t).filter((cmd) => COMMAND_ACTORS[cmd] === role) : [],
    urge: { allowed: role === 'homeowner' && mayUrge(t, c.now), lastAt: t.urgedAt ?? null },
  };
}
