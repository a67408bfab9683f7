import { retentionWith, type RetentionSettings, type SettingsArea } from '@shared/admin/settings';
import { campaignTemplateWith, type CampaignTemplate } from '@shared/campaign/campaign';
import { complaintRulesWith, type ComplaintRules } from '@shared/complaint/categories';
import { followUpSettingsWith, type FollowUpSettings } from '@shared/followup/config';
import { notifySettingsWith, type NotifySettings } from '@shared/notify/push';
import { privacySettingsWith, type PrivacySettings } from '@shared/privacy/settings';
import { prospectCadenceWith, type ProspectCadence } from '@shared/prospect/prospect';
import { repairRulesWith, type RepairRules } from '@shared/repair/categories';
import type { Stores } from '../_platform/stores';

/**
 * Rules an admin can change without a deploy live in the `settings` collection, one document per
 * area (SETTINGS_AREAS in shared/admin/settings.ts, each set through `admin.setConfig`); whatever a
 * document leaves out keeps the default that ships with the product. Functions read settings only
 * through these loaders (and the shell, _platform/define.ts, reads the hotline for its failures).
 */
export async function loadRepairRules(store: Stores): Promise<RepairRules> {
  return repairRulesWith(await store.settings.get('repair'));
}

/** `settings/complaint`: routing table, reply hours, the review ladder, the repeat window. */
export async function loadComplaintRules(store: Stores): Promise<ComplaintRules> {
  return complaintRulesWith(await store.settings.get('complaint'));
}

/** `settings/followup`: the schedule, contact windows, daily cap, call limits, templates, and the one hotline and desk hours every screen shows (shared/followup/config.ts). */
export async function loadFollowUpSettings(store: Stores): Promise<FollowUpSettings> {
  return followUpSettingsWith(await store.settings.get('followup'));
}

/** `settings/notify`: the subscription templates of notices, by purpose or kind, and the push window (shared/notify/push.ts). */
export async function loadNotifySettings(store: Stores): Promise<NotifySettings> {
  return notifySettingsWith(await store.settings.get('notify'));
}

/** `settings/privacy`: the deletion delay and how long personal data is kept after the warranty horizon (shared/privacy/settings.ts). */
export async function loadPrivacySettings(store: Stores): Promise<PrivacySettings> {
  return privacySettingsWith(await store.settings.get('privacy'));
}

/** `settings/prospect`: the days between calls to a prospect per lead class (shared/prospect/prospect.ts). */
export async function loadProspectCadence(store: Stores): Promise<ProspectCadence> {
  return prospectCadenceWith(await store.settings.get('prospect'));
}

/** `settings/retention`: how long reports and the audit log of staff reads are kept (not personal data: that is `privacy`). */
export async function loadRetention(store: Stores): Promise<RetentionSettings> {
  return retentionWith(await store.settings.get('retention'));
}

/** What takes effect in one area: the stored document read by the area's own rules. */
/** `settings/campaign`: the marketing subscription template; null when none is set (SMS and phone campaigns still go). */
export async function loadCampaignTemplate(store: Stores): Promise<CampaignTemplate | null> {
  return campaignTemplateWith(await store.settings.get('campaign'));
}

export function effectiveSettings(area: SettingsArea, stored: unknown): unknown {
  switch (area) {
    case 'followup':
      return followUpSettingsWith(stored);
    case 'repair':
      return repairRulesWith(stored);
    case 'complaint':
      return complaintRulesWith(stored);
    case 'notify':
      return notifySettingsWith(stored);
    case 'privacy':
      return privacySettingsWith(stored);
    case 'prospect':
      return prospectCadenceWith(stored);
    case 'campaign':
      return campaignTemplateWith(stored);
    case 'retention':
      return retentionWith(stored);
  }
}
