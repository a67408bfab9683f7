/*
 * The holidays' names without the calendar: schemas and screens use these, and only what computes a
 * date (holidays.ts) loads the chinese-days calendar, so functions that never send a greeting do not
 * carry it.
 */
/**
 * China's public holidays a greeting can be sent on (国务院办公厅 publishes the days off every year;
 * the lunar ones move with the lunar calendar). Dates come from the `chinese-days` package, never
 * from a table written here: 春节, 端午节 and 中秋节 from its lunar calendar, the solar ones by date.
 * 清明节 is left out on purpose: it is a day of mourning, not of greetings.
 */
export const HOLIDAYS = ['元旦', '春节', '元宵节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
export type Holiday = (typeof HOLIDAYS)[number];

/** Years the lunar calendar of `chinese-days` covers. */
export const HOLIDAY_YEARS = { min: 1901, max: 2099 } as const;
