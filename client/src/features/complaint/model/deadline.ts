import type { ComplaintSummary, ComplaintView } from '@shared/complaint/api';
import { formatCst, type Millis } from '@shared/core/time';
import { describeSpan } from '@/lib/timeLeft';

export interface DeadlineLine {
  /** '预计 11月24日 15:00 前答复' / '已超时 2 小时' / '方案已提出，等待您确认' */
  text: string;
  /** a second line: the due time once overdue, or the time left */
  sub: string | null;
  tone: 'open' | 'soon' | 'overdue' | 'waiting' | 'resolved' | 'archived';
}

const SOON = 2 * 60 * 60 * 1000;

/** The answer a complaint owes now, in words for its reader. */
export function deadlineLine(
  c: Pick<ComplaintSummary, 'status' | 'nextDeadlineAt' | 'overdue'> & Partial<Pick<ComplaintView, 'promisedReplyAt' | 'closedAt'>>,
  now: Millis,
  audience: 'homeowner' | 'staff',
): DeadlineLine {
  const due = c.nextDeadlineAt;
  if (due !== null) {
    const when = formatCst(due, 'M月D日 HH:mm');
    const promised = c.promisedReplyAt !== undefined && c.promisedReplyAt === due;
    if (c.overdue || due < now) {
      return { text: `已超时 ${describeSpan(now - due)}`, sub: `${promised ? '承诺' : '应'}于 ${when} 前答复`, tone: 'overdue' };
    }
    const verb = promised ? '承诺' : '预计';
    return { text: `${verb} ${when} 前答复`, sub: `剩余 ${describeSpan(due - now)}`, tone: due - now < SOON ? 'soon' : 'open' };
  }
  if (c.status === 'proposed') {
    return { text: audience === 'homeowner' ? '处理方案已提出，等待您确认' : '方案已提出，等待业主确认', sub: null, tone: 'waiting' };
  }
  const closedAt = c.closedAt ?? null;
  const at = closedAt === null ? '' : `${formatCst(closedAt, 'M月D日 HH:mm')} `;
  if (c.status === 'closed') return { text: `${at}已解决`, sub: null, tone: 'resolved' };
  return { text: `${at}未达成一致，已存档`, sub: '总经理室会继续跟进', tone: 'archived' };
}
