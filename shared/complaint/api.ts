/** The `complaint` cloud function: its events (one schema per action) and its answers. */
import * as z from 'zod/mini';
import { photosSchema } from '../core/files';
import { MAX_LIST_PAGE, wrongViewMessage } from '../core/lists';
import { refSearchSchema } from '../core/refs';
import { recordId, requestIdSchema, requiredText } from '../core/schemas';
import { DEPARTMENTS, type Department } from '../core/roles';
import type { Millis } from '../core/time';
import { COMPLAINT_CATEGORIES, STAFF_ROLES, type ComplaintCategory, type ComplaintChannel, type StaffRole } from './categories';
import { COMPLAINT_STATUSES, OPEN_COMPLAINT_STATUSES, type ComplaintEventType, type ComplaintStatus } from './complaint';
import type { ComplaintCommand } from './lifecycle';

const complaintId = recordId('投诉编号');
const intake = {
  projectId: z.string({ error: '请选择房屋' }).check(z.minLength(1, { error: '请选择房屋' }), z.maxLength(64)),
  category: z.enum(COMPLAINT_CATEGORIES, { error: '请选择投诉类别' }),
  description: requiredText('投诉内容', 5, 1000),
  photos: z._default(photosSchema(9), []),
  /** the staff member on the project it is about, by their role there */
  staffRole: z.optional(z.enum(STAFF_ROLES, { error: '请选择被投诉的人员' })),
  /** what the homeowner wants done about it (001 第五篇 “您能谈一下您的希望、您的要求吗”) */
  remedy: requiredText('您希望怎样处理', 2, 500),
};

/** A staff list of complaints: open or closed (历史), narrowed to one status, paged (see shared/core/lists.ts). */
const complaintList = z.object({
  closed: z._default(z.boolean({ error: '请选择待处理或已关闭' }), false),
  status: z.optional(z.enum(COMPLAINT_STATUSES, { error: '没有这个状态' })),
  page: z._default(
    z.number({ error: '页码应为数字' }).check(z.int(), z.minimum(0, { error: '页码从 0 开始' }), z.maximum(MAX_LIST_PAGE, { error: `最多翻到第 ${MAX_LIST_PAGE} 页` })),
    0,
  ),
}).check(
  z.superRefine((v, ctx) => {
    if (v.status !== undefined && OPEN_COMPLAINT_STATUSES.includes(v.status) === v.closed) ctx.addIssue({ code: 'custom', path: ['status'], message: wrongViewMessage(v.closed) });
  }),
);

export const ComplaintInputs = {
  file: z.object({ ...intake, requestId: requestIdSchema }),
  logPhone: z.object({ ...intake, requestId: requestIdSchema, callerSaid: z._default(z.string().check(z.trim(), z.maxLength(1000)), '') }),
  mine: z.object({}),
  get: z.object({ complaintId }),
  /**
   * the open complaints of the caller's department (customer service and admins: of every
   * department), the most urgent first, all of them; or, with `closed`, the closed ones (历史: closed,
   * unresolved), newest first, `page` by `page` (20 a page); `status` narrows either view
   */
  queue: complaintList,
  /** the complaints whose named handler is the caller (指派给我): open, or with `closed` the history, as `queue` */
  assigned: complaintList,
  /** staff: the complaint a reference names (TS-20261129-0003), if they may read it */
  byRef: z.object({ ref: refSearchSchema }),
  categories: z.object({}),
  note: z.object({ complaintId, text: requiredText('处理进展', 2, 500) }),
  promise: z.object({
    complaintId,
    replyAt: z.number({ error: '请选择承诺答复的时间' }).check(z.int(), z.positive({ error: '请选择承诺答复的时间' })),
    text: requiredText('说明', 2, 300),
  }),
  propose: z.object({ complaintId, text: requiredText('处理方案', 5, 1000) }),
  forward: z.object({ complaintId, department: z.enum(DEPARTMENTS, { error: '请选择要转交的部门' }), reason: requiredText('改派原因', 2, 200) }),
  evidence: z.object({ complaintId, photos: photosSchema(9).check(z.minLength(1, { error: '请至少上传一张证据照片' })), note: requiredText('证据说明', 2, 300) }),
  finding: z.object({ complaintId, text: requiredText('调查结论', 5, 1000) }),
  legal: z.object({ complaintId, note: requiredText('说明', 2, 300) }),
  accept: z.object({ complaintId }),
  reject: z.object({ complaintId, reason: requiredText('不接受的原因', 2, 500) }),
  /** homeowner: more information and photos on their own open complaint, for whoever handles it */
  addInfo: z.object({ complaintId, text: requiredText('补充说明', 2, 500), photos: z._default(photosSchema(9), []) }),
} as const;

export type ComplaintAction = keyof typeof ComplaintInputs;

export interface ComplaintSummary {
  id: string;
  /** TS-YYYYMMDD-NNNN; null for a complaint made before references existed */
  ref: string | null;
  projectName: string;
  category: ComplaintCategory;
  categoryLabel: string;
  description: string;
  status: ComplaintStatus;
  statusLabel: string;
  priority: 'normal' | 'high';
  isRepeat: boolean;
  receivedAt: Millis;
  department: Department;
  departmentLabel: string;
  level: number;
  /** when the answer owed now is due; null when none is owed */
  nextDeadlineAt: Millis | null;
  overdue: boolean;
  /** who handles it now: a named person with their department, or the department while nobody is named */
  handlerLabel: string;
  /** the deadline for the result the acknowledgement promised; null on complaints made before acknowledgements */
  resultBy: Millis | null;
  /** no result (a proposed resolution) yet, and the promised deadline for it has passed */
  resultOverdue: boolean;
}

export interface ComplaintView extends ComplaintSummary {
  projectId: string | null;
  photos: string[];
  channel: ComplaintChannel;
  channelLabel: string;
  staff: { role: StaffRole; roleLabel: string; name: string } | null;
  repeatOf: string | null;
  replyBy: Millis;
  promisedReplyAt: Millis | null;
  proposal: { text: string; at: Millis; byName: string } | null;
  /** the escalation ladder: who handled it, who handles it now, who is next */
  ladder: { department: Department; label: string; state: 'done' | 'current' | 'upcoming' }[];
  homeowner: { name: string; phone: string };
  firstOwnerName: string | null;
  closedAt: Millis | null;
  /** what the homeowner asked for; null when nobody could ask (survey, repair) */
  remedy: string | null;
  handler: { id: string; name: string; departmentLabel: string } | null;
  /** the viewer is the named handler */
  mine: boolean;
  /** the 受理函; null on complaints made before acknowledgements */
  acknowledgement: { at: Millis; replyBy: Millis; resultBy: Millis; text: string } | null;
  /** staff only: evidence the investigation keeps */
  evidence: { photos: string[]; note: string; at: Millis; byName: string }[];
  finding: { text: string; at: Millis; byName: string } | null;
  /** staff only: marked as involving legal liability, to be reported to the police */
  legalLiability: { note: string; at: Millis; byName: string } | null;
  /** once there is a result: how the homeowner can seek further remedy, the regulator included */
  furtherRemedies: string[];
  history: { type: ComplaintEventType; label: string; at: Millis; byName: string; departmentLabel: string; note?: string; photos?: string[] }[];
  allowed: ComplaintCommand['type'][];
}

export interface ComplaintReplies {
  file: { complaint: ComplaintView };
  logPhone: { complaint: ComplaintView };
  mine: { complaints: ComplaintSummary[] };
  get: { complaint: ComplaintView };
  /** `more`: the history view has another page */
  queue: { complaints: ComplaintSummary[]; more: boolean };
  assigned: { complaints: ComplaintSummary[]; more: boolean };
  byRef: { complaints: ComplaintSummary[] };
  categories: {
    categories: { id: ComplaintCategory; label: string; department: Department; departmentLabel: string }[];
    staffRoles: { id: StaffRole; label: string }[];
    replyWithinHours: number;
  };
  note: { complaint: ComplaintView };
  promise: { complaint: ComplaintView };
  propose: { complaint: ComplaintView };
  forward: { complaint: ComplaintView };
  evidence: { complaint: ComplaintView };
  finding: { complaint: ComplaintView };
  legal: { complaint: ComplaintView };
  accept: { complaint: ComplaintView };
  reject: { complaint: ComplaintView };
  addInfo: { complaint: ComplaintView };
}
