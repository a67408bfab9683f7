import { randomInt } from 'node:crypto';
import { INVITE_VALID_DAYS, inviteCode, type Invite } from '@shared/admin/records';
import { unboundHomeownerId } from '@shared/admin/importing';
import { fail, ok, type Result } from '@shared/core/result';
import type { User } from '@shared/core/roles';
import { DAY, type Millis } from '@shared/core/time';
import type { Stores } from '../_platform/stores';
import { recordAdminChange } from './history';

export const InviteErrors = {
  projectNotFound: () => fail('INVITE.PROJECT_NOT_FOUND', '没有找到这个项目'),
  notFound: () => fail('INVITE.NOT_FOUND', '邀请码不正确，请核对后重试；如有疑问请致电客服'),
  expired: () => fail('INVITE.EXPIRED', '邀请码已过期，请联系客服重新获取'),
  used: () => fail('INVITE.USED', '这个邀请码已被其他微信使用；如不是您本人操作，请致电客服'),
};

/** A new invite code for a project's homeowner, valid for INVITE_VALID_DAYS days. */
export async function createInvite(store: Stores, projectId: string, by: User, now: Millis): Promise<Result<Invite>> {
  const project = await store.projects.get(projectId);
  if (!project) return InviteErrors.projectNotFound();
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = inviteCode(() => randomInt(0, 1_000_000) / 1_000_000);
    const invite: Invite = {
      _id: code, projectId, homeownerId: project.homeownerId, createdBy: by._id, createdAt: now,
      expiresAt: now + INVITE_VALID_DAYS * DAY, redeemedBy: null, redeemedAt: null,
    };
    const stored = await store.transaction(async (tx) => {
      const invites = store.invites.within(tx);
      if (await invites.get(code)) return false;
      await invites.put(invite);
      await recordAdminChange(store.adminHistory.within(tx), { kind: 'invite', ref: `invites/${code}`, before: null, after: invite, by, at: now });
      return true;
    });
    if (stored) return ok(invite);
  }
  throw new Error('no free invite code after 5 attempts');
}

/**
 * Redeems a code from the caller's WeChat: once, by one openid. The caller becomes the homeowner of
 * the project (and of every other project imported under the same phone before they had WeChat), with
 * the follow-ups, repairs, complaints and answers kept under the homeowner record they replace. The
 * same caller redeeming again answers the same and finishes a binding a crash cut short.
 */
export async function redeemInvite(store: Stores, openid: string, code: string, now: Millis): Promise<Result<{ projectIds: string[]; user: User }>> {
  const claimed = await store.transaction((tx) =>
    store.invites.within(tx).modify(code, (invite): Result<Invite> => {
      if (!invite) return InviteErrors.notFound();
      if (invite.redeemedBy === openid) return ok(invite);
      if (invite.redeemedBy) return InviteErrors.used();
      if (now >= invite.expiresAt) return InviteErrors.expired();
      return ok({ ...invite, redeemedBy: openid, redeemedAt: now });
    }),
  );
  if (!claimed.ok) return claimed;
  const invite = claimed.data;
  const previous = invite.homeownerId;
  const before = await store.users.get(previous);
  const user = await store.transaction(async (tx) => {
    const users = store.users.within(tx);
    const mine = await users.get(openid);
    const next: User = mine
      ? { ...mine, roles: mine.roles.includes('homeowner') ? mine.roles : [...mine.roles, 'homeowner'] }
      : { _id: openid, name: before?.name ?? '', phone: before?.phone ?? '', roles: ['homeowner'] };
    if (next !== mine) await users.put(next);
    return next;
  });
  if (previous === openid) return ok({ projectIds: [invite.projectId], user });
  // an imported homeowner (stored by phone) owns every project imported under that phone; otherwise only this one
  const unbound = before !== null && previous === unboundHomeownerId(before.phone);
  const projects = unbound ? await store.projects.find({ homeownerId: previous }, { limit: 100 }) : [];
  const projectIds = [...new Set([invite.projectId, ...projects.map((p) => p._id)])];
  await store.projects.updateWhere({ _id: store.command.in(projectIds), homeownerId: previous }, { homeownerId: openid });
  const theirs = { projectId: store.command.in(projectIds), homeownerId: previous };
  await Promise.all([
    store.followups.updateWhere(theirs, { homeownerId: openid }),
    store.repairs.updateWhere(theirs, { homeownerId: openid }),
    store.complaints.updateWhere(theirs, { homeownerId: openid }),
    store.surveyAnswers.updateWhere(theirs, { homeownerId: openid }),
  ]);
  return ok({ projectIds, user });
}
