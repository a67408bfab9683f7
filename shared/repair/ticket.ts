import * as z from 'zod/mini';
import { storedRefSchema } from '../core/refs';
import { DEPARTMENTS, ROLES } from '../core/roles';
import { REPAIR_CATEGORIES } from './categories';

/**
 * submitted → accepted → scheduled → onSite → resolved → confirmed, or resolved → reopened → …;
 * a request not yet accepted can be cancelled by its homeowner.
 */
export const REPAIR_STATUSES = ['submitted', 'accepted', 'scheduled', 'onSite', 'resolved', 'confirmed', 'reopened', 'cancelled'] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

export const REPAIR_STATUS_LABELS: Record<RepairStatus, string> = {
  submitted: '已提交，等待接单',
  accepted: '已接单',
  scheduled: '已约定上门时间',
  onSite: '师傅已到现场',
  resolved: '已修好，待您确认',
  confirmed: '已确认修好',
  reopened: '已重新报修',
  cancelled: '已取消',
};

/** Statuses in which the site manager still owes the homeowner something. */
export const OPEN_REPAIR_STATUSES: readonly RepairStatus[] = ['submitted', 'accepted', 'scheduled', 'onSite', 'reopened'];
/** A site manager's history view (历史): tickets that have left the queue. */
export const CLOSED_REPAIR_STATUSES: readonly RepairStatus[] = ['resolved', 'confirmed', 'cancelled'];

/** Short labels for staff lists' status filters. */
export const REPAIR_STATUS_FILTER_LABELS: Record<RepairStatus, string> = {
  submitted: '待接单',
  accepted: '已接单',
  scheduled: '已约上门',
  onSite: '在现场',
  reopened: '重新报修',
  resolved: '待业主确认',
  confirmed: '已确认修好',
  cancelled: '已取消',
};

export const VISIT_SLOTS = ['morning', 'afternoon', 'evening'] as const;
export type VisitSlot = (typeof VISIT_SLOTS)[number];

/** Wall-clock hours (CST) of each visit slot a homeowner can prefer. */
export const VISIT_SLOT_HOURS: Record<VisitSlot, { from: string; to: string; label: string }> = {
  morning: { from: '09:00', to: '12:00', label: '上午 9:00-12:00' },
  afternoon: { from: '14:00', to: '18:00', label: '下午 14:00-18:00' },
  evening: { from: '18:00', to: '21:00', label: '晚上 18:00-21:00' },
};

/** The visit a homeowner would prefer; the `create` event takes it as stored. */
export const preferredVisitSchema = z.object(
  {
    /** 'YYYY-MM-DD' in China Standard Time */
    date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '请选择希望上门的日期' })),
    slot: z.enum(VISIT_SLOTS, { error: '请选择希望上门的时段' }),
  },
  { error: '请选择希望上门的时间' },
);
export type PreferredVisit = z.infer<typeof preferredVisitSchema>;

/** The homeowner's rating of a confirmed repair; the `rate` event takes it without `at`. */
export const repairRatingSchema = z.object({
  /** 0–5, labels in shared/survey/score */
  score: z.number({ error: '请打分' }).check(z.int(), z.minimum(0, { error: '评分为 0–5 分' }), z.maximum(5, { error: '评分为 0–5 分' })),
  contactedWithin24h: z.boolean({ error: '请回答：是否在 24 小时内联系您' }),
  timeAgreed: z.boolean({ error: '请回答：是否与您约定了上门时间' }),
  planAgreed: z.boolean({ error: '请回答：维修方案是否征得您的同意' }),
  satisfied: z.boolean({ error: '请回答：您对维修结果是否满意' }),
  comment: z._default(z.string().check(z.trim(), z.maxLength(300, { error: '意见最多 300 个字' })), ''),
  at: z.number(),
});
export type RepairRating = z.infer<typeof repairRatingSchema>;

export const REPAIR_EVENT_TYPES = ['submit', 'accept', 'schedule', 'arrive', 'resolve', 'confirm', 'reopen', 'rate', 'escalate', 'cancel', 'addInfo', 'urge', 'reassign', 'nudge'] as const;
export type RepairEventType = (typeof REPAIR_EVENT_TYPES)[number];

/** One step in a ticket's history. */
export const repairHistoryEntrySchema = z.object({
  type: z.enum(REPAIR_EVENT_TYPES),
  at: z.number(),
  by: z.string(),
  role: z.enum([...ROLES, 'system']),
  status: z.enum(REPAIR_STATUSES),
  note: z.optional(z.string()),
  /** photos the homeowner added with more information */
  photos: z.optional(z.array(z.string())),
});
export type RepairHistoryEntry = z.infer<typeof repairHistoryEntrySchema>;

export const DEADLINE_KINDS = ['contact', 'onSite'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * Where a ticket came from when the homeowner did not file it: a construction defect reported in a
 * follow-up (DOMAIN §11), answered in the mini-program ('survey') or to customer service on the phone
 * ('phone', `loggedBy` the agent). Customer service tracks such tickets to the end.
 */
export const repairSourceSchema = z.object({
  kind: z.enum(['survey', 'phone']),
  followUpId: z.string(),
  questionId: z.string(),
  loggedBy: z.nullable(z.string()),
});
export type RepairSource = z.infer<typeof repairSourceSchema>;

/** A repair ticket as stored in the `repairs` collection. */
export const repairTicketSchema = z.object({
  _id: z.string(),
  /** the reference read out on the phone, BX-YYYYMMDD-NNNN; null on tickets made before references */
  ref: storedRefSchema,
  projectId: z.string(),
  homeownerId: z.string(),
  siteManagerId: z.string(),
  department: z.enum(DEPARTMENTS),
  category: z.enum(REPAIR_CATEGORIES),
  description: z.string(),
  photos: z.array(z.string()),
  /** null when the ticket was opened from a follow-up: the site manager agrees the time with the homeowner */
  preferredVisit: z.nullable(preferredVisitSchema),
  status: z.enum(REPAIR_STATUSES),
  /** null for a request the homeowner filed */
  source: z._default(z.nullable(repairSourceSchema), null),
  /** customer service follows this ticket until it is confirmed (defects found in follow-ups) */
  tracked: z._default(z.boolean(), false),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** the promises made to the homeowner for the current round (a reopen starts a new round) */
  deadlines: z.object({ contactBy: z.number(), onSiteBy: z.number() }),
  contactedAt: z.nullable(z.number()),
  onSiteAt: z.nullable(z.number()),
  visitAt: z.nullable(z.number()),
  resolution: z.nullable(z.object({ note: z.string(), photos: z.array(z.string()), at: z.number() })),
  confirmedAt: z.nullable(z.number()),
  rating: z.nullable(repairRatingSchema),
  reopenCount: z.number(),
  /** the earliest deadline not yet met, null when none is open: what overdue queries look at */
  nextDeadlineAt: z.nullable(z.number()),
  /** every deadline missed, for reports: one entry per round and kind */
  breaches: z.array(z.object({ kind: z.enum(DEADLINE_KINDS), round: z.number(), dueAt: z.number() })),
  /** each missed deadline escalated to the department manager, once per round and kind */
  escalations: z.array(z.object({ kind: z.enum(DEADLINE_KINDS), round: z.number(), at: z.number() })),
  /** the earliest open deadline not yet escalated: what the escalation timer queries */
  escalateAt: z.nullable(z.number()),
  /** when the homeowner last urged the ticket (催单); absent until they do */
  urgedAt: z.optional(z.number()),
  history: z.array(repairHistoryEntrySchema),
});
export type RepairTicket = z.infer<typeof repairTicketSchema>;
