/** The `admin` cloud function: configuration, staff, sites, invite codes, questionnaires and imports. */
import * as z from 'zod/mini';
import { DEPARTMENTS, ROLES } from '../core/roles';
import { recordId, requiredText } from '../core/schemas';
import { staffRefSchema } from '../project/project';
import { surveyDraftSchema } from '../survey/api';
import { importInputSchema } from './importing';
import type { AdminChange } from './records';
import type { SettingLine } from './summary';
import { SETTINGS_AREAS } from './settings';

/** Roles an admin gives staff; `homeowner` comes only from an invite code or an import. */
export const STAFF_APP_ROLES = ROLES.filter((r) => r !== 'homeowner');

const area = z.enum(SETTINGS_AREAS, { error: `设置分区应为 ${SETTINGS_AREAS.join('、')} 之一` });
const phone = z.string({ error: '请填写手机号' }).check(z.trim(), z.regex(/^1\d{10}$/, { error: '手机号应为 11 位数字，以 1 开头' }));

export const AdminInputs = {
  /** every area (or one): what is stored, what takes effect, and what of the stored is ignored */
  getConfig: z.object({ area: z.optional(area) }),
  /** changes to one area, merged over what is stored; null puts a field back to its default */
  setConfig: z.object({ area, changes: z.record(z.string(), z.unknown(), { error: '请填写要修改的设置（changes）' }) }),
  /** the history of changes, newest first */
  history: z.object({
    kind: z.optional(z.enum(['config', 'staff', 'site', 'invite', 'surveyProposed', 'surveyApproved', 'import', 'recordAccess'])),
    ref: z.optional(z.string().check(z.maxLength(100))),
    limit: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  }),
  /** staff, filtered by role and department */
  listStaff: z.object({ role: z.optional(z.enum(STAFF_APP_ROLES)), department: z.optional(z.enum(DEPARTMENTS)) }),
  /** adds a staff member under their openid, or changes one */
  saveStaff: z.object({
    id: recordId('员工的 openid'),
    name: requiredText('姓名', 1, 20),
    phone,
    roles: z.array(z.enum(STAFF_APP_ROLES, { error: '角色无效' })).check(z.maxLength(STAFF_APP_ROLES.length)),
    department: z.optional(z.enum(DEPARTMENTS, { error: '部门无效' })),
  }),
  /** adds a site (project) or changes its name, address, department, site manager, homeowner and staff */
  saveSite: z.object({
    id: z.string().check(z.regex(/^[\w-]{2,40}$/, { error: '项目编号只能用 2-40 位字母、数字、“-”或“_”' })),
    name: requiredText('项目名称', 2, 40),
    address: requiredText('地址', 5, 100),
    department: z.enum(DEPARTMENTS, { error: '部门无效' }),
    siteManagerId: recordId('项目经理'),
    homeownerId: recordId('业主'),
    staff: z._default(z.object({ designer: z.optional(staffRefSchema), inspector: z.optional(staffRefSchema), projectManager: z.optional(staffRefSchema) }), {}),
  }),
  /** a code the homeowner of a project redeems once to bind their WeChat to it */
  createInvite: z.object({ projectId: recordId('项目') }),
  /** a questionnaire proposed for publication; another admin approves it */
  proposeSurvey: surveyDraftSchema,
  /** approves a proposal (not one's own) and publishes it as the stage's next version */
  approveSurvey: z.object({ proposalId: recordId('待审批的问卷') }),
  /** proposals waiting for approval */
  proposals: z.object({}),
  /** imports staff, homeowners and projects: every row checked first; any bad row and nothing is written */
  import: importInputSchema,
} as const;

/** What each area's rules use (stored values over the defaults); see the `…With` readers. */
export interface ConfigArea {
  area: (typeof SETTINGS_AREAS)[number];
  stored: Record<string, unknown>;
  effective: unknown;
  /** stored values the rules cannot use, by field, with the reason */
  ignored: Record<string, string>;
  /** what takes effect, in words */
  summary: SettingLine[];
}

export interface AdminReplies {
  getConfig: { areas: ConfigArea[] };
  history: { entries: AdminChange[] };
}
