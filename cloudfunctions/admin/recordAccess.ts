import {
  recordAccessExpiry,
  RecordAccessInputs,
  recordAccessState,
  recordAccessView,
  revocationId,
  type RecordAccessGrant,
  type RecordAccessRevocation,
} from '@shared/admin/recordAccess';
import { STAFF_APP_ROLES } from '@shared/admin/api';
import { fail, ok } from '@shared/core/result';
import { hasRole } from '@shared/core/roles';
import { formatCst } from '@shared/core/time';
import { action } from '../_platform/define';
import { recordAdminChange } from '../_usecases/history';
import { notify } from '../_usecases/notify';
import { liveGrants, revocationsOf } from '../_usecases/recordAccess';

const RecordAccessAdminErrors = {
  notStaff: () => fail('REQUEST.INVALID', '找不到这位员工，请先在员工中添加', { staffId: '找不到这位员工' }),
  notFound: () => fail('ADMIN.APPROVAL_NOT_FOUND', '没有找到这项查阅批准', { grantId: '没有找到这项查阅批准' }),
  expired: () => fail('ADMIN.APPROVAL_EXPIRED', '这项查阅批准已经过期，无需撤销'),
};

/**
 * An admin lets a named staff member read phone follow-up records (001 §十), with a reason, for 1–30
 * days. A live approval for the same person with the same reason is answered as it stands, unchanged
 * (a second identical grant writes nothing; a longer one needs a revocation and a new grant).
 */
export const grantRecordAccess = action({
  input: RecordAccessInputs.grantRecordAccess,
  roles: ['admin'],
  async run({ store, user, now }, input) {
    const staff = await store.users.get(input.staffId);
    if (!staff || !hasRole(staff, ...STAFF_APP_ROLES)) return RecordAccessAdminErrors.notStaff();
    const same = (await liveGrants(store, staff._id, now)).find((g) => g.reason === input.reason);
    if (same) return ok({ approval: recordAccessView(same, null, now), created: false });
    const grant: RecordAccessGrant = {
      _id: `grant:${staff._id}:${now}`,
      kind: 'grant',
      scope: 'phoneFollowUps',
      staffId: staff._id,
      staffName: staff.name,
      reason: input.reason,
      expiresAt: recordAccessExpiry(now, input.days),
      by: user._id,
      byName: user.name,
      at: now,
    };
    // the id is the staff member and the instant: a retry of this very call finds it and keeps it
    const kept = await store.transaction(async (tx) => {
      const approvals = store.recordApprovals.within(tx);
      const before = await approvals.get(grant._id);
      if (before?.kind === 'grant') return before;
      await approvals.put(grant);
      await recordAdminChange(store.adminHistory.within(tx), { kind: 'recordAccess', ref: `recordApprovals/${grant._id}`, before: null, after: grant, by: user, at: now });
      return grant;
    });
    if (kept === grant) {
      await notify(store, {
        key: `records.granted:${grant._id}`, to: grant.staffId, kind: 'records.granted', title: '已批准您查阅电话回访记录',
        body: `${user.name}批准您查阅电话回访记录，至 ${formatCst(grant.expiresAt)} 止。理由：${grant.reason}。每次查阅都会被记录。`,
        page: '/staff/homeowner/index',
      }, now);
    }
    return ok({ approval: recordAccessView(kept, null, now), created: kept === grant });
  },
});

/** Ends an approval before it expires, with a reason; revoking one already revoked changes nothing. */
export const revokeRecordAccess = action({
  input: RecordAccessInputs.revokeRecordAccess,
  roles: ['admin'],
  async run({ store, user, now }, input) {
    const grant = await store.recordApprovals.get(input.grantId);
    if (!grant || grant.kind !== 'grant') return RecordAccessAdminErrors.notFound();
    const [existing] = (await revocationsOf(store, [grant])).values();
    if (existing) return ok({ approval: recordAccessView(grant, existing, now), revoked: false });
    if (recordAccessState(grant, null, now) === 'expired') return RecordAccessAdminErrors.expired();
    const revocation: RecordAccessRevocation = {
      _id: revocationId(grant._id),
      kind: 'revoke',
      scope: grant.scope,
      grantId: grant._id,
      staffId: grant.staffId,
      reason: input.reason,
      by: user._id,
      byName: user.name,
      at: now,
    };
    const kept = await store.transaction(async (tx) => {
      const approvals = store.recordApprovals.within(tx);
      const before = await approvals.get(revocation._id);
      if (before?.kind === 'revoke') return before;
      await approvals.put(revocation);
      await recordAdminChange(store.adminHistory.within(tx), { kind: 'recordAccess', ref: `recordApprovals/${grant._id}`, before: grant, after: revocation, by: user, at: now });
      return revocation;
    });
    if (kept === revocation) {
      await notify(store, {
        key: `records.revoked:${grant._id}`, to: grant.staffId, kind: 'records.revoked', title: '查阅电话回访记录的批准已撤销',
        body: `${user.name}撤销了您查阅电话回访记录的批准，即时生效。理由：${revocation.reason}。`,
        page: '/pages/notices/index',
      }, now);
    }
    return ok({ approval: recordAccessView(grant, kept, now), revoked: kept === revocation });
  },
});

/** Approvals to read phone follow-up records, newest first (of one staff member, or everyone's). */
export const recordAccess = action({
  input: RecordAccessInputs.recordAccess,
  roles: ['admin'],
  async run({ store, now }, input) {
    const where = { kind: 'grant', ...(input.staffId ? { staffId: input.staffId } : {}) };
    const found = await store.recordApprovals.find(where, { orderBy: [['at', 'desc']], limit: input.limit });
    const grants = found.filter((g): g is RecordAccessGrant => g.kind === 'grant');
    const revoked = await revocationsOf(store, grants);
    return ok({ approvals: grants.map((g) => recordAccessView(g, revoked.get(g._id), now)) });
  },
});
