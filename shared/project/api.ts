/** The `project` cloud function: finding projects (staff). Milestones come with the follow-up schedule. */
import { z } from 'zod';

export const ProjectInputs = {
  search: z.object({
    /** a homeowner's full mobile number, or the beginning of a project's name (小区 + 房号) */
    query: z.string({ error: '请输入业主手机号或小区名称' }).trim().min(2, { error: '请至少输入 2 个字' }).max(40, { error: '最多 40 个字' }),
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

export interface ProjectAnswers {
  search: { projects: ProjectSearchHit[] };
}
