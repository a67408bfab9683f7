import type { User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import type { Stores } from '../_platform/stores';

/**
 * Every read of a homeowner's personal data by staff is written down (DOMAIN §1): who read whose
 * data, in which record, what they saw, and when. Append-only: nothing edits an entry; entries past the retention period (settings/retention) are removed.
 */
export async function recordPersonalDataRead(
  store: Stores,
  read: { viewer: User; subjectId: string; record: string; fields: string[]; at: Millis },
): Promise<void> {
  if (read.viewer._id === read.subjectId) return;
  await store.auditLog.insert({
    kind: 'personalDataRead',
    viewerId: read.viewer._id,
    viewerRoles: read.viewer.roles,
    subjectId: read.subjectId,
    record: read.record,
    fields: read.fields,
    at: read.at,
  });
}
