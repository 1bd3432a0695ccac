/** The readable answer of `otr match` (without --json). */
import { clip } from '../core/text/clip';
import { describe, speakerName, whoSaid, type Answer, type Match, type Speaker, type StatementKind, type Tone } from '../core/index';

export interface FormatOptions {
  /** ANSI emphasis (only when stdout is a terminal); otherwise the matched words are marked »like this«. */
  color: boolean;
}

const TONE_COLOUR: Record<Tone, string> = {
  verbatim: '32', // green
  altered: '33', // yellow
  paraphrase: '36', // cyan
  'not-found': '2', // dim
  invalid: '31', // red
  warning: '31',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2014-10-03" → "3 October 2014"; anything else as it is. */
export function humanDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

export function speakerLine(kind: StatementKind, speaker: Speaker | null, organisation?: string): string {
  if (!speaker && kind === 'narrative') return `none: the release's own words${organisation ? ` (${organisation})` : ''}, not a quotation`;
  return whoSaid(kind, speaker, organisation, true);
}


/** The quotation with the matched words marked, one paragraph a line, indented. */
export function markedQuote(match: Match, color: boolean): string {
  const { quote } = match;
  const [rawStart, rawEnd] = Array.isArray(match.span) ? match.span : [0, 0];
  const start = Math.max(0, Math.min(quote.length, Number(rawStart) || 0));
  const end = Math.max(start, Math.min(quote.length, Number(rawEnd) || 0));
  const [open, close] = color ? ['\x1b[1;4m', '\x1b[22;24m'] : ['»', '«'];
  const marked = end > start ? quote.slice(0, start) + open + quote.slice(start, end) + close + quote.slice(end) : quote;
  return marked
    .split('\n')
    .map((p) => `  ${p}`)
    .join('\n');
}

function field(label: string, value: string): string {
  return `${label.padEnd(12)} ${value}`;
}

function describeMatch(match: Match, color: boolean): string[] {
  const lines: string[] = [];
  const r = match.release;
  lines.push(field('Speaker', speakerLine(match.kind, match.speaker, r.organisation)));
  lines.push(field('Date', `${humanDate(match.date)} (${match.date})`));
  lines.push(field('Release', `${clip(r.title, 100)}${r.organisation ? ` (${r.organisation})` : ''}`));
  const where = [r.source, r.url].filter(Boolean).join('  ');
  if (where) lines.push(field('Source', where));
  if (typeof match.score === 'number') lines.push(field('Score', match.score.toFixed(2)));

  const label = match.verdict === 'paraphrase' ? 'The statement it reports:' : match.kind === 'quote' ? 'Quotation:' : 'Statement:';
  lines.push('', label, markedQuote(match, color));

  const d = describe({ verdict: match.verdict ?? 'verbatim', best: match, candidates: [] });
  if (d.differences.length) lines.push('', 'Differences:', ...d.differences.map((x) => `  ${x.text}`));
  if (d.notes.length) lines.push('', 'Notes:', ...d.notes.map((n) => `  ${n}`));
  if (match.attribution) {
    lines.push('', field('Attribution', d.attribution ? `MISMATCH: ${d.attribution}` : `consistent: the page names ${match.attribution.names.join(', ')}`));
  }
  return lines;
}

export function formatAnswer(answer: Answer, { color }: FormatOptions): string {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  // The verdict line every surface shows, then what it means.
  const d = describe(answer);
  const lines = [paint(`1;${TONE_COLOUR[d.tone] ?? '0'}`, d.label.toUpperCase()), d.hint];

  if (answer.best) lines.push('', ...describeMatch(answer.best, color));

  const others = (answer.candidates ?? []).filter((c) => c !== answer.best && !sameMatch(c, answer.best));
  if (others.length) {
    lines.push('', answer.best ? 'Also in the index:' : 'Candidates:');
    for (const c of others) {
      const who = c.speaker ? speakerName(c.speaker) : 'narrative';
      const verdict = c.verdict ? `${c.verdict}  ` : '';
      lines.push(`  ${c.date}  ${verdict}${who}: “${clip(c.quote.slice(c.span[0], c.span[1]) || c.quote, 70)}”  (${c.release.source ?? clip(c.release.title, 40)})`);
    }
  }
  return lines.join('\n') + '\n';
}

function sameMatch(a: Match, b: Match | null): boolean {
  return !!b && a.release.id === b.release.id && a.quote === b.quote && a.span[0] === b.span[0] && a.span[1] === b.span[1];
}
