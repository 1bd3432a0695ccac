import { ReleaseParseError } from '../parse/errors';

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
  const date = dateFromIso(article.publishedTime) ?? findDateInText([title, ...paragraphs].join('\n')) ?? findDateInText(article.dateText ?? '');
  if (!date) fail('no publication date found in the page (expected a date such as "4 June 2019")');
  // A paragraph that is only the date (or "Published: …") is the page's furniture, not the release.
  paragraphs = paragraphs.filter((p) => !(p.length < 60 && findDateInText(p) && p.replace(/[^A-Za-z]/g, '').length < 25));
  if (title && paragraphs[0]?.toLowerCase() !== title.toLowerCase()) paragraphs.unshift(title);
  if (paragraphs.length === 0) fail('no article text found in the page');
  return [date, ...paragraphs].join('\n') + '\n';
}
