import { MINUTE, cst, type Millis } from '@shared/core/time';
import { preferredVisitEnds } from '@shared/repair/deadlines';
import { VISIT_SLOTS, VISIT_SLOT_HOURS, type VisitSlot } from '@shared/repair/ticket';

export interface SlotOption {
  slot: VisitSlot;
  label: string;
  /** the slot has already ended on that day */
  passed: boolean;
}

/** The visit slots a homeowner can prefer on a day; slots already over are marked passed. */
export function slotOptions(date: string, now: Millis): SlotOption[] {
  return VISIT_SLOTS.map((slot) => ({
    slot,
    label: VISIT_SLOT_HOURS[slot].label,
    passed: preferredVisitEnds({ date, slot }) <= now,
  }));
}

/** Half-hour visit times from 08:00 to 20:30 for the site manager to agree on. */
export const VISIT_TIMES: string[] = Array.from({ length: 26 }, (_, i) => {
  const minutes = 8 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${minutes % 60 ? '30' : '00'}`;
});

/** The instant of a CST date and wall-clock time. */
export function visitInstant(date: string, time: string): Millis {
  return cst(`${date}T${time}:00`).valueOf();
}

/** A visit may be agreed from a few minutes ago onwards (the server allows 5 minutes of slack). */
export function visitTimeUsable(date: string, time: string, now: Millis): boolean {
  return visitInstant(date, time) >= now - 5 * MINUTE;
}
