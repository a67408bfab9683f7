import { maskPhone } from '../core/privacy';
import { fail, ok, type Failure, type Result } from '../core/result';
import { formatCst, HOUR, MINUTE, type Millis } from '../core/time';
import type { PhoneTaskSummary } from './api';
import { nextContactTime, type ContactWindow } from './contact';
import { CALL_OUTCOME_LABELS, PHONE_REASON_LABELS, type CallAttempt, type CallOutcome, type FollowUp } from './followup';
import { FOLLOW_UP_LABELS, type FollowUpKind } from './schedule';

/** Customer service's phone tasks (DOMAIN §3): what a call's outcome does to the follow-up. */
export const FollowUpErrors = {
  notFound: (): Failure => fail('FOLLOWUP.NOT_FOUND', '没有找到这条回访，请返回列表刷新'),
  notATask: (): Failure => fail('FOLLOWUP.NOT_A_TASK', '这条回访已不是待电话回访的任务，请返回列表刷新'),
  callAtRequired: (): Failure => fail('FOLLOWUP.CALL_AT_REQUIRED', '业主不方便时，请记下业主约定的回电时间', { callAt: '请选择回电时间' }),
  callAtInPast: (): Failure => fail('FOLLOWUP.CALL_AT_IN_PAST', '约定的回电时间已经过去，请重新选择', { callAt: '回电时间应晚于现在' }),
  answersRequired: (): Failure => fail('FOLLOWUP.ANSWERS_REQUIRED', '业主已接听并回答时，请填写问卷答案', { answers: '请填写问卷答案' }),
  tooSoon: (from: Millis): Failure =>
    fail('FOLLOWUP.TOO_SOON', `为免频繁打扰业主，刚打过的电话请到 ${formatCst(from, 'M月D日 HH:mm')} 之后再拨（通话中断可以马上重拨）`),
} as const;

/** How often, and how soon again, one follow-up may be called (003 三.6; 002: a dropped call is redialled at once). */
export interface CallLimits {
  maxCallAttempts: number;
  minCallSpacingMinutes: number;
}

/** Calls that did not reach the homeowner: what the attempt limit counts. */
export function missedCalls(f: Pick<FollowUp, 'attempts'>): number {
  return f.attempts.filter((a) => a.outcome === 'unreachable' || a.outcome === 'dropped').length;
}

/**
 * When the follow-up may be called again: at once after a dropped call and before any call; at the
 * time the homeowner named after 不方便; otherwise the spacing after the last call. Null: now.
 */
export function callableFrom(f: Pick<FollowUp, 'attempts'>, limits: Pick<CallLimits, 'minCallSpacingMinutes'>): Millis | null {
  const last = f.attempts.length ? f.attempts[f.attempts.length - 1] : null;
  if (!last || last.outcome === 'dropped') return null;
  if (last.outcome === 'notNow' && last.callAt !== null) return last.callAt;
  return last.at + limits.minCallSpacingMinutes * MINUTE;
}

/** What one call came to, as customer service logs it. */
export interface LoggedCall {
  outcome: CallOutcome;
  note: string;
  /** for notNow: the time the homeowner named */
  callAt?: Millis;
}

export interface CallRules extends CallLimits {
  now: Millis;
  /** the homeowner's contact windows (theirs, else the company's) */
  windows: ContactWindow[];
  retryCallAfterHours: number;
}

/** The attempt as kept on the follow-up. */
export function callAttempt(call: LoggedCall, by: { _id: string; name: string }, now: Millis): CallAttempt {
  return { at: now, by: by._id, byName: by.name, outcome: call.outcome, note: call.note, callAt: call.outcome === 'notNow' ? (call.callAt ?? null) : null };
}

/** Whether a call may be logged on this follow-up at all (not too soon after the last one), and the notNow time is usable. */
export function checkCall(f: Pick<FollowUp, 'state' | 'attempts'>, call: LoggedCall, now: Millis, limits: Pick<CallLimits, 'minCallSpacingMinutes'>): Failure | null {
  if (f.state !== 'phoneTask') return FollowUpErrors.notATask();
  const from = callableFrom(f, limits);
  if (from !== null && now < from) return FollowUpErrors.tooSoon(from);
  if (call.outcome === 'notNow') {
    if (call.callAt === undefined) return FollowUpErrors.callAtRequired();
    if (call.callAt <= now) return FollowUpErrors.callAtInPast();
  }
  return null;
}

/**
 * A phone task after a call that did not collect answers (answers go through the survey's own
 * recording): notNow keeps its place at the time the homeowner named; unreachable is tried again
 * `retryCallAfterHours` later, at the next contact time; declined closes it. Every outcome is kept.
 */
export function calledFollowUp(f: FollowUp, call: LoggedCall, by: { _id: string; name: string }, rules: CallRules): Result<FollowUp> {
  const refused = checkCall(f, call, rules.now, rules);
  if (refused) return refused;
  const attempt = callAttempt(call, by, rules.now);
  const logged: FollowUp = {
    ...f,
    attempts: [...f.attempts, attempt],
    history: [...f.history, callEvent(call, by, rules.now)],
    updatedAt: rules.now,
  };
  switch (call.outcome) {
    case 'notNow':
      return ok({ ...logged, callAt: call.callAt ?? rules.now });
    case 'unreachable': {
      if (missedCalls(logged) >= rules.maxCallAttempts) return ok(givenUp(logged, rules));
      const retry = rules.now + rules.retryCallAfterHours * HOUR;
      return ok({ ...logged, callAt: nextContactTime(retry, rules.windows) ?? retry });
    }
    case 'dropped':
      // 002: a call that drops is redialled promptly — it stays first in the list, callable at once
      return ok(missedCalls(logged) >= rules.maxCallAttempts ? givenUp(logged, rules) : { ...logged, callAt: rules.now });
    case 'declined':
      return ok({ ...logged, state: 'done', callAt: null, nextActionAt: null });
    case 'answered':
      return ok(logged);
  }
}

/** After the last allowed call that did not reach the homeowner: the task closes instead of calling again. */
function givenUp(f: FollowUp, rules: CallRules): FollowUp {
  const note = `已拨打 ${rules.maxCallAttempts} 次未能接通，为免频繁打扰，不再拨打`;
  return { ...f, state: 'done', callAt: null, nextActionAt: null, history: [...f.history, { at: rules.now, event: 'gaveUp', by: null, note }] };
}

/** The history entry of a call. */
export function callEvent(call: LoggedCall, by: { _id: string }, now: Millis): FollowUp['history'][number] {
  return { at: now, event: 'call', by: by._id, note: call.note ? `${CALL_OUTCOME_LABELS[call.outcome]}：${call.note}` : CALL_OUTCOME_LABELS[call.outcome] };
}

/** What a follow-up of each kind is for, in a sentence customer service can say. */
const PURPOSE_LINES: Record<FollowUpKind, string> = {
  depositWelcome: '感谢您选择我们，跟您确认一下设计阶段的安排，也留一下我们的服务热线',
  earlyStage: '开工有一段时间了，想了解一下开工、材料进场和施工队的情况',
  concealedWorks: '隐蔽工程（水电）刚验收完，想听听您对设计师、监理和隐蔽工程的意见',
  midStage: '工程到了中期，想了解一下进度、安装和工人的情况',
  preCompletion: '马上要到合同竣工日了，想了解一下收尾的情况',
  lateCompletion: '工程比合同竣工日晚了，想跟您确认一下竣工时间和您的意见',
  completion: '工程已经竣工，想听听您对整个施工过程的评价',
  proxyWarranty: '保修是工长代您办理的，想请您对整个工程做个总体评价',
  missingFeedbackForm: '我们还没收到您的《客户意见反馈表》，想电话听听您的意见',
  warranty: '现在是质保期内的例行回访，想了解一下房子的使用情况',
  afterRepair: '您之前报修的问题已经处理，想了解一下维修的情况',
  afterComplaint: '您之前反映的问题我们提出了处理方案，想听听您的意见',
};

/**
 * What to say on the call: greeting, purpose with an honest length (`minutes`, worked out from the
 * questionnaire's questions: shared/survey/estimate.ts), asking for a better time, the hotline.
 */
export function callScript(s: { kind: FollowUpKind; projectName: string; homeownerName: string; agentName: string; hotline: string; companyName: string; minutes: number }): string[] {
  return [
    `您好，请问是${s.homeownerName}吗？我是${s.companyName || '装修公司'}的客服${s.agentName}。`,
    `这次给您做${FOLLOW_UP_LABELS[s.kind]}（${s.projectName}）：${PURPOSE_LINES[s.kind]}，大约占用您 ${s.minutes} 分钟。`,
    '不方便的话请问什么时间方便？',
    '我们的回访就是这些，占用您的时间了。您反映的问题我会今天就转告相关部门负责人处理，并跟进处理结果。',
    `以后有任何问题，也可以随时拨打我们的服务热线 ${s.hotline}。谢谢您！`,
  ];
}

/**
 * A phone task in customer service's list: the phone masked. A homeowner who complained before is a
 * priority follow-up target (001 第三篇 第四条: 进行过投诉的客户为重点回访对象): `priority`, with how many
 * complaints in `priorityLabel`.
 */
export function phoneTaskSummary(
  f: FollowUp,
  names: { projectName: string; homeowner: { name: string; phone: string } | null; complaints?: number },
): PhoneTaskSummary {
  const complaints = names.complaints ?? 0;
  return {
    id: f._id,
    kind: f.kind,
    label: FOLLOW_UP_LABELS[f.kind],
    projectName: names.projectName,
    homeownerName: names.homeowner?.name ?? '',
    homeownerPhone: maskPhone(names.homeowner?.phone ?? ''),
    reason: f.phoneReason,
    reasonLabel: f.phoneReason ? PHONE_REASON_LABELS[f.phoneReason] : '',
    callAt: f.callAt,
    state: f.state,
    attempts: f.attempts.length,
    priority: complaints > 0,
    priorityLabel: complaints > 0 ? `重点回访：业主投诉过 ${complaints} 次` : '',
  };
}

/**
 * The order customer service works the list in: what may be called now before what waits for a later
 * time; among those callable now, homeowners who complained before first; then the earliest call time.
 */
export function orderPhoneTasks<T extends Pick<PhoneTaskSummary, 'callAt' | 'priority'>>(tasks: T[], now: Millis): T[] {
  const later = (t: T) => (t.callAt !== null && t.callAt > now ? 1 : 0);
  return [...tasks].sort(
    (a, b) => later(a) - later(b) || (later(a) === 0 ? Number(b.priority) - Number(a.priority) : 0) || (a.callAt ?? 0) - (b.callAt ?? 0),
  );
}
