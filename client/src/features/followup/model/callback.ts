/** Times a homeowner may name for a call back: every half hour from 09:00 to 21:00. */
export const CALLBACK_TIMES: readonly string[] = Array.from({ length: 25 }, (_, i) => {
  const minutes = 9 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

/** How many days ahead a call back may be set. */
export const CALLBACK_DAYS = 7;
