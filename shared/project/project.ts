import type { Department } from '../core/roles';

/** Milestones of a project (DOMAIN §2); each is a CST calendar date 'YYYY-MM-DD' once recorded. */
export const MILESTONES = [
  'depositPaid',
  'contractSigned',
  'started',
  'concealedWorksDone',
  'midPayment',
  'plannedCompletion',
  'completed',
  'finalPayment',
  'warrantyRegistered',
  'feedbackFormReceived',
] as const;
export type Milestone = (typeof MILESTONES)[number];

export const MILESTONE_LABELS: Record<Milestone, string> = {
  depositPaid: '订金已交',
  contractSigned: '合同签单',
  started: '开工',
  concealedWorksDone: '隐蔽工程验收',
  midPayment: '中期款',
  plannedCompletion: '合同竣工日',
  completed: '竣工',
  finalPayment: '交清尾款',
  warrantyRegistered: '办理保修',
  feedbackFormReceived: '意见反馈表已收',
};

/** A staff member named on a project: who can be rated and complained about (DOMAIN §1). */
export interface StaffRef {
  id: string;
  name: string;
}

/** A renovation project as stored in `projects`. */
export interface Project {
  _id: string;
  name: string;
  address: string;
  homeownerId: string;
  /** the site manager (项目经理/工长) who fixes repair tickets on this site: a user openid */
  siteManagerId: string;
  department: Department;
  staff: { designer?: StaffRef; inspector?: StaffRef; projectManager?: StaffRef };
  milestones: Partial<Record<Milestone, string>>;
  /** who registered the warranty: the homeowner in person, or a foreman/site lead for them (DOMAIN §2) */
  warrantyRegisteredBy?: WarrantyRegisteredBy;
  /** every recording and correction of a milestone, oldest first: a correction never overwrites silently */
  milestoneHistory?: MilestoneChange[];
  createdAt: number;
}

export type WarrantyRegisteredBy = 'homeowner' | 'proxy';

export const WARRANTY_BY_LABELS: Record<WarrantyRegisteredBy, string> = {
  homeowner: '业主本人办理',
  proxy: '工长/现场负责人代办',
};

/** One recording of a milestone: `from` is what it said before (null the first time), `to` what it says now (null: removed). */
export interface MilestoneChange {
  milestone: Milestone;
  from: string | null;
  to: string | null;
  by: string;
  byName: string;
  at: number;
  /** required for a correction or removal */
  reason: string | null;
}
