/** Dates as listings, feeds and sitemaps give them, as ISO dates (YYYY-MM-DD). */
import { findDateIn, readDateLine } from '../../core/parse/date';

/** A machine date: `2024-05-02`, `2024-05-02T09:00:00+01:00` (the date as written, not moved to UTC). */
export function isoFromMachine(value: string | null | undefined): string | undefined {
  const m = /^\s*(\d{4})-(\d\d)-(\d\d)/.exec(value ?? '');
  if (!m) return undefined;
  const read = readDateLine(`${m[1]}-${m[2]}-${m[3]}`);
  return read && 'date' in read ? read.date : undefined;
}

/** The first date written in a text: "02 May 2024", "May 2, 2024", "Thu, 02 May 2024 09:00:00 GMT", "2024-05-02". */
export function isoFromText(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const line = text.replace(/\s+/g, ' ').trim();
  const whole = line.length <= 80 ? readDateLine(line) : null;
  if (whole && 'date' in whole) return whole.date;
  return findDateIn(line) ?? isoFromMachine(line);
}
