/** Dates as listings, feeds and sitemaps give them, as ISO dates (YYYY-MM-DD). */
import { findDateIn, readDateLine } from '../../core/parse/date';

/** A machine date: `2024-05-02`, `2024-05-02T09:00:00+01:00` (the date as written, not moved to UTC). */
export function isoFromMachine(value: string | null | undefined): string | undefined {
  const m = /^\s*(\d{4})-(\d\d)-(\d\d)/.exec(value ?? '');
  if (!m) return undefined;
  const read = readDateLine(`${m[1]}-${m[2]}-${m[3]}`);
  return read && 'date' in read ? read.date : undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Today", "Yesterday", "3 days ago", "5 hours ago", "2 weeks ago", as listings print recent dates, counted back from `now`. */
export function isoFromRelative(text: string, now = Date.now()): string | undefined {
  const t = text.trim().toLowerCase();
  let back: number | null = null;
  if (/^(?:today|just now|\d+ (?:seconds?|minutes?|mins?|hours?|hrs?) ago)\b/.test(t)) back = 0;
  else if (/^yesterday\b/.test(t)) back = 1;
  else {
    const m = /^(\d+|an?|one) (day|week)s? ago\b/.exec(t);
    if (m) back = (/^\d+$/.test(m[1]!) ? Number(m[1]) : 1) * (m[2] === 'week' ? 7 : 1);
  }
  if (back === null) return undefined;
  return new Date(now - back * DAY_MS).toISOString().slice(0, 10);
}

/** The first date written in a text: "02 May 2024", "May 2, 2024", "Thu, 02 May 2024 09:00:00 GMT", "2024-05-02", or a recent one ("2 days ago"). */
export function isoFromText(text: string | null | undefined, now = Date.now()): string | undefined {
  if (!text) return undefined;
  const relative = isoFromRelative(text, now);
  if (relative) return relative;
  const line = text.replace(/\s+/g, ' ').trim();
  const whole = line.length <= 80 ? readDateLine(line) : null;
  if (whole && 'date' in whole) return whole.date;
  return findDateIn(line) ?? isoFromMachine(line);
}
