import type { RepairRating } from '@shared/repair/ticket';

type YesNoKey = keyof Pick<RepairRating, 'contactedWithin24h' | 'timeAgreed' | 'planAgreed' | 'satisfied'>;

/** The after-repair survey's yes/no questions (DOMAIN §4), as asked and as summarised. */
export const RATING_QUESTIONS: { key: YesNoKey; text: string; short: string }[] = [
  { key: 'contactedWithin24h', text: '报修后 24 小时内有人联系您吗？', short: '24 小时内联系' },
  { key: 'timeAgreed', text: '上门时间和您约定过吗？', short: '约定上门时间' },
  { key: 'planAgreed', text: '维修方案征得您的同意了吗？', short: '维修方案经您同意' },
  { key: 'satisfied', text: '您对维修结果满意吗？', short: '对结果满意' },
];

/** Scores from best to worst, the order a person reads them in. */
export const SCORES_BEST_FIRST = [5, 4, 3, 2, 1, 0] as const;
