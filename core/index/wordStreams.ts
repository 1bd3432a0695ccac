/**
 * A statement's words as a short string of word numbers: the form the index file keeps them in,
 * so that a query never tokenises a statement to compare it (see core/DESIGN.md, "Word streams").
 *
 * Each word is its position in the index's word list (most frequent first, so most words take
 * one character), written in printable ASCII that JSON never escapes: '#' (35) to '~' (126)
 * without '\\', 91 digits. A digit below 64 ends a number (its last 64 values); a digit from
 * 64 carries 27 more values ahead of it (most significant first). A space before a word marks
 * that it begins a sentence (a full stop, ! ? ; or a line break stands between it and the last).
 */

import type { DecodedSearch } from '../types';

const FIRST = 35;
const BACKSLASH = 92;
const FINAL = 64;
const CARRY = 27;
const SENTENCE = 32;

/** The character of each digit. */
const DIGIT: number[] = [];
for (let c = FIRST; c <= 126; c++) if (c !== BACKSLASH) DIGIT.push(c);

/** Writes one statement: its word numbers, and which of them begin a sentence. */
export function encodeStream(words: ArrayLike<number>, sentenceStart: ArrayLike<boolean | number>): string {
  const out: number[] = [];
  for (let k = 0; k < words.length; k++) {
    if (sentenceStart[k] && k > 0) out.push(SENTENCE);
    let rest = Math.floor(words[k] / FINAL);
    const carried: number[] = [];
    while (rest > 0) {
      carried.push(DIGIT[FINAL + (rest % CARRY)]);
      rest = Math.floor(rest / CARRY);
    }
    for (let j = carried.length - 1; j >= 0; j--) out.push(carried[j]);
    out.push(DIGIT[words[k] % FINAL]);
  }
  return String.fromCharCode(...out);
}

/**
 * The positions of a stream's words that begin a sentence (its first word is not listed), read
 * from the stream itself: only a paraphrase check asks, of a few statements a query, so loading
 * does not keep them for every word.
 */
export function sentenceStarts(stream: string): number[] {
  const out: number[] = [];
  let words = 0;
  for (let k = 0; k < stream.length; k++) {
    const c = stream.charCodeAt(k);
    if (c === SENTENCE) out.push(words);
    else if ((c < BACKSLASH ? c - FIRST : c - FIRST - 1) < FINAL) words++;
  }
  return out;
}

/** A term held by this share of the statements or more is kept as bits (one bit a statement takes less room than a list). */
export function isDense(count: number, statements: number): boolean {
  return count * 32 >= statements && count > 0;
}

/**
 * Reads every statement's stream and files each statement under its content terms, in one pass
 * over the characters (it is most of the load): `wordTerms` gives each word's term, and
 * `termCounts` how many statements hold each term, so that every list has its place before the
 * pass. Everything is checked as it goes; a damaged section gives what is wrong, as text:
 * a stream that is not text, a character outside the code, a number left open or written with
 * a leading zero, a word number not below the word count, a space not before a word, or
 * counts that disagree with the streams.
 */
export function readStreams(streams: readonly unknown[], words: number, wordTerms: Int32Array, termCounts: readonly unknown[], wordCount: unknown): DecodedSearch | string {
  let chars = 0;
  for (let d = 0; d < streams.length; d++) {
    const s = streams[d];
    if (typeof s !== 'string') return `statement ${d}'s words are not word numbers`;
    chars += s.length;
  }
  // (A word takes a character at least.)
  if (typeof wordCount !== 'number' || !Number.isInteger(wordCount) || wordCount < 0 || wordCount > chars) return 'its word count is not the number of words of the streams';
  const T = termCounts.length;
  const N = streams.length;
  const W = (N + 31) >>> 5;
  const postingStart = new Int32Array(T + 1);
  const denseAt = new Int32Array(T).fill(-1);
  let dense = 0;
  let total = 0;
  for (let t = 0; t < T; t++) {
    const n = termCounts[t];
    // (A statement holds a term once, with a word: no term is held more often than there are words, or statements.)
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > N || (total += n) > chars) return `term ${t}'s statement count is not a count of its statements`;
    if (isDense(n, N)) denseAt[t] = dense++;
    postingStart[t + 1] = postingStart[t] + (denseAt[t] >= 0 ? 0 : n);
  }
  const bits = new Uint32Array(dense * W);
  const held = new Int32Array(T);
  const counts = Int32Array.from(termCounts as number[]);
  // Made to its length: fresh memory costs a page fault a page, and a copy to trim it costs as much again.
  const tokens = new Int32Array(wordCount);
  const start = new Int32Array(streams.length + 1);
  const postings = new Int32Array(postingStart[T]);
  const fill = postingStart.slice(0, T);
  const last = new Int32Array(T).fill(-1);
  let at = 0;
  for (let d = 0; d < streams.length; d++) {
    const s = streams[d] as string;
    const first = at;
    let value = 0;
    let open = false;
    let spaced = 0;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c === SENTENCE) {
        if (open || spaced || at === first) return `statement ${d}'s words are not word numbers`;
        spaced = 1;
        continue;
      }
      if (c < FIRST || c > 126 || c === BACKSLASH) return `statement ${d}'s words are not word numbers`;
      const v = c < BACKSLASH ? c - FIRST : c - FIRST - 1;
      if (v >= FINAL) {
        // A leading zero would let one number be written two ways.
        if (!open && v === FINAL) return `statement ${d}'s words are not word numbers`;
        value = value * CARRY + (v - FINAL);
        if (value * FINAL >= words) return `statement ${d}'s words are not word numbers`;
        open = true;
        continue;
      }
      value = value * FINAL + v;
      if (value >= words) return `statement ${d}'s words are not word numbers`;
      if (at === wordCount) return 'its word count is not the number of words of the streams';
      tokens[at++] = value;
      const t = wordTerms[value];
      if (t >= 0 && last[t] !== d) {
        last[t] = d;
        if (++held[t] > counts[t]) return `term ${t}'s statement count is not a count of its statements`;
        const b = denseAt[t];
        if (b >= 0) bits[b * W + (d >>> 5)] |= 1 << (d & 31);
        else postings[fill[t]++] = d;
      }
      value = 0;
      open = false;
      spaced = 0;
    }
    if (open || spaced) return `statement ${d}'s words are not word numbers`;
    start[d + 1] = at;
  }
  for (let t = 0; t < T; t++) if (held[t] !== counts[t]) return `term ${t}'s statement count is not a count of its statements`;
  if (at !== wordCount) return 'its word count is not the number of words of the streams';
  return { tokens, start, postings, postingStart, bits, denseAt };
}
