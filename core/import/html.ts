import { ReleaseParseError } from '../parse/errors';
import { readDateLine } from '../parse/date';

/**
 * Turns an article extracted from a web page (Mozilla Readability's output, or the
 * same shape built by hand) into the plain-text release layout the parser reads:
 * the date line, the title as the lead paragraph, then one paragraph a line.
 */
export interface ArticleLike {
  title?: string | null;
  /** The article's paragraphs, in order (preferred). */
  paragraphs?: readonly string[] | null;
  /** The article's text; used when no paragraphs are given (split at blank lines or line breaks). */
  textContent?: string | null;
  /** Readability's publishedTime: an ISO date or timestamp, when the page tells it. */
  publishedTime?: string | null;
  /** More of the page (byline, header), searched for a date when the article itself gives none. */
  dateText?: string | null;
  /** ISO date a listing printed beside the page's link: after the page's own published date, before a date merely mentioned in its text. */
  listedDate?: string | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';

function dateLine(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (!(year >= 1900 && year <= 2200) || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(day).padStart(2, '0')} ${MONTHS[month - 1]} ${year}`;
}

function monthOf(name: string): number {
  return MONTHS.findIndex((m) => m.toLowerCase() === name.slice(0, 3).toLowerCase()) + 1;
}

/** "DD Mon YYYY" from an ISO date or timestamp ("2019-06-04", "2019-06-04T09:00:00Z"). */
export function dateFromIso(iso: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d\d)-(\d\d)/.exec(iso ?? '');
  return m ? dateLine(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The first date written out in the text: "4 June 2019", "4th Jun 2019", "June 4, 2019" or "2019-06-04". */
export function findDateInText(text: string): string | null {
  const patterns: [RegExp, (m: RegExpExecArray) => string | null][] = [
    [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+(\\d{4})\\b`, 'i'), (m) => dateLine(Number(m[3]), monthOf(m[2]), Number(m[1]))],
    [new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'), (m) => dateLine(Number(m[3]), monthOf(m[1]), Number(m[2]))],
    [/\b(\d{4})-(\d\d)-(\d\d)\b/, (m) => dateLine(Number(m[1]), Number(m[2]), Number(m[3]))],
  ];
  let best: { at: number; date: string } | null = null;
  for (const [re, make] of patterns) {
    const m = re.exec(text);
    const date = m && make(m);
    if (m && date && (!best || m.index < best.at)) best = { at: m.index, date };
  }
  return best?.date ?? null;
}

const clean = (s: string) => s.replace(/[\u00a0\s]+/g, ' ').trim();

const LABEL = /\b(?:(?:first\s+)?published|posted|issued)\b(?:\s+(?:on|at))?\s*[:\-–—]?\s*|\bdate\s*:\s*/i;
/** A date written right after its label (a weekday may come first). */
const DATE_START = /^\s*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** The date a page labels as its publication ("Published: 26 November 2026", "Posted on 4 June 2019", "Date: 20/11/2026"). */
function labelledDate(text: string): string | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = LABEL.exec(line);
    if (!m) continue;
    // A label alone on its line (a table's "Date:" cell) is followed by its date on the next.
    const rest = line.slice(m.index + m[0].length).trim();
    const after = (rest || (lines[i + 1] ?? '')).slice(0, 40);
    if (!DATE_START.test(after)) continue;
    const date = findDateInText(after) ?? numericDate(after);
    if (date) return date;
  }
  return null;
}

/** A numeric date ("20/11/2026", read day first as UK pages write it) at the start of a text, as the parser reads date lines. */
function numericDate(text: string): string | null {
  const read = readDateLine(text.trim().split(/\s+/)[0] ?? '');
  return read && 'date' in read ? dateFromIso(read.date) : null;
}

const DATE_WORDS = new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)?|\\d{4}|${MONTH_RE}|published|posted|updated|last|first|issued|on|at|date|am|pm|\\d{1,2}[:.]\\d{2})\\b`, 'gi');

/** A field's label alone on its line, as a table of details gives it ("Date:", "Reference:", "Category:"). */
const FIELD_LABEL = /^[A-Z][A-Za-z]*(?: [A-Za-z]+){0,2}:$/;

/** Whether a line holds nothing but dates, times and their labels. */
function onlyDates(line: string): boolean {
  return line.replace(DATE_WORDS, '').replace(/[^A-Za-z]/g, '').length === 0;
}

/**
 * The release text for an article. Throws a ReleaseParseError (line 1) when the
 * article has no text or no date can be found, naming `source`.
 */
export function htmlToReleaseText(article: ArticleLike, source = 'page'): string {
  const raw = article.paragraphs?.length ? [...article.paragraphs] : (article.textContent ?? '').split(/\n/);
  let paragraphs = raw.map(clean).filter(Boolean);
  const title = clean(article.title ?? '');
  const fail = (reason: string): never => {
    throw new ReleaseParseError([{ file: source, line: 1, reason }]);
  };
  if (paragraphs.length === 0) fail('no article text found in the page');
  // The page's own published date first: its machine date, then a date it labels as published
  // ("Published: 26 November 2026", "Date: 20/11/2026") anywhere on it; then the listing's date;
  // only then the first date its text mentions (which may be the incident's, not the release's).
  const everything = [title, ...paragraphs, article.dateText ?? ''].join('\n');
  const date =
    dateFromIso(article.publishedTime) ??
    labelledDate(everything) ??
    dateFromIso(article.listedDate) ??
    findDateInText([title, ...paragraphs].join('\n')) ??
    findDateInText(article.dateText ?? '');
  if (!date) fail('no publication date found in the page (expected a date such as "4 June 2019")');
  // A paragraph that is only dates and their labels ("Published: …", "14 November 2026 · Last updated …") is the page's furniture, not the release.
  paragraphs = paragraphs.filter((p) => !(p.length < 120 && (findDateInText(p) || numericDate(p)) && onlyDates(p)) && !FIELD_LABEL.test(p));
  if (title && paragraphs[0]?.toLowerCase() !== title.toLowerCase()) paragraphs.unshift(title);
  if (paragraphs.length === 0) fail('no article text found in the page');
  return [date, ...paragraphs].join('\n') + '\n';
}
