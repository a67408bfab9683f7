/** The `enquiry` cloud function (the service desk's register): its events, one schema per action, and its answers. */
import * as z from 'zod/mini';
import { MAX_LIST_PAGE } from '../core/lists';
import { recordId, requestIdSchema, requiredText } from '../core/schemas';
import type { Millis } from '../core/time';
import { ENQUIRY_KINDS, type EnquiryChannel, type EnquiryKind, type EnquiryStatus } from './enquiry';

const enquiryId = recordId('咨询编号');
const kind = z.enum(ENQUIRY_KINDS, { error: '请选择咨询、建议或服务需求' });
const text = requiredText('内容', 5, 1000);
const projectId = z.string({ error: '请选择房屋' }).check(z.minLength(1, { error: '请选择房屋' }), z.maxLength(64));

export const EnquiryInputs = {
  /** homeowner, in the app: an enquiry, a suggestion or a service need, about one of their homes or none */
  submit: z.object({ kind, text, projectId: z.optional(projectId), requestId: requestIdSchema }),
  /** customer service, on the phone: registered for the homeowner of the project; `reply` answers it in the same call */
  log: z.object({ kind, text, projectId, reply: z.optional(requiredText('回复', 2, 1000)), requestId: requestIdSchema }),
  /** homeowner: their own, newest first */
  mine: z.object({}),
  get: z.object({ enquiryId }),
  /** customer service: the open ones, late first, all of them; with `closed`, the answered ones, newest first, `page` by `page` */
  queue: z.object({
    closed: z._default(z.boolean({ error: '请选择待回复或已回复' }), false),
    page: z._default(z.number({ error: '页码应为数字' }).check(z.int(), z.minimum(0, { error: '页码从 0 开始' }), z.maximum(MAX_LIST_PAGE, { error: `最多翻到第 ${MAX_LIST_PAGE} 页` })), 0),
  }),
  /** customer service: the answer, once */
  reply: z.object({ enquiryId, text: requiredText('回复', 2, 1000) }),
} as const;

export type EnquiryAction = keyof typeof EnquiryInputs;

export interface EnquirySummary {
  id: string;
  /** ZX-YYYYMMDD-NNNN */
  ref: string | null;
  kind: EnquiryKind;
  kindLabel: string;
  channel: EnquiryChannel;
  channelLabel: string;
  projectName: string;
  text: string;
  status: EnquiryStatus;
  statusLabel: string;
  receivedAt: Millis;
  replyBy: Millis;
  /** unanswered past its reply time */
  overdue: boolean;
  reply: { text: string; at: Millis; byName: string } | null;
  /** staff lists: the homeowner's name and masked phone; the full phone only on `get` (an audited read) */
  homeowner: { name: string; phone: string };
  /** in the staff queue: answered (the history view) */
  closed: boolean;
}

export interface EnquiryView extends EnquirySummary {
  projectId: string | null;
  /** who took it on the phone */
  loggedByName: string | null;
  /** when the customer-service managers were told it was late */
  escalatedAt: Millis | null;
}

export interface EnquiryReplies {
  submit: { enquiry: EnquiryView };
  log: { enquiry: EnquiryView };
  mine: { enquiries: EnquirySummary[] };
  get: { enquiry: EnquiryView };
  queue: { enquiries: EnquirySummary[]; more: boolean };
  reply: { enquiry: EnquiryView };
}
