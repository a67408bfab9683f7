/**
 * The `repair` cloud function: its events (one schema per action) and its answers.
 * Every answer is `{ ok: true, data }` or `{ ok: false, code, message, fields? }`.
 */
import * as z from 'zod';
import { photosSchema } from '../core/files';
import { recordId, requestIdSchema, requiredText } from '../core/schemas';
import type { Millis } from '../core/time';
import { REPAIR_CATEGORIES, type RepairCategory } from './categories';
import type { RepairCommand } from './lifecycle';
import {
  preferredVisitSchema,
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
    projectId: z.string({ error: '请选择房屋' }).min(1, { error: '请选择房屋' }).max(64),
    category: z.enum(REPAIR_CATEGORIES, { error: '请选择报修类别' }),
    description: requiredText('问题描述', 5, 500),
    photos: photosSchema(9).default([]),
    preferredVisit: preferredVisitSchema,
  }),
  mine: z.object({}),
  get: z.object({ ticketId }),
  queue: z.object({}),
  overdue: z.object({}),
  categories: z.object({}),
  /** a department manager gives an open ticket to another site manager */
  reassign: z.object({ ticketId, siteManagerId: recordId('项目经理'), note: z.string().trim().max(100, { error: '说明最多 100 个字' }).default('') }),
  /** a department manager nudges the site manager of an overdue ticket (once a day) */
  nudge: z.object({ ticketId }),
  /** a department manager: the site managers an open ticket of their department can be given to */
  siteManagers: z.object({ ticketId }),
  accept: z.object({ ticketId }),
  schedule: z.object({
    ticketId,
    visitAt: z.number({ error: '请选择上门时间' }).int().positive({ error: '请选择上门时间' }),
  }),
  arrive: z.object({ ticketId }),
  resolve: z.object({ ticketId, note: requiredText('维修说明', 2, 500), photos: photosSchema(9).default([]) }),
  confirm: z.object({ ticketId }),
  reopen: z.object({ ticketId, reason: requiredText('重新报修的原因', 2, 300) }),
  rate: z.object({ ticketId, ...repairRatingSchema.omit({ at: true }).shape }),
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
  projectId: string;
  projectName: string;
  address: string;
  category: RepairCategory;
  categoryLabel: string;
  description: string;
  photos: string[];
  preferredVisit: PreferredVisit;
  preferredVisitLabel: string;
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
  history: { type: RepairEventType; label: string; at: Millis; byName: string; note?: string }[];
  /** what the caller may do with this ticket now */
  allowed: RepairCommand['type'][];
}

/** A ticket in a list. */
export type RepairSummary = Pick<
  RepairView,
  'id' | 'projectName' | 'category' | 'categoryLabel' | 'description' | 'status' | 'statusLabel' | 'createdAt' | 'nextDeadlineAt' | 'overdue' | 'visitAt'
>;

export interface RepairReplies {
  create: { ticket: RepairView };
  mine: { tickets: RepairSummary[] };
  get: { ticket: RepairView };
  queue: { tickets: RepairSummary[] };
  overdue: { tickets: (RepairSummary & { siteManagerName: string })[] };
  categories: { categories: { id: RepairCategory; label: string; onSiteHours: number }[]; contactHours: number };
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
}
