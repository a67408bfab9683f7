import { cst, cstDate, HOUR, type Millis } from '../core/time';

/**
 * When the reports are due (001 §七, §八), all in China Standard Time:
 * - weekly: the week Monday–Sunday, due Sunday 17:00; built from Sunday 16:00 so that it is ready.
 * - monthly: the period between two "last Mondays of the month" (the president's meeting), from the
 *   last Monday of the previous month to the Sunday before the last Monday of this one; built on that
 *   Sunday from 16:00, so it is ready before the meeting. "Last month" is the period before it.
 */
export interface Period {
  /** first day, 'YYYY-MM-DD' CST */
  from: string;
  /** last day, inclusive */
  to: string;
}

const addDays = (date: string, n: number) => cst(date).add(n, 'day').format('YYYY-MM-DD');

/** The Monday (CST) of the week an instant falls in. */
export function mondayOf(at: Millis): string {
  const d = cst(at);
  return addDays(cstDate(at), -((d.day() + 6) % 7));
}

/** The instant a period's first day starts and the instant after its last day ends. */
export function periodBounds(p: Period): { start: Millis; end: Millis } {
  return { start: cst(p.from).valueOf(), end: cst(p.to).add(1, 'day').valueOf() };
}

export const BUILD_HOURS_BEFORE_DUE = 1;

/** The week starting on `monday`, due Sunday 17:00. */
export function weekPeriod(monday: string): Period & { dueAt: Millis; buildFrom: Millis } {
  const sunday = addDays(monday, 6);
  const dueAt = cst(`${sunday}T17:00:00`).valueOf();
  return { from: monday, to: sunday, dueAt, buildFrom: dueAt - BUILD_HOURS_BEFORE_DUE * HOUR };
}

/** The latest week whose report may be built at `now`. */
export function weekDue(now: Millis): Period & { dueAt: Millis; buildFrom: Millis } {
  const current = weekPeriod(mondayOf(now));
  return now >= current.buildFrom ? current : weekPeriod(addDays(current.from, -7));
}

/** The last Monday of a month ('YYYY-MM'). */
export function lastMondayOf(month: string): string {
  const lastDay = `${month}-${String(cst(`${month}-01`).daysInMonth()).padStart(2, '0')}`;
  return addDays(lastDay, -((cst(lastDay).day() + 6) % 7));
}

const previousMonth = (month: string) => cst(`${month}-01`).subtract(1, 'month').format('YYYY-MM');

/** The monthly period named by its month ('YYYY-MM'), due before that month's last Monday. */
export function monthPeriod(month: string): Period & { month: string; dueAt: Millis; buildFrom: Millis } {
  const meeting = lastMondayOf(month);
  const dueAt = cst(`${addDays(meeting, -1)}T17:00:00`).valueOf();
  return { month, from: lastMondayOf(previousMonth(month)), to: addDays(meeting, -1), dueAt, buildFrom: dueAt - BUILD_HOURS_BEFORE_DUE * HOUR };
}

/** The latest monthly period whose report may be built at `now`. */
export function monthDue(now: Millis): Period & { month: string; dueAt: Millis; buildFrom: Millis } {
  const current = monthPeriod(cst(now).format('YYYY-MM'));
  return now >= current.buildFrom ? current : monthPeriod(previousMonth(current.month));
}

/** The period before a monthly one: "last month". */
export function previousMonthPeriod(month: string): Period {
  return monthPeriod(previousMonth(month));
}

/** For people: '2026年11月23日–11月29日'. */
export function describePeriod(p: Period): string {
  const a = cst(p.from);
  const b = cst(p.to);
  return `${a.format('YYYY年M月D日')}–${a.year() === b.year() ? b.format('M月D日') : b.format('YYYY年M月D日')}`;
}
