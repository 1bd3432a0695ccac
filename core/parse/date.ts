/**
 * Dates as newsrooms write them on a release's date line: "03 Oct 2014", "7th October 2019",
 * "Tuesday 3 March 2020", "Date published: 27th November 2018 10.56am",
 * "Oct 07, 2019 14:59 BST", "Published 4 August 2017", "2019-10-07", and a numeric
 * "05/03/2019", read day-first as British pages write it (with a warning, since it is ambiguous).
 */

import { isRealDay } from './calendar';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
/** Words a page puts before its date: "Date published:", "Published on", "Posted", "Issued", "Updated". */
const PREFIX = '(?:(?:date\\s+)?(?:published|posted|issued|released|first\\s+published|last\\s+updated|updated)(?:\\s+on)?\\s*[:\\-–]?\\s*|date\\s*:\\s*)?';
/** A time after the date: "10.56am", "14:59 BST", "at 9:30", "| 10:00 GMT", "- 10:00". */
const TIME = '(?:\\s*(?:,|\\||-|–|—|at)?\\s*\\d{1,2}(?:[.:]\\d{2})?(?:\\s*[ap]\\.?m\\.?)?(?:\\s*(?:bst|gmt|utc|cet))?)?';
const END = '\\s*[.;,]?\\s*$';

const DAY_MONTH_YEAR = new RegExp(`^\\s*${PREFIX}${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})${TIME}${END}`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^\\s*${PREFIX}${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}${END}`, 'i');
const ISO = new RegExp(`^\\s*${PREFIX}(\\d{4})[-/.](\\d{2})[-/.](\\d{2})(?:[T\\s]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?${TIME}${END}`, 'i');
const NUMERIC = new RegExp(`^\\s*${PREFIX}${WEEKDAY}(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})${TIME}${END}`, 'i');

export interface DateRead {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** Set when the line was numeric (05/03/2019) and so read day-first. */
  ambiguous?: string;
}

/** The date a whole line gives, a reason when it is written as a date but is not a real one, or null when it is no date line. */
export function readDateLine(line: string): DateRead | { reason: string } | null {
  const t = line.replace(/\u00a0/g, ' ');
  if (t.length > 80) return null;
  let m = DAY_MONTH_YEAR.exec(t);
  if (m) return make(t, Number(m[3]), monthOf(m[2]), Number(m[1]));
  m = MONTH_DAY_YEAR.exec(t);
  if (m) return make(t, Number(m[3]), monthOf(m[1]), Number(m[2]));
  m = ISO.exec(t);
  if (m) return make(t, Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(t);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const read = make(t, year, Number(m[2]), Number(m[1]));
    if ('date' in read) read.ambiguous = `the numeric date "${clip(t, 30)}" was read day-first, as ${read.date}`;
    return read;
  }
  return null;
}

const DAY_MONTH_YEAR_IN = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY_YEAR_IN = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const ISO_IN = /\b(\d{4})-(\d\d)-(\d\d)\b/;

/** The first real date written out inside a line of text ("On 4 June 2019 officers …"), or null. */
export function findDateIn(text: string): string | null {
  let best: { at: number; date: string } | null = null;
  const consider = (m: RegExpExecArray | null, y: number, mo: number, d: number) => {
    if (!m) return;
    const read = make(m[0], y, mo, d);
    if ('date' in read && (!best || m.index < best.at)) best = { at: m.index, date: read.date };
  };
  let m = DAY_MONTH_YEAR_IN.exec(text);
  if (m) consider(m, Number(m[3]), monthOf(m[2]), Number(m[1]));
  m = MONTH_DAY_YEAR_IN.exec(text);
  if (m) consider(m, Number(m[3]), monthOf(m[1]), Number(m[2]));
  m = ISO_IN.exec(text);
  if (m) consider(m, Number(m[1]), Number(m[2]), Number(m[3]));
  return (best as { date: string } | null)?.date ?? null;
}

function monthOf(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((full) => full.startsWith(n.slice(0, 3))) + 1;
}

function make(line: string, year: number, month: number, day: number): DateRead | { reason: string } {
  if (month < 1 || month > 12) return { reason: `"${clip(line)}" is not a real date (there is no month ${month})` };
  if (!isRealDay(year, month, day)) return { reason: `"${clip(line)}" is not a real date` };
  return { date: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

export function clip(s: string, n = 60): string {
  const t = s.trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}
