import * as z from 'zod/mini';
import { ROLES } from './roles';

/**
 * One entry of the append-only audit log (`auditLog`): a staff member read a homeowner's personal data
 * (DOMAIN §1: every such read is written down). Nothing edits an entry; the reporter timer removes entries older than the retention period (`settings/retention.auditLogYears`).
 */
export const auditEntrySchema = z.object({
  _id: z.string(),
  kind: z.literal('personalDataRead'),
  viewerId: z.string(),
  viewerRoles: z.array(z.enum(ROLES)),
  /** whose data was read */
  subjectId: z.string(),
  /** where it was read: `repairs/<id>`, `projects/<id>`, `followups/<id>` */
  record: z.string(),
  /** what was shown: 'name', 'phone', 'address' */
  fields: z.array(z.string()),
  /** the admin's approval the read relied on (`recordApprovals/<id>`), for a reader whose work it is not */
  approvalId: z.optional(z.string()),
  at: z.number(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
