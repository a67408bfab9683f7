import * as z from 'zod/mini';
import { contactWindowsSchema } from '../followup/contactSchema';
import { DEPARTMENTS, ROLES } from './roleNames';

// Roles, departments and their labels live in roleNames.ts, so code that only checks a role (the home page)
// does not load zod.
export { DEPARTMENT_LABELS, DEPARTMENTS, hasRole, isGeneralManager, ROLE_LABELS, ROLES, type Department, type Role } from './roleNames';

/** A person known to the product, stored in `users` under their WeChat openid. */
export const userSchema = z.object({
  /** the openid */
  _id: z.string(),
  name: z.string(),
  phone: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** for department managers and staff: the department they belong to */
  department: z.optional(z.enum(DEPARTMENTS)),
  /** for homeowners: when they would rather be contacted (DOMAIN §3); absent or null: the company's windows */
  contactWindows: z.optional(z.nullable(contactWindowsSchema)),
  /** when the personal fields above were erased (a deletion request, or past retention) */
  anonymisedAt: z.optional(z.number()),
});
export type User = z.infer<typeof userSchema>;

