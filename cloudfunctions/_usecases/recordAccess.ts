import { recordAccessState, revocationId, type RecordAccessGrant, type RecordAccessRevocation } from '@shared/admin/recordAccess';
import { fail, type Failure } from '@shared/core/result';
import { hasRole, type User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import type { Stores } from '../_platform/stores';

/** A staff member has at most a handful of approvals at a time. */
const MAX_GRANTS = 50;

/** The revocations of these grants, by grant id. */
export async function revocationsOf(store: Stores, grants: RecordAccessGrant[]): Promise<Map<string, RecordAccessRevocation>> {
  const found = await store.recordApprovals.getMany(grants.map((g) => revocationId(g._id)));
  const byGrant = new Map<string, RecordAccessRevocation>();
  for (const r of found.values()) if (r.kind === 'revoke') byGrant.set(r.grantId, r);
  return byGrant;
}

/** The approvals of a staff member to read phone follow-up records that stand at `now`. */
export async function liveGrants(store: Stores, staffId: string, now: Millis): Promise<RecordAccessGrant[]> {
  const found = await store.recordApprovals.find(
    { staffId, kind: 'grant', expiresAt: store.command.gt(now) },
    { orderBy: [['expiresAt', 'desc']], limit: MAX_GRANTS },
  );
  const grants = found.filter((g): g is RecordAccessGrant => g.kind === 'grant' && g.scope === 'phoneFollowUps');
  const revoked = await revocationsOf(store, grants);
  return grants.filter((g) => recordAccessState(g, revoked.get(g._id), now) === 'live');
}

export const RecordAccessErrors = {
  needsApproval: (): Failure =>
    fail('AUTH.FORBIDDEN', '查阅电话回访记录需经行政人力批准（公司制度）：请联系管理员为您开通，开通后在有效期内可以查看'),
};

/**
 * Who may read phone follow-up records, and on what ground (001 §十): customer service and admins as
 * their work; anyone else only while an admin's approval named to them stands (the refusal says so).
 */
export async function phoneRecordsReader(store: Stores, user: User, now: Millis): Promise<{ ok: true; grantId: string | null } | Failure> {
  if (hasRole(user, 'customerService', 'admin')) return { ok: true, grantId: null };
  const [grant] = await liveGrants(store, user._id, now);
  return grant ? { ok: true, grantId: grant._id } : RecordAccessErrors.needsApproval();
}
