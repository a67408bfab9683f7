import { formatCst } from '../core/time';
import { REPAIR_CATEGORY_LABELS } from '../repair/categories';
import type { RepairTicket } from '../repair/ticket';
import { SCORE_LABELS } from '../survey/score';
import type { NoticeDraft } from './notice';

/** What the notices of one repair ticket say, and where they lead (DOMAIN §5). */
type Ticket = Pick<RepairTicket, '_id' | 'ref' | 'category' | 'description' | 'deadlines' | 'visitAt' | 'reopenCount' | 'resolution' | 'rating'>;

const homeownerPage = (t: Ticket) => `/pages/repair/index?id=${encodeURIComponent(t._id)}`;
const staffPage = (t: Ticket) => `/staff/ticket/index?id=${encodeURIComponent(t._id)}`;
const when = (at: number) => formatCst(at, 'M月D日 HH:mm');
const brief = (text: string, max = 40) => (Array.from(text).length > max ? `${Array.from(text).slice(0, max - 1).join('')}…` : text);

/** To the site manager: a new ticket is theirs, with the promise made to the homeowner. */
export function repairAssignedNotice(t: Ticket & Pick<RepairTicket, 'siteManagerId'>, projectName: string): NoticeDraft {
  return {
    key: `repair.assigned:${t._id}`,
    ref: t.ref,
    to: t.siteManagerId,
    kind: 'repair.assigned',
    title: `新报修：${REPAIR_CATEGORY_LABELS[t.category]}`,
    body: `${projectName}：${brief(t.description)}。请在 ${when(t.deadlines.contactBy)} 前联系业主，${when(t.deadlines.onSiteBy)} 前上门。`,
    page: staffPage(t),
  };
}

/** To the homeowner: the site manager took the ticket. */
export function repairAcceptedNotice(t: Ticket & Pick<RepairTicket, 'homeownerId'>, siteManagerName: string): NoticeDraft {
  return {
    key: `repair.accepted:${t._id}:${t.reopenCount}`,
    ref: t.ref,
    to: t.homeownerId,
    kind: 'repair.accepted',
    title: '项目经理已接单',
    body: `${siteManagerName}已接下您的报修（${REPAIR_CATEGORY_LABELS[t.category]}），会在 ${when(t.deadlines.contactBy)} 前与您联系约定上门时间。`,
    page: homeownerPage(t),
  };
}

/** To the homeowner: the visit time agreed (again, when it is moved). */
export function repairScheduledNotice(t: Ticket & Pick<RepairTicket, 'homeownerId'>, siteManagerName: string): NoticeDraft {
  const visit = t.visitAt === null ? '约定的时间' : when(t.visitAt);
  return {
    key: `repair.scheduled:${t._id}:${t.visitAt ?? 0}`,
    ref: t.ref,
    to: t.homeownerId,
    kind: 'repair.scheduled',
    title: '已约定上门时间',
    body: `${siteManagerName}将于 ${visit} 上门维修（${REPAIR_CATEGORY_LABELS[t.category]}），请留人在家。`,
    page: homeownerPage(t),
  };
}

/** To the homeowner: the repair is done; they confirm it or report it again. */
export function repairResolvedNotice(t: Ticket & Pick<RepairTicket, 'homeownerId'>): NoticeDraft {
  return {
    key: `repair.resolved:${t._id}:${t.reopenCount}`,
    ref: t.ref,
    to: t.homeownerId,
    kind: 'repair.resolved',
    title: '维修已完成，请确认',
    body: `${REPAIR_CATEGORY_LABELS[t.category]}已修好${t.resolution ? `：${brief(t.resolution.note)}` : ''}。请查看照片并确认，没修好可以重新报修。`,
    page: homeownerPage(t),
  };
}

/** To the site manager: the homeowner says it is not fixed, and a new round of promises starts. */
export function repairReopenedNotice(t: Ticket & Pick<RepairTicket, 'siteManagerId'>, projectName: string, reason: string): NoticeDraft {
  return {
    key: `repair.reopened:${t._id}:${t.reopenCount}`,
    to: t.siteManagerId,
    kind: 'repair.reopened',
    title: `业主重新报修：${REPAIR_CATEGORY_LABELS[t.category]}`,
    body: `${projectName}：${brief(reason)}。请在 ${when(t.deadlines.contactBy)} 前联系业主，${when(t.deadlines.onSiteBy)} 前上门。`,
    page: staffPage(t),
  };
}

/** To the site manager in charge: the homeowner's rating and comment, as the rating form promises. */
export function repairRatedNotice(t: Ticket & Pick<RepairTicket, 'siteManagerId'>, projectName: string): NoticeDraft | null {
  if (!t.rating) return null;
  const score = `${t.rating.score} 分（${SCORE_LABELS[t.rating.score]?.label ?? ''}）`;
  return {
    key: `repair.rated:${t._id}`,
    ref: t.ref,
    to: t.siteManagerId,
    kind: 'repair.rated',
    title: `业主评价：${score}`,
    body: `${projectName} ${REPAIR_CATEGORY_LABELS[t.category]}：${t.rating.comment ? `业主留言“${t.rating.comment}”` : '业主没有留言'}`,
    page: staffPage(t),
  };
}

/** To a department manager: a deadline of the ticket passed (the escalation the history records). */
export function repairOverdueNotice(t: Ticket, projectName: string, what: string, siteManagerName: string): Omit<NoticeDraft, 'to'> {
  return {
    key: `repair.overdue:${t._id}:${t.reopenCount}:${what}`,
    ref: t.ref,
    kind: 'repair.overdue',
    title: `报修超时：${what}`,
    body: `${projectName} ${REPAIR_CATEGORY_LABELS[t.category]}，项目经理${siteManagerName}${what}已超时，请督促处理。`,
    page: staffPage(t),
  };
}

/** To the site manager and the department manager: the homeowner urged an overdue ticket (催单). */
export function repairUrgedNotice(t: Ticket, projectName: string, urgedAt: number): Omit<NoticeDraft, 'to'> {
  return {
    key: `repair.urged:${t._id}:${urgedAt}`,
    ref: t.ref,
    kind: 'repair.urged',
    title: '业主催单',
    body: `${projectName} 的业主在 ${when(urgedAt)} 催促报修（${REPAIR_CATEGORY_LABELS[t.category]}）：已超过承诺时间，请尽快联系并上门。`,
    page: staffPage(t),
  };
}
