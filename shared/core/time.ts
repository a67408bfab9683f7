import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Every business date and time is China Standard Time, whatever the machine's own zone is. China has
 * kept UTC+8 without daylight saving since 1991, so a fixed offset is exact; it also avoids dayjs's
 * timezone plugin, which needs Intl time-zone data that some WeChat Android runtimes lack.
 */
export const BUSINESS_TZ = 'Asia/Shanghai';
const CST_OFFSET_MINUTES = 8 * 60;

/** An instant, stored as milliseconds since the epoch. */
export type Millis = number;

export const MINUTE: Millis = 60_000;
export const HOUR: Millis = 60 * MINUTE;
export const DAY: Millis = 24 * HOUR;

/** dayjs in China Standard Time, for an instant or for wall-clock text read as CST. */
export function cst(at: Millis | string): dayjs.Dayjs {
  if (typeof at === 'number') return dayjs(at).utcOffset(CST_OFFSET_MINUTES);
  const text = /T/.test(at) ? at : `${at}T00:00:00`;
  return dayjs(`${text}+08:00`).utcOffset(CST_OFFSET_MINUTES);
}

/**
 * '2026-03-01 09:30' style wall-clock text in CST, for people. Formatted as UTC eight hours on: dayjs's
 * utcOffset shifts through the machine's local time, which shows an hour off next to a daylight-saving
 * change of the machine's zone (2026-03-08 02:00 UTC in Los Angeles).
 */
export function formatCst(at: Millis, pattern = 'YYYY-MM-DD HH:mm'): string {
  return dayjs.utc(at + CST_OFFSET_MINUTES * MINUTE).format(pattern);
}

/**
 * Parses an ISO-8601 instant. Text with an explicit offset or Z is taken as written; text without
 * one is read as China Standard Time wall-clock time. Returns null for anything unreadable.
 */
export function parseInstant(text: string): Millis | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) return null;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
  const d = hasZone ? dayjs(text) : cst(text.replace(' ', 'T'));
  return d.isValid() ? d.valueOf() : null;
}

/** The calendar date ('YYYY-MM-DD') in CST on which an instant falls. */
export function cstDate(at: Millis): string {
  return formatCst(at, 'YYYY-MM-DD');
}
