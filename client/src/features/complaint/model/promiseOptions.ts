import { MINUTE, type Millis } from '@shared/core/time';
import { cstInstant } from '@/lib/calendar';

/** Whole hours a reply can be promised for, 08:00 to 21:00. */
export const PROMISE_TIMES: string[] = Array.from({ length: 14 }, (_, i) => `${String(8 + i).padStart(2, '0')}:00`);

/** The server takes a promise more than a minute ahead; leave a few minutes for the tap to arrive. */
export function promiseUsable(date: string, time: string, now: Millis): boolean {
  return cstInstant(date, time) > now + 5 * MINUTE;
}
