import type { User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import type { Stores } from '../_platform/stores';

/**
 * Every read of a homeowner's personal data by staff is written down (DOMAIN §1): who read whose
 * data, in which record, what they saw, and when. Append-only: nothing edits an entry; entries past the retention period (settings/retention) are removed.
 */
export async function recordPersonalDataRead(
  store: Stores,
  read: { viewer: User; subjectId: string; record: string; fields: string[]; at: Millis; approvalId?: string | null },
): Promise<void> {
  if (read.viewer._id === read.subjectId) return;
  await store.auditLog.insert({
    kind: 'personalDataRead',
    viewerId: read.viewer._id,
    viewerRoles: read.viewer.roles,
    subjectId: read.subjectId,
    record: read.record,
    fields: read.fields,
    ...(read.approvalId ? { approvalId: read.approvalId } : {}),
    at: read.at,
  });
}

/**
 * A list a staff member was shown (a call list, a project list): one audit entry per homeowner in it,
 * so "who looked at this homeowner's data" finds list reads as well as single records.
 */
export async function recordPersonalDataReads(
  store: Stores,
  read: { viewer: User; subjects: { subjectId: string; record: string }[]; fields: string[]; at: Millis; approvalId?: string | null },
): Promise<void> {
  const seen = new Set<string>();
  const unique = read.subjects.filter((s) => {
    const key = `${s.subjectId} ${s.record}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  await Promise.all(unique.map((s) => recordPersonalDataRead(store, { viewer: read.viewer, subjectId: s.subjectId, record: s.record, fields: read.fields, at: read.at, approvalId: read.approvalId })));
}
