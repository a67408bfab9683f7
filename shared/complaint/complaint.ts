import type { Department, Role } from '../core/roles';
import type { Millis } from '../core/time';
import type { ComplaintCategory, ComplaintChannel, StaffRole } from './categories';

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

export type ComplaintEventType =
  | 'received'
  | 'forwarded'
  | 'noted'
  | 'promised'
  | 'proposed'
  | 'accepted'
  | 'rejected'
  | 'escalated'
  | 'overdueAtTop';

export interface ComplaintEvent {
  type: ComplaintEventType;
  at: Millis;
  /** who did it: a user openid, or 'system' for the timer and automatic intake */
  by: string;
  role: Role | 'system';
  level: number;
  department: Department;
  note?: string;
}

export interface StaffNamed {
  role: StaffRole;
  id: string;
  name: string;
}

/** A complaint as stored in `complaints`. */
export interface Complaint {
  _id: string;
  homeownerId: string;
  projectId: string | null;
  category: ComplaintCategory;
  description: string;
  photos: string[];
  channel: ComplaintChannel;
  /** the staff member it is about, where known */
  staff: StaffNamed | null;
  /** the survey answer or repair ticket that opened it automatically */
  source: { kind: 'survey' | 'repair'; id: string } | null;
  receivedAt: Millis;
  receivedBy: string;
  /** 首问负责制: the customer-service agent who took it by phone */
  firstOwnerId: string | null;
  /** departments it climbs, the responsible one first */
  chain: Department[];
  level: number;
  /** chain[level]: who owes the next answer */
  department: Department;
  status: ComplaintStatus;
  priority: 'normal' | 'high';
  repeatOf: string | null;
  /** when the current level's answer is due: 24 h after reaching the level, or the promised time */
  replyBy: Millis;
  promisedReplyAt: Millis | null;
  /** replyBy while an answer is owed, otherwise null: what the overdue timer queries */
  nextDeadlineAt: Millis | null;
  proposal: { text: string; at: Millis; by: string; level: number } | null;
  /** nextDeadlineAt until that deadline has been acted on by the overdue timer: what the timer queries */
  escalateAt: Millis | null;
  /** each missed deadline, once: `${level}:${replyBy}` */
  missedDeadlines: string[];
  closedAt: Millis | null;
  history: ComplaintEvent[];
  updatedAt: Millis;
}

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
