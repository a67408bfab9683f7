import { ENQUIRY_KIND_LABELS, promisedHours, type Enquiry } from '../enquiry/enquiry';
import { formatCst } from '../core/time';
import type { NoticeDraft } from './notice';

/** What the notices of one request at the service desk say, and where they lead (DOMAIN §11). */
type E = Pick<Enquiry, '_id' | 'ref' | 'homeownerId' | 'kind' | 'text' | 'receivedAt' | 'replyBy'>;

const homeownerPage = (e: E) => `/pages/enquiry/index?id=${encodeURIComponent(e._id)}`;
const staffPage = (e: E) => `/staff/enquiries/index?id=${encodeURIComponent(e._id)}`;
const brief = (text: string, max = 40) => (Array.from(text).length > max ? `${Array.from(text).slice(0, max - 1).join('')}…` : text);
const when = (at: number) => formatCst(at, 'M月D日 HH:mm');

/** To customer service: a new request waits for an answer. */
export function enquiryReceivedNotice(e: E, homeownerName: string): Omit<NoticeDraft, 'to'> {
  return {
    key: `enquiry.received:${e._id}`,
    ref: e.ref,
    kind: 'enquiry.received',
    title: `新${ENQUIRY_KIND_LABELS[e.kind]}待回复`,
    body: `${homeownerName ? `${homeownerName}：` : ''}${brief(e.text)}。请在 ${when(e.replyBy)} 前回复。`,
    page: staffPage(e),
  };
}

/** To the homeowner: customer service answered their request. */
export function enquiryRepliedNotice(e: E, reply: string): NoticeDraft {
  return {
    key: `enquiry.replied:${e._id}`,
    ref: e.ref,
    to: e.homeownerId,
    kind: 'enquiry.replied',
    title: `您的${ENQUIRY_KIND_LABELS[e.kind]}有回复了`,
    body: `客服回复：${brief(reply)}`,
    page: homeownerPage(e),
  };
}

/** To the customer-service managers: nobody answered in the time the homeowner was promised. */
export function enquiryOverdueNotice(e: E, homeownerName: string): Omit<NoticeDraft, 'to'> {
  return {
    key: `enquiry.overdue:${e._id}`,
    ref: e.ref,
    kind: 'enquiry.overdue',
    title: `${ENQUIRY_KIND_LABELS[e.kind]}超过 ${promisedHours(e)} 小时未回复`,
    body: `${homeownerName ? `${homeownerName}：` : ''}${brief(e.text)}。答复期限 ${when(e.replyBy)} 已过，请安排回复。`,
    page: staffPage(e),
  };
}
