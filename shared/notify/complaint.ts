import { COMPLAINT_CATEGORY_LABELS } from '../complaint/categories';
import type { Complaint } from '../complaint/complaint';
import { DEPARTMENT_LABELS } from '../core/roles';
import { formatCst } from '../core/time';
import type { NoticeDraft } from './notice';

/** What the notices of one complaint say, and where they lead (DOMAIN §6, §11). */
type C = Pick<Complaint, '_id' | 'ref' | 'homeownerId' | 'category' | 'description' | 'department' | 'level' | 'replyBy' | 'promisedReplyAt' | 'proposal' | 'priority'>;

const homeownerPage = (c: C) => `/pages/complaint/index?id=${encodeURIComponent(c._id)}`;
const staffPage = (c: C) => `/staff/complaint/index?id=${encodeURIComponent(c._id)}`;
const when = (at: number) => formatCst(at, 'M月D日 HH:mm');
const brief = (text: string, max = 40) => (Array.from(text).length > max ? `${Array.from(text).slice(0, max - 1).join('')}…` : text);
const topic = (c: C) => COMPLAINT_CATEGORY_LABELS[c.category];

/** To the homeowner: the department wrote progress on their complaint. */
export function complaintRepliedNotice(c: C, text: string, at: number): NoticeDraft {
  return {
    key: `complaint.replied:${c._id}:${at}`,
    ref: c.ref,
    to: c.homeownerId,
    kind: 'complaint.replied',
    title: '投诉有新答复',
    body: `${DEPARTMENT_LABELS[c.department]}答复您的投诉（${topic(c)}）：${brief(text)}`,
    page: homeownerPage(c),
  };
}

/** To the homeowner: a time by which they will have the answer. */
export function complaintPromisedNotice(c: C, text: string): NoticeDraft {
  const by = c.promisedReplyAt ?? c.replyBy;
  return {
    key: `complaint.promised:${c._id}:${by}`,
    ref: c.ref,
    to: c.homeownerId,
    kind: 'complaint.promised',
    title: '已承诺答复时间',
    body: `${DEPARTMENT_LABELS[c.department]}承诺在 ${when(by)} 前答复您的投诉（${topic(c)}）${text ? `：${brief(text)}` : ''}`,
    page: homeownerPage(c),
  };
}

/** To the homeowner: a proposed resolution waits for their answer. */
export function complaintProposalNotice(c: C): NoticeDraft | null {
  if (!c.proposal) return null;
  return {
    key: `complaint.proposal:${c._id}:${c.proposal.at}`,
    ref: c.ref,
    to: c.homeownerId,
    kind: 'complaint.proposal',
    title: '处理方案待您确认',
    body: `关于您的投诉（${topic(c)}）：${brief(c.proposal.text)}。请查看并告诉我们是否接受。`,
    page: homeownerPage(c),
  };
}

/** To the managers of the department a complaint was routed (or forwarded) to. */
export function complaintRoutedNotice(c: C, projectName: string): Omit<NoticeDraft, 'to'> {
  return {
    key: `complaint.routed:${c._id}:${c.level}:${c.department}`,
    ref: c.ref,
    kind: 'complaint.routed',
    title: `${c.priority === 'high' ? '【重复投诉】' : ''}新投诉：${topic(c)}`,
    body: `${projectName ? `${projectName}：` : ''}${brief(c.description)}。请在 ${when(c.replyBy)} 前答复业主。`,
    page: staffPage(c),
  };
}

/**
 * To the managers of the department the ladder names now: the answer owed was late, so the complaint
 * climbed to them — or, at the top of the ladder, the top level itself is late.
 */
export function complaintOverdueNotice(c: C & Pick<Complaint, 'missedDeadlines'>, projectName: string, atTop: boolean): Omit<NoticeDraft, 'to'> {
  return {
    key: `complaint.overdue:${c._id}:${c.missedDeadlines[c.missedDeadlines.length - 1] ?? c.level}`,
    ref: c.ref,
    kind: 'complaint.overdue',
    title: atTop ? `投诉答复超时：${topic(c)}` : `投诉超时升级：${topic(c)}`,
    body: atTop
      ? `${projectName ? `${projectName}：` : ''}最高一级的答复也已超过期限，请立即处理。`
      : `${projectName ? `${projectName}：` : ''}下级超过答复期限，已升级到${DEPARTMENT_LABELS[c.department]}，请在 ${when(c.replyBy)} 前答复业主。`,
    page: staffPage(c),
  };
}
