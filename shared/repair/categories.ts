/**
 * Repair categories and their response times (DOMAIN §5, seed 001 §十一.6): someone contacts the
 * homeowner within 24 hours; a site visit within 24 hours; water and electrics on site within 4 hours.
 * These are defaults: an admin can change them in the `settings` collection without a deploy.
 */
export const REPAIR_CATEGORIES = [
  'plumbing',
  'electrical',
  'waterproofing',
  'tiling',
  'carpentry',
  'painting',
  'doorsWindows',
  'fixtures',
  'other',
] as const;
export type RepairCategory = (typeof REPAIR_CATEGORIES)[number];

export const REPAIR_CATEGORY_LABELS: Record<RepairCategory, string> = {
  plumbing: '水路（漏水、堵塞、水压）',
  electrical: '电路（跳闸、断电、插座开关）',
  waterproofing: '防水渗漏',
  tiling: '瓷砖地面（空鼓、开裂）',
  carpentry: '木作柜体',
  painting: '墙面油漆（开裂、起皮）',
  doorsWindows: '门窗',
  fixtures: '洁具五金',
  other: '其他',
};

export interface RepairRules {
  /** hours from submission within which someone must contact the homeowner */
  contactWithinHours: number;
  /** hours from submission within which someone must be on site, per category */
  onSiteWithinHours: Record<RepairCategory, number>;
}

export const DEFAULT_REPAIR_RULES: RepairRules = {
  contactWithinHours: 24,
  onSiteWithinHours: {
    plumbing: 4,
    electrical: 4,
    waterproofing: 24,
    tiling: 24,
    carpentry: 24,
    painting: 24,
    doorsWindows: 24,
    fixtures: 24,
    other: 24,
  },
};

/** Admin overrides are partial; whatever they leave out keeps its default. */
export function repairRulesWith(overrides: unknown): RepairRules {
  const o = (typeof overrides === 'object' && overrides !== null ? overrides : {}) as Partial<{
    contactWithinHours: unknown;
    onSiteWithinHours: Record<string, unknown>;
  }>;
  const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
  const onSite = { ...DEFAULT_REPAIR_RULES.onSiteWithinHours };
  for (const c of REPAIR_CATEGORIES) {
    const v = o.onSiteWithinHours?.[c];
    if (positive(v)) onSite[c] = v;
  }
  return {
    contactWithinHours: positive(o.contactWithinHours) ? o.contactWithinHours : DEFAULT_REPAIR_RULES.contactWithinHours,
    onSiteWithinHours: onSite,
  };
}
