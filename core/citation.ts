/**
 * Formatting of what the card and the popup show about a statement: dates, the
 * speaker line, and citations in plain text and Markdown. Pure functions.
 */
import { speakerName } from './speakers';
import type { ReleaseInfo, Speaker, StatementKind } from './types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parseIso(iso: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return { y, m: mo, d };
}

/** "2017-08-04" → "4 Aug 2017". Anything unreadable is returned as given. */
export function formatDate(iso: string): string {
  const p = parseIso(iso);
  if (!p) return iso;
  return `${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
}

/** How long before `now` the date was: "today", "3 days ago", "5 months ago", "8 years ago". */
export function timeAgo(iso: string, now: Date = new Date()): string {
  const p = parseIso(iso);
  if (!p) return '';
  const then = Date.UTC(p.y, p.m - 1, p.d);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.round((today - then) / 86_400_000);
  if (days < 0) return 'in the future';
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 31) return `${days} days ago`;
  let months = (now.getUTCFullYear() - p.y) * 12 + (now.getUTCMonth() - (p.m - 1));
  if (now.getUTCDate() < p.d) months -= 1;
  if (months < 1) return `${days} days ago`;
  if (months < 12) return months === 1 ? '1 month ago' : `${months} months ago`;
  const years = Math.floor(months / 12);
  return years === 1 ? '1 year ago' : `${years} years ago`;
}

export { speakerName };

/** Who said it, for a citation: the speaker with rank, else the organisation. */
function citedSpeaker(m: CitableStatement): string {
  const name = speakerName(m.speaker);
  if (name) return name;
  // A quotation nobody is named for is not the organisation's: say so rather than credit it.
  if (m.kind === 'quote') return 'Unknown speaker';
  return m.release.organisation ?? 'Unattributed';
}

export interface CitableStatement {
  /** A quotation or the release's own words (a quotation with no speaker is not the organisation's). */
  kind?: StatementKind;
  speaker: Speaker | null;
  release: ReleaseInfo;
  date?: string;
}

/**
 * Plain-text citation:
 * Chief Constable Simon Bailey, National Police Chiefs Council Lead for Child Protection (NPCC), 4 Aug 2017. "The Home Secretary has …". https://…
 */
export function citationText(m: CitableStatement): string {
  const parts: string[] = [citedSpeaker(m)];
  if (m.speaker?.role && m.speaker.name !== null) parts.push(m.speaker.role);
  let head = parts.join(', ');
  if (m.release.organisation) head += ` (${m.release.organisation})`;
  const date = formatDate(m.date ?? m.release.date);
  let out = `${head}, ${date}. "${m.release.title}"`;
  out += m.release.title.endsWith('.') ? '' : '.';
  if (m.release.url) out += ` ${m.release.url}`;
  return out;
}

function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** Markdown citation: the same fields, the release title linked when it has a url. */
export function citationMarkdown(m: CitableStatement): string {
  const who = `**${mdEscape(citedSpeaker(m))}**`;
  const parts = [who];
  if (m.speaker?.role && m.speaker.name !== null) parts.push(mdEscape(m.speaker.role));
  let head = parts.join(', ');
  if (m.release.organisation) head += ` (${mdEscape(m.release.organisation)})`;
  const date = formatDate(m.date ?? m.release.date);
  const title = mdEscape(m.release.title);
  const url = m.release.url && /^https?:\/\//i.test(m.release.url) ? m.release.url.replace(/[()\s]/g, encodeURIComponent) : '';
  const linked = url ? `[*${title}*](${url})` : `*${title}*`;
  return `${head}, ${date}. ${linked}`;
}

/** True for http(s) URLs only: the card links to nothing else. */
export function isSafeUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
