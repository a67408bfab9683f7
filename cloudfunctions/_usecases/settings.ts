import { retentionWith, serviceSettingsWith, type RetentionSettings, type ServiceSettings, type SettingsArea } from '@shared/admin/settings';
import { complaintRulesWith, type ComplaintRules } from '@shared/complaint/categories';
import { followUpSettingsWith, type FollowUpSettings } from '@shared/followup/config';
import { notifySettingsWith, type NotifySettings } from '@shared/notify/push';
import { repairRulesWith, type RepairRules } from '@shared/repair/categories';
import type { Stores } from '../_platform/stores';

/**
 * Rules an admin can change without a deploy live in the `settings` collection, one document per
 * area (`repair`, `complaint`, `followup`); whatever a document leaves out keeps the default that
 * ships with the product.
 */
export async function loadRepairRules(store: Stores): Promise<RepairRules> {
  return repairRulesWith(await store.settings.get('repair'));
}

/** `settings/complaint`: routing table, reply hours, the review ladder, the repeat window. */
export async function loadComplaintRules(store: Stores): Promise<ComplaintRules> {
  return complaintRulesWith(await store.settings.get('complaint'));
}

/** `settings/followup`: the schedule, contact windows, daily cap, templates and hotline (shared/followup/config.ts). */
export async function loadFollowUpSettings(store: Stores): Promise<FollowUpSettings> {
  return followUpSettingsWith(await store.settings.get('followup'));
}

/** `settings/notify`: the subscription templates of notices, by purpose or kind, and the push window (shared/notify/push.ts). */
export async function loadNotifySettings(store: Stores): Promise<NotifySettings> {
  return notifySettingsWith(await store.settings.get('notify'));
}

/** `settings/service`: the service desk's hours as homeowners read them. */
export async function loadServiceSettings(store: Stores): Promise<ServiceSettings> {
  return serviceSettingsWith(await store.settings.get('service'));
}

/** `settings/retention`: how long reports and the audit log are kept. */
export async function loadRetention(store: Stores): Promise<RetentionSettings> {
  return retentionWith(await store.settings.get('retention'));
}

/** What takes effect in one area: the stored document read by the area's own rules. */
export function effectiveSettings(area: SettingsArea, stored: unknown): unknown {
  switch (area) {
    case 'followup':
      return followUpSettingsWith(stored);
    case 'repair':
      return repairRulesWith(stored);
    case 'complaint':
      return complaintRulesWith(stored);
    case 'service':
      return serviceSettingsWith(stored);
    case 'retention':
      return retentionWith(stored);
  }
}
