import { findNames } from '../match/attribution';
import { opensWith, splitQuotes, strayClose, type Family } from '../text/quoteMarks';
import { cutContext } from '../limits';

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
  /**
   * The article's text around it (its paragraph, and the paragraphs before it back to one that names
   * someone), cut to the core's limit around the quotation (`cutContext`).
   */
  context: string;
  kind: QuotationKind;
}

export interface FindOptions {
  /** Fewest words a quotation needs (default 4). */
  minWords?: number;
}

export const FIND_DEFAULTS = { minWords: 4 };

// The plural present ("Police say …", "Chiefs warn …") is how headlines and standfirsts report; a
// promise or a vow ("has promised that every village will …") is reported speech too.
const SPEECH_VERB =
  /\b(?:said|says|say|saying|told|tells|added|adds|adding|warned|warns|warn|warning|urged|urges|urge|explained|stressed|insisted|insist|claimed|admitted|argued|noted|promised|promises|vowed|vows|pledged|pledges|according\s+to)\b/i;

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

/**
 * Quoted spans in one paragraph, read with the parser's own quotation marks (curly, straight,
 * single; apostrophes told apart). `carry` is the quotation the paragraph before left open: a
 * paragraph that does not reopen it but closes it (only the first paragraph of a quotation
 * opened) is quoted up to its closing mark. A quotation left open at the paragraph's end runs
 * to it, as news style does. Returns the spans and the quotation still open at the end.
 */
function quotedIn(text: string, p: Paragraph, carry: Family | null): { spans: Span[]; open: Family | null } {
  const body = text.slice(p.start, p.end);
  const inside = carry && !opensWith(body) && strayClose(body, carry) === 'closes' ? carry : null;
  const { parts, open } = splitQuotes(body, inside);
  const spans: Span[] = [];
  for (const part of parts) {
    if (!part.quoted) continue;
    const start = p.start + part.start - (part.opened ? 1 : 0);
    const end = p.start + part.end + (part.closed ? 1 : 0);
    spans.push({ start, end, innerStart: p.start + part.start, innerEnd: p.start + part.end });
  }
  return { spans, open };
}

/** "Jane Doe said:", "She added:": a paragraph that introduces the words after it. */
const INTRODUCES = /\b(?:said|says|added|adds|told\s+[^:“”"]{1,60}|explained|warned|continued|stated|commented|wrote|writes)\s*:\s*$/i;

/** Sentences of a paragraph, as [start, end) offsets, not breaking inside a quoted span. */
function sentencesIn(text: string, p: Paragraph, spans: Span[]): Paragraph[] {
  const out: Paragraph[] = [];
  let from = p.start;
  const re = /[.!?]+[”"’)]*\s+(?=[“"‘(]?[\p{Lu}\p{N}])/gu;
  re.lastIndex = p.start;
  const slice = text.slice(0, p.end);
  // The spans are in order, and so are the ends found: one pass over both (linear in a paragraph of many quotations).
  let j = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const end = m.index + m[0].trimEnd().length;
    while (j < spans.length && spans[j].end <= end) j++;
    if (j < spans.length && end > spans[j].start) continue;
    out.push({ start: from, end });
    from = m.index + m[0].length;
  }
  if (from < p.end) out.push({ start: from, end: p.end });
  return out;
}

const PRONOUN = /^(?:he|she|they|it|we|i|you)$/i;
const BODY_SAID =
  /\b(?:police|the force|officers|detectives|the constabulary|the (?:police )?service|a (?:police |force )?spokes(?:man|woman|person)|a (?:police |force )?statement)\s+(?:has\s+|have\s+)?(?:said|says|warned|warns|added|urged|urges|stressed|confirmed)\b/i;
const namesSomeone = (paragraph: string) => findNames(paragraph).some((n) => !PRONOUN.test(n));

/**
 * The paragraph, and those before it back to the nearest that names someone: at most two
 * more, not counting the paragraphs of a quotation that runs over several (each opening with “).
 */
function contextFor(text: string, paragraphs: Paragraph[], at: number): Paragraph {
  const body = (i: number) => text.slice(paragraphs[i].start, paragraphs[i].end);
  // "…," police warned. / the force said: the paragraph gives its own speaker, a body and not a
  // person; the person named the paragraph before said something else.
  if (BODY_SAID.test(body(at))) return paragraphs[at];
  let first = at;
  let steps = 0;
  while (first > 0 && steps < 2 && at - first < 12 && !namesSomeone(body(first))) {
    if (!/^\s*[“"‘]/.test(body(first))) steps++;
    first--;
  }
  return { start: paragraphs[first].start, end: paragraphs[at].end };
}

export function findQuotations(text: string, options: FindOptions = {}): Quotation[] {
  const minWords = options.minWords ?? FIND_DEFAULTS.minWords;
  const paragraphs = paragraphsOf(text);
  const found: Quotation[] = [];
  let carry: Family | null = null;
  paragraphs.forEach((p, at) => {
    const read = quotedIn(text, p, carry);
    carry = read.open;
    let around: Paragraph | undefined;
    // The paragraphs around, cut to the core's limit around the quotation at [start, end): a paragraph
    // of a thousand quotations gives each its own few thousand characters, not the whole paragraph.
    const contextOf = (start: number, end: number) => {
      around ??= contextFor(text, paragraphs, at);
      return cutContext(text.slice(around.start, around.end), start - around.start, end - start);
    };
    const quoted: Span[] = [];
    for (const s of read.spans) {
      const inner = text.slice(s.innerStart, s.innerEnd).trim();
      // A scare quote or a fragment ("real difference") is too short to check alone: the sentence around it is read as reported speech.
      if (wordCount(inner) < minWords) continue;
      quoted.push(s);
      const end = text.slice(s.start, s.end).trimEnd().length + s.start;
      found.push({ text: text.slice(s.start, end), query: `“${inner}”`, start: s.start, end, context: contextOf(s.start, end), kind: 'quoted' });
    }
    // A block quotation: the paragraph after "Jane Doe said:" with no quote marks of its own, as
    // government and newsroom pages print them.
    const before = at > 0 ? text.slice(paragraphs[at - 1].start, paragraphs[at - 1].end) : '';
    const own = text.slice(p.start, p.end);
    if (read.spans.length === 0 && INTRODUCES.test(before.trim()) && wordCount(own) >= minWords && !/[“”"]/.test(own)) {
      const lead = own.length - own.trimStart().length;
      const start = p.start + lead;
      const end = p.start + own.trimEnd().length;
      found.push({ text: text.slice(start, end), query: `“${text.slice(start, end)}”`, start, end, context: contextOf(start, end), kind: 'quoted' });
      return;
    }
    let q = 0;
    for (const sentence of sentencesIn(text, p, quoted)) {
      const body = text.slice(sentence.start, sentence.end);
      if (!SPEECH_VERB.test(body)) continue;
      // Sentences and quoted spans are both in order: one pass over the two.
      while (q < quoted.length && quoted[q].end <= sentence.start) q++;
      if (q < quoted.length && quoted[q].start < sentence.end) continue;
      // The reported words, without the speaker's name and verb, must be a few words too.
      if (wordCount(body) < minWords + 3) continue;
      // "Simon Bailey said:" introduces a quotation in the next paragraph: not reported speech.
      if (/[:—–-]\s*$/.test(body)) continue;
      const lead = body.length - body.trimStart().length;
      const start = sentence.start + lead;
      const end = sentence.start + body.trimEnd().length;
      const said = text.slice(start, end);
      found.push({ text: said, query: said, start, end, context: contextOf(start, end), kind: 'reported' });
    }
  });
  return found.sort((a, b) => a.start - b.start);
}
