import { AdminInputs } from '@shared/admin/api';
import { ok } from '@shared/core/result';
import { action } from '../_platform/define';
import { createInvite as newInvite } from '../_usecases/invites';

/** A code for a project's homeowner to bind their WeChat to the project, valid 30 days, redeemed once. */
export const createInvite = action({
  input: AdminInputs.createInvite,
  roles: ['admin'],
  async run({ store, user, now }, input) {
    const made = await newInvite(store, input.projectId, user, now);
    return made.ok ? ok({ code: made.data._id, projectId: made.data.projectId, expiresAt: made.data.expiresAt }) : made;
  },
});
