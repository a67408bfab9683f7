import { cst, cstDate, DAY, type Millis } from '../core/time';

/**
 * When a homeowner may be contacted (DOMAIN §3, seeds 001 and 002): the company's contact windows,
 * or the homeowner's own preferred times. All CST wall-clock times, 'HH:mm'; `to` is exclusive.
 */
export type DayKind = 'any' | 'weekday' | 'weekend';

export interface ContactWindow {
  days: DayKind;
  from: string;
  to: string;
}

// The schemas live in contactSchema.ts, so code that only reads windows (the home page) does not load zod.
export { contactWindowSchema, contactWindowsSchema } from './contactSchema';

export const DAY_KIND_LABELS: Record<DayKind, string> = { any: '每天', weekday: '工作日', weekend: '周末' };

/** 001 第五篇: 10:00–11:30 and 15:00–17:30, any day. */
export const DEFAULT_CONTACT_WINDOWS: ContactWindow[] = [
  { days: 'any', from: '10:00', to: '11:30' },
  { days: 'any', from: '15:00', to: '17:30' },
];

/** The preferred times homeowners pick most (002), offered as one tap each. */
export const PREFERRED_TIME_PRESETS: { id: string; label: string; windows: ContactWindow[] }[] = [
  { id: 'daytime', label: '白天 10:00-11:30、15:00-17:30', windows: DEFAULT_CONTACT_WINDOWS },
  { id: 'evening', label: '工作日晚上 19:30-21:30', windows: [{ days: 'weekday', from: '19:30', to: '21:30' }] },
  { id: 'weekendMorning', label: '周末上午 10:30-12:00', windows: [{ days: 'weekend', from: '10:30', to: '12:00' }] },
];

function minutes(hm: string): number {
  const [h, m] = hm.split(':').map(Number);
  return h * 60 + m;
}

function appliesOn(w: ContactWindow, weekday: number): boolean {
  const weekend = weekday === 0 || weekday === 6;
  return w.days === 'any' || (w.days === 'weekend') === weekend;
}

/** Whether an instant falls inside one of the windows. */
export function insideWindow(at: Millis, windows: ContactWindow[]): boolean {
  const t = cst(at);
  const m = t.hour() * 60 + t.minute();
  return windows.some((w) => appliesOn(w, t.day()) && m >= minutes(w.from) && m < minutes(w.to));
}

/**
 * The first instant at or after `from` inside a contact window: `from` itself when it is inside one,
 * else the start of the next window. Null when the windows never open (looked for over 8 days).
 */
export function nextContactTime(from: Millis, windows: ContactWindow[]): Millis | null {
  if (insideWindow(from, windows)) return from;
  const startOfDay = cst(cstDate(from));
  for (let d = 0; d <= 8; d++) {
    const day = startOfDay.add(d, 'day');
    const starts = windows
      .filter((w) => appliesOn(w, day.day()))
      .map((w) => day.add(minutes(w.from), 'minute').valueOf())
      .filter((t) => t >= from)
      .sort((a, b) => a - b);
    if (starts.length) return starts[0];
  }
  return null;
}

/** The start of the next CST calendar day after `at`. */
export function startOfNextDay(at: Millis): Millis {
  return cst(cstDate(at)).valueOf() + DAY;
}

/** For people: '工作日 19:30-21:30'. */
export function describeWindows(windows: ContactWindow[]): string {
  return windows.map((w) => `${DAY_KIND_LABELS[w.days]} ${w.from}-${w.to}`).join('、');
}
