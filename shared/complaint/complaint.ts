import * as z from 'zod/mini';
import { storedRefSchema } from '../core/refs';
import { DEPARTMENTS, ROLES } from '../core/roles';
import { CHANNELS, COMPLAINT_CATEGORIES, STAFF_ROLES } from './categories';

/**
 * forwarded (waiting for the level's reply) → investigating (progress noted or a reply time promised)
 * → proposed (waiting for the homeowner) → closed (accepted), or back to forwarded one level up when
 * the homeowner rejects; a rejection at the top of the ladder ends as unresolved.
 */
export const COMPLAINT_STATUSES = ['forwarded', 'investigating', 'proposed', 'closed', 'unresolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  forwarded: '已转交责任部门，等待答复',
  investigating: '正在调查处理',
  proposed: '已提出处理方案，等待您确认',
  closed: '已解决',
  unresolved: '未达成一致，已存档待总经理跟进',
};

export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['forwarded', 'investigating', 'proposed'];
/** A staff list's history view (历史): complaints nobody owes an answer any more. */
export const CLOSED_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['closed', 'unresolved'];

/** Short labels for staff lists' status filters. */
export const COMPLAINT_STATUS_FILTER_LABELS: Record<ComplaintStatus, string> = {
  forwarded: '待答复',
  investigating: '调查处理中',
  proposed: '方案待确认',
  closed: '已解决',
  unresolved: '未达成一致',
};

export const COMPLAINT_EVENT_TYPES = [
  'received',
  'forwarded',
  'noted',
  'promised',
  'proposed',
  'accepted',
  'rejected',
  'escalated',
  'overdueAtTop',
  'evidence',
  'finding',
  'legalLiability',
  'assigned',
  'info',
] as const;
export type ComplaintEventType = (typeof COMPLAINT_EVENT_TYPES)[number];

export const complaintEventSchema = z.object({
  type: z.enum(COMPLAINT_EVENT_TYPES),
  at: z.number(),
  /** who did it: a user openid, or 'system' for the timer and automatic intake */
  by: z.string(),
  role: z.enum([...ROLES, 'system']),
  level: z.number(),
  department: z.enum(DEPARTMENTS),
  note: z.optional(z.string()),
  /** photos the homeowner added with more information */
  photos: z.optional(z.array(z.string())),
});
export type ComplaintEvent = z.infer<typeof complaintEventSchema>;

export const staffNamedSchema = z.object({
  role: z.enum(STAFF_ROLES),
  id: z.string(),
  name: z.string(),
});
export type StaffNamed = z.infer<typeof staffNamedSchema>;

/** The 受理函: the complaint is registered, who handles it, when the reply and the result are due. */
export const acknowledgementSchema = z.object({
  at: z.number(),
  /** the first reply is due by then (24 h) */
  replyBy: z.number(),
  /** the result of the handling is due by then (003 第十条 处理结果通知期限) */
  resultBy: z.number(),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export const evidenceSchema = z.object({
  photos: z.array(z.string()),
  note: z.string(),
  at: z.number(),
  by: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** A complaint as stored in `complaints`. */
export const complaintSchema = z.object({
  _id: z.string(),
  /** the reference read out on the phone, TS-YYYYMMDD-NNNN; null on complaints made before references */
  ref: storedRefSchema,
  homeownerId: z.string(),
  projectId: z.nullable(z.string()),
  category: z.enum(COMPLAINT_CATEGORIES),
  description: z.string(),
  photos: z.array(z.string()),
  channel: z.enum(CHANNELS),
  /** the staff member it is about, where known */
  staff: z.nullable(staffNamedSchema),
  /** the survey answer or repair ticket that opened it automatically */
  source: z.nullable(z.object({ kind: z.enum(['survey', 'repair']), id: z.string() })),
  receivedAt: z.number(),
  receivedBy: z.string(),
  /** 首问负责制: the customer-service agent who took it by phone */
  firstOwnerId: z.nullable(z.string()),
  /** departments it climbs, the responsible one first */
  chain: z.array(z.enum(DEPARTMENTS)),
  level: z.number(),
  /** chain[level]: who owes the next answer */
  department: z.enum(DEPARTMENTS),
  status: z.enum(COMPLAINT_STATUSES),
  priority: z.enum(['normal', 'high']),
  repeatOf: z.nullable(z.string()),
  /** when the current level's answer is due: 24 h after reaching the level, or the promised time */
  replyBy: z.number(),
  promisedReplyAt: z.nullable(z.number()),
  /** replyBy while an answer is owed, otherwise null: what the overdue timer queries */
  nextDeadlineAt: z.nullable(z.number()),
  proposal: z.nullable(z.object({ text: z.string(), at: z.number(), by: z.string(), level: z.number() })),
  /** nextDeadlineAt until that deadline has been acted on by the overdue timer: what the timer queries */
  escalateAt: z.nullable(z.number()),
  /** each missed deadline, once: `${level}:${replyBy}` */
  missedDeadlines: z.array(z.string()),
  closedAt: z.nullable(z.number()),
  /** what the homeowner wants done about it, asked at intake (001 第五篇); null when nobody could ask (survey, repair) */
  remedy: z._default(z.nullable(z.string()), null),
  /** 首问负责制: the named person who owns it now, in the department that owes the answer; null before handlers were named */
  handlerId: z._default(z.nullable(z.string()), null),
  /** the 受理函 (003 第十条): when it was acknowledged and the deadlines it promised; null on complaints made before it */
  acknowledgement: z._default(z.nullable(acknowledgementSchema), null),
  /** evidence the investigation keeps (003 第十三条) */
  evidence: z._default(z.array(evidenceSchema), []),
  /** the written finding of the investigation (003 第十五条) */
  finding: z._default(z.nullable(z.object({ text: z.string(), at: z.number(), by: z.string() })), null),
  /** marked by staff as involving legal liability, to be reported to the police (003 第八条) */
  legalLiability: z._default(z.nullable(z.object({ note: z.string(), at: z.number(), by: z.string() })), null),
  history: z.array(complaintEventSchema),
  updatedAt: z.number(),
});
export type Complaint = z.infer<typeof complaintSchema>;

/** The key a deadline is remembered by once it was missed. */
export function deadlineKey(c: Pick<Complaint, 'level' | 'replyBy'>): string {
  return `${c.level}:${c.replyBy}`;
}

/** Sets what is owed next, and when the overdue timer should look at the complaint again. */
export function withDeadlines<C extends Complaint | Omit<Complaint, '_id'>>(c: C): C {
  const owed = c.status === 'forwarded' || c.status === 'investigating';
  const nextDeadlineAt = owed ? c.replyBy : null;
  return { ...c, nextDeadlineAt, escalateAt: nextDeadlineAt !== null && !c.missedDeadlines.includes(deadlineKey(c)) ? nextDeadlineAt : null };
}
