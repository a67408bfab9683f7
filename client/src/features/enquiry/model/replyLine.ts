import type { EnquirySummary } from '@shared/enquiry/api';
import { formatCst, type Millis } from '@shared/core/time';

const when = (at: Millis) => formatCst(at, 'M月D日 HH:mm');

/**
 * The line under a request: when the answer came, or by when it is due — to the homeowner as the
 * promise, to the desk as its deadline — and honestly late when it is.
 */
export function replyLine(e: Pick<EnquirySummary, 'status' | 'replyBy' | 'reply'>, now: Millis, audience: 'homeowner' | 'staff'): { text: string; tone: 'done' | 'waiting' | 'overdue' } {
  if (e.reply) return { text: `已于 ${when(e.reply.at)} 回复`, tone: 'done' };
  if (e.replyBy < now) {
    return { text: audience === 'staff' ? `已超时：应在 ${when(e.replyBy)} 前回复` : `已超过回复时间（${when(e.replyBy)}），客服部经理会督促尽快回复您`, tone: 'overdue' };
  }
  return { text: audience === 'staff' ? `请在 ${when(e.replyBy)} 前回复` : `客服会在 ${when(e.replyBy)} 前回复`, tone: 'waiting' };
}
