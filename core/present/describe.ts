/**
 * One description of an answer, in words, that every surface lays out: the card, the page
 * check's badges and panel, the popup's recent checks, the draft report, Markdown and `otr`.
 * No surface writes a verdict label, an attribution sentence or a difference of its own: what
 * they show is this, so they cannot contradict one another or the answer.
 */
import type { Answer, Difference, Match, Note, Segment, Verdict } from '../types';
import { formatDate } from '../citation';
import { speakerName, whoSaid } from '../speakers';
import { citeMatch, type Citation, type CheckedOn } from './cite';

/** The colour family a surface gives the verdict line: a contradicted attribution is a warning whatever the words. */
export type Tone = 'verbatim' | 'altered' | 'paraphrase' | 'not-found' | 'invalid' | 'warning';

export interface DescribedDifference {
  type: Difference['type'];
  page: string;
  original: string;
  /** One line, the same everywhere: "Figure: page “600” — said “400”". */
  text: string;
}

export interface Description {
  verdict: Verdict;
  tone: Tone;
  /** The verdict's name alone: "Verbatim", "Altered", "Not in the index". */
  name: string;
  /** The whole verdict line: all it knows ("Verbatim, with words left out", "Altered: a figure changed (400 → 4,000)"). */
  label: string;
  /** What the verdict means, or why nothing was checked. */
  hint: string;
  /** How many differences the answer holds (what "Altered (n differences)" counts). */
  count: number;
  /** Who said it, with rank and role, or what the release says in its own voice. */
  who: string | null;
  /** The date, as "4 Aug 2017". */
  date: string | null;
  /** "The page names Sara Thornton; Chief Constable Simon Bailey said it." Null when the page agrees or names no one. */
  attribution: string | null;
  differences: DescribedDifference[];
  /** The page's words against the original's, in the page's order, from the matcher's own alignment. */
  segments: Segment[];
  /** Elisions, editorial words, spellings, framing: one line each. */
  notes: string[];
  /**
   * The names the label, the attribution and `who` carry from the release or the page (the page's
   * names, who said it): a surface shows each isolated (<bdi>), so none can reorder the words beside it.
   */
  fields: string[];
  /** The statement, with exactly the words the passage quotes marked. */
  quote: { heading: string; text: string; marks: [number, number][] } | null;
  citation: Citation | null;
}

const NAMES: Record<Verdict, string> = {
  verbatim: 'Verbatim',
  altered: 'Altered',
  paraphrase: 'Paraphrase',
  'not-found': 'Not in the index',
  invalid: 'Cannot check this',
};

const HINTS: Record<Verdict, string> = {
  verbatim: 'The page quotes these words exactly as they were said.',
  altered: 'The page’s words differ from what was said.',
  paraphrase: 'The page reports this statement in other words: it is not a quotation.',
  'not-found': 'No statement in the index holds these words. Nothing is guessed.',
  invalid: '',
};

/** The verdict's name, for a list of counts ("2 verbatim, 1 not in the index"). */
export function verdictName(verdict: Verdict): string {
  return NAMES[verdict];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function differenceText(d: Difference): string {
  const page = d.page || '—';
  const original = d.original || '—';
  if (d.type === 'number') return `Figure: page “${page}” — said “${original}”`;
  if (d.type === 'inserted') return `Added: page “${page}” — said nothing there`;
  if (d.type === 'omitted') return `Left out without a mark: said “${original}”`;
  return `Changed: page “${page}” — said “${original}”`;
}

export function noteText(n: Note): string {
  switch (n.type) {
    case 'elision':
      return `Words left out (${n.page})${n.original ? `: “${n.original}”` : ''}`;
    case 'insertion':
      return `Editorial words ${n.page}${n.original ? ` in place of “${n.original}”` : ''}`;
    case 'spelling':
      return `Spelling: the page has “${n.page}”, the release “${n.original}”`;
    case 'framing':
      return `The page’s own words around the quotation: “${n.page}”`;
  }
}

/** "said 400, the page has 4,000; the page adds 200 more". */
function figures(ds: Difference[]): string {
  return ds
    .map((d) => (!d.original ? `the page adds ${d.page}` : !d.page ? `the page leaves out ${d.original}` : `said ${d.original}, the page has ${d.page}`))
    .join('; ');
}

/** Who the release says said it, for the attribution sentence. */
function releaseSpeaker(m: Match): string {
  if (m.speaker) return speakerName(m.speaker);
  return m.kind === 'quote' ? 'the release does not name who said it' : `${m.release.organisation ?? 'the release'} said it in its own words`;
}

/** "the page names Sara Thornton; Chief Constable Simon Bailey said it" (lower-case start: it follows a dash or stands as a sentence). */
function attributionClause(m: Match): string | null {
  if (!m.attribution || m.attribution.consistent) return null;
  const names = m.attribution.names.length ? m.attribution.names.join(', ') : 'someone else';
  const said = m.speaker ? `${releaseSpeaker(m)} said it` : releaseSpeaker(m);
  return `the page names ${names}; ${said}`;
}

function verdictLine(answer: Answer, m: Match | null): string {
  const base = NAMES[answer.verdict];
  if (!m) return answer.verdict === 'invalid' ? 'Cannot check this selection' : base;
  const ds = m.differences;
  const figs = ds.filter((d) => d.type === 'number');
  let line = base;
  if (answer.verdict === 'verbatim') {
    const cut = m.notes?.some((n) => n.type === 'elision');
    const edited = m.notes?.some((n) => n.type === 'insertion');
    if (cut && edited) line = 'Verbatim, with words left out and editorial words';
    else if (cut) line = 'Verbatim, with words left out';
    else if (edited) line = 'Verbatim, with editorial words';
  } else if (answer.verdict === 'altered') {
    if (figs.length === ds.length && figs.length > 0) line = `Altered: ${figs.length === 1 ? 'a figure' : plural(figs.length, 'figure')} changed (${figures(figs)})`;
    else if (figs.length) line = `Altered (${plural(ds.length, 'difference')}; ${figs.length === 1 ? 'a figure' : plural(figs.length, 'figure')} changed: ${figures(figs)})`;
    else line = `Altered (${plural(ds.length, 'difference')})`;
  } else if (answer.verdict === 'paraphrase' && figs.length) {
    line = `Paraphrase, with ${figs.length === 1 ? 'a figure' : plural(figs.length, 'figure')} changed (${figures(figs)})`;
  }
  const clause = attributionClause(m);
  return clause ? `${line} — but ${clause}` : line;
}

/** The marked runs of the statement: the matcher's, or its span for an answer kept from before. */
function marksOf(m: Match): [number, number][] {
  if (m.marks?.length) return m.marks;
  return m.span[0] < m.span[1] ? [m.span] : [];
}

/** The release's and the page's own strings in a description's sentences, longest first (so a name inside a longer one is not split). */
function fieldsOf(m: Match): string[] {
  const all = [whoSaid(m.kind, m.speaker, m.release.organisation, true), releaseSpeaker(m), ...(m.attribution?.names ?? [])];
  return [...new Set(all.filter(Boolean))].sort((a, b) => b.length - a.length);
}

export interface DescribeOptions {
  /** The page the passage was checked on, and when: for the citation. */
  checked?: CheckedOn;
}

export function describe(answer: Answer, options: DescribeOptions = {}): Description {
  const m = answer.best;
  const clause = m ? attributionClause(m) : null;
  const tone: Tone = clause ? 'warning' : answer.verdict;
  const hint = answer.verdict === 'invalid' ? (answer.reason ?? 'The selection cannot be checked.') : HINTS[answer.verdict];
  if (!m) {
    return {
      verdict: answer.verdict, tone, name: NAMES[answer.verdict], label: verdictLine(answer, null), hint, count: 0,
      who: null, date: null, attribution: null, fields: [], differences: [], segments: [], notes: [], quote: null, citation: null,
    };
  }
  const heading = answer.verdict === 'paraphrase' ? 'The statement it reports' : m.kind === 'quote' ? 'The full quotation' : 'The release’s words';
  return {
    verdict: answer.verdict,
    tone,
    name: NAMES[answer.verdict],
    label: verdictLine(answer, m),
    hint,
    count: m.differences.length,
    who: whoSaid(m.kind, m.speaker, m.release.organisation, true),
    date: formatDate(m.date),
    attribution: clause ? clause.charAt(0).toUpperCase() + clause.slice(1) + '.' : null,
    fields: fieldsOf(m),
    differences: m.differences.map((d) => ({ ...d, text: differenceText(d) })),
    segments: m.segments ?? [],
    notes: (m.notes ?? []).map(noteText),
    quote: { heading, text: m.quote, marks: marksOf(m) },
    citation: citeMatch(m, marksOf(m), answer.verdict, options.checked ?? {}),
  };
}
