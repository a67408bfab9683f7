import { DAY, cst, type Millis } from '@shared/core/time';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export interface DayOption {
  /** 'YYYY-MM-DD' in CST */
  date: string;
  /** '今天' / '明天' / '周三' */
  label: string;
  /** '11/23' */
  sub: string;
}

/** The next `count` calendar days in China Standard Time, starting today. */
export function nextDays(now: Millis, count: number): DayOption[] {
  return Array.from({ length: count }, (_, i) => {
    const d = cst(now + i * DAY);
    const label = i === 0 ? '今天' : i === 1 ? '明天' : i === 2 ? '后天' : WEEKDAYS[d.day()];
    return { date: d.format('YYYY-MM-DD'), label, sub: d.format('M/D') };
  });
}

/** The instant of a CST calendar date ('YYYY-MM-DD') and wall-clock time ('HH:mm'). */
export function cstInstant(date: string, time: string): Millis {
  return cst(`${date}T${time}:00`).valueOf();
}

/** '2026-11-24' → '11月24日', for a CST calendar date a person reads. */
export function monthDay(date: string): string {
  return cst(date).format('M月D日');
}

/** The last `count` calendar days in CST, today first: '今天', '昨天', '前天', then weekdays. */
export function recentDays(now: Millis, count: number): DayOption[] {
  return Array.from({ length: count }, (_, i) => {
    const d = cst(now - i * DAY);
    const label = i === 0 ? '今天' : i === 1 ? '昨天' : i === 2 ? '前天' : WEEKDAYS[d.day()];
    return { date: d.format('YYYY-MM-DD'), label, sub: d.format('M/D') };
  });
}
