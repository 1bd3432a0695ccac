/**
 * Days of the calendar, for the parser's date lines and for the dates an export gives. Its own
 * module, depending on nothing: the content script's protocol checks reach it, and must not pull
 * in the parser's date patterns (the content script is kept under 20 KB).
 */

/** Whether year, month and day are a day of the calendar between 1900 and 2200 (no 30 February, no year 0). */
export function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2200 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Whether a YYYY-MM-DD date is such a day. */
export function isRealIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso);
  return !!m && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}
