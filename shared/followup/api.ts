/** The `followup` cloud function: the homeowner's home and subscriptions, and customer service's phone tasks. */
import * as z from 'zod/mini';
import { recordId } from '../core/schemas';
import type { Millis } from '../core/time';
import type { Milestone } from '../project/project';
import type { SurveyStage } from '../survey/catalogue';
import { contactWindowsSchema, type ContactWindow } from './contact';
import { CALL_OUTCOMES, type CallAttempt, type FollowUpState, type PhoneReason } from './followup';
import type { FollowUpKind } from './schedule';
import type { NoticePurpose } from '../notify/push';
import type { TemplatePurpose } from './templates';
import type { Survey, Answers } from '../survey/catalogue';
import type { OpenedRepair } from '../survey/api';
import type { HistoryEntry } from './history';

const followUpId = recordId('回访编号');

export const FollowUpInputs = {
  /** homeowner: their projects' stage timelines and what is waiting for them */
  home: z.object({}),
  /**
   * homeowner: what `wx.requestSubscribeMessage` answered, template id → 'accept' | 'reject' | 'ban' |
   * 'filter'. Each accepted template the company uses adds one message credit.
   */
  subscribed: z.object({
    results: z.record(z.string().check(z.maxLength(128)), z.string().check(z.maxLength(16)), { error: '缺少订阅结果' }),
  }),
  /** homeowner: when they would rather be contacted (null: the company's windows) */
  setContactTime: z.object({ windows: z.union([contactWindowsSchema, z.null()]) }),
  /** customer service: phone tasks, the most due first */
  calls: z.object({}),
  /** customer service: one phone task, with the script, the questions and the homeowner's number (audited) */
  call: z.object({ followUpId }),
  /**
   * customer service: what came of a call. answered → `answers` (the same questions as the survey);
   * notNow → `callAt`, the time the homeowner named; unreachable → tried again later; declined → closed.
   */
  logCall: z.object({
    followUpId,
    outcome: z.enum(CALL_OUTCOMES, { error: '请选择通话结果' }),
    note: z._default(z.string().check(z.trim(), z.maxLength(500, { error: '备注最多 500 个字' })), ''),
    callAt: z.optional(z.number().check(z.int(), z.positive())),
    answers: z.optional(z.record(z.string().check(z.maxLength(64)), z.union([z.string().check(z.maxLength(500)), z.number()]))),
  }),
  /**
   * customer service, admin: find a homeowner by name (exactly as recorded), full mobile number, the
   * beginning of a project's name, or a BX-/TS- reference
   */
  lookup: z.object({
    query: z.string({ error: '请输入业主姓名、手机号或报修/投诉/咨询编号' }).check(z.trim(), z.minLength(2, { error: '请至少输入 2 个字' }), z.maxLength(40, { error: '最多 40 个字' })),
  }),
  /** customer service, admin: one homeowner's projects, repairs, complaints, follow-ups and calls in one timeline */
  homeowner: z.object({ homeownerId: recordId('业主编号') }),
} as const;

/** A homeowner found by customer service's look-up: the phone masked. */
export interface HomeownerHit {
  id: string;
  name: string;
  /** 138****8001 */
  phone: string;
  projects: string[];
}

/** What customer service sees of one homeowner: enough to talk to them about their house. */
export interface HomeownerCard {
  id: string;
  name: string;
  /** masked: the full number is shown only on a phone task */
  phone: string;
  projects: { id: string; name: string; address: string; siteManagerName: string }[];
}

/** A stage on the homeowner's timeline. */
export interface TimelineStep {
  milestone: Milestone;
  label: string;
  date: string | null;
  /** the latest recorded milestone */
  current: boolean;
}

/** A follow-up as the homeowner sees it. */
export interface HomeFollowUp {
  id: string;
  kind: FollowUpKind;
  label: string;
  stage: SurveyStage;
  dueDate: string;
  windowEnd: string;
  state: FollowUpState;
  /** questions answered so far in a saved draft, and how many there are */
  progress: { answered: number; total: number };
}

export interface HomeProject {
  id: string;
  name: string;
  address: string;
  timeline: TimelineStep[];
  /** surveys the homeowner can answer now */
  waiting: HomeFollowUp[];
  /** answered ones, newest first (at most 10) */
  answered: HomeFollowUp[];
}

export interface SubscriptionState {
  /** a follow-up template's purpose, or a notice template's (报修进度、投诉处理进度、待办工作) */
  purpose: TemplatePurpose | NoticePurpose;
  label: string;
  templateId: string;
  /** messages the homeowner has accepted and not yet received */
  credits: number;
}

export interface FollowUpReplies {
  home: {
    projects: HomeProject[];
    /** the templates to ask acceptance for (at most 3 per tap), and what is left of each */
    subscriptions: SubscriptionState[];
    contactWindows: ContactWindow[] | null;
  };
  subscribed: { subscriptions: SubscriptionState[] };
  setContactTime: { contactWindows: ContactWindow[] | null };
  calls: { tasks: PhoneTaskSummary[] };
  call: { task: PhoneTask };
  logCall: {
    task: PhoneTaskSummary;
    /** the complaints the answers opened, with what to read out to the caller: reference, handler, reply deadline */
    complaints: { id: string; ref: string | null; category: string; department: string; handlerLabel: string; replyBy: number }[];
    /** repair tickets opened for defects the homeowner reported on the call (DOMAIN §11) */
    repairs: OpenedRepair[];
  };
  lookup: { homeowners: HomeownerHit[] };
  homeowner: { homeowner: HomeownerCard; history: HistoryEntry[] };
}

export interface PhoneTaskSummary {
  id: string;
  kind: FollowUpKind;
  label: string;
  projectName: string;
  homeownerName: string;
  /** masked in the list: 138****8001 */
  homeownerPhone: string;
  reason: PhoneReason | null;
  reasonLabel: string;
  callAt: Millis | null;
  state: FollowUpState;
  attempts: number;
  /** the homeowner complained before: a priority follow-up target (001 第三篇 第四条) */
  priority: boolean;
  /** `重点回访：业主投诉过 2 次`, or '' */
  priorityLabel: string;
}

export interface PhoneTask extends PhoneTaskSummary {
  /** whose follow-up it is: for recording a marketing consent or refusal said on the call */
  homeownerId: string;
  /** the full number, only on the task being worked (each read is audited) */
  homeownerPhone: string;
  address: string;
  dueDate: string;
  windowEnd: string;
  /** what to say: greeting, purpose, hotline */
  script: string[];
  survey: Survey;
  /** answers the homeowner saved in the mini-program before the call */
  draft: Answers | null;
  history: CallAttempt[];
  /** the homeowner's preferred contact times, if any */
  contactWindows: ContactWindow[] | null;
  /** not before this time (no frequent calls, 003 三.6); null: may be called now (a dropped call is redialled at once) */
  callableFrom: Millis | null;
  /** calls that may still go unanswered before the task closes */
  callsLeft: number;
}
