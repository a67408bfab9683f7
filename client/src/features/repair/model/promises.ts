import type { RepairView } from '@shared/repair/api';
import { openDeadlines } from '@shared/repair/deadlines';
import { HOUR, MINUTE, formatCst, type Millis } from '@shared/core/time';
import type { DeadlineKind } from '@shared/repair/ticket';
import { timeLeft } from '@/lib/timeLeft';

export interface PromiseRow {
  kind: DeadlineKind;
  /** '24 小时内联系您' */
  title: string;
  /** the deadline as CST wall-clock time */
  dueText: string;
  /** what happened, or how long is left */
  stateText: string;
  tone: 'ok' | 'late' | 'open' | 'soon' | 'overdue' | 'closed';
}

/** When the current round of promises started: the submission, or the last reopen. */
function roundStart(t: RepairView): Millis {
  const starts = t.history.filter((e) => e.type === 'submit' || e.type === 'reopen').map((e) => e.at);
  return starts.length ? Math.max(...starts) : t.createdAt;
}

/** The response-time promises of a ticket (DOMAIN §5), each with what became of it by `now`. */
export function promiseRows(t: RepairView, now: Millis, audience: 'homeowner' | 'staff'): PromiseRow[] {
  const start = roundStart(t);
  const open = openDeadlines(t).map((d) => d.kind);
  const you = audience === 'homeowner' ? '您' : '业主';
  const contactHours = Math.round((t.deadlines.contactBy - start) / HOUR);
  const byPreference = t.deadlines.onSiteBy > start + t.deadlines.onSiteHours * HOUR + MINUTE;
  // a visit due before the contact deadline is arranged by a call first: say so, so the two never contradict
  const visitFirst = t.deadlines.onSiteBy < t.deadlines.contactBy;
  const rows: [DeadlineKind, string, Millis, Millis | null, string][] = [
    ['contact', `${contactHours} 小时内联系${you}${visitFirst ? '（上门前会先电话联系）' : ''}`, t.deadlines.contactBy, t.contactedAt, '已联系'],
    [
      'onSite',
      byPreference ? `按${you}希望的时间上门` : `${t.deadlines.onSiteHours} 小时内上门`,
      t.deadlines.onSiteBy,
      t.onSiteAt,
      '已到现场',
    ],
  ];
  // soonest first: the promise that comes due first is read first
  rows.sort((a, b) => a[2] - b[2]);
  return rows.map(([kind, title, dueAt, metAt, metWord]) => {
    const dueText = `${formatCst(dueAt)} 前`;
    if (metAt !== null) {
      const late = metAt > dueAt;
      return { kind, title, dueText, stateText: `${metWord} · ${formatCst(metAt, 'MM-DD HH:mm')}${late ? '（超时）' : ''}`, tone: late ? 'late' : 'ok' };
    }
    if (!open.includes(kind)) return { kind, title, dueText, stateText: '本轮已结束', tone: 'closed' };
    const left = timeLeft(dueAt, now);
    const overdue = left.overdue || t.overdue.includes(kind);
    return { kind, title, dueText, stateText: left.text, tone: overdue ? 'overdue' : left.soon ? 'soon' : 'open' };
  });
}
