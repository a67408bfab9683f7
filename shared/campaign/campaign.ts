import * as z from 'zod/mini';
import { CONSENT_CHANNELS, type ConsentChannel } from '../consent/ledger';
import { cstDate, DAY, HOUR, type Millis } from '../core/time';
import { CLAIM_MEMORY_DAYS, creditKey, emptyLedger, sentOn, spendCredit, type ContactLedger } from '../followup/credits';
import { insideWindow, nextContactTime, startOfNextDay, type ContactWindow } from '../followup/contact';
import type { Project } from '../project/project';
import { HOLIDAYS } from './holidayNames';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, PROJECT_STAGES, SEND_STATES, SKIP_REASONS, WARRANTY_FILTERS, type ProjectStage, type SkipReason } from './labels';

export * from './labels';
/**
 * Marketing campaigns (DOMAIN §7, PIPL art. 24): an admin sends an event invitation, an offer or a
 * holiday greeting to an audience of homeowners, on one channel, at a time. Nothing goes to anyone
 * without that channel's marketing consent standing at the moment of sending.
 */

export const audienceSchema = z.object({
  /** empty: every stage */
  stages: z._default(z.array(z.enum(PROJECT_STAGES, { error: '项目阶段只能是已签约未开工、施工中或已竣工' })).check(z.maxLength(3)), []),
  warranty: z._default(z.enum(WARRANTY_FILTERS, { error: '保修条件只能是不限、已办理保修或未办理保修' }), 'any'),
  /** a city or district the project's address contains ('杭州', '滨江区'); null: anywhere */
  city: z._default(z.nullable(z.string().check(z.trim(), z.minLength(2, { error: '城市/区域至少 2 个字' }), z.maxLength(20, { error: '城市/区域最多 20 个字' }))), null),
});
export type Audience = z.infer<typeof audienceSchema>;

/** The stage a project is at, from its milestones; null before the contract is signed. */
export function projectStage(p: Pick<Project, 'milestones'>): ProjectStage | null {
  if (p.milestones.completed) return 'completed';
  if (p.milestones.started) return 'underConstruction';
  if (p.milestones.contractSigned || p.milestones.depositPaid) return 'signed';
  return null;
}

/** Whether a project's homeowner is in the audience. Anonymised projects never are. */
export function inAudience(p: Pick<Project, 'milestones' | 'address' | 'anonymisedAt'>, a: Audience): boolean {
  if (p.anonymisedAt !== undefined) return false;
  const stage = projectStage(p);
  if (a.stages.length > 0 && (stage === null || !a.stages.includes(stage))) return false;
  const registered = Boolean(p.milestones.warrantyRegistered);
  if (a.warranty === 'registered' && !registered) return false;
  if (a.warranty === 'notRegistered' && registered) return false;
  return a.city === null || p.address.includes(a.city);
}

/** A marketing message not sent this long after the campaign's time is not sent at all (a greeting a week late is noise). */
export const SEND_WITHIN_DAYS = 3;


/** How a marketing text ends: the way to refuse (PIPL art. 24; the Consumer Rights Protection Law art. 29). */
export const SMS_OPT_OUT = '回复T退订';
export const MESSAGE_OPT_OUT = '点开可一键退订';
/**
 * The page a marketing subscription message opens: the consent screen reached from a message
 * (`routes.consent(true)`), which offers one-tap withdrawal. A unit test keeps the two equal.
 */
export const OPT_OUT_PAGE = 'pages/consent/index?via=message';

/** An SMS's full text: the company's signature is added by the SMS provider; the refusal way always ends it. */
export function smsText(c: Pick<Campaign, 'title' | 'body'>): string {
  return `${c.title}：${c.body} ${SMS_OPT_OUT}`;
}

const by = z.object({ id: z.string(), name: z.string() });

/** A campaign as stored in `campaigns`. */
export const campaignSchema = z.object({
  _id: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  title: z.string(),
  body: z.string(),
  channel: z.enum(CONSENT_CHANNELS),
  audience: audienceSchema,
  /** for a greeting: the holiday and year its time was taken from */
  holiday: z.nullable(z.object({ name: z.enum(HOLIDAYS), year: z.number().check(z.int()) })),
  sendAt: z.number(),
  /** after this, what was not sent is skipped */
  expiresAt: z.number(),
  /**
   * proposed: waiting for another admin's approval (004 4.5: what is published to customers is approved
   * before it goes out), nothing is sent; scheduled: approved, the audience is still being gathered (from
   * `cursor`, a project id) once `sendAt` comes; expanded: every send is in `campaignSends`
   */
  status: z.enum(CAMPAIGN_STATUSES),
  cursor: z.nullable(z.string()),
  /** homeowners put in the sends ledger so far */
  audienceSize: z.number().check(z.int()),
  createdBy: by,
  createdAt: z.number(),
  cancelled: z.nullable(z.object({ at: z.number(), by })),
  /** who approved it and when; null while proposed (campaigns stored before approvals read as null) */
  approved: z._default(z.nullable(z.object({ at: z.number(), by })), null),
});
export type Campaign = z.infer<typeof campaignSchema>;

/**
 * What happened to one homeowner in a campaign (`campaignSends/<campaignId>:<homeownerId>`):
 * - pending: waiting for `nextAt` (the campaign's time, a contact window, tomorrow under the daily cap)
 * - sending: claimed by a run (credit and day spent, consent claimed); never sent a second time
 * - sent: the channel took it
 * - skipped: not sent, `reason` says why (no consent at the moment of sending, cancelled, expired, no credit)
 * - callTask: a phone campaign's call for customer service (consent re-checked when the task is opened)
 * - called: customer service opened the task and had consent to call
 */
export const campaignSendSchema = z.object({
  _id: z.string(),
  campaignId: z.string(),
  homeownerId: z.string(),
  channel: z.enum(CONSENT_CHANNELS),
  state: z.enum(SEND_STATES),
  reason: z.nullable(z.enum(SKIP_REASONS)),
  /** when the timer looks at it next; null once nothing more will happen */
  nextAt: z.nullable(z.number()),
  /** a phone task's time to call (from the first contact window at or after the campaign's time) */
  callAt: z.nullable(z.number()),
  sentAt: z.nullable(z.number()),
  calledBy: z.nullable(by),
  updatedAt: z.number(),
});
export type CampaignSend = z.infer<typeof campaignSendSchema>;

export const sendId = (campaignId: string, homeownerId: string) => `${campaignId}:${homeownerId}`;
/** The key a marketing send is claimed under in the homeowner's contact ledger (and the outbox's idempotency key). */
export const sendClaimKey = (campaignId: string) => `campaign-${campaignId}`;

/** The marketing message template (`settings/campaign.template`): WeChat keywords → what they show. */
export const CAMPAIGN_TEMPLATE_VALUES = ['title', 'body', 'date', 'optOut'] as const;
export const campaignTemplateSchema = z.object({ id: z.string().check(z.minLength(1)), fields: z.record(z.string(), z.enum(CAMPAIGN_TEMPLATE_VALUES)) });
export type CampaignTemplate = z.infer<typeof campaignTemplateSchema>;

/** `settings/campaign.template`, or null when the admin configured none (then no subscription campaign can be defined). */
export function campaignTemplateWith(raw: unknown): CampaignTemplate | null {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const parsed = campaignTemplateSchema.safeParse(o.template);
  return parsed.success ? parsed.data : null;
}

export interface SendContext {
  now: Millis;
  campaign: Pick<Campaign, 'status' | 'expiresAt' | 'channel' | 'cancelled'>;
  windows: ContactWindow[];
  /** messages (service and marketing) the homeowner got on the CST day of `now` */
  sentToday: number;
  /** service follow-ups of the homeowner due by the end of today and not sent yet: they go first */
  serviceDueToday: number;
  dailyCap: number;
  /** for a subscription campaign: the credits left of the campaign template */
  credits: number;
}

export type SendDecision =
  | { kind: 'wait'; until: Millis }
  | { kind: 'skip'; reason: SkipReason }
  | { kind: 'send' };

/**
 * What the campaign timer does with one pending send. Consent is not decided here: it is claimed on
 * the ledger at the very moment of sending (claimMarketingSend), after this says `send`.
 * - cancelled → skip; past the campaign's time limit → skip (expired)
 * - outside the homeowner's contact window → wait for the next one (skip if that is past the limit)
 * - the day's cap reached, counting the service follow-ups still due today (service first) → tomorrow
 * - a subscription message without credit → skip (noCredit)
 */
export function decideSend(c: SendContext): SendDecision {
  const { now, campaign } = c;
  if (campaign.cancelled || campaign.status === 'cancelled') return { kind: 'skip', reason: 'cancelled' };
  if (now >= campaign.expiresAt) return { kind: 'skip', reason: 'expired' };
  const until = (at: Millis | null): SendDecision => (at === null || at >= campaign.expiresAt ? { kind: 'skip', reason: 'expired' } : { kind: 'wait', until: at });
  if (!insideWindow(now, c.windows)) return until(nextContactTime(now, c.windows));
  if (c.sentToday + c.serviceDueToday >= c.dailyCap) return until(nextContactTime(startOfNextDay(now), c.windows));
  if (campaign.channel === 'subscription' && c.credits <= 0) return { kind: 'skip', reason: 'noCredit' };
  return { kind: 'send' };
}

/** The latest a campaign may be set for: a year ahead. */
export const MAX_AHEAD = 366 * DAY;
/** A campaign's time may be a little in the past (the form took a while): it then goes at once. */
export const GRACE = HOUR;

/**
 * A marketing send counted in the homeowner's contact ledger under `key`, against the daily cap shared
 * with service follow-ups: a subscription message spends one credit of its template (`spendCredit`),
 * a text message only counts the day. Null when it may not go: the day is full (counting the service
 * follow-ups still due today, which go first), no credit is left, or it was claimed before.
 */
export function claimMarketingContact(
  ledger: ContactLedger | null,
  homeownerId: string,
  send: { channel: ConsentChannel; key: string; templateId: string | null },
  limits: { dailyCap: number; serviceDueToday: number },
  now: Millis,
): ContactLedger | null {
  const l = ledger ?? emptyLedger(homeownerId, now);
  if (sentOn(l, now) + limits.serviceDueToday >= limits.dailyCap || l.claims[send.key]) return null;
  if (send.channel === 'subscription') return send.templateId ? spendCredit(l, send.templateId, send.key, now) : null;
  const today = cstDate(now);
  return {
    ...l,
    day: today,
    sentOnDay: sentOn(l, now) + 1,
    claims: { ...Object.fromEntries(Object.entries(l.claims).filter(([, c]) => now - c.claimedAt < CLAIM_MEMORY_DAYS * DAY)), [send.key]: { templateId: 'sms', claimedAt: now } },
    version: l.version + 1,
    updatedAt: now,
  };
}

/**
 * Undoes `claimMarketingContact` when consent was refused at the very moment of sending (a withdrawal
 * got in between): the credit comes back, the day's count goes down and the claim is forgotten, as if
 * nothing had been tried. Answers the ledger unchanged when the claim is not the one made at `claimedAt`.
 */
export function releaseMarketingContact(ledger: ContactLedger, send: { key: string; templateId: string | null }, claimedAt: Millis, now: Millis): ContactLedger {
  const claim = ledger.claims[send.key];
  if (!claim || claim.claimedAt !== claimedAt) return ledger;
  const { [send.key]: _released, ...claims } = ledger.claims;
  const counted = ledger.day === cstDate(claimedAt) ? { sentOnDay: Math.max(0, ledger.sentOnDay - 1) } : {};
  const k = send.templateId ? creditKey(send.templateId) : null;
  const credit = k ? ledger.credits[k] : undefined;
  const credits = k && credit ? { ...ledger.credits, [k]: { ...credit, spent: credit.spent - 1, left: credit.left + 1 } } : ledger.credits;
  return { ...ledger, ...counted, claims, credits, version: ledger.version + 1, updatedAt: now };
}
