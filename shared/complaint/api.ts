/** The `complaint` cloud function: its events (one schema per action) and its answers. */
import * as z from 'zod';
import { photosSchema } from '../core/files';
import { recordId, requestIdSchema, requiredText } from '../core/schemas';
import { DEPARTMENTS, type Department } from '../core/roles';
import type { Millis } from '../core/time';
import { COMPLAINT_CATEGORIES, STAFF_ROLES, type ComplaintCategory, type ComplaintChannel, type StaffRole } from './categories';
import type { ComplaintEventType, ComplaintStatus } from './complaint';
import type { ComplaintCommand } from './lifecycle';

const complaintId = recordId('投诉编号');
const intake = {
  projectId: z.string({ error: '请选择房屋' }).min(1, { error: '请选择房屋' }).max(64),
  category: z.enum(COMPLAINT_CATEGORIES, { error: '请选择投诉类别' }),
  description: requiredText('投诉内容', 5, 1000),
  photos: photosSchema(9).default([]),
  /** the staff member on the project it is about, by their role there */
  staffRole: z.enum(STAFF_ROLES, { error: '请选择被投诉的人员' }).optional(),
};

export const ComplaintInputs = {
  file: z.object({ ...intake, requestId: requestIdSchema }),
  logPhone: z.object({ ...intake, requestId: requestIdSchema, callerSaid: z.string().trim().max(1000).default('') }),
  mine: z.object({}),
  get: z.object({ complaintId }),
  queue: z.object({}),
  categories: z.object({}),
  note: z.object({ complaintId, text: requiredText('处理进展', 2, 500) }),
  promise: z.object({
    complaintId,
    replyAt: z.number({ error: '请选择承诺答复的时间' }).int().positive({ error: '请选择承诺答复的时间' }),
    text: requiredText('说明', 2, 300),
  }),
  propose: z.object({ complaintId, text: requiredText('处理方案', 5, 1000) }),
  forward: z.object({ complaintId, department: z.enum(DEPARTMENTS, { error: '请选择要转交的部门' }), reason: requiredText('改派原因', 2, 200) }),
  accept: z.object({ complaintId }),
  reject: z.object({ complaintId, reason: requiredText('不接受的原因', 2, 500) }),
  /** homeowner: more information and photos on their own open complaint, for whoever handles it */
  addInfo: z.object({ complaintId, text: requiredText('补充说明', 2, 500), photos: photosSchema(9).default([]) }),
} as const;

export type ComplaintAction = keyof typeof ComplaintInputs;

export interface ComplaintSummary {
  id: string;
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
  history: { type: ComplaintEventType; label: string; at: Millis; byName: string; departmentLabel: string; note?: string; photos?: string[] }[];
  allowed: ComplaintCommand['type'][];
}

export interface ComplaintReplies {
  file: { complaint: ComplaintView };
  logPhone: { complaint: ComplaintView };
  mine: { complaints: ComplaintSummary[] };
  get: { complaint: ComplaintView };
  queue: { complaints: ComplaintSummary[] };
  categories: {
    categories: { id: ComplaintCategory; label: string; department: Department; departmentLabel: string }[];
    staffRoles: { id: StaffRole; label: string }[];
    replyWithinHours: number;
  };
  note: { complaint: ComplaintView };
  promise: { complaint: ComplaintView };
  propose: { complaint: ComplaintView };
  forward: { complaint: ComplaintView };
  accept: { complaint: ComplaintView };
  reject: { complaint: ComplaintView };
  addInfo: { complaint: ComplaintView };
}
