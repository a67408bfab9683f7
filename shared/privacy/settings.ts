/**
 * `settings/privacy`: how long personal data is kept and how soon a deletion request is carried out.
 * Anything missing or invalid keeps its default.
 */
export interface PrivacySettings {
  /** days between a homeowner's deletion request and the anonymisation; 0: at once */
  deletionDelayDays: number;
  /** days personal data is kept after the warranty horizon (settings/followup `warrantyHorizonYears`) ends */
  retentionDaysAfterWarranty: number;
}

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  deletionDelayDays: 0,
  retentionDaysAfterWarranty: 365,
};

export function privacySettingsWith(overrides: unknown): PrivacySettings {
  const o = (typeof overrides === 'object' && overrides !== null ? overrides : {}) as Record<string, unknown>;
  const merged = { ...DEFAULT_PRIVACY_SETTINGS };
  for (const key of Object.keys(DEFAULT_PRIVACY_SETTINGS) as (keyof PrivacySettings)[]) {
    const v = o[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 3650) merged[key] = v;
  }
  return merged;
}
