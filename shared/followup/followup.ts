import * as z from 'zod/mini';
import { cst, type Millis } from '../core/time';
import { cstDateSchema } from '../project/project';
import { STAGE_OF_KIND, SURVEY_STAGES } from '../survey/catalogue';
import { FOLLOW_UP_KINDS, type PlannedFollowUp } from './schedule';
import { PURPOSE_OF_KIND, TEMPLATE_PURPOSES } from './templates';

/**
 * Where a follow-up stands.
 * - pending: planned; the dispatcher sends it when it is due, inside a contact window
 * - sending: a send was claimed (a credit spent) and its outcome is not known yet: WeChat did not answer,
 *   or a run died between claiming and recording; it becomes a phone task when the claim lapses
 * - sent: the message went out; waiting for the homeowner's answer until the end of the window
 * - answered: the homeowner answered (in the mini-program, or by phone to customer service)
 * - phoneTask: customer service calls instead (no credit, WeChat refused, not answered in time…)
 * - done: nothing more is owed (a welcome without questions was delivered; the homeowner declined by phone)
 * - cancelled: the plan no longer calls for it (a milestone was corrected away)
 * - expired: its window had closed long before the milestone that calls for it was recorded (an
 *   imported or very late record); kept so that the plan does not add it again
 */
export const FOLLOW_UP_STATES = ['pending', 'sending', 'sent', 'answered', 'phoneTask', 'done', 'cancelled', 'expired'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export const FOLLOW_UP_STATE_LABELS: Record<FollowUpState, string> = {
  pending: '待回访',
  sending: '发送中',
  sent: '已通知业主',
  answered: '已回访',
  phoneTask: '待电话回访',
  done: '已完成',
  cancelled: '已取消',
  expired: '录入时已过期',
};

/** Why a follow-up became a phone task. */
export const PHONE_REASONS = ['noTemplate', 'noCredit', 'refused', 'sendFailed', 'sendUnknown', 'unanswered', 'windowMissed', 'spotCheck'] as const;
export type PhoneReason = (typeof PHONE_REASONS)[number];

export const PHONE_REASON_LABELS: Record<PhoneReason, string> = {
  noTemplate: '未配置消息模板',
  noCredit: '业主没有可用的订阅消息次数',
  refused: '微信拒收（业主未订阅）',
  sendFailed: '消息发送失败',
  sendUnknown: '发送结果未知，为免重复改为电话',
  unanswered: '已发通知，到期未填写',
  windowMissed: '回访期内未能发出通知',
  spotCheck: '质保期电话抽查（行政人力）',
};

/** What the homeowner said on the phone. */
export const CALL_OUTCOMES = ['answered', 'notNow', 'unreachable', 'declined', 'dropped'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  answered: '已接听并回答',
  notNow: '不方便，约定时间再打',
  unreachable: '未接通',
  declined: '业主不愿回答',
  dropped: '通话中断，马上重拨',
};

export const callAttemptSchema = z.object({
  at: z.number(),
  by: z.string(),
  byName: z.string(),
  outcome: z.enum(CALL_OUTCOMES),
  note: z.string(),
  /** for notNow: the time the homeowner named */
  callAt: z.nullable(z.number()),
});
export type CallAttempt = z.infer<typeof callAttemptSchema>;

/** Why a pending follow-up is waiting, when it is (shown to staff, and the reason a missed window is given). */
export const HOLD_REASONS = ['outsideWindow', 'dailyCap', 'openIssue'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** One follow-up, as stored in `followups` under the id `followUpId(projectId, key)`. */
export const followUpSchema = z.object({
  _id: z.string(),
  projectId: z.string(),
  homeownerId: z.string(),
  key: z.string(),
  kind: z.enum(FOLLOW_UP_KINDS),
  /** the repair or complaint an after-repair / after-complaint follow-up is about */
  subjectId: z.nullable(z.string()),
  /** open from the start of `dueDate` to the end of `windowEnd`, CST calendar dates */
  dueDate: cstDateSchema,
  windowEnd: cstDateSchema,
  /** the questionnaire it carries */
  stage: z.enum(SURVEY_STAGES),
  /** which subscription template announces it */
  purpose: z.enum(TEMPLATE_PURPOSES),
  state: z.enum(FOLLOW_UP_STATES),
  /**
   * When the dispatcher should look at it next (indexed; null when it has nothing more to do):
   * pending → when to try sending; sending → when the claim lapses; sent → when the window ends.
   */
  nextActionAt: z.nullable(z.number()),
  hold: z.nullable(z.enum(HOLD_REASONS)),
  message: z.nullable(z.object({ templateId: z.string(), claimedAt: z.number(), sentAt: z.nullable(z.number()), errcode: z.nullable(z.number()) })),
  /** customer service's queue (indexed, ordered by `callAt`); null unless state is phoneTask */
  callAt: z.nullable(z.number()),
  phoneReason: z.nullable(z.enum(PHONE_REASONS)),
  attempts: z.array(callAttemptSchema),
  /** answers saved on the way (the homeowner can leave and resume) */
  draft: z.nullable(z.record(z.string(), z.unknown())),
  answeredAt: z.nullable(z.number()),
  history: z.array(z.object({ at: z.number(), event: z.string(), by: z.nullable(z.string()), note: z.nullable(z.string()) })),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/**
 * A project's follow-up `key` is stable, so its stored id is too: syncing twice cannot store it twice.
 * Letters, digits, '-' and '_' only ('warranty:3' → 'warranty-3'), which every document store takes.
 */
export function followUpId(projectId: string, key: string): string {
  return `${projectId}--${key}`.replace(/[^\w-]/g, '-');
}

/** The instant a follow-up's window opens: 00:00 CST on its due date. */
export function windowOpensAt(f: Pick<FollowUp, 'dueDate'>): Millis {
  return cst(f.dueDate).valueOf();
}

/** The instant a follow-up's window closes: 24:00 CST on its last day. */
export function windowClosesAt(f: Pick<FollowUp, 'windowEnd'>): Millis {
  return cst(f.windowEnd).add(1, 'day').valueOf();
}

/** A newly planned follow-up, pending until its window opens. */
export function newFollowUp(
  project: { _id: string; homeownerId: string },
  planned: PlannedFollowUp,
  now: Millis,
): Omit<FollowUp, '_id'> {
  return {
    projectId: project._id,
    homeownerId: project.homeownerId,
    key: planned.key,
    kind: planned.kind,
    subjectId: planned.subjectId ?? null,
    dueDate: planned.dueDate,
    windowEnd: planned.windowEnd,
    stage: STAGE_OF_KIND[planned.kind],
    purpose: PURPOSE_OF_KIND[planned.kind],
    state: 'pending',
    nextActionAt: windowOpensAt(planned),
    hold: null,
    message: null,
    callAt: null,
    phoneReason: null,
    attempts: [],
    draft: null,
    answeredAt: null,
    history: [{ at: now, event: 'planned', by: null, note: null }],
    createdAt: now,
    updatedAt: now,
  };
}

/** A pending follow-up whose milestone was corrected: it follows the new dates (and comes back if cancelled). */
export function movedFollowUp(f: FollowUp, planned: PlannedFollowUp, now: Millis): FollowUp {
  return {
    ...f,
    dueDate: planned.dueDate,
    windowEnd: planned.windowEnd,
    state: 'pending',
    nextActionAt: windowOpensAt(planned),
    hold: null,
    updatedAt: now,
    history: [...f.history, { at: now, event: f.state === 'cancelled' ? 'replanned' : 'moved', by: null, note: `${planned.dueDate} ~ ${planned.windowEnd}` }],
  };
}

/** A pending follow-up the plan no longer calls for. */
export function cancelledFollowUp(f: FollowUp, now: Millis): FollowUp {
  return { ...f, state: 'cancelled', nextActionAt: null, hold: null, updatedAt: now, history: [...f.history, { at: now, event: 'cancelled', by: null, note: null }] };
}

/** Whether the homeowner may answer it now: its window has opened and it is still owed. */
export function answerable(f: Pick<FollowUp, 'state' | 'dueDate'>, now: Millis): boolean {
  return ['pending', 'sending', 'sent', 'phoneTask'].includes(f.state) && now >= windowOpensAt(f);
}
