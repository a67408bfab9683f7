import * as z from 'zod/mini';
import { DAY, type Millis } from '../core/time';

/**
 * Approvals to read phone follow-up records (seed 001 §十: "公司员工未经行政人力批准，不得查阅电话回访").
 * Customer-service agents and admins read them as their work; anyone else (a department manager
 * looking into a complaint, say) needs an admin's approval, named to them, with a reason and an expiry.
 * Grants and revocations are entries of the append-only `recordApprovals`: nothing edits or removes
 * one; whether an approval stands is derived from them (granted, not revoked, not yet expired).
 */
export const RECORD_ACCESS_SCOPES = ['phoneFollowUps'] as const;
export const MAX_RECORD_ACCESS_DAYS = 30;

export const recordAccessGrantSchema = z.object({
  _id: z.string(),
  kind: z.literal('grant'),
  scope: z.enum(RECORD_ACCESS_SCOPES),
  /** who may read */
  staffId: z.string(),
  staffName: z.string(),
  reason: z.string(),
  expiresAt: z.number(),
  by: z.string(),
  byName: z.string(),
  at: z.number(),
});

export const recordAccessRevocationSchema = z.object({
  _id: z.string(),
  kind: z.literal('revoke'),
  scope: z.enum(RECORD_ACCESS_SCOPES),
  /** the grant it ends */
  grantId: z.string(),
  staffId: z.string(),
  reason: z.string(),
  by: z.string(),
  byName: z.string(),
  at: z.number(),
});

export const recordApprovalSchema = z.discriminatedUnion('kind', [recordAccessGrantSchema, recordAccessRevocationSchema]);
export type RecordApproval = z.infer<typeof recordApprovalSchema>;
export type RecordAccessGrant = z.infer<typeof recordAccessGrantSchema>;
export type RecordAccessRevocation = z.infer<typeof recordAccessRevocationSchema>;

/** The id of the revocation of a grant: one per grant, so revoking twice changes nothing. */
export const revocationId = (grantId: string) => `revoke:${grantId}`;

export type RecordAccessState = 'live' | 'revoked' | 'expired';

/** Where a grant stands at `now`, given its revocation (if any). */
export function recordAccessState(grant: RecordAccessGrant, revocation: RecordAccessRevocation | null | undefined, now: Millis): RecordAccessState {
  if (revocation) return 'revoked';
  return grant.expiresAt > now ? 'live' : 'expired';
}

/** When a grant of `days` days given at `at` ends. */
export const recordAccessExpiry = (at: Millis, days: number): Millis => at + days * DAY;

const reason = (what: string) =>
  z.string({ error: `请填写${what}` }).check(z.trim(), z.minLength(4, { error: `${what}至少 4 个字` }), z.maxLength(200, { error: `${what}最多 200 个字` }));

export const RecordAccessInputs = {
  /** an admin lets a named staff member read phone follow-up records, with a reason, for up to 30 days */
  grantRecordAccess: z.object({
    staffId: z.string({ error: '请选择员工' }).check(z.trim(), z.minLength(1, { error: '请选择员工' }), z.maxLength(100)),
    reason: reason('批准理由'),
    days: z.number({ error: `请填写有效天数（1-${MAX_RECORD_ACCESS_DAYS}）` }).check(
      z.int({ error: '有效天数应为整数' }),
      z.minimum(1, { error: '有效天数至少 1 天' }),
      z.maximum(MAX_RECORD_ACCESS_DAYS, { error: `有效天数最多 ${MAX_RECORD_ACCESS_DAYS} 天` }),
    ),
  }),
  /** ends an approval before it expires */
  revokeRecordAccess: z.object({
    grantId: z.string({ error: '请选择要撤销的批准' }).check(z.trim(), z.minLength(1, { error: '请选择要撤销的批准' }), z.maxLength(200)),
    reason: reason('撤销理由'),
  }),
  /** approvals, newest first, each with where it stands */
  recordAccess: z.object({
    staffId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
    limit: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 50),
  }),
} as const;

/** An approval as the admin's list shows it. */
export interface RecordAccessView {
  id: string;
  scope: (typeof RECORD_ACCESS_SCOPES)[number];
  staffId: string;
  staffName: string;
  reason: string;
  grantedBy: string;
  grantedByName: string;
  grantedAt: Millis;
  expiresAt: Millis;
  state: RecordAccessState;
  revokedAt: Millis | null;
  revokedByName: string | null;
  revokeReason: string | null;
}

export function recordAccessView(grant: RecordAccessGrant, revocation: RecordAccessRevocation | null | undefined, now: Millis): RecordAccessView {
  return {
    id: grant._id,
    scope: grant.scope,
    staffId: grant.staffId,
    staffName: grant.staffName,
    reason: grant.reason,
    grantedBy: grant.by,
    grantedByName: grant.byName,
    grantedAt: grant.at,
    expiresAt: grant.expiresAt,
    state: recordAccessState(grant, revocation, now),
    revokedAt: revocation?.at ?? null,
    revokedByName: revocation?.byName ?? null,
    revokeReason: revocation?.reason ?? null,
  };
}
