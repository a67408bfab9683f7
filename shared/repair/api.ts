/**
 * The `repair` cloud function: its events (one schema per action) and its answers.
 * Every answer is `{ ok: true, data }` or `{ ok: false, code, message, fields? }`.
 */
import * as z from 'zod/mini';
import { fileIdSchema, photosSchema } from '../core/files';
import { MAX_LIST_PAGE, wrongViewMessage } from '../core/lists';
import { refSearchSchema } from '../core/refs';
import { recordId, requestIdSchema, requiredText } from '../core/schemas';
import type { Millis } from '../core/time';
import { REPAIR_CATEGORIES, type RepairCategory } from './categories';
import type { RepairCommand } from './lifecycle';
import {
  OPEN_REPAIR_STATUSES,
  preferredVisitSchema,
  REPAIR_STATUSES,
  repairRatingSchema,
  type DeadlineKind,
  type PreferredVisit,
  type RepairEventType,
  type RepairRating,
  type RepairStatus,
} from './ticket';

const ticketId = recordId('报修单号');
export const RepairInputs = {
  create: z.object({
    /** chosen by the client once per form: a retried submission answers the same ticket */
    requestId: requestIdSchema,
    projectId: z.string({ error: '请选择房屋' }).check(z.minLength(1, { error: '请选择房屋' }), z.maxLength(64)),
    category: z.enum(REPAIR_CATEGORIES, { error: '请选择报修类别' }),
    description: requiredText('问题描述', 5, 500),
    photos: z._default(photosSchema(9), []),
    preferredVisit: preferredVisitSchema,
  }),
  mine: z.object({}),
  get: z.object({ ticketId }),
  /**
   * a site manager's tickets: open ones (`closed` false, the default), the nearest deadline first, all
   * of them; or closed ones (历史: resolved, confirmed, cancelled), newest first, `page` by `page`
   * (20 a page); `status` narrows either view to one of its statuses
   */
  queue: z.object({
    closed: z._default(z.boolean({ error: '请选择待处理或已关闭' }), false),
    status: z.optional(z.enum(REPAIR_STATUSES, { error: '没有这个状态' })),
    page: z._default(
      z.number({ error: '页码应为数字' }).check(z.int(), z.minimum(0, { error: '页码从 0 开始' }), z.maximum(MAX_LIST_PAGE, { error: `最多翻到第 ${MAX_LIST_PAGE} 页` })),
      0,
    ),
  }).check(
    z.superRefine((v, ctx) => {
      if (v.status !== undefined && OPEN_REPAIR_STATUSES.includes(v.status) === v.closed) ctx.addIssue({ code: 'custom', path: ['status'], message: wrongViewMessage(v.closed) });
    }),
  ),
  overdue: z.object({}),
  /** customer service: defects found in follow-ups, until confirmed */
  tracked: z.object({}),
  categories: z.object({}),
  /** staff: the ticket a reference names (BX-20261129-0007), if they may read it */
  byRef: z.object({ ref: refSearchSchema }),
  /** a department manager gives an open ticket to another site manager */
  reassign: z.object({ ticketId, siteManagerId: recordId('项目经理'), note: z._default(z.string().check(z.trim(), z.maxLength(100, { error: '说明最多 100 个字' })), '') }),
  /** a department manager nudges the site manager of an overdue ticket (once a day) */
  nudge: z.object({ ticketId }),
  /** a department manager: the site managers an open ticket of their department can be given to */
  siteManagers: z.object({ ticketId }),
  accept: z.object({ ticketId }),
  schedule: z.object({
    ticketId,
    visitAt: z.number({ error: '请选择上门时间' }).check(z.int(), z.positive({ error: '请选择上门时间' })),
  }),
  arrive: z.object({ ticketId }),
  /** DOMAIN §5: a repair is resolved only with at least one photo of the work and a note */
  resolve: z.object({
    ticketId,
    note: requiredText('维修说明', 2, 500),
    photos: z.array(fileIdSchema, { error: '请至少上传 1 张维修后的照片' }).check(
      z.minLength(1, { error: '请至少上传 1 张维修后的照片' }),
      z.maxLength(9, { error: '最多上传 9 张图片' }),
    ),
  }),
  confirm: z.object({ ticketId }),
  reopen: z.object({ ticketId, reason: requiredText('重新报修的原因', 2, 300) }),
  rate: z.object({ ticketId, ...z.omit(repairRatingSchema, { at: true }).shape }),
  /** homeowner: withdraw a request no site manager has accepted yet */
  cancel: z.object({ ticketId, reason: z._default(z.string().check(z.trim(), z.maxLength(200, { error: '取消原因最多 200 个字' })), '') }),
  /** homeowner: more information and photos on an open repair, for the site manager */
  addInfo: z.object({ ticketId, text: requiredText('补充说明', 2, 500), photos: z._default(photosSchema(9), []) }),
  /** homeowner: urge an overdue ticket (催单), at most once an hour */
  urge: z.object({ ticketId }),
} as const;

export type RepairAction = keyof typeof RepairInputs;
/** What the client sends to the `repair` function for one action. */
export type RepairCall<A extends RepairAction> = { action: A } & z.input<(typeof RepairInputs)[A]>;

/** A person as a ticket shows them; the phone is masked unless the viewer's work needs it. */
export interface PersonView {
  name: string;
  phone: string;
}

/** A ticket as the caller may see it. */
export interface RepairView {
  id: string;
  /** BX-YYYYMMDD-NNNN; null for a ticket made before references existed */
  ref: string | null;
  projectId: string;
  projectName: string;
  address: string;
  category: RepairCategory;
  categoryLabel: string;
  description: string;
  photos: string[];
  preferredVisit: PreferredVisit | null;
  preferredVisitLabel: string;
  /** a defect found in a follow-up, rather than a request the homeowner filed */
  source: { kind: 'survey' | 'phone'; label: string } | null;
  /** customer service follows it to the end */
  tracked: boolean;
  status: RepairStatus;
  statusLabel: string;
  createdAt: Millis;
  deadlines: { contactBy: Millis; onSiteBy: Millis; onSiteHours: number };
  visitAt: Millis | null;
  contactedAt: Millis | null;
  onSiteAt: Millis | null;
  resolution: { note: string; photos: string[]; at: Millis } | null;
  confirmedAt: Millis | null;
  rating: RepairRating | null;
  reopenCount: number;
  /** deadlines open and already past now */
  overdue: DeadlineKind[];
  nextDeadlineAt: Millis | null;
  homeowner: PersonView;
  siteManager: PersonView;
  history: { type: RepairEventType; label: string; at: Millis; byName: string; note?: string; photos?: string[] }[];
  /** what the caller may do with this ticket now */
  allowed: RepairCommand['type'][];
  /** 催单: whether the homeowner may urge it now (overdue, not urged within the hour), and when they last did */
  urge: { allowed: boolean; lastAt: Millis | null };
}

/** A ticket in a list. */
export type RepairSummary = Pick<
  RepairView,
  'id' | 'ref' | 'projectName' | 'category' | 'categoryLabel' | 'description' | 'status' | 'statusLabel' | 'createdAt' | 'nextDeadlineAt' | 'overdue' | 'visitAt'
>;

export interface RepairReplies {
  create: { ticket: RepairView };
  mine: { tickets: RepairSummary[] };
  get: { ticket: RepairView };
  /** `more`: the history view has another page */
  queue: { tickets: RepairSummary[]; more: boolean };
  overdue: { tickets: (RepairSummary & { siteManagerName: string })[] };
  tracked: { tickets: (RepairSummary & { siteManagerName: string })[] };
  categories: { categories: { id: RepairCategory; label: string; onSiteHours: number }[]; contactHours: number };
  byRef: { tickets: RepairSummary[] };
  reassign: { ticket: RepairView };
  nudge: { ticket: RepairView };
  siteManagers: { siteManagers: { id: string; name: string }[] };
  accept: { ticket: RepairView };
  schedule: { ticket: RepairView };
  arrive: { ticket: RepairView };
  resolve: { ticket: RepairView };
  confirm: { ticket: RepairView };
  reopen: { ticket: RepairView };
  rate: { ticket: RepairView };
  cancel: { ticket: RepairView };
  addInfo: { ticket: RepairView };
  urge: { ticket: RepairView; told: number };
}
