import type { Department, Role } from '../core/roles';
import type { Millis } from '../core/time';
import type { RepairCategory } from './categories';

/** submitted → accepted → scheduled → onSite → resolved → confirmed, or resolved → reopened → … */
export const REPAIR_STATUSES = ['submitted', 'accepted', 'scheduled', 'onSite', 'resolved', 'confirmed', 'reopened'] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

export const REPAIR_STATUS_LABELS: Record<RepairStatus, string> = {
  submitted: '已提交，等待接单',
  accepted: '已接单',
  scheduled: '已约定上门时间',
  onSite: '师傅已到现场',
  resolved: '已修好，待您确认',
  confirmed: '已确认修好',
  reopened: '已重新报修',
};

/** Statuses in which the site manager still owes the homeowner something. */
export const OPEN_REPAIR_STATUSES: readonly RepairStatus[] = ['submitted', 'accepted', 'scheduled', 'onSite', 'reopened'];

export const VISIT_SLOTS = ['morning', 'afternoon', 'evening'] as const;
export type VisitSlot = (typeof VISIT_SLOTS)[number];

/** Wall-clock hours (CST) of each visit slot a homeowner can prefer. */
export const VISIT_SLOT_HOURS: Record<VisitSlot, { from: string; to: string; label: string }> = {
  morning: { from: '09:00', to: '12:00', label: '上午 9:00-12:00' },
  afternoon: { from: '14:00', to: '18:00', label: '下午 14:00-18:00' },
  evening: { from: '18:00', to: '21:00', label: '晚上 18:00-21:00' },
};

export interface PreferredVisit {
  /** 'YYYY-MM-DD' in China Standard Time */
  date: string;
  slot: VisitSlot;
}

export interface RepairRating {
  /** 0–5, labels in shared/survey/score */
  score: number;
  contactedWithin24h: boolean;
  timeAgreed: boolean;
  planAgreed: boolean;
  satisfied: boolean;
  comment: string;
  at: Millis;
}

export type RepairEventType = 'submit' | 'accept' | 'schedule' | 'arrive' | 'resolve' | 'confirm' | 'reopen' | 'rate' | 'escalate';

export interface RepairEvent {
  type: RepairEventType;
  at: Millis;
  by: string;
  role: Role | 'system';
  status: RepairStatus;
  note?: string;
}

export type DeadlineKind = 'contact' | 'onSite';

/** A repair ticket as stored in the `repairs` collection. */
export interface RepairTicket {
  _id: string;
  projectId: string;
  homeownerId: string;
  siteManagerId: string;
  department: Department;
  category: RepairCategory;
  description: string;
  photos: string[];
  preferredVisit: PreferredVisit;
  status: RepairStatus;
  createdAt: Millis;
  updatedAt: Millis;
  /** the promises made to the homeowner for the current round (a reopen starts a new round) */
  deadlines: { contactBy: Millis; onSiteBy: Millis };
  contactedAt: Millis | null;
  onSiteAt: Millis | null;
  visitAt: Millis | null;
  resolution: { note: string; photos: string[]; at: Millis } | null;
  confirmedAt: Millis | null;
  rating: RepairRating | null;
  reopenCount: number;
  /** the earliest deadline not yet met, null when none is open: what overdue queries look at */
  nextDeadlineAt: Millis | null;
  /** every deadline missed, for reports: one entry per round and kind */
  breaches: { kind: DeadlineKind; round: number; dueAt: Millis }[];
  /** each missed deadline escalated to the department manager, once per round and kind */
  escalations: { kind: DeadlineKind; round: number; at: Millis }[];
  /** the earliest open deadline not yet escalated: what the escalation timer queries */
  escalateAt: Millis | null;
  history: RepairEvent[];
}
