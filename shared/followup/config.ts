import { contactWindowsSchema, DEFAULT_CONTACT_WINDOWS, type ContactWindow } from './contact';
import type { ScheduleConfig } from './schedule';
import { templatesWith, type TemplateSettings } from './templates';

// the schedule's numbers are declared beside the schedule that reads them; their defaults and overrides live here
export type { ScheduleConfig };

export const DEFAULT_SCHEDULE: ScheduleConfig = {
  earlyStageOffsetDays: 10,
  earlyStageWindowDays: 5,
  concealedWithinDays: 3,
  midStageWithinDays: 3,
  preCompletionDaysBefore: 3,
  lateCompletionWithinDays: 3,
  completionWithinDays: 10,
  afterWarrantyWithinDays: 7,
  missingFeedbackAfterDays: 7,
  warrantyYear1EveryMonths: 3,
  warrantyYear2EveryMonths: 6,
  warrantyLaterEveryMonths: 12,
  warrantyHorizonYears: 5,
  warrantyWindowDays: 15,
  afterRepairDelayDays: 1,
  afterComplaintDelayDays: 1,
  afterEventWindowDays: 3,
};

/** Admin overrides merged over the defaults; anything that is not a non-negative whole number is ignored. */
export function scheduleWith(overrides: unknown): ScheduleConfig {
  const o = (typeof overrides === 'object' && overrides !== null ? overrides : {}) as Record<string, unknown>;
  const merged = { ...DEFAULT_SCHEDULE };
  for (const key of Object.keys(DEFAULT_SCHEDULE) as (keyof ScheduleConfig)[]) {
    const v = o[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) merged[key] = v;
  }
  if (merged.warrantyYear1EveryMonths === 0) merged.warrantyYear1EveryMonths = DEFAULT_SCHEDULE.warrantyYear1EveryMonths;
  if (merged.warrantyYear2EveryMonths === 0) merged.warrantyYear2EveryMonths = DEFAULT_SCHEDULE.warrantyYear2EveryMonths;
  if (merged.warrantyLaterEveryMonths === 0) merged.warrantyLaterEveryMonths = DEFAULT_SCHEDULE.warrantyLaterEveryMonths;
  return merged;
}

/** Everything in `settings/followup`: the schedule's numbers, when to contact, how often, and the templates. */
export interface FollowUpSettings {
  schedule: ScheduleConfig;
  /** the company's contact windows (a homeowner's own preferred times replace them for that homeowner) */
  contactWindows: ContactWindow[];
  /** follow-up messages to one homeowner per CST day (003 三.6: no repeated contact in a short time) */
  dailyMessageCap: number;
  /** a claimed send not confirmed within this many minutes is never retried: it becomes a phone task */
  claimLeaseMinutes: number;
  /** a phone task the homeowner did not pick up is tried again this many hours later */
  retryCallAfterHours: number;
  /**
   * calls that did not reach the homeowner (未接通, 通话中断) per follow-up; after the last one the phone
   * task closes rather than calling again and again (003 三.6: no frequent calls in a short time)
   */
  maxCallAttempts: number;
  /** the least time between two calls of one follow-up, unless the last one dropped (002: redial at once) */
  minCallSpacingMinutes: number;
  templates: TemplateSettings;
  /** the service hotline, for the welcome, the phone script and every screen that names it */
  hotline: string;
  /** when the hotline is answered, as shown next to it (004 5.1.1: the service desk is on duty 24 hours) */
  deskHours: string;
  /** hours within which the desk answers an enquiry, suggestion or service need (004 5.1.1: on duty 24 hours) */
  enquiryReplyWithinHours: number;
  /** how customer service introduces the company on the phone ('' : 装修公司) */
  companyName: string;
}

export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = {
  schedule: DEFAULT_SCHEDULE,
  contactWindows: DEFAULT_CONTACT_WINDOWS,
  dailyMessageCap: 1,
  claimLeaseMinutes: 10,
  retryCallAfterHours: 2,
  maxCallAttempts: 3,
  minCallSpacingMinutes: 60,
  templates: {},
  hotline: '400-000-0000',
  deskHours: '24 小时服务',
  enquiryReplyWithinHours: 24,
  companyName: '',
};

/** `settings/followup` merged over the defaults; malformed parts keep their default. */
export function followUpSettingsWith(raw: unknown): FollowUpSettings {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const windows = contactWindowsSchema.safeParse(o.contactWindows);
  const whole = (v: unknown, d: number, min: number) => (typeof v === 'number' && Number.isInteger(v) && v >= min ? v : d);
  return {
    schedule: scheduleWith(o.schedule),
    contactWindows: windows.success ? windows.data : DEFAULT_CONTACT_WINDOWS,
    dailyMessageCap: whole(o.dailyMessageCap, DEFAULT_FOLLOW_UP_SETTINGS.dailyMessageCap, 1),
    claimLeaseMinutes: whole(o.claimLeaseMinutes, DEFAULT_FOLLOW_UP_SETTINGS.claimLeaseMinutes, 1),
    retryCallAfterHours: whole(o.retryCallAfterHours, DEFAULT_FOLLOW_UP_SETTINGS.retryCallAfterHours, 1),
    maxCallAttempts: whole(o.maxCallAttempts, DEFAULT_FOLLOW_UP_SETTINGS.maxCallAttempts, 1),
    minCallSpacingMinutes: whole(o.minCallSpacingMinutes, DEFAULT_FOLLOW_UP_SETTINGS.minCallSpacingMinutes, 0),
    templates: templatesWith(o.templates),
    hotline: typeof o.hotline === 'string' && o.hotline.trim() ? o.hotline.trim() : DEFAULT_FOLLOW_UP_SETTINGS.hotline,
    deskHours: typeof o.deskHours === 'string' && o.deskHours.trim() ? o.deskHours.trim().slice(0, 20) : DEFAULT_FOLLOW_UP_SETTINGS.deskHours,
    enquiryReplyWithinHours: Math.min(whole(o.enquiryReplyWithinHours, DEFAULT_FOLLOW_UP_SETTINGS.enquiryReplyWithinHours, 1), 168),
    companyName: typeof o.companyName === 'string' ? o.companyName.trim().slice(0, 20) : '',
  };
}
