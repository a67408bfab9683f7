/** The `me` cloud function: who the caller is, and what they may see of their projects. */
import * as z from 'zod/mini';
import { inviteCodeSchema } from '../admin/records';
import type { Department, Role } from '../core/roles';
import type { Milestone } from '../project/project';

export const MeInputs = {
  whoami: z.object({}),
  /** a homeowner's invite code: binds the caller's WeChat to their project, once */
  redeemInvite: z.object({ code: inviteCodeSchema }),
} as const;

export interface ProjectSummary {
  id: string;
  name: string;
  address: string;
  milestones: Partial<Record<Milestone, string>>;
  siteManagerName: string;
  /** the caller's own sites: the milestones to record next (labels, shared/project/due.ts); [] otherwise */
  due: string[];
}

/**
 * What every screen says about the service, from settings (one hotline, one set of desk hours,
 * everywhere): `settings/followup` hotline and deskHours, `settings/repair` response times.
 */
export interface ServiceInfo {
  hotline: string;
  /** e.g. '24 小时服务' */
  deskHours: string;
  /** the repair promise for the home page, in words that do not contradict themselves */
  repairPromise: string;
  /** hours within which a repair request is answered */
  contactHours: number;
  /** hours within which the desk answers an enquiry or suggestion (`settings/followup.enquiryReplyWithinHours`) */
  enquiryReplyHours: number;
}

export interface MeReplies {
  whoami: {
    user: { id: string; name: string; roles: Role[]; department: Department | null };
    /** homeowners: their own projects; site managers: the sites they run */
    projects: ProjectSummary[];
    /** site managers: their open repair tickets and how many are past a deadline; null for others */
    tickets: { open: number; overdue: number } | null;
    service: ServiceInfo;
  };
  redeemInvite: {
    user: { id: string; name: string; roles: Role[] };
    projects: { id: string; name: string; address: string }[];
  };
}
