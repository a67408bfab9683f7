import { check, closing, OVERALL_SCORE, rating, stage, survey } from './builders';

/**
 * The after-repair questionnaire as the product ships it (seed 001 客户维修电话的回访): the same questions
 * the homeowner's rating of a repair answers on the ticket, so the rating can stand for it. Kept apart
 * from the other stages so that the repair function carries only this one.
 */
export const AFTER_REPAIR_SURVEY = survey('afterRepair', '维修回访', [
  stage('维修情况', [
    check('contactedIn24h', '报修后 24 小时内，维修人员和您联系了吗？', 'no', 'serviceAttitude', { staffRole: 'projectManager' }),
    check('timeAgreed', '维修时间和您商量好了吗？', 'no', 'serviceAttitude', { staffRole: 'projectManager' }),
    check('planAgreed', '维修方案和您商量好了吗？', 'no', 'serviceAttitude', { staffRole: 'projectManager' }),
    rating('result', '您对维修结果满意吗？', 'constructionQuality', 'projectManager'),
  ]),
  // a low score on a repair is about the repair: routed as construction quality, naming the project manager
  closing({ ...OVERALL_SCORE, text: '请为这次维修服务打分（0–5 分）', topic: 'constructionQuality', staffRole: 'projectManager' }),
]);
