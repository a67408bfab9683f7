/**
 * One homeowner's history as customer service reads it on the phone (issue 10, 客服的业主查询): their
 * projects' milestones, repairs, complaints, enquiries and suggestions, follow-ups and calls in one
 * timeline, newest first. Pure:
 * the caller has already limited the records to this homeowner.
 */
import { COMPLAINT_CATEGORY_LABELS } from '../complaint/categories';
import { COMPLAINT_STATUS_LABELS, type Complaint } from '../complaint/complaint';
import { cst, cstDate, type Millis } from '../core/time';
import { ENQUIRY_KIND_LABELS, type Enquiry } from '../enquiry/enquiry';
import { MILESTONE_LABELS, MILESTONES, type Project } from '../project/project';
import { REPAIR_CATEGORY_LABELS } from '../repair/categories';
import { REPAIR_STATUS_LABELS, type RepairTicket } from '../repair/ticket';
import { CALL_OUTCOME_LABELS, FOLLOW_UP_STATE_LABELS, type FollowUp } from './followup';
import { FOLLOW_UP_LABELS } from './schedule';

export const HISTORY_KINDS = ['milestone', 'repair', 'complaint', 'enquiry', 'followUp', 'call'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const HISTORY_KIND_LABELS: Record<HistoryKind, string> = {
  milestone: '节点',
  repair: '报修',
  complaint: '投诉',
  enquiry: '咨询建议',
  followUp: '回访',
  call: '电话',
};

export interface HistoryEntry {
  /** when it happened (a milestone or a follow-up not yet answered: 00:00 China time of its date) */
  at: Millis;
  kind: HistoryKind;
  kindLabel: string;
  projectName: string;
  title: string;
  /** status, outcome or note, in a line; empty for a milestone (its date says it all) */
  detail: string;
  /** BX-/TS-/ZX- reference, when it has one */
  ref: string | null;
  /** the repair or complaint to open; null for the others */
  open: { kind: 'repair' | 'complaint'; id: string } | null;
}

export interface HistorySources {
  projects: Project[];
  repairs: RepairTicket[];
  complaints: Complaint[];
  /** enquiries, suggestions and service needs at the desk: their answer is in `detail`, nothing to open */
  enquiries: Enquiry[];
  followUps: FollowUp[];
  now: Millis;
}

/** Shown at most, newest first: a homeowner with years of warranty calls still reads in one screen. */
export const MAX_HISTORY = 200;

export function homeownerHistory({ projects, repairs, complaints, enquiries, followUps, now }: HistorySources): HistoryEntry[] {
  const nameOf = new Map(projects.map((p) => [p._id, p.name]));
  const project = (id: string) => nameOf.get(id) ?? '';
  const entries: HistoryEntry[] = [];
  const today = cstDate(now);
  for (const p of projects) {
    for (const m of MILESTONES) {
      const date = p.milestones[m];
      // a date still ahead (the contract's completion date) is a plan, not history
      if (!date || date > today) continue;
      entries.push({ at: cst(date).valueOf(), kind: 'milestone', kindLabel: HISTORY_KIND_LABELS.milestone, projectName: p.name, title: MILESTONE_LABELS[m], detail: '', ref: null, open: null });
    }
  }
  for (const t of repairs) {
    entries.push({
      at: t.createdAt, kind: 'repair', kindLabel: HISTORY_KIND_LABELS.repair, projectName: project(t.projectId),
      title: `${REPAIR_CATEGORY_LABELS[t.category]}：${t.description}`, detail: REPAIR_STATUS_LABELS[t.status], ref: t.ref, open: { kind: 'repair', id: t._id },
    });
  }
  for (const c of complaints) {
    entries.push({
      at: c.receivedAt, kind: 'complaint', kindLabel: HISTORY_KIND_LABELS.complaint, projectName: c.projectId ? project(c.projectId) : '',
      title: `${COMPLAINT_CATEGORY_LABELS[c.category]}：${c.description}`, detail: COMPLAINT_STATUS_LABELS[c.status], ref: c.ref, open: { kind: 'complaint', id: c._id },
    });
  }
  for (const e of enquiries) {
    entries.push({
      at: e.receivedAt, kind: 'enquiry', kindLabel: HISTORY_KIND_LABELS.enquiry, projectName: e.projectId ? project(e.projectId) : '',
      title: `${ENQUIRY_KIND_LABELS[e.kind]}：${e.text}`, detail: e.reply ? `${e.reply.byName}已回复：${e.reply.text}` : '待回复', ref: e.ref, open: null,
    });
  }
  for (const f of followUps) {
    for (const a of f.attempts) {
      entries.push({
        at: a.at, kind: 'call', kindLabel: HISTORY_KIND_LABELS.call, projectName: project(f.projectId),
        title: `${FOLLOW_UP_LABELS[f.kind]}：${a.byName} 致电`, detail: a.note ? `${CALL_OUTCOME_LABELS[a.outcome]}（${a.note}）` : CALL_OUTCOME_LABELS[a.outcome], ref: null, open: null,
      });
    }
    // planned ones not yet due are the future, not history; cancelled ones never happened
    if (f.state === 'cancelled' || (f.answeredAt === null && f.dueDate > today)) continue;
    entries.push({
      at: f.answeredAt ?? cst(f.dueDate).valueOf(), kind: 'followUp', kindLabel: HISTORY_KIND_LABELS.followUp, projectName: project(f.projectId),
      title: FOLLOW_UP_LABELS[f.kind], detail: f.answeredAt !== null ? '业主已回答' : FOLLOW_UP_STATE_LABELS[f.state], ref: null, open: null,
    });
  }
  return entries.sort((a, b) => b.at - a.at).slice(0, MAX_HISTORY);
}
