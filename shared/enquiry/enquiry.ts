import * as z from 'zod/mini';
import { fail, ok, type Result } from '../core/result';
import { storedRefSchema } from '../core/refs';
import { HOUR, type Millis } from '../core/time';

/**
 * The service desk's register (DOMAIN §11, 004 5.1.2 《顾客服务信息登记表》): every request a homeowner
 * makes is written down, not only repairs and complaints — an enquiry (咨询), a suggestion (建议), or
 * any other service need (服务需求) — and every one gets an answer (001 第三篇 第五条 件件有落实，事事有回音).
 */
export const ENQUIRY_KINDS = ['enquiry', 'suggestion', 'need'] as const;
export type EnquiryKind = (typeof ENQUIRY_KINDS)[number];
export const ENQUIRY_KIND_LABELS: Record<EnquiryKind, string> = { enquiry: '咨询', suggestion: '建议', need: '服务需求' };

/** In the app, or taken by customer service on the phone. */
export const ENQUIRY_CHANNELS = ['app', 'phone'] as const;
export type EnquiryChannel = (typeof ENQUIRY_CHANNELS)[number];
export const ENQUIRY_CHANNEL_LABELS: Record<EnquiryChannel, string> = { app: '小程序', phone: '电话' };

export const ENQUIRY_STATUSES = ['open', 'answered'] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];
export const ENQUIRY_STATUS_LABELS: Record<EnquiryStatus, string> = { open: '待回复', answered: '已回复' };

/** One request at the desk (`enquiries/<id>`). */
export const enquirySchema = z.object({
  _id: z.string(),
  /** ZX-YYYYMMDD-NNNN, read out on the phone */
  ref: storedRefSchema,
  kind: z.enum(ENQUIRY_KINDS),
  channel: z.enum(ENQUIRY_CHANNELS),
  homeownerId: z.string(),
  /** the home it is about, when it is about one (always the homeowner's own) */
  projectId: z.nullable(z.string()),
  text: z.string(),
  receivedAt: z.number(),
  /** when the answer is due: `settings/followup.enquiryReplyWithinHours` (24 by default) after it arrived */
  replyBy: z.number(),
  status: z.enum(ENQUIRY_STATUSES),
  reply: z.nullable(z.object({ text: z.string(), at: z.number(), by: z.string(), byName: z.string() })),
  /** the customer-service agent who took it on the phone; null when the homeowner sent it in the app */
  loggedBy: z.nullable(z.object({ id: z.string(), name: z.string() })),
  /** when the escalation of a late answer is due (the `escalate` timer's range); null once escalated or answered */
  escalateAt: z.nullable(z.number()),
  /** when the customer-service managers were told it is late; null while it is not */
  escalatedAt: z.nullable(z.number()),
});
export type Enquiry = z.infer<typeof enquirySchema>;

export interface NewEnquiry {
  id: string;
  ref: string;
  kind: EnquiryKind;
  channel: EnquiryChannel;
  homeownerId: string;
  projectId: string | null;
  text: string;
  loggedBy: { id: string; name: string } | null;
}

/**
 * A request as it is registered: open, its answer due `replyWithinHours` later (the desk is on duty 24
 * hours, 004 5.1.1, so the hours run through nights and holidays).
 */
export function registerEnquiry(e: NewEnquiry, now: Millis, replyWithinHours: number): Enquiry {
  const replyBy = now + replyWithinHours * HOUR;
  return {
    _id: e.id, ref: e.ref, kind: e.kind, channel: e.channel, homeownerId: e.homeownerId, projectId: e.projectId, text: e.text,
    receivedAt: now, replyBy, status: 'open', reply: null, loggedBy: e.loggedBy, escalateAt: replyBy, escalatedAt: null,
  };
}

/** The answer, given once: a second reply is refused and changes nothing. */
export function answerEnquiry(e: Enquiry, reply: { text: string; by: string; byName: string }, now: Millis): Result<Enquiry> {
  if (e.status === 'answered') return fail('ENQUIRY.ALREADY_ANSWERED', '这条已经回复过了，不能再次回复；如需补充，请致电业主');
  return ok({ ...e, status: 'answered', reply: { ...reply, at: now }, escalateAt: null });
}

/** Still unanswered after its reply time: escalated once, to the customer-service managers; null when nothing is due. */
export function escalateOverdueEnquiry(e: Enquiry, now: Millis): Enquiry | null {
  if (e.status !== 'open' || e.escalatedAt !== null || e.replyBy >= now) return null;
  return { ...e, escalateAt: null, escalatedAt: now };
}

/** How many hours the homeowner was promised an answer within. */
export function promisedHours(e: Pick<Enquiry, 'receivedAt' | 'replyBy'>): number {
  return Math.round((e.replyBy - e.receivedAt) / HOUR);
}

export function isOverdue(e: Pick<Enquiry, 'status' | 'replyBy'>, now: Millis): boolean {
  return e.status === 'open' && e.replyBy < now;
}
