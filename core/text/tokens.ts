/**
 * Word tokens with their place in the original text.
 *
 * Folding rules (the same for releases and highlights, so that comparison is fair):
 * case, accents, quote marks, apostrophes, dashes, white space and line breaks are
 * folded away; a word hyphenated across a line break is joined; a hyphenated word is
 * one token ("cyber-crime" → "cybercrime"); numbers become their value, whether
 * written in figures or words ("4,000", "four thousand", "£4.2 million" → 4000 /
 * 4200000), so that a changed figure is always a different token.
 */

export interface Token {
  /** The folded form that comparison uses. */
  norm: string;
  /** [start, end) in the original text: what the reader sees. */
  start: number;
  end: number;
  /** A number (its `norm` is the value). */
  num: boolean;
}

// A word, matched where it starts (sticky): letters or digits, joined by apostrophes,
// hyphens (also across a line break), or by "," / "." between digits (4,310 · 4.2). A hyphen
// between two figures is a range, read like "2015/16" and "2015–16": two numbers.
const WORD_AT =
  /[\p{L}\p{N}\p{M}]+(?:(?:['’‘`´]|-[ \t]*\r?\n[ \t]*|(?<!\p{N})[-‐‑](?=[\p{L}\p{N}])|(?<=\p{N})[-‐‑](?=\p{L})|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}]+)*%?/uy;

const APOSTROPHES_AND_HYPHENS = /['’‘`´\-‐‑\s]/g;
const MARKS = /\p{M}/gu;

/** Folds one word: lower case, no accents, no apostrophes or hyphens. */
export function foldWord(word: string): string {
  // Most words are already folded (lower-case ASCII letters and digits): nothing to make.
  let plain = true;
  for (let k = 0; k < word.length && plain; k++) {
    const c = word.charCodeAt(k);
    plain = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  }
  if (plain) return word;
  let w = word;
  // Compatibility forms first (𝑨 → A), then case, so that folding twice changes nothing.
  if (/[^\x00-\x7f]/.test(w)) w = w.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(/ß/g, 'ss').replace(/ı/g, 'i');
  else w = w.toLowerCase();
  return w.replace(APOSTROPHES_AND_HYPHENS, '');
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1_000, million: 1_000_000, m: 1_000_000, mn: 1_000_000,
  billion: 1_000_000_000, bn: 1_000_000_000, k: 1_000,
};
const UNIT_VALUES = new Map(Object.entries(UNITS));
/** Letters a number word begins with (zero two three four five six seven eight nine ten eleven), by code. */
const NUMBER_INITIAL = new Uint8Array(128);
for (const c of 'ztfseno') NUMBER_INITIAL[c.charCodeAt(0)] = 1;
// "twenty-five" folds to "twentyfive": split it back into its parts.
const COMPOUND = new RegExp(`^(${Object.keys(UNITS).filter((u) => UNITS[u] >= 20).join('|')})(one|two|three|four|five|six|seven|eight|nine)$`);

/** Whether a folded word could be a number word: most words are ruled out here, before any lookup. */
function mayBeNumberWord(norm: string): boolean {
  const c = norm.charCodeAt(0);
  return norm.length >= 3 && norm.length <= 12 && c < 128 && NUMBER_INITIAL[c] === 1;
}

function wordValue(norm: string): number | undefined {
  // Most words are not numbers: rule them out before any lookup.
  if (!mayBeNumberWord(norm)) return undefined;
  const unit = UNIT_VALUES.get(norm);
  if (unit !== undefined) return unit;
  if (norm.length < 6) return undefined;
  const c = COMPOUND.exec(norm);
  return c ? UNITS[c[1]] + UNITS[c[2]] : undefined;
}

function figureValue(raw: string): number | undefined {
  const c = raw.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return undefined;
  const m = /^(\d[\d,]*(?:\.\d+)?)(m|bn|k)?$/i.exec(raw);
  if (!m) return undefined;
  let v = Number(m[1].replace(/,/g, ''));
  if (m[2]) v *= SCALES[m[2].toLowerCase()];
  return Number.isFinite(v) ? v : undefined;
}

/** The canonical text of a number: "4200000", "0.5". */
function numberNorm(v: number): string {
  // From 1e21 String() writes "1e+21", which reads back as two words ("1e", "21"): write the
  // digits instead (a double that large is whole, and its digits read back as the same double).
  if (v >= 1e21) return BigInt(v).toString();
  return String(Math.round(v * 1e6) / 1e6);
}

/** A word character that is plain ASCII: a letter or a digit. */
const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** ASCII characters that may join two parts of one word, or end it: ' ` - . , % */
const isJoiner = (c: number) => c === 39 || c === 96 || c === 45 || c === 46 || c === 44 || c === 37;

/**
 * The words of a text as parallel lists (fewer objects than one per word: texts are read per
 * query), read as far as they are asked for (see `has`).
 */
interface Words {
  text: string;
  /** Where reading stopped. */
  at: number;
  word: string[];
  start: number[];
  end: number[];
  /** 0: read by WORD_AT; 1: plain ASCII letters and digits, lower case; 2: the same with a capital. */
  plain: number[];
}

/** Whether the text has a word k, reading on as far as that (and no further). */
function has(raw: Words, k: number): boolean {
  while (raw.word.length <= k && readWord(raw));
  return k < raw.word.length;
}

/**
 * Reads the next word, as WORD_AT reads it but faster: a run of ASCII letters and digits ended by
 * a space or plain punctuation is a whole word, read without the regular expression; anything
 * else (an apostrophe, a hyphen, a figure's comma, a letter beyond ASCII) is left to WORD_AT,
 * matched where the word starts. False at the end of the text.
 */
function readWord(raw: Words): boolean {
  const { text } = raw;
  const n = text.length;
  let k = raw.at;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c < 128 ? !isAsciiWordChar(c) : !WORD_CHAR.test(String.fromCodePoint(text.codePointAt(k)!))) {
      k += c >= 0xd800 && c <= 0xdbff && k + 1 < n ? 2 : 1;
      continue;
    }
    let e = k;
    let upper = false;
    if (c < 128) {
      for (; e < n; e++) {
        const d = text.charCodeAt(e);
        if (d >= 97 && d <= 122) continue;
        if (d >= 65 && d <= 90) upper = true;
        else if (!(d >= 48 && d <= 57)) break;
      }
    }
    const next = e < n ? text.charCodeAt(e) : 32;
    // A comma or full stop joins only digits to digits (4,310 · 4.2): after a word, or before
    // anything but a digit, it ends the word like any other punctuation.
    const ends = !isJoiner(next) || ((next === 44 || next === 46) && !(isDigit(text.charCodeAt(e - 1)) && e + 1 < n && isDigit(text.charCodeAt(e + 1))));
    if (e > k && next < 128 && ends && !isAsciiWordChar(next)) {
      raw.word.push(text.slice(k, e));
      raw.start.push(k);
      raw.end.push(e);
      raw.plain.push(upper ? 2 : 1);
      raw.at = e;
      return true;
    }
    WORD_AT.lastIndex = k;
    const m = WORD_AT.exec(text)!;
    raw.word.push(m[0]);
    raw.start.push(k);
    raw.end.push(k + m[0].length);
    raw.plain.push(0);
    raw.at = k + m[0].length;
    return true;
  }
  raw.at = n;
  return false;
}

/**
 * Splits text into folded word tokens with offsets. With `wanted`, stops once it has that many
 * (the first tokens are the same as the whole text's: a token is made from the words at and
 * after it, never before), reading the text only so far.
 */
export function tokenize(text: string, wanted = Infinity): Token[] {
  const raw: Words = { text, at: 0, word: [], start: [], end: [], plain: [] };
  const out: Token[] = [];
  for (let i = 0; out.length < wanted && has(raw, i); i++) {
    const word = raw.word[i];
    const start = raw.start[i];
    let end = raw.end[i];
    const plain = raw.plain[i];
    // Most words are plain letters: no figure, no "%", nothing to fold but case.
    if (plain !== 0 && word.charCodeAt(0) > 57) {
      const folded = plain === 2 ? word.toLowerCase() : word;
      if (!mayBeNumberWord(folded) && folded !== 'per') {
        out.push({ norm: folded, start, end, num: false });
        continue;
      }
    }
    const percent = word.endsWith('%');
    const bare = percent ? word.slice(0, -1) : word;
    const folded = foldWord(bare);
    // Figures, with an optional scale word after them ("4.2 million").
    const fig = figureValue(bare);
    if (fig !== undefined) {
      let value = fig;
      const next = has(raw, i + 1) ? i + 1 : -1;
      const scale = next >= 0 && !percent ? SCALES[foldWord(raw.word[next])] : undefined;
      // (Not when the product overflows: a figure of 300 digits and "million" stay two tokens.)
      if (scale && scale >= 1000 && Number.isFinite(value * scale) && /^(million|billion|thousand|m|bn|mn)$/i.test(raw.word[next]) && isAdjacent(text, end, raw.start[next])) {
        value *= scale;
        end = raw.end[next];
        i++;
      }
      out.push({ norm: numberNorm(value), start, end: percent ? end - 1 : end, num: true });
      if (percent) out.push({ norm: 'percent', start: end - 1, end, num: false });
      continue;
    }
    // Numbers in words: "six hundred", "four thousand two hundred and ten".
    const first = wordValue(folded);
    if (first !== undefined && !(folded === 'one' && !startsNumberPhrase(raw, i))) {
      let total = 0;
      let current = first;
      let j = i + 1;
      let lastEnd = end;
      for (; has(raw, j); j++) {
        const w = foldWord(raw.word[j]);
        if (!isAdjacent(text, lastEnd, raw.start[j])) break;
        const u = wordValue(w);
        const s = SCALES[w];
        if (u !== undefined && canAppend(current, total, u)) {
          current += u;
        } else if (s && s >= 100 && w.length > 1) {
          if (s === 100) current *= 100;
          else {
            total += current * s;
            current = 0;
          }
        } else if (w === 'and' && has(raw, j + 1) && wordValue(foldWord(raw.word[j + 1])) !== undefined && (current >= 100 || total > 0)) {
          lastEnd = raw.end[j];
          continue;
        } else break;
        lastEnd = raw.end[j];
      }
      out.push({ norm: numberNorm(total + current), start, end: lastEnd, num: true });
      i = j - 1;
      continue;
    }
    if (folded === 'per' && has(raw, i + 1) && foldWord(raw.word[i + 1]) === 'cent') {
      out.push({ norm: 'percent', start, end: raw.end[i + 1], num: false });
      i++;
      continue;
    }
    if (folded) out.push({ norm: folded, start, end: percent ? end - 1 : end, num: false });
    if (percent) out.push({ norm: 'percent', start: end - 1, end, num: false });
  }
  return out;
}

/** Whether a number word continues the phrase: "thousand two", "hundred and ten", "twenty five". */
function canAppend(current: number, total: number, u: number): boolean {
  if (current === 0) return total > 0;
  if (current % 100 === 0) return u < 100;
  return current % 100 >= 20 && current % 10 === 0 && u < 10;
}

/** "one" is a number only when a scale follows ("one hundred"); alone it is often a pronoun. */
function startsNumberPhrase(raw: Words, i: number): boolean {
  return has(raw, i + 1) && (SCALES[foldWord(raw.word[i + 1])] ?? 0) >= 100;
}

/** Two words are one phrase when only spaces (no punctuation) stand between them. */
function isAdjacent(text: string, end: number, nextStart: number): boolean {
  return /^[\s-]*$/.test(text.slice(end, nextStart));
}
