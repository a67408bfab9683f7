import * as z from 'zod';
import { contactWindowsSchema } from '../followup/contact';

/** Who someone is to the product. One person may hold several roles (a site manager who is also an admin). */
export const ROLES = ['homeowner', 'siteManager', 'customerService', 'deptManager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  homeowner: '业主',
  siteManager: '项目经理',
  customerService: '客服',
  deptManager: '部门经理',
  admin: '管理员',
};

/** Departments that own repair tickets and complaints (DOMAIN §6). */
export const DEPARTMENTS = ['design', 'engineering', 'materials', 'customerService', 'management'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_LABELS: Record<Department, string> = {
  design: '设计部',
  engineering: '工程部',
  materials: '材料部',
  customerService: '客服部',
  management: '总经理室',
};

/** A person known to the product, stored in `users` under their WeChat openid. */
export const userSchema = z.object({
  /** the openid */
  _id: z.string(),
  name: z.string(),
  phone: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** for department managers and staff: the department they belong to */
  department: z.enum(DEPARTMENTS).optional(),
  /** for homeowners: when they would rather be contacted (DOMAIN §3); absent or null: the company's windows */
  contactWindows: contactWindowsSchema.nullable().optional(),
  /** when the personal fields above were erased (a deletion request, or past retention) */
  anonymisedAt: z.number().optional(),
});
export type User = z.infer<typeof userSchema>;

export function hasRole(user: Pick<User, 'roles'>, ...roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}
