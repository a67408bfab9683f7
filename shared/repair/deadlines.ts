import { cst, HOUR, type Millis } from '../core/time';
import type { RepairCategory, RepairRules } from './categories';
import { VISIT_SLOT_HOURS, type DeadlineKind, type PreferredVisit, type RepairTicket } from './ticket';

/** The end of the homeowner's preferred visit slot, as an instant. */
export function preferredVisitEnds(visit: PreferredVisit): Millis {
  return cst(`${visit.date}T${VISIT_SLOT_HOURS[visit.slot].to}:00`).valueOf();
}

/**
 * The promises made when a request arrives (or is reopened) at `from`: contact within the contact
 * window, on site within the category's window — or by the end of the slot the homeowner chose, when
 * they chose a later time themselves.
 */
export function repairDeadlines(
  category: RepairCategory,
  preferred: PreferredVisit | null,
  from: Millis,
  rules: RepairRules,
): { contactBy: Millis; onSiteBy: Millis } {
  const onSiteBy = from + rules.onSiteWithinHours[category] * HOUR;
  return {
    contactBy: from + rules.contactWithinHours * HOUR,
    onSiteBy: preferred ? Math.max(onSiteBy, preferredVisitEnds(preferred)) : onSiteBy,
  };
}

type DeadlineState = Pick<RepairTicket, 'deadlines' | 'contactedAt' | 'onSiteAt' | 'status'>;

/** Deadlines of the current round that are still to be met. */
export function openDeadlines(t: DeadlineState): { kind: DeadlineKind; dueAt: Millis }[] {
  if (t.status === 'resolved' || t.status === 'confirmed' || t.status === 'cancelled') return [];
  const open: { kind: DeadlineKind; dueAt: Millis }[] = [];
  if (t.contactedAt === null) open.push({ kind: 'contact', dueAt: t.deadlines.contactBy });
  if (t.onSiteAt === null) open.push({ kind: 'onSite', dueAt: t.deadlines.onSiteBy });
  return open;
}

/** The earliest open deadline, or null. */
export function nextDeadline(t: DeadlineState): Millis | null {
  const due = openDeadlines(t).map((d) => d.dueAt);
  return due.length ? Math.min(...due) : null;
}

/** Deadlines of the current round that were missed by `now`: met late, or still open and past. */
export function missedDeadlines(t: DeadlineState, now: Millis): DeadlineKind[] {
  const missed: DeadlineKind[] = [];
  if ((t.contactedAt ?? now) > t.deadlines.contactBy) missed.push('contact');
  if ((t.onSiteAt ?? now) > t.deadlines.onSiteBy) missed.push('onSite');
  return missed;
}

/** Whether anything is overdue right now: an open deadline already past. */
export function isOverdue(t: DeadlineState, now: Millis): boolean {
  return openDeadlines(t).some((d) => d.dueAt < now);
}

/** The earliest open deadline of the current round that has not been escalated yet. */
export function nextEscalation(t: DeadlineState & Pick<RepairTicket, 'escalations' | 'reopenCount'>): Millis | null {
  const due = openDeadlines(t)
    .filter((d) => !t.escalations.some((e) => e.kind === d.kind && e.round === t.reopenCount))
    .map((d) => d.dueAt);
  return due.length ? Math.min(...due) : null;
}
