import { findNames } from '../match/attribution';

/**
 * The quotations an article holds: passages in quote marks (“ ”, " ", ‘ ’) of a few
 * words or more, and sentences of reported speech ("Bailey said that …"). Pure text in,
 * offsets out, so the extension can map them back to the page and the command line to a file.
 */

export type QuotationKind = 'quoted' | 'reported';

export interface Quotation {
  /** The passage as the article has it (quote marks included for a quoted one). */
  text: string;
  /** The words the matcher is asked about: a quoted passage in double curly marks, or the reported sentence. */
  query: string;
  /** [start, end) offsets of `text` in the article. */
  start: number;
  end: number;
  /** The article's text around it (its paragraph, and the paragraphs before it back to one that names someone). */
  context: string;
  kind: QuotationKind;
}

export interface FindOptions {
  /** Fewest words a quotation needs (default 4). */
  minWords?: number;
}

export const FIND_DEFAULTS = { minWords: 4 };

const SPEECH_VERB =
  /\b(?:said|says|told|tells|added|adds|warned|warns|urged|urges|explained|stressed|insisted|claimed|admitted|argued|noted|according\s+to)\b/i;

interface Span {
  start: number;
  end: number;
  /** Offsets of the words inside the marks. */
  innerStart: number;
  innerEnd: number;
}

interface Paragraph {
  start: number;
  end: number;
}

function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) {
    if (m[0].trim()) out.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Quoted spans in one paragraph; a quotation left open at the paragraph's end runs to it (news style). */
function quotedIn(text: string, p: Paragraph, minWords: number): Span[] {
  const spans: Span[] = [];
  let i = p.start;
  while (i < p.end) {
    const c = text[i];
    let close = -1;
    if (c === '“') {
      close = text.indexOf('”', i + 1);
      if (close < 0 || close >= p.end) close = p.end; // runs on to the next paragraph
      else close += 1;
    } else if (c === '"' && !isLetter(text[i - 1])) {
      const j = text.indexOf('"', i + 1);
      close = j < 0 || j >= p.end ? -1 : j + 1;
    } else if (c === '‘' && !isLetter(text[i - 1])) {
      // A closing ’ is followed by no letter: ’ inside a word (don’t) is an apostrophe. One after
      // a word (officers’) may be either: the quotation closes at the first that makes it long enough.
      for (let j = i + 1; j < p.end && text[j] !== '‘'; j++) {
        if (text[j] === '’' && !isLetter(text[j + 1]) && !/\s/.test(text[j - 1])) {
          close = j + 1;
          if (wordCount(text.slice(i + 1, j)) >= minWords) break;
        }
      }
    }
    if (close > i) {
      const closed = close <= p.end && /[”"’]/.test(text[close - 1] ?? '') && close - 1 > i;
      const innerEnd = closed ? close - 1 : close;
      spans.push({ start: i, end: close, innerStart: i + 1, innerEnd });
      i = close;
    } else {
      i++;
    }
  }
  return spans;
}

/** Sentences of a paragraph, as [start, end) offsets, not breaking inside a quoted span. */
function sentencesIn(text: string, p: Paragraph, spans: Span[]): Paragraph[] {
  const out: Paragraph[] = [];
  let from = p.start;
  const re = /[.!?]+[”"’)]*\s+(?=[“"‘(]?[\p{Lu}\p{N}])/gu;
  re.lastIndex = p.start;
  const slice = text.slice(0, p.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const end = m.index + m[0].trimEnd().length;
    if (spans.some((s) => end > s.start && end < s.end)) continue;
    out.push({ start: from, end });
    from = m.index + m[0].length;
  }
  if (from < p.end) out.push({ start: from, end: p.end });
  return out;
}

const PRONOUN = /^(?:he|she|they|it|we|i|you)$/i;
const namesSomeone = (paragraph: string) => findNames(paragraph).some((n) => !PRONOUN.test(n));

/**
 * The paragraph, and those before it back to the nearest that names someone: at most two
 * more, not counting the paragraphs of a quotation that runs over several (each opening with “).
 */
function contextFor(text: string, paragraphs: Paragraph[], at: number): string {
  const body = (i: number) => text.slice(paragraphs[i].start, paragraphs[i].end);
  let first = at;
  let steps = 0;
  while (first > 0 && steps < 2 && at - first < 12 && !namesSomeone(body(first))) {
    if (!/^\s*[“"‘]/.test(body(first))) steps++;
    first--;
  }
  return text.slice(paragraphs[first].start, paragraphs[at].end);
}

export function findQuotations(text: string, options: FindOptions = {}): Quotation[] {
  const minWords = options.minWords ?? FIND_DEFAULTS.minWords;
  const paragraphs = paragraphsOf(text);
  const found: Quotation[] = [];
  paragraphs.forEach((p, at) => {
    const spans = quotedIn(text, p, minWords);
    let context: string | undefined;
    const contextOf = () => (context ??= contextFor(text, paragraphs, at));
    for (const s of spans) {
      const inner = text.slice(s.innerStart, s.innerEnd).trim();
      if (wordCount(inner) < minWords) continue;
      const end = text.slice(s.start, s.end).trimEnd().length + s.start;
      found.push({ text: text.slice(s.start, end), query: `“${inner}”`, start: s.start, end, context: contextOf(), kind: 'quoted' });
    }
    for (const sentence of sentencesIn(text, p, spans)) {
      const body = text.slice(sentence.start, sentence.end);
      if (!SPEECH_VERB.test(body)) continue;
      if (spans.some((s) => s.start < sentence.end && sentence.start < s.end)) continue;
      // The reported words, without the speaker's name and verb, must be a few words too.
      if (wordCount(body) < minWords + 3) continue;
      // "Simon Bailey said:" introduces a quotation in the next paragraph: not reported speech.
      if (/[:—–-]\s*$/.test(body)) continue;
      const lead = body.length - body.trimStart().length;
      const start = sentence.start + lead;
      const end = sentence.start + body.trimEnd().length;
      const said = text.slice(start, end);
      found.push({ text: said, query: said, start, end, context: contextOf(), kind: 'reported' });
    }
  });
  return found.sort((a, b) => a.start - b.start);
}
