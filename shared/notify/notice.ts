import * as z from 'zod/mini';

/**
 * What happened that someone is told about. Homeowners hear about their own repairs and complaints;
 * staff hear about the work that reaches them (DOMAIN §4, §5, §11).
 */
export const NOTICE_KINDS = [
  // to the homeowner
  'repair.accepted',
  'repair.scheduled',
  'repair.resolved',
  'complaint.received',
  'complaint.replied',
  'complaint.promised',
  'complaint.proposal',
  'complaint.resolved',
  'privacy.deleted',
  'enquiry.replied',
  // to staff
  'repair.assigned',
  'repair.overdue',
  'repair.urged',
  'repair.reopened',
  'repair.rated',
  'repair.cancelled',
  'repair.info',
  'complaint.info',
  'complaint.routed',
  'complaint.overdue',
  'complaint.about-you',
  'complaint.assigned',
  'report.ready',
  'records.granted',
  'records.revoked',
  'enquiry.received',
  'enquiry.overdue',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * Why a notice stayed in the message list only: no template set for its kind, no credit left for the
 * recipient, WeChat refused (43101: not subscribed), the data would be refused, WeChat answered another
 * error, or the send's outcome was never learnt (it may have arrived; it is never sent again).
 */
export const PUSH_MISSES = ['noTemplate', 'noCredit', 'refused', 'badData', 'sendFailed', 'sendUnknown'] as const;
export type PushMiss = (typeof PUSH_MISSES)[number];

/** pending → sent, or inAppOnly; `sending` while WeChat's answer is unknown (never sent again). */
export const pushSchema = z.object({
  state: z.enum(['pending', 'sending', 'sent', 'inAppOnly']),
  /** when it is (or was) due: the event's time inside the push window, else the window's next opening */
  dueAt: z.number(),
  templateId: z.nullable(z.string()),
  miss: z.nullable(z.enum(PUSH_MISSES)),
  errcode: z.nullable(z.number()),
  /** when it was settled (sent or left in the list) */
  settledAt: z.nullable(z.number()),
});
export type NoticePush = z.infer<typeof pushSchema>;

/**
 * One notice (`notices/<key>`): an entry in the recipient's in-app message list (消息), and the
 * subscription message that carries it when the recipient has a credit for it. The id is the notice's
 * key, made from what it is about, so the same event never notifies twice.
 */
export const noticeSchema = z.object({
  _id: z.string(),
  /** the recipient's user id */
  to: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  /** the page that tapping it opens, e.g. `/pages/repair/index?id=…` */
  page: z.string(),
  /** the reference number a person can read out (BX-…, TS-…), when there is one */
  ref: z.nullable(z.string()),
  createdAt: z.number(),
  readAt: z.nullable(z.number()),
  /** its push as a subscription message */
  push: pushSchema,
  /** when the push is due, while it is pending or its send is unconfirmed; null once settled: what the push timer queries */
  pushAt: z.nullable(z.number()),
});
export type Notice = z.infer<typeof noticeSchema>;

/** What an action says when it notifies someone; the key makes a second call for the same event a no-op. */
export type NoticeDraft = Omit<Notice, '_id' | 'createdAt' | 'readAt' | 'ref' | 'push' | 'pushAt'> & { key: string; ref?: string | null };
