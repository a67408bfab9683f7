import { MINUTE, type Millis } from '../core/time';
import { contactWindowsSchema, insideWindow, nextContactTime, startOfNextDay, type ContactWindow } from './contact';
import {
  PHONE_REASON_LABELS,
  windowClosesAt,
  windowOpensAt,
  type FollowUp,
  type HoldReason,
  type PhoneReason,
} from './followup';
import { FOLLOW_UP_LABELS } from './schedule';
import type { SendClaim } from './credits';
import type { TemplateConfig, TemplateSource } from './templates';

/**
 * What the dispatcher does with one follow-up it found due (DOMAIN §3 contact rules, §10 credits).
 * Pure: everything it depends on is passed in, read by the dispatcher in one batch per page.
 */
export interface DispatchContext {
  now: Millis;
  /** the homeowner's own preferred times, else the company's windows (`windowsFor`) */
  windows: ContactWindow[];
  /** follow-up messages the homeowner got on the CST day of `now` */
  sentToday: number;
  dailyCap: number;
  /** an open repair or complaint on the project that is not what this follow-up is about (`hasOpenIssue`) */
  openIssue: boolean;
  /** the template for the follow-up's purpose; null when the admin configured none */
  template: TemplateConfig | null;
  /** what is left of the homeowner's acceptances of that template */
  credits: number;
  /** a claimed send not confirmed within this many minutes is never retried */
  leaseMinutes: number;
  /** the send the homeowner's contact ledger says was claimed for this follow-up, if any (`claimOf`) */
  claim: SendClaim | null;
}

export type DispatchDecision =
  /** look again at `until` (never later than the window's close); `hold` says why, null when nothing holds it */
  | { kind: 'wait'; until: Millis; hold: HoldReason | null }
  /** spend a credit, claim until `claimUntil`, and send with `template` */
  | { kind: 'send'; template: TemplateConfig; claimUntil: Millis }
  /** a send was claimed (by a run that may have died before recording it): wait for its lease, never send again */
  | { kind: 'inFlight'; claim: SendClaim; until: Millis }
  /** customer service calls instead, from `callAt` */
  | { kind: 'phoneTask'; reason: PhoneReason; callAt: Millis }
  /** nothing more is owed (a delivered welcome) */
  | { kind: 'done' }
  /** nothing for the dispatcher to do in this state: it stops looking */
  | { kind: 'idle' };

export const HOLD_LABELS: Record<HoldReason, string> = {
  outsideWindow: '不在联系时段，等下一个时段',
  dailyCap: '业主今天已收到回访消息，明天再发',
  openIssue: '业主有未处理完的报修或投诉，暂缓回访',
};

/**
 * Warranty-period follow-ups are admin/HR's phone spot-checks (001 §五: 在质量保修中，行政人力定期对客户做
 * 电话抽查回访; 第二篇: 质保期回访频率（电话回访）), not messages to every homeowner.
 */
export function isSpotCheck(f: Pick<FollowUp, 'kind'>): boolean {
  return f.kind === 'warranty';
}

/** The welcome carries no questions: delivering it is all it owes. */
export function isWelcome(f: Pick<FollowUp, 'stage'>): boolean {
  return f.stage === 'welcome';
}

/**
 * The decision for one follow-up:
 * - pending with a claim in the contact ledger (a run claimed it and did not record the outcome):
 *   like sending — a phone task (sendUnknown) once the lease lapses, never a second message.
 * - pending: closed window → phone task (windowMissed); a warranty-period follow-up → a phone task
 *   for admin/HR (spotCheck: 001 §五 行政人力定期对客户做电话抽查回访; no message), held while the
 *   homeowner has an open repair or complaint; outside a contact window → wait for the next one; the daily cap reached or an open issue → wait for the next day's first window; no template
 *   → phone task; no credit → phone task; otherwise send. A wait never runs past the window's close:
 *   at the close it becomes a phone task (windowMissed).
 * - sending: once the claim lapses → phone task (sendUnknown); never a second message.
 * - sent: at the window's close, unanswered → phone task (a welcome is done once sent).
 */
export function decideDispatch(f: FollowUp, c: DispatchContext): DispatchDecision {
  const closes = windowClosesAt(f);
  const phone = (reason: PhoneReason): DispatchDecision => ({ kind: 'phoneTask', reason, callAt: nextContactTime(c.now, c.windows) ?? c.now });
  const wait = (until: Millis | null, hold: HoldReason | null): DispatchDecision => ({ kind: 'wait', until: Math.min(until ?? closes, closes), hold });

  const lapsed = (claimedAt: Millis) => claimedAt + c.leaseMinutes * MINUTE;
  switch (f.state) {
    case 'pending': {
      if (c.claim) return c.now >= lapsed(c.claim.claimedAt) ? phone('sendUnknown') : { kind: 'inFlight', claim: c.claim, until: lapsed(c.claim.claimedAt) };
      if (c.now >= closes) return phone('windowMissed');
      if (c.now < windowOpensAt(f)) return { kind: 'wait', until: windowOpensAt(f), hold: null };
      const tomorrow = () => nextContactTime(startOfNextDay(c.now), c.windows);
      if (isSpotCheck(f)) return c.openIssue ? wait(tomorrow(), 'openIssue') : phone('spotCheck');
      if (!insideWindow(c.now, c.windows)) return wait(nextContactTime(c.now, c.windows), 'outsideWindow');
      if (c.sentToday >= c.dailyCap) return wait(tomorrow(), 'dailyCap');
      if (c.openIssue) return wait(tomorrow(), 'openIssue');
      if (!c.template) return phone('noTemplate');
      if (c.credits <= 0) return phone('noCredit');
      return { kind: 'send', template: c.template, claimUntil: c.now + c.leaseMinutes * MINUTE };
    }
    case 'sending': {
      const lapses = f.message ? lapsed(f.message.claimedAt) : c.now;
      return c.now >= lapses ? phone('sendUnknown') : { kind: 'wait', until: lapses, hold: null };
    }
    case 'sent':
      if (isWelcome(f)) return { kind: 'done' };
      return c.now >= closes ? phone('unanswered') : { kind: 'wait', until: closes, hold: null };
    default:
      return { kind: 'idle' };
  }
}

/** The homeowner's own contact windows when they set valid ones, else the company's. */
export function windowsFor(homeowner: { contactWindows?: unknown } | null, company: ContactWindow[]): ContactWindow[] {
  const own = contactWindowsSchema.safeParse(homeowner?.contactWindows);
  return own.success ? own.data : company;
}

/**
 * Whether an open repair or complaint on the project holds this follow-up: any that is not the
 * follow-up's own subject (the after-repair follow-up of a repair is not held by that repair, nor by
 * the complaint its reopening opened).
 */
export function hasOpenIssue(
  f: Pick<FollowUp, 'subjectId'>,
  open: { repairs: { _id: string }[]; complaints: { _id: string; source?: { id: string } | null }[] },
): boolean {
  const about = (id: string) => f.subjectId !== null && id === f.subjectId;
  return open.repairs.some((r) => !about(r._id)) || open.complaints.some((c) => !about(c._id) && !(c.source && about(c.source.id)));
}

/** The page a message opens: the follow-up's questionnaire. */
export function surveyPage(followUpId: string): string {
  return `pages/survey/index?id=${encodeURIComponent(followUpId)}`;
}

/** What a follow-up's message is filled with. */
export function messageSource(f: FollowUp, projectName: string, homeownerName: string): TemplateSource {
  return {
    title: FOLLOW_UP_LABELS[f.kind],
    project: projectName,
    dueDate: f.dueDate,
    windowEnd: f.windowEnd,
    // no time here: the questionnaire's screen says how long it takes, worked out from its questions
    hint: isWelcome(f) ? '感谢信任，点击查看服务热线' : '点击填写，可分几次完成',
    homeowner: homeownerName,
  };
}

type Event = FollowUp['history'][number];
const event = (now: Millis, name: string, note: string | null = null): Event => ({ at: now, event: name, by: null, note });

/** Waits until `until`; the history notes a hold when its reason changes. */
export function heldFollowUp(f: FollowUp, until: Millis, hold: HoldReason | null, now: Millis): FollowUp {
  const history = hold && hold !== f.hold ? [...f.history, event(now, 'held', HOLD_LABELS[hold])] : f.history;
  return { ...f, nextActionAt: until, hold, history, updatedAt: now };
}

/** Claimed by a dispatcher run at `claimedAt`: a credit is spent, the send is under way until `claimUntil`. */
export function claimedFollowUp(f: FollowUp, claim: SendClaim, claimUntil: Millis, now: Millis): FollowUp {
  return {
    ...f,
    state: 'sending',
    nextActionAt: claimUntil,
    hold: null,
    message: { templateId: claim.templateId, claimedAt: claim.claimedAt, sentAt: null, errcode: null },
    updatedAt: now,
    history: [...f.history, event(claim.claimedAt, 'claimed', claim.templateId)],
  };
}

/** WeChat took the message: wait for the answer until the window closes (a welcome owes nothing more). */
export function sentFollowUp(f: FollowUp, now: Millis): FollowUp {
  const message = f.message ? { ...f.message, sentAt: now } : null;
  const sent = { ...f, message, updatedAt: now, history: [...f.history, event(now, 'sent')] };
  return isWelcome(f) ? { ...sent, state: 'done', nextActionAt: null } : { ...sent, state: 'sent', nextActionAt: windowClosesAt(f) };
}

/** Customer service calls instead; `errcode` is WeChat's answer when it refused the message. */
export function phoneTaskFollowUp(f: FollowUp, reason: PhoneReason, callAt: Millis, now: Millis, errcode: number | null = null): FollowUp {
  const message = f.message && errcode !== null ? { ...f.message, errcode } : f.message;
  const note = errcode !== null ? `${PHONE_REASON_LABELS[reason]}（${errcode}）` : PHONE_REASON_LABELS[reason];
  return {
    ...f,
    state: 'phoneTask',
    phoneReason: reason,
    callAt,
    nextActionAt: null,
    hold: null,
    message,
    updatedAt: now,
    history: [...f.history, event(now, 'phoneTask', note)],
  };
}

/** The follow-up after a decision other than `send` (whose claim needs the credit spent with it). */
export function decidedFollowUp(f: FollowUp, d: Exclude<DispatchDecision, { kind: 'send' }>, now: Millis): FollowUp {
  switch (d.kind) {
    case 'wait':
      return heldFollowUp(f, d.until, d.hold, now);
    case 'inFlight':
      return claimedFollowUp(f, d.claim, d.until, now);
    case 'phoneTask':
      return phoneTaskFollowUp(f, d.reason, d.callAt, now);
    case 'done':
      return { ...f, state: 'done', nextActionAt: null, hold: null, updatedAt: now, history: [...f.history, event(now, 'done')] };
    case 'idle':
      return { ...f, nextActionAt: null, hold: null, updatedAt: now };
  }
}
