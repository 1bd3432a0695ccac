/**
 * The citation of a checked passage: the words as the release gives them (never the release's
 * lead or title in the speaker's mouth), who said them with rank, role and organisation, the
 * release, its date and address (a text-fragment link to the words where there is one), when
 * and where it was checked, and for a passage the page changed, the page's version.
 */
import type { Match, Verdict } from '../types';
import { formatDate, isSafeUrl } from '../citation';
import { speakerName } from '../speakers';
import { clip, flat } from '../text/clip';
import { stripOuterQuotes } from '../text/quoteMarks';

export interface CheckedOn {
  /** The address of the page the passage was checked on. */
  pageUrl?: string;
  /** The page's words, noted beside the release's when they differ. */
  pageText?: string;
  /** When (default: now). */
  on?: Date;
}

export interface Citation {
  /** The words cited, as the release gives them ("…" where the passage left words out). */
  words: string;
  text: string;
  markdown: string;
  /** The release's address, with a text fragment that scrolls to the words; null when the release has none. */
  link: string | null;
}


/** What a citation needs of a statement: a match, or a statement looked up in the popup. */
export type Citable = Pick<Match, 'kind' | 'speaker' | 'release' | 'date' | 'quote'>;

/** Who, for a citation: the speaker with rank and role, else what the release is. */
function citedSpeaker(m: Citable): { who: string; role: string | null } {
  if (m.speaker) return { who: speakerName(m.speaker), role: m.speaker.name !== null ? (m.speaker.role ?? null) : null };
  // A quotation nobody is named for is not the organisation's: say so rather than credit it.
  if (m.kind === 'quote') return { who: 'Unknown speaker', role: null };
  return { who: m.release.organisation ?? 'The release', role: 'in the release’s own words' };
}

/** Text fragments (#:~:text=start,end) percent-encode their own syntax characters too. */
function fragmentPart(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/**
 * The release's address with a text fragment for the words cited: all of a short run, or the
 * first four words of the first run and the last four of the last (each taken within one run and
 * one paragraph: a fragment's start or end is matched as it stands in the release).
 */
export function textFragmentLink(url: string, runs: string[]): string {
  const base = url.replace(/#.*$/, '');
  const words = (s: string) => flat(s).split(' ').filter(Boolean);
  const first = words(runs[0]?.split('\n')[0] ?? '');
  const last = words(runs[runs.length - 1]?.split('\n').pop() ?? '');
  if (!first.length || !last.length) return base;
  const directive = runs.length === 1 && !runs[0].includes('\n') && first.length <= 8
    ? fragmentPart(first.join(' '))
    : `${fragmentPart(first.slice(0, 4).join(' '))},${fragmentPart(last.slice(-4).join(' '))}`;
  return `${base}#:~:text=${directive}`;
}

/** A Markdown link target: parentheses and white space percent-encoded (encodeURIComponent leaves parentheses). */
function mdTarget(url: string): string {
  return url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** `checked` absent: a statement looked up rather than checked (the popup's search): no "Checked on" line. */
export function citeMatch(m: Citable, marks: [number, number][], verdict: Verdict, checked?: CheckedOn): Citation {
  const runs: [number, number][] = marks.length ? marks.map(([a, b]) => [a, b]) : [[0, m.quote.length]];
  // The sentence's own full stop (or ! ?) after the last word cited is the release's too.
  const last = runs[runs.length - 1];
  if (/^[.!?]/.test(m.quote.slice(last[1]))) last[1] += 1;
  const texts = runs.map(([a, b]) => m.quote.slice(a, b));
  const words = texts.map(flat).join(' … ');
  const { who, role } = citedSpeaker(m);
  const org = m.release.organisation;
  const date = formatDate(m.date);
  const link = isSafeUrl(m.release.url) ? textFragmentLink(m.release.url, texts) : null;
  const on = formatDate(isoDay(checked?.on ?? new Date()));
  const page = checked?.pageUrl && isSafeUrl(checked.pageUrl) ? checked.pageUrl : null;
  const pageVersion = verdict === 'altered' && checked?.pageText ? flat(stripOuterQuotes(checked.pageText)) : null;

  const whoLine = [who, role].filter(Boolean).join(', ') + (org && !who.includes(org) ? ` (${org})` : '');
  // The release by its title (often its lead paragraph): named as the release, never quoted as the speaker's words.
  const full = flat(m.release.title).replace(/[.!?]$/, '');
  const title = clip(full, 120);
  const text = [
    `“${words}”`,
    `— ${whoLine}, ${date}. Release: ${title}${title.endsWith('…') ? '' : '.'}${link ? ` ${link}` : ''}`,
    pageVersion ? `The page has: “${pageVersion}”` : null,
    checked ? `Checked on ${on}${page ? ` against ${page}` : ''} with On the Record.` : null,
  ].filter(Boolean).join('\n');

  const mdTitle = mdEscape(title);
  const markdown = [
    `> “${mdEscape(words)}”`,
    `>`,
    `> — **${mdEscape(who)}**${role ? `, ${mdEscape(role)}` : ''}${org && !who.includes(org) ? ` (${mdEscape(org)})` : ''}, ${date}. Release: ${link ? `[*${mdTitle}*](${mdTarget(link)})` : `*${mdTitle}*`}${title.endsWith('…') ? '' : '.'}`,
    pageVersion ? `\nThe page has: “${mdEscape(pageVersion)}”` : null,
    checked ? `\nChecked on ${on}${page ? ` against <${page}>` : ''} with On the Record.` : null,
  ].filter((l) => l !== null).join('\n');
  return { words, text, markdown, link };
}
