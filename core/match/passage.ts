import { tokenize, type Token } from '../text/tokens';

/**
 * What the reader highlighted, read as a journalist writes a quotation:
 * the quoted words (inside quote marks when the passage has them, the rest being
 * the page's own framing such as "Chief Constable Simon Bailey said:"), with
 * `...`/`…` marking omitted words and `[bracketed]` words being the writer's own.
 */

export type Item =
  | { type: 'word'; token: Token; sentenceStart: boolean; sentenceEnd: boolean }
  /** `…`: the writer left words out here. */
  | { type: 'gap'; text: string }
  /** `[words]`: the writer's words, standing for some of the original's. */
  | { type: 'bracket'; text: string };

export interface Passage {
  /** The highlighted text as given. */
  text: string;
  items: Item[];
  /** Words of the passage outside its quote marks (attribution and the like). */
  framing: string;
  /** The passage puts the words in quote marks: then every quoted word must be the original's. */
  quoted: boolean;
  /** Number of words to match. */
  wordCount: number;
  /** Words without quote marks that the writer attributes ("Police say …", "…, the force said"): reported speech, which may reword. */
  reportedSpeech: boolean;
}

const ELLIPSIS = /\[\s*(?:\.\s*){3}\]|\(\s*(?:\.\s*){3}\)|(?:\.\s*){3,}|…/g;
const BRACKET = /\[([^\][]{1,80})\]/g;
const DOUBLE_QUOTES = /[“"„«]([^“”"„«»]{1,20000}?)[”"»]/g;

/**
 * A line of the page's furniture caught in a highlight between two quoted paragraphs: a
 * "READ MORE" link, an advertisement slot, a caption, a sign-up box. Not the writer's words,
 * nor the speaker's: not inserted into the quotation.
 */
const FURNITURE_LINE =
  /^[ \t]*(?:read more|more on this story|related|related articles?|recommended|advertisement|advert|sponsored|story continues below|continue reading|sign up|subscribe|most read|trending|watch|pictured|picture|image|photo|video|credit|getty images|pa (?:media|wire))\b[^\n]*$/gim;

/** The passage with its furniture lines blanked out (same length, so every offset still points into the text). */
export function withoutFurniture(text: string): string {
  if (!text.includes('\n')) return text;
  return text.replace(FURNITURE_LINE, (line) => ' '.repeat(line.length));
}

/**
 * "…, the force said." / "…, Chief Constable Jane Doe added.": the writer's attribution after
 * words given without quote marks. Not the words checked.
 */
const TRAILING_ATTRIBUTION =
  /,\s*((?:the\s+)?[\p{L}’'.-]+(?:\s+[\p{L}’'.-]+){0,5})\s+(?:said|says|added|adds|warned|warns|claimed|stressed|explained|told\s+[\p{L}]+(?:\s+[\p{L}]+)?)(?:\s+(?:on|in|at|last|this|yesterday|today|earlier)(?:\s+[\p{L}\d]+){0,2})?\s*[.!]?\s*$/u;

/**
 * "Police say …" / "Chief Constable Jane Doe said that …" / "He told reporters …": the writer's
 * attribution before words given without quote marks: a few words naming who, then the verb.
 */
const LEADING_ATTRIBUTION =
  /^\s*((?:the\s+)?[\p{L}’'.-]+(?:\s+[\p{L}’'.-]+){0,5})\s+(?:said|says|say|added|adds|warned|warns|warn|promised|vowed|pledged|told\s+(?:reporters|journalists|the\s+[\p{L}]+|[\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+)?))(?:\s+that)?\s+(?=\S)/u;

function withoutAttribution(text: string): { text: string; framing: string; attributed: boolean } {
  if (/[“”"]/.test(text)) return { text, framing: '', attributed: false };
  let out = text;
  const framing: string[] = [];
  const m = TRAILING_ATTRIBUTION.exec(out);
  const trailed = !!m && tokenize(out.slice(0, m.index)).length >= 4;
  if (m && trailed) {
    framing.push(m[0].replace(/^,\s*/, '').trim());
    out = out.slice(0, m.index) + ' '.repeat(out.length - m.index);
  }
  // The lead-in is framing too, so that the words reported are compared, not who reported them; the
  // passage stays reported speech (matcher.ts reads the verb in the whole text).
  const lead = LEADING_ATTRIBUTION.exec(out);
  // ("What Marsh said about knife crime" is a headline's topic, not words reported.)
  const led = !!lead && !/[,;:]/.test(lead[1]) && !/^\s*(?:what|how|why|when|where|who)\b/i.test(lead[1]) && tokenize(out.slice(lead[0].length)).length >= 4;
  if (led) {
    framing.unshift(lead[0].trim());
    out = ' '.repeat(lead[0].length) + out.slice(lead[0].length);
  }
  return { text: out, framing: framing.join(' '), attributed: led || trailed };
}

export function readPassage(given: string): Passage {
  const text = given;
  const trailing = withoutAttribution(withoutFurniture(text));
  const split = splitQuoted(trailing.text);
  const { core, quoted } = split;
  const framing = [split.framing, trailing.framing].filter(Boolean).join(' ');
  const items: Item[] = [];
  // Mark elisions and brackets, then tokenise what is between them.
  const marks: { start: number; end: number; item: Item }[] = [];
  for (const m of core.text.matchAll(ELLIPSIS)) marks.push({ start: m.index!, end: m.index! + m[0].length, item: { type: 'gap', text: m[0].trim() } });
  for (const m of core.text.matchAll(BRACKET)) {
    if (!marks.some((k) => m.index! < k.end && k.start < m.index! + m[0].length)) {
      marks.push({ start: m.index!, end: m.index! + m[0].length, item: { type: 'bracket', text: m[0] } });
    }
  }
  for (const g of core.gaps) marks.push({ start: g, end: g, item: { type: 'gap', text: '' } });
  marks.sort((a, b) => a.start - b.start);
  let at = 0;
  const pushWords = (from: number, to: number) => {
    for (const t of tokenize(core.text.slice(from, to))) {
      const token = { ...t, start: core.offsets(t.start + from), end: core.offsets(t.end - 1 + from) + 1 };
      items.push({ type: 'word', token, sentenceStart: false, sentenceEnd: false });
    }
  };
  for (const k of marks) {
    pushWords(at, k.start);
    items.push(k.item);
    at = Math.max(at, k.end);
  }
  pushWords(at, core.text.length);
  markSentences(items, text);
  const wordCount = items.filter((i) => i.type === 'word').length;
  return { text, items, framing, quoted, wordCount, reportedSpeech: trailing.attributed };
}

/** Flags words that begin or end a sentence of the passage, where framing may stop. */
function markSentences(items: Item[], text: string): void {
  const words = items.filter((i): i is Extract<Item, { type: 'word' }> => i.type === 'word');
  for (let k = 0; k < words.length; k++) {
    const prev = words[k - 1];
    const between = prev ? text.slice(prev.token.end, words[k].token.start) : '';
    const boundary = !prev || /[.!?:;“”"]/.test(between);
    words[k].sentenceStart = boundary;
    if (prev) prev.sentenceEnd = boundary;
  }
  if (words.length) words[words.length - 1].sentenceEnd = true;
}

interface Core {
  text: string;
  /** Offsets in `text` → offsets in the passage. */
  offsets: (i: number) => number;
  /** Positions in `text` where two quoted pieces were joined (an implied elision). */
  gaps: number[];
}

/**
 * When the passage holds quotation marks around most of its words, the quoted
 * words are what is checked; the words outside are the page's framing.
 */
function splitQuoted(text: string): { core: Core; framing: string; quoted: boolean } {
  const pieces = [...text.matchAll(DOUBLE_QUOTES)].filter((m) => tokenize(m[1]).length >= 3);
  const whole: Core = { text, offsets: (i) => i, gaps: [] };
  if (pieces.length === 0) return { core: whole, framing: '', quoted: false };
  let joined = '';
  const starts: { at: number; from: number }[] = [];
  const gaps: number[] = [];
  let framing = '';
  let last = 0;
  for (const m of pieces) {
    const from = m.index! + 1;
    framing += text.slice(last, m.index!) + ' ';
    if (joined) {
      gaps.push(joined.length);
      joined += ' ';
    }
    starts.push({ at: joined.length, from });
    joined += m[1];
    last = m.index! + m[0].length;
  }
  framing += text.slice(last);
  const offsets = (i: number) => {
    let s = starts[0];
    for (const c of starts) if (c.at <= i) s = c;
    return s.from + (i - s.at);
  };
  return { core: { text: joined, offsets, gaps }, framing: framing.replace(/\s+/g, ' ').trim(), quoted: true };
}

const words = new WeakMap<Passage, Token[]>();

/** The passage's words, without its elisions and brackets (computed once a passage). */
export function wordsOf(p: Passage): Token[] {
  let w = words.get(p);
  if (!w) words.set(p, (w = p.items.flatMap((i) => (i.type === 'word' ? [i.token] : []))));
  return w;
}
