/** The `project` cloud function: finding projects (staff), and recording milestones (site managers, admins). */
import * as z from 'zod/mini';
import { fileIdSchema, photosSchema } from '../core/files';
import { recordId, requestIdSchema, requiredText } from '../core/schemas';
import type { Millis } from '../core/time';
import type { MilestoneDue } from './due';
import type { FollowUpState } from '../followup/followup';
import type { FollowUpKind } from '../followup/schedule';
import { MILESTONES, type Milestone, type MilestoneChange, type WarrantyRegisteredBy } from './project';
import type { SiteVisitView } from './visitView';

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
  /**
   * DOMAIN §11: 现场拍照存档 (`photos`: 1–9 photos and what they show) or 上门回访 (`visit`: what the
   * homeowner said, an optional satisfaction 1–5, photos if any, and the homeowner's signature, required).
   */
  recordVisit: z.discriminatedUnion(
    'kind',
    [
      z.object({
        kind: z.literal('photos'),
        projectId,
        requestId: requestIdSchema,
        photos: z.array(fileIdSchema, { error: '请至少拍 1 张现场照片' }).check(z.minLength(1, { error: '请至少拍 1 张现场照片' }), z.maxLength(9, { error: '最多上传 9 张图片' })),
        note: requiredText('照片说明', 2, 300),
      }),
      z.object({
        kind: z.literal('visit'),
        projectId,
        requestId: requestIdSchema,
        photos: z._default(photosSchema(9), []),
        remarks: requiredText('业主意见', 2, 500),
        satisfaction: z.optional(z.number({ error: '满意度请选 1–5 分' }).check(z.int({ error: '满意度请选 1–5 分' }), z.minimum(1, { error: '满意度请选 1–5 分' }), z.maximum(5, { error: '满意度请选 1–5 分' }))),
        signature: z.pipe(z.string({ error: '上门回访需要业主签名：请业主在手机上签名后再提交' }).check(z.maxLength(300, { error: '签名图片地址无效，请重新签名' })), fileIdSchema),
      }),
    ],
    { error: '请选择记录类型：现场拍照存档或上门回访' },
  ),
  /** a project's site photos and visits, newest first */
  visits: z.object({ projectId }),
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
  recordVisit: { visit: SiteVisitView };
  /** `project`: the name the archive is shown under; `mayRecord`: whether the caller may add records */
  visits: { project: { id: string; name: string }; visits: SiteVisitView[]; mayRecord: boolean };
}
