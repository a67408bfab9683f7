import { fail, ok, type Result } from '../core/result';
import { cstDate, type Millis } from '../core/time';
import {
  MILESTONE_LABELS,
  MILESTONES,
  WARRANTY_BY_LABELS,
  type Milestone,
  type MilestoneChange,
  type Project,
  type WarrantyRegisteredBy,
} from './project';

/**
 * Rules for recording a milestone (DOMAIN §2): a real date, not in the future (the contract completion
 * date excepted), in the order a renovation happens, after what it builds on, and never corrected or
 * removed without a reason.
 */

/** What a milestone needs recorded first: work on site needs a start, the warranty and form a completion. */
export const PREREQUISITE: Partial<Record<Milestone, Milestone>> = {
  concealedWorksDone: 'started',
  midPayment: 'started',
  completed: 'started',
  finalPayment: 'started',
  warrantyRegistered: 'completed',
  feedbackFormReceived: 'completed',
};

/** [later, earlier]: when both are recorded, `later` is on or after `earlier`. */
export const MILESTONE_ORDER: readonly (readonly [Milestone, Milestone])[] = [
  ['contractSigned', 'depositPaid'],
  ['started', 'contractSigned'],
  ['concealedWorksDone', 'started'],
  ['midPayment', 'concealedWorksDone'],
  ['midPayment', 'started'],
  ['completed', 'started'],
  ['completed', 'midPayment'],
  ['plannedCompletion', 'contractSigned'],
  ['plannedCompletion', 'started'],
  ['warrantyRegistered', 'completed'],
  ['feedbackFormReceived', 'started'],
  ['finalPayment', 'started'],
];

/** A contract date, set when the contract is signed: the only milestone that may lie ahead. */
const MAY_BE_AHEAD: readonly Milestone[] = ['plannedCompletion'];

const MIN_REASON_CHARS = 2;

export interface MilestoneInput {
  milestone: Milestone;
  /** 'YYYY-MM-DD' in CST; null removes the milestone */
  date: string | null;
  warrantyBy?: WarrantyRegisteredBy;
  reason?: string;
}

export interface MilestoneOutcome {
  milestones: Partial<Record<Milestone, string>>;
  warrantyRegisteredBy: WarrantyRegisteredBy | null;
  /** what to append to the history; null when nothing changed (the same date recorded again) */
  change: MilestoneChange | null;
}

const q = (m: Milestone) => `「${MILESTONE_LABELS[m]}」`;

/** Whether 'YYYY-MM-DD' names a day that exists (no 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** The milestones whose prerequisites are recorded, in project order: what staff may record now. */
export function recordableMilestones(milestones: Partial<Record<Milestone, string>>): Milestone[] {
  return MILESTONES.filter((m) => {
    const needs = PREREQUISITE[m];
    return needs === undefined || Boolean(milestones[needs]);
  });
}

/**
 * Checks one recording, correction or removal of a milestone against the project as it stands, and
 * answers the project's milestones after it with the history entry to append. Pure.
 */
export function checkMilestoneChange(
  project: Pick<Project, 'milestones' | 'warrantyRegisteredBy'>,
  input: MilestoneInput,
  by: { id: string; name: string },
  now: Millis,
): Result<MilestoneOutcome> {
  const { milestone, date } = input;
  const current = project.milestones[milestone] ?? null;
  const currentBy = project.warrantyRegisteredBy ?? null;
  if (date !== null && !isCalendarDate(date)) {
    return fail('PROJECT.BAD_DATE', `没有 ${date} 这一天，请重新选择日期`, { date: '日期不存在' });
  }
  const warrantyBy = milestone === 'warrantyRegistered' && date !== null ? (input.warrantyBy ?? currentBy) : null;
  if (milestone === 'warrantyRegistered' && date !== null && warrantyBy === null) {
    return fail('PROJECT.WARRANTY_BY_REQUIRED', '请选择保修是业主本人办理，还是工长/现场负责人代办', { warrantyBy: '请选择保修由谁办理' });
  }
  const nextBy = milestone === 'warrantyRegistered' ? warrantyBy : currentBy;
  if (date === current && nextBy === currentBy) return ok({ milestones: project.milestones, warrantyRegisteredBy: currentBy, change: null });

  const refused = date === null ? checkRemoval(project.milestones, milestone) : checkDate(project.milestones, milestone, date, now);
  if (refused) return refused;
  const reason = input.reason?.trim() ?? '';
  const correcting = current !== null;
  if (correcting && Array.from(reason).length < MIN_REASON_CHARS) {
    return fail('PROJECT.REASON_REQUIRED', `${q(milestone)}已记录为 ${current}，修改或删除请写明原因（至少 ${MIN_REASON_CHARS} 个字）`, {
      reason: `请写明原因，至少 ${MIN_REASON_CHARS} 个字`,
    });
  }

  const milestones = { ...project.milestones };
  if (date === null) delete milestones[milestone];
  else milestones[milestone] = date;
  const byNote = correcting && milestone === 'warrantyRegistered' && nextBy !== currentBy && currentBy && nextBy
    ? `（办理方式：${WARRANTY_BY_LABELS[currentBy]} → ${WARRANTY_BY_LABELS[nextBy]}）`
    : '';
  const change: MilestoneChange = {
    milestone,
    from: current,
    to: date,
    by: by.id,
    byName: by.name,
    at: now,
    reason: reason || byNote ? `${reason}${byNote}` : null,
  };
  return ok({ milestones, warrantyRegisteredBy: nextBy, change });
}

/** A new or corrected date: not ahead of today, after what it needs, in order with what is recorded. */
function checkDate(milestones: Partial<Record<Milestone, string>>, milestone: Milestone, date: string, now: Millis) {
  const today = cstDate(now);
  if (date > today && !MAY_BE_AHEAD.includes(milestone)) {
    return fail('PROJECT.DATE_IN_FUTURE', `${q(milestone)}的日期不能晚于今天（${today}），请在发生后再记录`, { date: '不能晚于今天' });
  }
  const needs = PREREQUISITE[milestone];
  if (needs && !milestones[needs]) {
    return fail('PROJECT.MILESTONE_TOO_EARLY', `请先记录${MILESTONE_LABELS[needs]}日期`, { milestone: `需要先记录${q(needs)}` });
  }
  for (const [later, earlier] of MILESTONE_ORDER) {
    const before = milestones[earlier];
    if (later === milestone && before && date < before) {
      return fail('PROJECT.MILESTONE_ORDER', `${q(milestone)}不能早于${q(earlier)}（${before}）`, { date: `不能早于${before}` });
    }
    const after = milestones[later];
    if (earlier === milestone && after && date > after) {
      return fail('PROJECT.MILESTONE_ORDER', `${q(milestone)}不能晚于已记录的${q(later)}（${after}），如有误请先修改${q(later)}`, {
        date: `不能晚于${after}`,
      });
    }
  }
  return null;
}

/** A removal: refused while a recorded milestone builds on this one. */
function checkRemoval(milestones: Partial<Record<Milestone, string>>, milestone: Milestone) {
  const dependant = MILESTONES.find((m) => PREREQUISITE[m] === milestone && milestones[m]);
  if (dependant) {
    return fail('PROJECT.MILESTONE_NEEDED', `已记录${q(dependant)}，${q(milestone)}不能删除；如有误请先删除${q(dependant)}`, {
      milestone: `${q(dependant)}需要它`,
    });
  }
  return null;
}

/**
 * The project after one recording, correction or removal of a milestone, with the change kept in its
 * history; the same project (unchanged) when the date recorded is the one already there.
 */
export function withMilestoneChange(project: Project, input: MilestoneInput, by: { id: string; name: string }, now: Millis): Result<Project> {
  const checked = checkMilestoneChange(project, input, by, now);
  if (!checked.ok) return checked;
  if (!checked.data.change) return ok(project);
  const { warrantyRegisteredBy: _previous, ...rest } = project;
  const registeredBy = checked.data.warrantyRegisteredBy;
  return ok({
    ...rest,
    milestones: checked.data.milestones,
    ...(registeredBy ? { warrantyRegisteredBy: registeredBy } : {}),
    milestoneHistory: [...(project.milestoneHistory ?? []), checked.data.change],
  });
}
