import type { FollowUpReplies, SubscriptionState } from '@shared/followup/api';
import { callFunction, type Reply } from '@/api';

/** The templates to ask acceptance for, with what is left of each (from `followup.home`). */
export async function fetchSubscriptions(): Promise<Reply<SubscriptionState[]>> {
  const home = await callFunction<FollowUpReplies['home']>('followup', { action: 'home' });
  return home.ok ? { ok: true, data: home.data.subscriptions } : home;
}

/** Tells the server what the homeowner accepted; replies with the credits each template now has. */
export const reportSubscriptions = (results: Record<string, string>) =>
  callFunction<FollowUpReplies['subscribed']>('followup', { action: 'subscribed', results });
