/** The readable answer of `otr match` (without --json). */
import { clip } from '../core/text/clip';
import { describe, speakerName, type Answer, type Description, type Match, type Tone } from '../core/index';

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

/** The verdict line in the tone's colour on a terminal (plain otherwise). */
export function paintVerdict(d: Description, text: string, color: boolean): string {
  return color ? `\x1b[1;${TONE_COLOUR[d.tone] ?? '0'}m${text}\x1b[0m` : text;
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

function describeMatch(match: Match, d: Description, color: boolean): string[] {
  const lines: string[] = [];
  const r = match.release;
  lines.push(field('Speaker', d.who ?? ''));
  lines.push(field('Date', `${d.date} (${match.date})`));
  lines.push(field('Release', `${clip(r.title, 100)}${r.organisation ? ` (${r.organisation})` : ''}`));
  const where = [r.source, r.url].filter(Boolean).join('  ');
  if (where) lines.push(field('Source', where));
  if (typeof match.score === 'number') lines.push(field('Score', match.score.toFixed(2)));

  const label = match.verdict === 'paraphrase' ? 'The statement it reports:' : match.kind === 'quote' ? 'Quotation:' : 'Statement:';
  lines.push('', label, markedQuote(match, color));

  if (d.differences.length) lines.push('', 'Differences:', ...d.differences.map((x) => `  ${x.text}`));
  if (d.notes.length) lines.push('', 'Notes:', ...d.notes.map((n) => `  ${n}`));
  if (match.attribution) {
    lines.push('', field('Attribution', d.attribution ? `MISMATCH: ${d.attribution}` : `consistent: the page names ${match.attribution.names.join(', ')}`));
  }
  return lines;
}

export function formatAnswer(answer: Answer, { color }: FormatOptions): string {
  // The verdict line every surface shows, then what it means.
  const d = describe(answer);
  const lines = [paintVerdict(d, d.label.toUpperCase(), color), d.hint];

  if (answer.best) lines.push('', ...describeMatch(answer.best, d, color));

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
