/** The `prospect` cloud function: customer service's follow-up of people who have not signed (DOMAIN §8). */
import * as z from 'zod/mini';
import { recordId, requestIdSchema, requiredText } from '../core/schemas';
import { LEAD_CLASSES, type Prospect } from './prospect';

const prospectId = recordId('意向客户');
const leadClass = z.enum(LEAD_CLASSES, { error: '请选择客户分类 A–E' });

export const ProspectInputs = {
  create: z.object({
    name: requiredText('称呼', 1, 20),
    phone: z.string({ error: '请填写手机号' }).check(z.trim(), z.regex(/^1[3-9]\d{9}$/, { error: '请填写 11 位手机号，例如 13800138000' })),
    leadClass,
    /** when they visited the showroom (ms), if they did: the first call is planned 2–3 days later */
    showroomVisitAt: z._default(z.nullable(z.number().check(z.int(), z.positive())), null),
    /** whether they agreed to follow-up calls about offers (asked in person); no calls without it */
    callConsent: z.boolean({ error: '请选择客户是否同意回访电话' }),
    requestId: requestIdSchema,
  }),
  queue: z.object({}),
  logCall: z.object({ prospectId, note: z._default(z.string().check(z.trim(), z.maxLength(500, { error: '备注最多 500 个字' })), '') }),
  changeClass: z.object({ prospectId, leadClass, reason: requiredText('调整原因', 2, 200) }),
  stop: z.object({ prospectId, note: z._default(z.string().check(z.trim(), z.maxLength(500, { error: '备注最多 500 个字' })), '') }),
} as const;

export interface ProspectReplies {
  create: { prospect: Prospect };
  /** due now, the earliest first; `classReviewDue`: an E prospect 6 months in E, to re-assess (002) */
  queue: { prospects: (Prospect & { classReviewDue: boolean })[] };
  logCall: { prospect: Prospect };
  changeClass: { prospect: Prospect };
  stop: { prospect: Prospect };
}
