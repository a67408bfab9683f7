import type { User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import { checked, type Database } from '../_platform/database';

/**
 * Every read of a homeowner's personal data by staff is written down (DOMAIN §1): who read whose
 * data, in which record, what they saw, and when. Append-only.
 */
export async function recordPersonalDataRead(
  db: Database,
  read: { viewer: User; subjectId: string; record: string; fields: string[]; at: Millis },
): Promise<void> {
  if (read.viewer._id === read.subjectId) return;
  checked(
    await db.collection('auditLog').add({
      kind: 'personalDataRead',
      viewerId: read.viewer._id,
      viewerRoles: read.viewer.roles,
      subjectId: read.subjectId,
      record: read.record,
      fields: read.fields,
      at: read.at,
    }),
  );
}
