import { followUpSettingsWith, type FollowUpSettings } from '@shared/followup/config';
import { repairRulesWith, type RepairRules } from '@shared/repair/categories';
import type { Database } from '../_platform/database';
import { findById } from '../_platform/store';

/**
 * Rules an admin can change without a deploy live in the `settings` collection, one document per
 * area (`repair`, …); whatever a document leaves out keeps the default that ships with the product.
 */
export async function loadRepairRules(db: Database): Promise<RepairRules> {
  const doc = await findById<Record<string, unknown>>(db, 'settings', 'repair');
  return repairRulesWith(doc);
}

/** `settings/followup`: the schedule, contact windows, daily cap, templates and hotline (shared/followup/config.ts). */
export async function loadFollowUpSettings(db: Database): Promise<FollowUpSettings> {
  return followUpSettingsWith(await findById<Record<string, unknown>>(db, 'settings', 'followup'));
}
