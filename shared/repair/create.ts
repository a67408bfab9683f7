import { fail, ok, type Result } from '../core/result';
import { cst, cstDate, DAY, type Millis } from '../core/time';
import type { Project } from '../project/project';
import type { RepairCategory, RepairRules } from './categories';
import { nextDeadline, preferredVisitEnds, repairDeadlines } from './deadlines';
import type { PreferredVisit, RepairSource, RepairTicket } from './ticket';

export interface NewRepairRequest {
  category: RepairCategory;
  description: string;
  photos: string[];
  /** null for a defect found in a follow-up: no slot was chosen */
  preferredVisit: PreferredVisit | null;
  source?: RepairSource | null;
}

/** A new ticket for a homeowner's request: assigned to the project's site manager, deadlines set. */
export function newRepairTicket(
  request: NewRepairRequest,
  project: Pick<Project, '_id' | 'homeownerId' | 'siteManagerId' | 'department'>,
  now: Millis,
  rules: RepairRules,
): Omit<RepairTicket, '_id'> {
  const base = {
    projectId: project._id,
    homeownerId: project.homeownerId,
    siteManagerId: project.siteManagerId,
    department: project.department,
    category: request.category,
    description: request.description,
    photos: request.photos,
    preferredVisit: request.preferredVisit,
    status: 'submitted' as const,
    source: request.source ?? null,
    tracked: Boolean(request.source),
    createdAt: now,
    updatedAt: now,
    deadlines: repairDeadlines(request.category, request.preferredVisit, now, rules),
    contactedAt: null,
    onSiteAt: null,
    visitAt: null,
    resolution: null,
    confirmedAt: null,
    rating: null,
    reopenCount: 0,
    breaches: [],
    escalations: [],
    history: [
      request.source
        ? { type: 'submit' as const, at: now, by: request.source.loggedBy ?? 'system', role: request.source.loggedBy ? ('customerService' as const) : ('system' as const), status: 'submitted' as const, note: request.source.kind === 'phone' ? '电话回访中业主反映需要维修' : '回访问卷中业主反映需要维修' }
        : { type: 'submit' as const, at: now, by: project.homeownerId, role: 'homeowner' as const, status: 'submitted' as const },
    ],
  };
  const next = nextDeadline(base);
  return { ...base, nextDeadlineAt: next, escalateAt: next };
}

/** The homeowner may prefer any slot from now to 30 days ahead (CST), but not one already over. */
export function checkPreferredVisit(visit: PreferredVisit, now: Millis): Result<PreferredVisit> {
  const day = cst(`${visit.date}T00:00:00`);
  if (!day.isValid() || day.format('YYYY-MM-DD') !== visit.date) {
    return fail('REPAIR.BAD_VISIT_DATE', '希望上门的日期无效，请重新选择', { 'preferredVisit.date': '日期无效' });
  }
  if (preferredVisitEnds(visit) <= now) {
    return fail('REPAIR.VISIT_SLOT_PASSED', '这个时段已经过去了，请选择之后的时间', { 'preferredVisit.slot': '时段已过' });
  }
  if (visit.date > cstDate(now + 30 * DAY)) {
    return fail('REPAIR.VISIT_TOO_FAR', '希望上门的日期请选在 30 天以内', { 'preferredVisit.date': '请选 30 天以内' });
  }
  return ok(visit);
}
