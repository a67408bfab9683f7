import { SETTINGS_AREAS, SETTINGS_INPUTS, ignoredSettings, type SettingsArea } from '@shared/admin/settings';
import { AdminInputs } from '@shared/admin/api';
import { settingsSummary } from '@shared/admin/summary';
import { CommonErrors } from '@shared/core/errors';
import { ok } from '@shared/core/result';
import { withoutId } from '../_platform/collection';
import { action } from '../_platform/define';
import type { Stores } from '../_platform/stores';
import { recordAdminChange } from '../_usecases/history';
import { effectiveSettings } from '../_usecases/settings';

async function areaView(store: Stores, area: SettingsArea) {
  const doc = await store.settings.get(area);
  const stored = doc ? withoutId(doc) : {};
  return { area, stored, effective: effectiveSettings(area, stored), ignored: ignoredSettings(area, stored), summary: settingsSummary(area, stored) };
}

/** What is stored, what takes effect and what of the stored is ignored (edited by hand with a bad value), per area. */
export const getConfig = action({
  input: AdminInputs.getConfig,
  roles: ['admin'],
  async run({ store }, input) {
    const areas = input.area ? [input.area] : [...SETTINGS_AREAS];
    return ok({ areas: await Promise.all(areas.map((a) => areaView(store, a))) });
  },
});

/**
 * Changes one area: the changes are merged over what is stored (null: back to the default), the whole
 * result checked, and refused with the field named when anything in it would not take effect. Each
 * change is written to the history with what it was before and after.
 */
export const setConfig = action({
  input: AdminInputs.setConfig,
  roles: ['admin'],
  async run({ store, user, now }, input) {
    const { area, changes } = input;
    if (Object.keys(changes).length === 0) return CommonErrors.badRequest({ changes: '请至少修改一项设置' });
    const outcome = await store.transaction(async (tx) => {
      const settings = store.settings.within(tx);
      const current = await settings.get(area);
      const before = current ? withoutId(current) : {};
      const merged: Record<string, unknown> = { ...before };
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      const checked = SETTINGS_INPUTS[area].safeParse(merged);
      if (!checked.success) {
        const fields: Record<string, string> = {};
        for (const issue of checked.error.issues) {
          const key = `changes.${issue.path.map(String).join('.')}`.replace(/\.$/, '');
          if (!(key in fields)) fields[key] = issue.code === 'unrecognized_keys' ? `未知的设置项：${issue.keys.join('、')}` : issue.message;
        }
        return CommonErrors.badRequest(fields);
      }
      const after = checked.data as Record<string, unknown>;
      await settings.put({ ...after, _id: area });
      return ok(await recordAdminChange(store.adminHistory.within(tx), { kind: 'config', ref: `settings/${area}`, before, after, by: user, at: now }));
    });
    if (!outcome.ok) return outcome;
    return ok({ ...(await areaView(store, area)), historyId: outcome.data });
  },
});

/** The history of admin changes, newest first, optionally of one kind or one record. */
export const history = action({
  input: AdminInputs.history,
  roles: ['admin'],
  async run({ store }, input) {
    const where = { ...(input.kind ? { kind: input.kind } : {}), ...(input.ref ? { ref: input.ref } : {}) };
    const entries = await store.adminHistory.find(Object.keys(where).length ? where : null, { orderBy: [['at', 'desc']], limit: input.limit });
    return ok({ entries });
  },
});
