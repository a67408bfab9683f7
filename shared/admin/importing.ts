import * as z from 'zod/mini';
import { DEPARTMENT_LABELS, DEPARTMENTS, ROLE_LABELS, ROLES, type Department, type Role, type User } from '../core/roles';
import { isCalendarDate, MILESTONE_ORDER, PREREQUISITE } from '../project/milestones';
import { MILESTONE_LABELS, MILESTONES, WARRANTY_REGISTERED_BY, type Milestone, type Project } from '../project/project';
import { parseCsv } from './csv';

/**
 * Importing a company's staff, homeowners and projects (from the console, as CSV text or JSON rows).
 * Every row of every table is checked first, against the rows around it and what is stored; one bad
 * row and nothing is written, and the report names each rejected row, field and reason.
 */
export const MAX_IMPORT_ROWS = 500;

const table = z.union([z.string().check(z.maxLength(1_000_000)), z.array(z.record(z.string(), z.unknown())).check(z.maxLength(MAX_IMPORT_ROWS))], {
  error: '应为 CSV 文本，或 JSON 对象的数组',
});

export const importInputSchema = z.object({
  /** names the import: running the same import again (after a timeout) finishes it instead of refusing it */
  importId: z.string({ error: '请给这次导入起一个编号（importId）' }).check(z.regex(/^[\w-]{4,64}$/, { error: '导入编号只能用 4-64 位字母、数字、“-”或“_”' })),
  staff: z.optional(table),
  homeowners: z.optional(table),
  projects: z.optional(table),
  /** check only: the report, nothing written */
  dryRun: z._default(z.boolean(), false),
});
export type ImportInput = z.infer<typeof importInputSchema>;

export type ImportTable = 'staff' | 'homeowners' | 'projects';

/** One refused row: its table, its row number (1 = the first row under the CSV header, or the first JSON object), the field and why. */
export interface RejectedRow {
  table: ImportTable;
  row: number;
  field: string;
  reason: string;
}

/** The id a homeowner imported before they use the mini-program is stored under, until an invite code binds their WeChat. */
export const unboundHomeownerId = (phone: string) => `unbound-${phone}`;

const phone = z.string().check(z.trim(), z.regex(/^1\d{10}$/, { error: '手机号应为 11 位数字，以 1 开头' }));
const name = (label: string, max: number) => z.string({ error: `请填写${label}` }).check(
  z.trim(),
  z.minLength(1, { error: `请填写${label}` }),
  z.maxLength(max, { error: `${label}最多 ${max} 个字` }),
);
const openid = z.string({ error: '请填写员工的 openid' }).check(z.trim(), z.regex(/^[\w-]{2,64}$/, { error: '员工编号（openid）应为 2-64 位字母、数字、“-”或“_”' }));

/** A department written as its key (engineering) or its Chinese name (工程部). */
const department = z.pipe(z.string({ error: '请填写部门' }).check(z.trim()), z.transform((v, ctx): Department | undefined => {
  if (v === '') return undefined;
  const found = DEPARTMENTS.find((d) => d === v || DEPARTMENT_LABELS[d] === v);
  if (!found) ctx.issues.push({ code: 'custom', message: `部门应为 ${DEPARTMENTS.map((d) => DEPARTMENT_LABELS[d]).join('、')} 之一`, input: v });
  return found;
}));

/** Roles separated by | 、 or ; — keys (siteManager) or Chinese names (项目经理); homeowners are imported as homeowners. */
const staffRoles = z.pipe(z.union([z.string(), z.array(z.string())]), z.transform((v, ctx) => {
  const parts = (Array.isArray(v) ? v : v.split(/[|;、]/)).map((p) => p.trim()).filter(Boolean);
  const roles: Role[] = [];
  for (const p of parts) {
    const r = ROLES.find((x) => x !== 'homeowner' && (x === p || ROLE_LABELS[x] === p));
    if (!r) ctx.issues.push({ code: 'custom', message: `未知的角色：${p}`, input: v });
    else if (!roles.includes(r)) roles.push(r);
  }
  return roles;
}));

const staffRow = z.object({ id: openid, name: name('姓名', 20), phone, roles: z._default(staffRoles, []), department: z.optional(department) });
const projectDepartment = z.pipe(z.optional(department), z.transform((d) => d ?? 'engineering'));
const homeownerRow = z.object({ phone, name: name('姓名', 20) });
const optionalId = z.pipe(z.optional(z.string().check(z.trim())), z.transform((v) => (v ? v : undefined)));
const projectRow = z.object({
  id: z.string({ error: '请填写项目编号' }).check(z.trim(), z.regex(/^[\w-]{2,40}$/, { error: '项目编号只能用 2-40 位字母、数字、“-”或“_”' })),
  name: name('项目名称', 40),
  address: name('地址', 100),
  department: projectDepartment,
  siteManagerId: openid,
  homeownerPhone: phone,
  designerId: optionalId,
  inspectorId: optionalId,
  projectManagerId: optionalId,
  warrantyRegisteredBy: z.union([z.optional(z.enum(WARRANTY_REGISTERED_BY, { error: '保修办理人应为 homeowner 或 proxy' })), z.pipe(z.literal(''), z.transform(() => undefined))]),
  ...Object.fromEntries(MILESTONES.map((m) => [m, z.optional(z.string().check(z.trim()))])),
});

/** What is stored already and matters to the check: the users the rows may name, and projects with the same ids. */
export interface ImportContext {
  users: Map<string, User>;
  /** existing users by phone, for homeowners who are already known */
  usersByPhone: Map<string, User>;
  /** projects already stored under ids the import names, with the import that stored them */
  projects: Map<string, Pick<Project, '_id'> & { importId?: string }>;
}

export interface ImportPlan {
  users: User[];
  projects: Omit<Project, 'createdAt'>[];
}

export type ImportCheck = { ok: true; plan: ImportPlan; rows: Record<ImportTable, number> } | { ok: false; rejected: RejectedRow[]; rows: Record<ImportTable, number> };

/** The rows of one table, from CSV text or JSON. */
export function tableRows(t: string | Record<string, unknown>[] | undefined): Record<string, unknown>[] {
  if (t === undefined) return [];
  return typeof t === 'string' ? parseCsv(t) : t;
}

/** Checks every row and, when all pass, answers what to store. Pure. */
export function checkImport(input: ImportInput, context: ImportContext): ImportCheck {
  const rejected: RejectedRow[] = [];
  const raw = { staff: tableRows(input.staff), homeowners: tableRows(input.homeowners), projects: tableRows(input.projects) };
  const rows = { staff: raw.staff.length, homeowners: raw.homeowners.length, projects: raw.projects.length };
  const total = rows.staff + rows.homeowners + rows.projects;
  if (total === 0) return { ok: false, rejected: [{ table: 'projects', row: 0, field: '_', reason: '没有可导入的行' }], rows };
  if (total > MAX_IMPORT_ROWS) return { ok: false, rejected: [{ table: 'projects', row: 0, field: '_', reason: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入` }], rows };

  const reject = (t: ImportTable, row: number, field: string, reason: string) => rejected.push({ table: t, row, field, reason });
  // each field checked on its own, so that one bad field does not hide the problems of the others
  const parseRows = <S extends z.ZodMiniObject>(t: ImportTable, schema: S): (z.infer<S> | null)[] =>
    raw[t].map((r, i) => {
      const parsed = schema.safeParse(r);
      if (parsed.success) return parsed.data;
      for (const [field, fieldSchema] of Object.entries(schema.shape)) {
        const one = (fieldSchema as z.ZodMiniType).safeParse(r[field]);
        if (!one.success) reject(t, i + 1, field, one.error.issues[0]?.message ?? '无效');
      }
      return null;
    });
  /** The fields of a refused row that are fine on their own, for the checks against other rows and the store. */
  const goodFields = (schema: z.ZodMiniObject, r: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(schema.shape).flatMap(([field, fieldSchema]) => {
      const one = (fieldSchema as z.ZodMiniType).safeParse(r[field]);
      return one.success && one.data !== undefined ? [[field, one.data]] : [];
    }));

  const staff = parseRows('staff', staffRow);
  const homeowners = parseRows('homeowners', homeownerRow);
  const parsedProjects = parseRows('projects', projectRow);
  const projects = parsedProjects.map((p, i) => {
    const fields: Record<string, unknown> = p ? { ...p } : goodFields(projectRow, raw.projects[i]);
    return { row: p, fields };
  });

  const users = new Map<string, User>();
  staff.forEach((s, i) => {
    if (!s) return;
    if (users.has(s.id)) return reject('staff', i + 1, 'id', `与前面的行重复：${s.id}`);
    if (s.roles.includes('deptManager') && !s.department) return reject('staff', i + 1, 'department', '部门经理需要填写部门');
    const known = context.users.get(s.id);
    const roles = known?.roles.includes('homeowner') ? (['homeowner', ...s.roles] as Role[]) : s.roles;
    users.set(s.id, { _id: s.id, name: s.name, phone: s.phone, roles, ...(s.department ? { department: s.department } : {}) });
  });

  const ownerByPhone = new Map<string, string>();
  homeowners.forEach((h, i) => {
    if (!h) return;
    if (ownerByPhone.has(h.phone)) return reject('homeowners', i + 1, 'phone', `与前面的行重复：${h.phone}`);
    const known = context.usersByPhone.get(h.phone);
    if (known && !known.roles.includes('homeowner')) return reject('homeowners', i + 1, 'phone', `该手机号已是员工“${known.name}”的号码`);
    const id = known?._id ?? unboundHomeownerId(h.phone);
    ownerByPhone.set(h.phone, id);
    if (!known) users.set(id, { _id: id, name: h.name, phone: h.phone, roles: ['homeowner'] });
  });

  const staffNamed = (id: string) => users.get(id) ?? context.users.get(id);
  const planned: Omit<Project, 'createdAt'>[] = [];
  const projectIds = new Set<string>();
  projects.forEach(({ row: p, fields: f }, i) => {
    const at = i + 1;
    const before = rejected.length;
    const text = (k: string): string | undefined => {
      const v = f[k];
      return typeof v === 'string' ? v : undefined;
    };
    const id = text('id');
    if (id !== undefined) {
      if (projectIds.has(id)) reject('projects', at, 'id', `与前面的行重复：${id}`);
      projectIds.add(id);
      const stored = context.projects.get(id);
      if (stored && stored.importId !== input.importId) reject('projects', at, 'id', `项目编号已存在：${id}`);
    }
    const managerId = text('siteManagerId');
    const manager = managerId ? staffNamed(managerId) : undefined;
    if (managerId && !manager?.roles.includes('siteManager')) reject('projects', at, 'siteManagerId', `找不到这位项目经理：${managerId}（请先在员工表中导入，角色为项目经理）`);
    const ownerPhone = text('homeownerPhone');
    const owner = ownerPhone ? ownerByPhone.get(ownerPhone) ?? context.usersByPhone.get(ownerPhone)?._id : undefined;
    if (ownerPhone && !owner) reject('projects', at, 'homeownerPhone', `业主表中没有这个手机号：${ownerPhone}`);
    const refs: Project['staff'] = {};
    for (const [field, role] of [['designerId', 'designer'], ['inspectorId', 'inspector'], ['projectManagerId', 'projectManager']] as const) {
      const staffId = text(field);
      if (!staffId) continue;
      const person = staffNamed(staffId);
      const onlyHomeowner = person !== undefined && person.roles.length === 1 && person.roles[0] === 'homeowner';
      if (!person || onlyHomeowner) reject('projects', at, field, `员工表中没有这位员工：${staffId}`);
      else refs[role] = { id: staffId, name: person.name };
    }
    const milestones = milestonesOf(raw.projects[i], (field, reason) => reject('projects', at, field, reason));
    if (text('warrantyRegisteredBy') && !milestones.warrantyRegistered) reject('projects', at, 'warrantyRegisteredBy', '填写了保修办理人，但没有办理保修的日期');
    if (rejected.length > before || !p || !owner) return;
    planned.push({
      _id: p.id, name: p.name, address: p.address, homeownerId: owner, siteManagerId: p.siteManagerId, department: p.department,
      staff: refs, milestones, ...(p.warrantyRegisteredBy ? { warrantyRegisteredBy: p.warrantyRegisteredBy } : {}),
    });
  });

  if (rejected.length) return { ok: false, rejected, rows };
  return { ok: true, plan: { users: [...users.values()], projects: planned }, rows };
}

/** A row's milestone dates: real CST calendar dates, in the order a renovation happens, after what each needs. */
function milestonesOf(row: Record<string, unknown>, reject: (field: string, reason: string) => void): Partial<Record<Milestone, string>> {
  const out: Partial<Record<Milestone, string>> = {};
  for (const m of MILESTONES) {
    const v = row[m];
    if (typeof v !== 'string' || v === '') continue;
    if (!isCalendarDate(v)) reject(m, `${MILESTONE_LABELS[m]}应为 YYYY-MM-DD 格式的日期：${v}`);
    else out[m] = v;
  }
  for (const [m, needs] of Object.entries(PREREQUISITE) as [Milestone, Milestone][]) {
    if (out[m] && !out[needs]) reject(m, `有${MILESTONE_LABELS[m]}日期，却没有${MILESTONE_LABELS[needs]}日期`);
  }
  for (const [later, earlier] of MILESTONE_ORDER) {
    const a = out[later];
    const b = out[earlier];
    if (a && b && a < b) reject(later, `${MILESTONE_LABELS[later]}（${a}）早于${MILESTONE_LABELS[earlier]}（${b}）`);
  }
  return out;
}
