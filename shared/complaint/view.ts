import { maskPhone } from '../core/privacy';
import { DEPARTMENT_LABELS, hasRole, type User } from '../core/roles';
import type { Millis } from '../core/time';
import type { ComplaintSummary, ComplaintView } from './api';
import { CHANNEL_LABELS, COMPLAINT_CATEGORY_LABELS, STAFF_ROLE_LABELS } from './categories';
import { COMPLAINT_STATUS_LABELS, type Complaint, type ComplaintEventType } from './complaint';
import { allowedComplaintCommands, COMPLAINT_COMMAND_ACTORS, type ComplaintCommand } from './lifecycle';
import { acknowledgementText, furtherRemedies, handlerLabel } from './remedy';

const EVENT_LABELS: Record<ComplaintEventType, string> = {
  received: '收到投诉',
  forwarded: '转交责任部门',
  noted: '处理进展',
  promised: '承诺答复时间',
  proposed: '提出处理方案',
  accepted: '业主接受方案，投诉关闭',
  rejected: '业主不接受方案',
  escalated: '升级到上一级',
  overdueAtTop: '最高一级超时',
  evidence: '调查取证',
  finding: '调查结论',
  legalLiability: '标记为涉及法律责任',
  assigned: '指派处理人',
  info: '业主补充了信息',
};

/** What the homeowner does not see of the investigation: the evidence kept and the legal mark. */
const STAFF_ONLY_EVENTS: readonly ComplaintEventType[] = ['evidence', 'legalLiability'];

/** Whether this person answers for the complaint at its current level. */
export function handlesNow(user: User, c: Pick<Complaint, 'department'>): boolean {
  if (hasRole(user, 'admin')) return true;
  if (hasRole(user, 'deptManager') && user.department === c.department) return true;
  return c.department === 'customerService' && hasRole(user, 'customerService');
}

/**
 * Who may read a complaint: its homeowner; customer service and admins; a department manager whose
 * department has handled it or handles it now.
 */
export function mayReadComplaint(user: User, c: Pick<Complaint, 'homeownerId' | 'chain' | 'level' | 'handlerId'>): boolean {
  if (user._id === c.homeownerId || user._id === c.handlerId) return true;
  if (hasRole(user, 'customerService', 'admin')) return true;
  return hasRole(user, 'deptManager') && user.department !== undefined && c.chain.slice(0, c.level + 1).includes(user.department);
}

export function toComplaintSummary(c: Complaint, projectName: string, now: Millis, handlerName: string | null = null): ComplaintSummary {
  return {
    id: c._id,
    ref: c.ref,
    projectName,
    category: c.category,
    categoryLabel: COMPLAINT_CATEGORY_LABELS[c.category],
    description: c.description,
    status: c.status,
    statusLabel: COMPLAINT_STATUS_LABELS[c.status],
    priority: c.priority,
    isRepeat: c.repeatOf !== null,
    receivedAt: c.receivedAt,
    department: c.department,
    departmentLabel: DEPARTMENT_LABELS[c.department],
    level: c.level,
    nextDeadlineAt: c.nextDeadlineAt,
    overdue: c.nextDeadlineAt !== null && c.nextDeadlineAt < now,
    handlerLabel: handlerLabel(c, handlerName),
    resultBy: c.acknowledgement?.resultBy ?? null,
    resultOverdue: resultOverdue(c, now),
  };
}

/** The result the acknowledgement promised is late: still being worked, with no resolution proposed, after its deadline. */
export function resultOverdue(c: Pick<Complaint, 'status' | 'acknowledgement'>, now: Millis): boolean {
  return (c.status === 'forwarded' || c.status === 'investigating') && c.acknowledgement !== null && c.acknowledgement.resultBy < now;
}

export interface ComplaintViewContext {
  viewer: User;
  projectName: string;
  homeowner: Pick<User, 'name' | 'phone'>;
  names: Record<string, string>;
  now: Millis;
  /** the service hotline, named among the ways to seek further remedy */
  hotline: string;
}

/** The complaint as this viewer may see it: the full phone only for the homeowner and whoever answers now. */
export function toComplaintView(c: Complaint, v: ComplaintViewContext): ComplaintView {
  const isOwner = v.viewer._id === c.homeownerId;
  const handler = handlesNow(v.viewer, c) && !isOwner;
  const name = (id: string) => (id === 'system' ? '系统' : (v.names[id] ?? ''));
  const handlerName = c.handlerId ? (v.names[c.handlerId] ?? null) : null;
  const staffView = !isOwner;
  const hasResult = c.proposal !== null || c.status === 'closed' || c.status === 'unresolved';
  return {
    ...toComplaintSummary(c, v.projectName, v.now, handlerName),
    projectId: c.projectId,
    photos: c.photos,
    channel: c.channel,
    channelLabel: CHANNEL_LABELS[c.channel],
    staff: c.staff ? { role: c.staff.role, roleLabel: STAFF_ROLE_LABELS[c.staff.role], name: c.staff.name } : null,
    repeatOf: c.repeatOf,
    replyBy: c.replyBy,
    promisedReplyAt: c.promisedReplyAt,
    proposal: c.proposal ? { text: c.proposal.text, at: c.proposal.at, byName: name(c.proposal.by) } : null,
    ladder: c.chain.map((d, i) => ({
      department: d,
      label: i === 0 ? `${DEPARTMENT_LABELS[d]}（责任部门）` : `${DEPARTMENT_LABELS[d]}（第 ${i} 次复审）`,
      // a closed complaint's last level is done too; the level answering now is current
      state: i < c.level || (i === c.level && c.closedAt !== null) ? 'done' : i === c.level ? 'current' : 'upcoming',
    })),
    homeowner: { name: v.homeowner.name, phone: isOwner || handler ? v.homeowner.phone : maskPhone(v.homeowner.phone) },
    firstOwnerName: c.firstOwnerId ? name(c.firstOwnerId) : null,
    closedAt: c.closedAt,
    remedy: c.remedy,
    handler: c.handlerId && handlerName !== null ? { id: c.handlerId, name: handlerName, departmentLabel: DEPARTMENT_LABELS[c.department] } : null,
    mine: c.handlerId === v.viewer._id,
    acknowledgement: c.acknowledgement ? { ...c.acknowledgement, text: acknowledgementText(c, c.acknowledgement, handlerName) } : null,
    evidence: staffView ? c.evidence.map((e) => ({ photos: e.photos, note: e.note, at: e.at, byName: name(e.by) })) : [],
    finding: c.finding ? { text: c.finding.text, at: c.finding.at, byName: name(c.finding.by) } : null,
    legalLiability: staffView && c.legalLiability ? { note: c.legalLiability.note, at: c.legalLiability.at, byName: name(c.legalLiability.by) } : null,
    furtherRemedies: hasResult ? furtherRemedies(v.hotline, c.status === 'proposed' && c.level + 1 < c.chain.length) : [],
    history: c.history.filter((e) => !(isOwner && STAFF_ONLY_EVENTS.includes(e.type))).map((e) => ({
      type: e.type,
      label: EVENT_LABELS[e.type],
      at: e.at,
      byName: name(e.by),
      departmentLabel: DEPARTMENT_LABELS[e.department],
      // why a complaint was re-routed between departments is internal; progress notes are the homeowner's to see
      ...(e.note === undefined || (isOwner && e.type === 'forwarded') ? {} : { note: e.note }),
      ...(e.photos ? { photos: e.photos } : {}),
    })),
    allowed: allowedComplaintCommands(c).filter((t) => mayGive(v.viewer, c, t)),
  };
}

/** Whether this person may give this command: the homeowner accepts or rejects; whoever answers at
 * the current level works it; customer service, who receive complaints, may also re-route one. */
export function mayGive(user: User, c: Pick<Complaint, 'homeownerId' | 'department' | 'handlerId'>, command: ComplaintCommand['type']): boolean {
  if (COMPLAINT_COMMAND_ACTORS[command] === 'homeowner') return user._id === c.homeownerId;
  if (user._id === c.homeownerId) return false;
  // the named handler owns it (首问负责制); customer service, who receive complaints, may re-route one or mark it for the police
  return handlesNow(user, c) || user._id === c.handlerId || ((command === 'forward' || command === 'legal') && hasRole(user, 'customerService'));
}

/** A department's queue: overdue first, then repeats and other high-priority ones, then the nearest deadline. */
export function byUrgency(now: Millis) {
  type Sortable = Pick<Complaint, 'nextDeadlineAt' | 'priority' | 'receivedAt'>;
  const key = (c: Sortable) => [c.nextDeadlineAt !== null && c.nextDeadlineAt < now ? 0 : 1, c.priority === 'high' ? 0 : 1, c.nextDeadlineAt ?? Infinity];
  return (a: Sortable, b: Sortable) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2] || a.receivedAt - b.receivedAt;
  };
}
