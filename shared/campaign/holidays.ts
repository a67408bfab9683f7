import { getDayDetail, getSolarDateFromLunar } from 'chinese-days';
import { cst, type Millis } from '../core/time';
import { HOLIDAY_YEARS, HOLIDAYS, type Holiday } from './holidayNames';

export { HOLIDAY_YEARS, HOLIDAYS, type Holiday };


const SOLAR: Partial<Record<Holiday, [month: number, day: number]>> = { 元旦: [1, 1], 劳动节: [5, 1], 国庆节: [10, 1] };
const LUNAR: Partial<Record<Holiday, [month: number, day: number]>> = { 春节: [1, 1], 元宵节: [1, 15], 端午节: [5, 5], 中秋节: [8, 15] };


const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The CST calendar date ('YYYY-MM-DD') of the holiday in that Gregorian year. The package reads and
 * writes dates in the machine's local zone, so dates go in as local `Date`s built from their parts
 * and come out as text: the answer is the same under any TZ.
 */
export function holidayDate(holiday: Holiday, year: number): string {
  const solar = SOLAR[holiday];
  if (solar) return `${year}-${pad(solar[0])}-${pad(solar[1])}`;
  const [month, day] = LUNAR[holiday] as [number, number];
  return getSolarDateFromLunar(new Date(year, month - 1, day)).date;
}

/**
 * The official days off around that date, as far as the package knows them (the State Council's
 * arrangement is published late in the year before): the dates the package marks as this holiday's
 * days off, consecutive with the holiday's date. Empty when the year is not published yet.
 */
export function holidayDaysOff(holiday: Holiday, year: number): string[] {
  const [y, m, d] = holidayDate(holiday, year).split('-').map(Number);
  const name = holiday === '中秋节' ? '中秋' : holiday === '端午节' ? '端午' : holiday;
  const days: string[] = [];
  for (let offset = -8; offset <= 8; offset++) {
    // date arithmetic in UTC, then asked as 'YYYY-MM-DD' text, which the package keys its tables by
    const day = new Date(Date.UTC(y, m - 1, d + offset));
    const text = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    const detail = getDayDetail(text);
    if (!detail.work && detail.name.includes(name)) days.push(text);
  }
  return days;
}

/** Greetings go out on the holiday's morning, at the opening of the company's first contact window. */
export const GREETING_HOUR = '10:00';

/** When a holiday greeting goes: the holiday's date in that year (chinese-days), at GREETING_HOUR CST. */
export function greetingTime(holiday: Holiday, year: number): Millis {
  return cst(`${holidayDate(holiday, year)}T${GREETING_HOUR}:00`).valueOf();
}
