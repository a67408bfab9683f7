import type { Role } from '../core/roles';
import { DAY, HOUR, type Millis } from '../core/time';
import type { Project } from '../project/project';
import { escalationChain, STAFF_ROLE_LABELS, type ComplaintRules, type StaffRole } from './categories';
import { withDeadlines, type Complaint, type StaffNamed } from './complaint';

/** One record shape for every way a complaint arrives: the mini-program, a phone call, or automatically. */
export type ComplaintIntake = Pick<
  Complaint,
  'homeownerId' | 'projectId' | 'category' | 'description' | 'photos' | 'channel' | 'staff' | 'source'
> & {
  /** what the homeowner asked for; absent where nobody could ask (a survey answer, a reopened repair) */
  remedy?: string | null;
  /** who registered it: the homeowner, the customer-service agent on the phone, or 'system' */
  receivedBy: { id: string; role: Role | 'system' };
};

/** The staff member a complaint is about, from the project's team (workers are named by role only). */
export function staffNamed(project: Pick<Project, 'staff'> | null, role: StaffRole | undefined): StaffNamed | null {
  if (!role) return null;
  const named = role === 'worker' ? undefined : project?.staff[role];
  return named ? { role, id: named.id, name: named.name } : { role, id: '', name: STAFF_ROLE_LABELS[role] };
}

/** The earlier complaint this one repeats: the same homeowner and topic within the window, the latest. */
export function findRepeat(
  earlier: Pick<Complaint, '_id' | 'homeownerId' | 'category' | 'receivedAt'>[],
  intake: Pick<ComplaintIntake, 'homeownerId' | 'category'>,
  now: Millis,
  rules: ComplaintRules,
): string | null {
  const since = now - rules.repeatWindowDays * DAY;
  const same = earlier
    .filter((c) => c.homeownerId === intake.homeownerId && c.category === intake.category && c.receivedAt >= since && c.receivedAt <= now)
    .sort((a, b) => b.receivedAt - a.receivedAt);
  return same.length ? same[0]._id : null;
}

/**
 * A new complaint, routed the same day to the department its category belongs to, with its reply due
 * within 24 hours. A repeat is linked to the earlier complaint and handled with priority.
 */
export function newComplaint(intake: ComplaintIntake, repeatOf: string | null, now: Millis, rules: ComplaintRules): Omit<Complaint, '_id'> {
  const department = rules.routing[intake.category];
  const replyBy = now + rules.replyWithinHours * HOUR;
  const by = intake.receivedBy;
  return withDeadlines({
    // given out when the complaint is stored (allocateRef), in the same transaction
    ref: null,
    homeownerId: intake.homeownerId,
    projectId: intake.projectId,
    category: intake.category,
    description: intake.description,
    photos: intake.photos,
    channel: intake.channel,
    staff: intake.staff,
    source: intake.source,
    receivedAt: now,
    receivedBy: by.id,
    firstOwnerId: intake.channel === 'phone' ? by.id : null,
    chain: escalationChain(department, rules.ladder),
    level: 0,
    department,
    status: 'forwarded',
    priority: repeatOf ? 'high' : 'normal',
    repeatOf,
    replyBy,
    promisedReplyAt: null,
    nextDeadlineAt: replyBy,
    escalateAt: replyBy,
    proposal: null,
    missedDeadlines: [],
    closedAt: null,
    remedy: intake.remedy ?? null,
    // named when it is stored, from the staff of the department (assignHandler)
    handlerId: null,
    acknowledgement: { at: now, replyBy, resultBy: now + rules.resultWithinDays * DAY },
    evidence: [],
    finding: null,
    legalLiability: null,
    updatedAt: now,
    history: [
      repeatOf
        ? { type: 'received', at: now, by: by.id, role: by.role, level: 0, department, note: '同一问题再次投诉，优先处理' }
        : { type: 'received', at: now, by: by.id, role: by.role, level: 0, department },
      { type: 'forwarded', at: now, by: 'system', role: 'system', level: 0, department },
    ],
  });
}
