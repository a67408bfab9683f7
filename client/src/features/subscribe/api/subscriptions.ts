import type { FollowUpAnswers, SubscriptionState } from '@shared/followup/api';
import { callFunction, type Answer } from '@/api';

/** The templates to ask acceptance for, with what is left of each (from `followup.home`). */
export async function fetchSubscriptions(): Promise<Answer<SubscriptionState[]>> {
  const home = await callFunction<FollowUpAnswers['home']>('followup', { action: 'home' });
  return home.ok ? { ok: true, data: home.data.subscriptions } : home;
}

/** Tells the server what the homeowner accepted; answers the credits each template now has. */
export const reportSubscriptions = (results: Record<string, string>) =>
  callFunction<FollowUpAnswers['subscribed']>('followup', { action: 'subscribed', results });
