import * as z from 'zod';

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
  // to staff
  'repair.assigned',
  'repair.overdue',
  'repair.urged',
  'repair.rated',
  'complaint.routed',
  'complaint.overdue',
  'complaint.about-you',
  'complaint.assigned',
  'report.ready',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

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
  ref: z.string().nullable(),
  createdAt: z.number(),
  readAt: z.number().nullable(),
});
export type Notice = z.infer<typeof noticeSchema>;

/** What an action says when it notifies someone; the key makes a second call for the same event a no-op. */
export type NoticeDraft = Omit<Notice, '_id' | 'createdAt' | 'readAt' | 'ref'> & { key: string; ref?: string | null };
