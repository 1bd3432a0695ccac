/**
 * A statement's words as a short string of word numbers: the form the index file keeps them in,
 * so that a query never tokenises a statement to compare it (see core/DESIGN.md, "Word streams").
 *
 * Each word is its position in the index's word list (most frequent first, so most words take
 * one character), written in printable ASCII: '#' (35) to '~' (126) without '\\', 91 digits.
 * A digit below 64 ends a number (its last 64 values); a digit from 64 carries 27 more values
 * ahead of it (most significant first). A space before a word marks that it begins a sentence
 * (a full stop, ! ? ; or a line break stands between it and the last). The index file keeps
 * all statements' streams in one block, each ended by a line break.
 */

import type { DecodedSearch } from '../types';
import { bitCount } from '../text/bits';

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
  // In pieces: spreading a statement of a hundred thousand words into one call overflows the stack.
  let text = '';
  for (let i = 0; i < out.length; i += 8192) text += String.fromCharCode(...out.slice(i, i + 8192));
  return text;
}

/** What ends each statement's stream in the block of all of them (a character the code never uses). */
export const STREAM_END = 10;

/** The block of all statements' streams, each ended by a line break, as the index file keeps it after the texts. */
export function streamBlock(streams: readonly string[]): string {
  return streams.map((s) => s + '\n').join('');
}

/**
 * The positions of a stream's words that begin a sentence (its first word is not listed), read
 * from the stream itself, `block[from, to)`: only a paraphrase check asks, of a few statements
 * a query, so loading does not keep them for every word.
 */
export function sentenceStarts(block: string, from = 0, to = block.length): number[] {
  const out: number[] = [];
  let words = 0;
  for (let k = from; k < to; k++) {
    const c = block.charCodeAt(k);
    if (c === SENTENCE) out.push(words);
    else if ((c < BACKSLASH ? c - FIRST : c - FIRST - 1) < FINAL) words++;
  }
  return out;
}

/** Calls `visit` with each statement holding term t, in order: from its list, or from its bits for a dense term. */
export function forEachHolder(search: DecodedSearch, t: number, visit: (statement: number) => void): void {
  const at = search.denseAt[t];
  if (at < 0) {
    for (let k = search.postingStart[t]; k < search.postingStart[t + 1]; k++) visit(search.postings[k]);
    return;
  }
  const W = (search.start.length - 1 + 31) >>> 5;
  for (let w = 0; w < W; w++) for (let x = search.bits[at * W + w]; x !== 0; x &= x - 1) visit(w * 32 + (31 - Math.clz32(x & -x)));
}

/** A term held by this share of the statements or more is kept as bits (one bit a statement takes less room than a list). */
export function isDense(count: number, statements: number): boolean {
  return count * 32 >= statements && count > 0;
}

/**
 * Reads the block of every statement's stream (`streamBlock`) and files each statement under
 * its content terms, in one pass over the characters (it is most of the load): `wordTerms`
 * gives each word's term, and `termCounts` how many statements hold each term, so that every
 * list has its place before the pass. Everything is checked; a damaged section gives what is
 * wrong, as text: not one stream a statement, a character outside the code, a number left
 * open or written with a leading zero, a word number not below the word count, a space not
 * before a word, or counts that disagree with the streams. (The checks that cannot fail on a
 * sound file are made once, after the pass, where they cost nothing a word: a list that
 * overflows its place, or a word past the word count, is caught then, before anything is used.)
 */
export function readStreams(block: unknown, statements: number, words: number, wordTerms: Int32Array, termCounts: readonly unknown[], wordCount: unknown): DecodedSearch | string {
  if (typeof block !== 'string') return 'its word streams are not text';
  // (A word takes a character at least.)
  if (typeof wordCount !== 'number' || !Number.isInteger(wordCount) || wordCount < 0 || wordCount > block.length) return 'its word count is not the number of words of the streams';
  const T = termCounts.length;
  const N = statements;
  const W = (N + 31) >>> 5;
  const postingStart = new Int32Array(T + 1);
  const denseAt = new Int32Array(T).fill(-1);
  // Per term, side by side so that filing a word reads one place, not several arrays: the last
  // statement filed under it, and where its next statement goes (a place in `postings`, or for
  // a dense term ~ its row of `bits`).
  const state = new Int32Array(2 * T);
  let dense = 0;
  let total = 0;
  for (let t = 0; t < T; t++) {
    const n = termCounts[t];
    // (A statement holds a term once, with a word: no term is held more often than there are words, or statements.)
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > N || (total += n) > block.length) return `term ${t}'s statement count is not a count of its statements`;
    if (isDense(n, N)) denseAt[t] = dense++;
    postingStart[t + 1] = postingStart[t] + (denseAt[t] >= 0 ? 0 : n);
    state[2 * t] = -1;
    state[2 * t + 1] = denseAt[t] >= 0 ? ~(denseAt[t] * W) : postingStart[t];
  }
  const bits = new Uint32Array(dense * W);
  // Made to its length: fresh memory costs a page fault a page, and a copy to trim it costs as much again.
  const tokens = new Int32Array(wordCount);
  const start = new Int32Array(N + 1);
  const streamStart = new Int32Array(N + 1);
  const postings = new Int32Array(postingStart[T]);
  const bad = (d: number) => `statement ${d}'s words are not word numbers`;
  let at = 0;
  let k = 0;
  const end = block.length;
  for (let d = 0; d < N; d++) {
    const first = at;
    const word = d >>> 5;
    const bit = 1 << (d & 31);
    let value = 0;
    let open = false;
    let spaced = false;
    for (;;) {
      if (k === end) return `its word streams are fewer than its ${N} statements`;
      const c = block.charCodeAt(k++);
      if (c === STREAM_END) break;
      if (c === SENTENCE) {
        if (open || spaced || at === first) return bad(d);
        spaced = true;
        continue;
      }
      if (c < FIRST || c > 126 || c === BACKSLASH) return bad(d);
      const v = c < BACKSLASH ? c - FIRST : c - FIRST - 1;
      if (v >= FINAL) {
        // A leading zero would let one number be written two ways.
        if (!open && v === FINAL) return bad(d);
        value = value * CARRY + (v - FINAL);
        if (value * FINAL >= words) return bad(d);
        open = true;
        continue;
      }
      value = value * FINAL + v;
      if (value >= words) return bad(d);
      tokens[at++] = value; // (past wordCount, a typed array drops the write; caught below)
      const t = wordTerms[value];
      if (t >= 0) {
        const place = state[2 * t + 1];
        // A dense term's bit is set however often; a listed term is listed once a statement.
        if (place < 0) bits[~place + word] |= bit;
        else if (state[2 * t] !== d) {
          state[2 * t] = d;
          postings[place] = d;
          state[2 * t + 1] = place + 1;
        }
      }
      value = 0;
      open = false;
      spaced = false;
    }
    if (open || spaced) return bad(d);
    start[d + 1] = at;
    streamStart[d + 1] = k;
  }
  if (k !== end) return `its word streams are more than its ${N} statements`;
  if (at !== wordCount) return 'its word count is not the number of words of the streams';
  for (let t = 0; t < T; t++) {
    const b = denseAt[t];
    let held = 0;
    if (b >= 0) for (let w = b * W; w < (b + 1) * W; w++) held += bitCount(bits[w]);
    else held = state[2 * t + 1] - postingStart[t];
    if (held !== termCounts[t]) return `term ${t}'s statement count is not a count of its statements`;
  }
  return { tokens, start, streamStart, postings, postingStart, bits, denseAt };
}
