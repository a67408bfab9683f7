import type { AdminChange, AdminChangeKind } from '@shared/admin/records';
import type { User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';

/** `store.adminHistory`, or `store.adminHistory.within(tx)` to write the entry in the change's own transaction. */
interface HistoryWriter {
  insert(doc: Omit<AdminChange, '_id'>): Promise<AdminChange>;
}

/** Writes down one change an admin made: what it was before, what it is after, who and when. Append-only. */
export async function recordAdminChange(
  history: HistoryWriter,
  change: { kind: AdminChangeKind; ref: string; before: unknown; after: unknown; by: User; at: Millis },
): Promise<string> {
  const entry = await history.insert({
    kind: change.kind,
    ref: change.ref,
    before: change.before ?? null,
    after: change.after ?? null,
    by: change.by._id,
    byName: change.by.name,
    at: change.at,
  });
  return entry._id;
}
