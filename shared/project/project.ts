import * as z from 'zod/mini';
import { DEPARTMENTS } from '../core/roles';
import { MILESTONES } from './milestoneNames';

// The milestones and their labels live in milestoneNames.ts, so a page that only shows them does not load zod.
export { MILESTONE_LABELS, MILESTONES, type Milestone } from './milestoneNames';

/** A CST calendar date as stored: 'YYYY-MM-DD'. */
export const cstDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' }));

/** A staff member named on a project: who can be rated and complained about (DOMAIN §1). */
export const staffRefSchema = z.object({
  id: z.string(),
  name: z.string(),
});
export type StaffRef = z.infer<typeof staffRefSchema>;

export const WARRANTY_REGISTERED_BY = ['homeowner', 'proxy'] as const;
export type WarrantyRegisteredBy = (typeof WARRANTY_REGISTERED_BY)[number];

export const WARRANTY_BY_LABELS: Record<WarrantyRegisteredBy, string> = {
  homeowner: '业主本人办理',
  proxy: '工长/现场负责人代办',
};

/** One recording of a milestone: `from` is what it said before (null the first time), `to` what it says now (null: removed). */
export const milestoneChangeSchema = z.object({
  milestone: z.enum(MILESTONES),
  from: z.nullable(cstDateSchema),
  to: z.nullable(cstDateSchema),
  by: z.string(),
  byName: z.string(),
  at: z.number(),
  /** required for a correction or removal */
  reason: z.nullable(z.string()),
});
export type MilestoneChange = z.infer<typeof milestoneChangeSchema>;

/** A renovation project as stored in `projects`. */
export const projectSchema = z.object({
  _id: z.string(),
  name: z.string(),
  address: z.string(),
  homeownerId: z.string(),
  /** the site manager (项目经理/工长) who fixes repair tickets on this site: a user openid */
  siteManagerId: z.string(),
  department: z.enum(DEPARTMENTS),
  staff: z.object({ designer: z.optional(staffRefSchema), inspector: z.optional(staffRefSchema), projectManager: z.optional(staffRefSchema) }),
  milestones: z.partialRecord(z.enum(MILESTONES), cstDateSchema),
  /** who registered the warranty: the homeowner in person, or a foreman/site lead for them (DOMAIN §2) */
  warrantyRegisteredBy: z.optional(z.enum(WARRANTY_REGISTERED_BY)),
  /** every recording and correction of a milestone, oldest first: a correction never overwrites silently */
  milestoneHistory: z.optional(z.array(milestoneChangeSchema)),
  createdAt: z.number(),
  /** when the name and address were erased (the homeowner asked, or past retention) */
  anonymisedAt: z.optional(z.number()),
  /** the import that stored it, when it came from one (a retried import finishes what it started) */
  importId: z.optional(z.string()),
  /**
   * when the planner should next bring its follow-ups in line with the plan (indexed); absent: at its
   * next run; null: never again by itself (the warranty horizon has passed)
   */
  planAt: z.optional(z.nullable(z.number())),
});
export type Project = z.infer<typeof projectSchema>;
