import { hasRole, type User } from '@shared/core/roles';
import type { SubscriptionState } from '@shared/followup/api';
import { creditsLeft, type ContactLedger } from '@shared/followup/credits';
import { subscriptionStates } from '@shared/followup/home';
import { HOMEOWNER_NOTICE_PURPOSES, noticeSubscriptionStates, STAFF_NOTICE_PURPOSES } from '@shared/notify/push';
import type { Stores } from '../_platform/stores';
import { loadFollowUpSettings, loadNotifySettings } from './settings';

/**
 * The subscription templates a user is asked to accept, with what is left of each in their contact
 * ledger: a homeowner the follow-up reminders and the progress of their repairs and complaints; staff
 * the reminders of their work. Each template once, whatever purposes share it.
 */
export async function subscriptionsFor(store: Stores, user: User, ledger: ContactLedger | null): Promise<SubscriptionState[]> {
  const [followUp, notify] = await Promise.all([loadFollowUpSettings(store), loadNotifySettings(store)]);
  const credits = (templateId: string) => creditsLeft(ledger, templateId);
  const homeowner = user.roles.includes('homeowner');
  const staff = hasRole(user, 'siteManager', 'customerService', 'deptManager', 'admin');
  const all: SubscriptionState[] = [
    // follow-up reminders first: the home page's card asks for the first three
    ...(homeowner ? subscriptionStates(followUp.templates, credits) : []),
    ...(homeowner ? noticeSubscriptionStates(notify, HOMEOWNER_NOTICE_PURPOSES, credits) : []),
    ...(staff ? noticeSubscriptionStates(notify, STAFF_NOTICE_PURPOSES, credits) : []),
  ];
  const seen = new Set<string>();
  return all.filter((s) => !seen.has(s.templateId) && seen.add(s.templateId));
}
