import { maskPhone } from '../core/privacy';
import type { Millis } from '../core/time';
import type { EnquirySummary, EnquiryView } from './api';
import { ENQUIRY_CHANNEL_LABELS, ENQUIRY_KIND_LABELS, ENQUIRY_STATUS_LABELS, isOverdue, type Enquiry } from './enquiry';

interface Seen {
  projectName: string;
  homeowner: { name: string; phone: string };
  /** the full phone: the homeowner themselves, or customer service opening the record (audited) */
  fullPhone: boolean;
  now: Millis;
}

export function toEnquirySummary(e: Enquiry, seen: Seen): EnquirySummary {
  return {
    id: e._id,
    ref: e.ref,
    kind: e.kind,
    kindLabel: ENQUIRY_KIND_LABELS[e.kind],
    channel: e.channel,
    channelLabel: ENQUIRY_CHANNEL_LABELS[e.channel],
    projectName: seen.projectName,
    text: e.text,
    status: e.status,
    statusLabel: ENQUIRY_STATUS_LABELS[e.status],
    receivedAt: e.receivedAt,
    replyBy: e.replyBy,
    overdue: isOverdue(e, seen.now),
    reply: e.reply ? { text: e.reply.text, at: e.reply.at, byName: e.reply.byName } : null,
    homeowner: { name: seen.homeowner.name, phone: seen.fullPhone ? seen.homeowner.phone : maskPhone(seen.homeowner.phone) },
    closed: e.status === 'answered',
  };
}

export function toEnquiryView(e: Enquiry, seen: Seen): EnquiryView {
  return { ...toEnquirySummary(e, seen), projectId: e.projectId, loggedByName: e.loggedBy?.name ?? null, escalatedAt: e.escalatedAt };
}

/** The open queue's order: late ones first, then the answer due soonest first. */
export function byReplyDue(now: Millis) {
  return (a: Enquiry, b: Enquiry): number => Number(isOverdue(b, now)) - Number(isOverdue(a, now)) || a.replyBy - b.replyBy;
}
