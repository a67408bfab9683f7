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

export function hasRole(user: { roles: readonly Role[] }, ...roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}

/**
 * The general manager: the department manager of 总经理室, the last level of every complaint (DOMAIN §6),
 * who answers for every department's late work.
 */
export function isGeneralManager(user: { roles: readonly Role[]; department?: Department | null }): boolean {
  return user.roles.includes('deptManager') && user.department === 'management';
}
