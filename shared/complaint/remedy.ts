import { DEPARTMENT_LABELS } from '../core/roles';
import { formatCst } from '../core/time';
import type { Acknowledgement, Complaint } from './complaint';

/** The consumer-complaint hotline of the market regulator (市场监督管理部门), the same everywhere in China. */
export const REGULATOR_HOTLINE = '12315';

/** Who handles it, as the homeowner reads it: a named person with their department, or the department alone. */
export function handlerLabel(c: Pick<Complaint, 'department'>, handlerName: string | null): string {
  return handlerName ? `${handlerName}（${DEPARTMENT_LABELS[c.department]}）` : DEPARTMENT_LABELS[c.department];
}

/**
 * The acknowledgement (受理函, 003 第十条) as the homeowner reads it, in the app and in the message: the
 * reference, who handles it, when the first reply and the result are due.
 */
export function acknowledgementText(c: Pick<Complaint, 'ref' | 'department'>, ack: Acknowledgement, handlerName: string | null): string {
  return [
    // 001 第五篇 4: apologise on the company's behalf first, then say only what the deadlines keep
    '很抱歉给您带来不好的体验。',
    `您的投诉已于 ${formatCst(ack.at, 'M月D日 HH:mm')} 受理${c.ref ? `，编号 ${c.ref}` : ''}。`,
    `处理人：${handlerLabel(c, handlerName)}。`,
    `我们会在 ${formatCst(ack.replyBy, 'M月D日 HH:mm')} 前答复您，处理结果最迟在 ${formatCst(ack.resultBy, 'M月D日')} 前告知您。`,
  ].join('');
}

/**
 * How the homeowner can seek further remedy when they do not accept the result (003 第十九、二十条):
 * the company's own review, its hotline, the regulator, and mediation or the courts.
 */
export function furtherRemedies(hotline: string, canReview: boolean): string[] {
  return [
    ...(canReview ? ['不接受处理方案：在本页点“不接受”，由上一级复审'] : []),
    `拨打服务热线 ${hotline}，要求复核`,
    `拨打 ${REGULATOR_HOTLINE} 消费者投诉举报热线，或向当地市场监督管理部门投诉`,
    '向消费者协会申请调解，也可以依法申请仲裁或向人民法院起诉',
  ];
}
