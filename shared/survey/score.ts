/** The 0–5 overall satisfaction scale (DOMAIN §4, seed 001 第二篇). */
export const SCORE_LABELS: Record<number, { label: string; meaning: string }> = {
  5: { label: '非常满意', meaning: '会向亲友推荐' },
  4: { label: '比较满意', meaning: '会考虑推荐' },
  3: { label: '一般', meaning: '有不足，问题能及时解决' },
  2: { label: '不满意', meaning: '质量问题未及时解决' },
  1: { label: '非常不满意', meaning: '问题多且未解决' },
  0: { label: '极差', meaning: '不会再合作' },
};

/** A score of 2 or less reports a problem (DOMAIN §4, closing the loop). */
export function scoreReportsProblem(score: number): boolean {
  return score <= 2;
}
