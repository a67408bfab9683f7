/** The `project` cloud function: finding projects (staff), and recording milestones (site managers, admins). */
import * as z from 'zod/mini';
import { recordId } from '../core/schemas';
import type { Millis } from '../core/time';
import type { MilestoneDue } from './due';
import type { FollowUpState } from '../followup/followup';
import type { FollowUpKind } from '../followup/schedule';
import { MILESTONES, type Milestone, type MilestoneChange, type WarrantyRegisteredBy } from './project';

const projectId = recordId('项目编号');

export const ProjectInputs = {
  search: z.object({
    /** a homeowner's full mobile number, or the beginning of a project's name (小区 + 房号) */
    query: z.string({ error: '请输入业主手机号或小区名称' }).check(z.trim(), z.minLength(2, { error: '请至少输入 2 个字' }), z.maxLength(40, { error: '最多 40 个字' })),
  }),
  /** the projects the caller runs (site manager) or all of them (admin), newest first */
  mine: z.object({}),
  detail: z.object({ projectId }),
  /**
   * Records a milestone's CST date, corrects it (with a reason), or removes it (`date: null`, with a
   * reason). Recording the same date again changes nothing. The warranty needs `warrantyBy`.
   */
  recordMilestone: z.object({
    projectId,
    milestone: z.enum(MILESTONES, { error: '请选择节点' }),
    date: z.union([z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })), z.null()], { error: '请选择日期' }),
    warrantyBy: z.optional(z.enum(['homeowner', 'proxy'], { error: '请选择保修由谁办理' })),
    reason: z.optional(z.string().check(z.trim(), z.maxLength(200, { error: '修改原因最多 200 个字' }))),
  }),
} as const;

export interface ProjectSearchHit {
  id: string;
  name: string;
  address: string;
  homeownerName: string;
  /** masked: 138****8001 */
  homeownerPhone: string;
  siteManagerName: string;
}

/** One milestone as staff see it on the project page. */
export interface MilestoneRow {
  milestone: Milestone;
  label: string;
  date: string | null;
  /** whether the caller may record it now (its prerequisites are recorded) */
  recordable: boolean;
}

/** A follow-up of the project as staff see it: no answers, just where it stands. */
export interface FollowUpRow {
  id: string;
  kind: FollowUpKind;
  label: string;
  dueDate: string;
  windowEnd: string;
  state: FollowUpState;
  stateLabel: string;
}

export interface ProjectDetail {
  id: string;
  name: string;
  address: string;
  homeownerName: string;
  siteManagerName: string;
  milestones: MilestoneRow[];
  warrantyRegisteredBy: WarrantyRegisteredBy | null;
  history: MilestoneChange[];
  followUps: FollowUpRow[];
}

export interface ProjectListItem {
  id: string;
  name: string;
  address: string;
  /** the latest recorded milestone, for the list */
  stage: { milestone: Milestone; label: string; date: string } | null;
  updatedAt: Millis;
  /** milestones the follow-ups are waiting for */
  due: MilestoneDue[];
}

export interface ProjectReplies {
  search: { projects: ProjectSearchHit[] };
  mine: { projects: ProjectListItem[] };
  detail: { project: ProjectDetail };
  /** the project as it now stands, and what the change did to its follow-ups */
  recordMilestone: { project: ProjectDetail; followUps: { added: number; moved: number; cancelled: number } };
}
