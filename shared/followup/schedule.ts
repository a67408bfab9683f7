import { cst, cstDate, type Millis } from '../core/time';
import type { Milestone } from '../project/project';

/** Every kind of service follow-up in DOMAIN §3 (holiday greetings are marketing and live with consent). */
export const FOLLOW_UP_KINDS = [
  'depositWelcome',
  'earlyStage',
  'concealedWorks',
  'midStage',
  'preCompletion',
  'lateCompletion',
  'completion',
  'proxyWarranty',
  'missingFeedbackForm',
  'warranty',
  'afterRepair',
  'afterComplaint',
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_LABELS: Record<FollowUpKind, string> = {
  depositWelcome: '订金回访',
  earlyStage: '开工初期回访',
  concealedWorks: '隐蔽工程回访',
  midStage: '中期回访',
  preCompletion: '竣工前回访',
  lateCompletion: '延期竣工回访',
  completion: '竣工回访',
  proxyWarranty: '代办保修回访',
  missingFeedbackForm: '意见反馈表回访',
  warranty: '质保期回访',
  afterRepair: '维修回访',
  afterComplaint: '投诉回访',
};

/**
 * The follow-up schedule's numbers (DOMAIN §3, seed 001). Defaults ship with the product (config.ts);
 * an admin overrides any of them in `settings/followup` without a deploy.
 */
export interface ScheduleConfig {
  /** early-stage visit: work started + offset, open for `earlyStageWindowDays` more days (001 §四: 10 … 15) */
  earlyStageOffsetDays: number;
  earlyStageWindowDays: number;
  /** days after concealed works are accepted within which to follow up */
  concealedWithinDays: number;
  /** days after the mid-stage payment within which to follow up */
  midStageWithinDays: number;
  /** the pre-completion visit is this many days before the contract completion date */
  preCompletionDaysBefore: number;
  /** a late completion is followed up again within this many days of the actual completion */
  lateCompletionWithinDays: number;
  /** days after completion + final payment + warranty (all three) within which to follow up */
  completionWithinDays: number;
  /** the proxy-warranty and missing-feedback-form follow-ups: days after the warranty was registered */
  afterWarrantyWithinDays: number;
  missingFeedbackAfterDays: number;
  /** warranty-period cadence in months: year 1, year 2, and after; up to the horizon */
  warrantyYear1EveryMonths: number;
  warrantyYear2EveryMonths: number;
  warrantyLaterEveryMonths: number;
  warrantyHorizonYears: number;
  /** how long each warranty follow-up stays open */
  warrantyWindowDays: number;
  /** after a repair is resolved / a complaint's resolution proposed: start after, open for */
  afterRepairDelayDays: number;
  afterComplaintDelayDays: number;
  afterEventWindowDays: number;
}

/** One follow-up the project is owed: open from `dueDate` to `windowEnd` (CST calendar dates, inclusive). */
export interface PlannedFollowUp {
  /** stable per project: recording or correcting a milestone re-plans without duplicating */
  key: string;
  kind: FollowUpKind;
  dueDate: string;
  windowEnd: string;
  /** what it is about, for the repair / complaint follow-ups */
  subjectId?: string;
}

/** What the plan is made from: the project's milestones and the events that call for a follow-up. */
export interface ScheduleInput {
  milestones: Partial<Record<Milestone, string>>;
  /** who registered the warranty: the homeowner in person, or a foreman/site lead for them */
  warrantyRegisteredBy?: 'homeowner' | 'proxy';
  repairsResolved: { id: string; at: Millis }[];
  complaintsProposed: { id: string; at: Millis }[];
}

const addDays = (date: string, n: number) => cst(date).add(n, 'day').format('YYYY-MM-DD');
const addMonths = (date: string, n: number) => cst(date).add(n, 'month').format('YYYY-MM-DD');
const latest = (dates: string[]) => dates.reduce((a, b) => (a > b ? a : b));

/**
 * The project's follow-up plan (DOMAIN §3), every row that its milestones and events call for, in
 * China Standard Time. Pure: `now` only decides whether a contract completion date has passed.
 */
export function followUpPlan(input: ScheduleInput, config: ScheduleConfig, now: Millis): PlannedFollowUp[] {
  const m = input.milestones;
  const plan: PlannedFollowUp[] = [];
  const add = (kind: FollowUpKind, dueDate: string, windowDays: number, key: string = kind, subjectId?: string) =>
    plan.push({ key, kind, dueDate, windowEnd: addDays(dueDate, windowDays), ...(subjectId ? { subjectId } : {}) });

  if (m.depositPaid) add('depositWelcome', m.depositPaid, 0);
  if (m.started) add('earlyStage', addDays(m.started, config.earlyStageOffsetDays), config.earlyStageWindowDays);
  if (m.concealedWorksDone) add('concealedWorks', m.concealedWorksDone, config.concealedWithinDays);
  if (m.midPayment) add('midStage', m.midPayment, config.midStageWithinDays);
  if (m.plannedCompletion && m.started) {
    const due = addDays(m.plannedCompletion, -config.preCompletionDaysBefore);
    add('preCompletion', due, Math.max(config.preCompletionDaysBefore - 1, 0));
  }
  lateCompletion(input, config, now, add);
  if (m.completed && m.finalPayment && m.warrantyRegistered) {
    add('completion', latest([m.completed, m.finalPayment, m.warrantyRegistered]), config.completionWithinDays);
  }
  if (m.warrantyRegistered && input.warrantyRegisteredBy === 'proxy') add('proxyWarranty', m.warrantyRegistered, config.afterWarrantyWithinDays);
  if (m.warrantyRegistered && !m.feedbackFormReceived) {
    add('missingFeedbackForm', addDays(m.warrantyRegistered, config.missingFeedbackAfterDays), config.afterWarrantyWithinDays);
  }
  if (m.completed) for (const months of warrantyMonths(config)) add('warranty', addMonths(m.completed, months), config.warrantyWindowDays, `warranty:${months}`);
  for (const r of input.repairsResolved) {
    add('afterRepair', addDays(cstDate(r.at), config.afterRepairDelayDays), config.afterEventWindowDays, `afterRepair:${r.id}`, r.id);
  }
  for (const c of input.complaintsProposed) {
    add('afterComplaint', addDays(cstDate(c.at), config.afterComplaintDelayDays), config.afterEventWindowDays, `afterComplaint:${c.id}`, c.id);
  }
  return plan.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.key.localeCompare(b.key)));
}

/**
 * When the contract completion date passes without completion, follow up the day after to learn the
 * new date; when the actual completion comes later than the contract date, follow up again (001 §四).
 */
function lateCompletion(
  input: ScheduleInput,
  config: ScheduleConfig,
  now: Millis,
  add: (kind: FollowUpKind, due: string, windowDays: number, key: string) => void,
): void {
  const { plannedCompletion: planned, completed } = input.milestones;
  if (!planned || !input.milestones.started) return;
  const dayAfter = addDays(planned, 1);
  if ((completed && completed > planned) || (!completed && cstDate(now) >= dayAfter)) {
    add('lateCompletion', dayAfter, config.lateCompletionWithinDays, 'lateCompletion:check');
  }
  if (completed && completed > planned) add('lateCompletion', completed, config.lateCompletionWithinDays, 'lateCompletion:done');
}

/** Months after completion of each warranty follow-up: quarterly in year 1, half-yearly in year 2, then yearly. */
export function warrantyMonths(config: ScheduleConfig): number[] {
  const horizon = config.warrantyHorizonYears * 12;
  const months: number[] = [];
  for (let mo = config.warrantyYear1EveryMonths; mo <= Math.min(12, horizon); mo += config.warrantyYear1EveryMonths) months.push(mo);
  for (let mo = 12 + config.warrantyYear2EveryMonths; mo <= Math.min(24, horizon); mo += config.warrantyYear2EveryMonths) months.push(mo);
  for (let mo = 24 + config.warrantyLaterEveryMonths; mo <= horizon; mo += config.warrantyLaterEveryMonths) months.push(mo);
  return months;
}
