import type { RepairCategory, RepairRules } from './categories';

/**
 * The response promise (DOMAIN §5) in words that cannot read as a contradiction. "24 小时内联系您，4 小时内上门"
 * sounds as if the visit could come before the call: when the visit is due first, the sentence says
 * the visit, and that the site manager calls before setting off.
 */
export function repairPromiseText(contactHours: number, onSiteHours: number): string {
  if (onSiteHours < contactHours) return `${onSiteHours} 小时内上门（出发前会先电话联系您）`;
  if (onSiteHours === contactHours) return `${contactHours} 小时内联系您约好时间并上门`;
  return `${contactHours} 小时内联系您约定时间，${onSiteHours} 小时内上门`;
}

/** The promise for the home page: the contact time, and the quicker visit for water and electrics. */
export function homeRepairPromise(rules: RepairRules): string {
  const urgent: RepairCategory[] = ['plumbing', 'electrical'];
  const fastest = Math.min(...urgent.map((c) => rules.onSiteWithinHours[c]));
  return fastest < rules.contactWithinHours
    ? `报修后 ${rules.contactWithinHours} 小时内联系您；漏水、断电等水电问题 ${fastest} 小时内上门`
    : `报修后 ${rules.contactWithinHours} 小时内联系您约定上门时间`;
}
