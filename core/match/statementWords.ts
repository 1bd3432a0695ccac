import type { SearchData } from '../types';
import type { Token } from '../text/tokens';
import type { TermLists } from './retrieval';
import { forEachHolder, sentenceStarts } from '../index/wordStreams';
import { wordOfKey } from '../index/searchData';

/**
 * Every statement's words as numbers, read on load from the index's word streams (and the
 * statements by content term, for retrieval): a query compares a statement by reading a slice
 * of one typed array, never by tokenising its text (which cost more than everything else a
 * query did).
 *
 * Word numbers are positions in `words` (folded; a number as "#" and its value).
 */
export class StatementWords {
  readonly words: readonly string[];
  readonly terms: readonly string[];
  /** Each word's content term (a position in `terms`), or -1. */
  readonly wordTerm: Int32Array;
  /** All statements' words, one after the other; statement d's are [start[d], start[d + 1]). */
  readonly tokens: Int32Array;
  readonly start: Int32Array;
  /** The statements holding each term, for retrieval: a list, or bits for a term held by many. */
  readonly lists: TermLists;
  private readonly streams: string;
  private readonly streamStart: Int32Array;
  private readonly numbers = new Map<string, number>();
  /** One token a word, made when first asked for (see tokensOf); filled with null, not left with holes (a sparse array is a slow dictionary). */
  private readonly shared: (Token | null)[];

  constructor(search: SearchData) {
    this.words = search.file.words;
    this.terms = search.file.terms;
    this.wordTerm = search.wordTerms;
    this.tokens = search.tokens;
    this.start = search.start;
    this.streams = search.file.streams;
    this.streamStart = search.streamStart;
    this.words.forEach((w, i) => this.numbers.set(w, i));
    this.shared = new Array<Token | null>(this.words.length).fill(null);
    this.lists = termLists(search);
  }

  /** Where statement `doc`'s sentences begin, as positions of its words (its first not listed). */
  sentenceStarts(doc: number): number[] {
    return sentenceStarts(this.streams, this.streamStart[doc], this.streamStart[doc + 1] - 1);
  }

  /** The number of a folded word ("#" and the value for a number), or -1: no statement uses it. */
  numberOf(key: string): number {
    return this.numbers.get(key) ?? -1;
  }

  /**
   * Statement `doc`'s words as tokens without a place in its text (start and end 0), one shared
   * object a word: enough to judge a reading (what matched, what was edited, what is a content
   * word), not to show it. A reading worth showing is read again from the tokenised text.
   * With `wanted`, the first that many only.
   */
  tokensOf(doc: number, wanted = Infinity): Token[] {
    const out: Token[] = [];
    const end = Math.min(this.start[doc + 1], this.start[doc] + wanted);
    for (let k = this.start[doc]; k < end; k++) out.push(this.tokenOf(this.tokens[k]));
    return out;
  }

  /** Word `w` as a token without a place (see tokensOf). */
  tokenOf(w: number): Token {
    let t = this.shared[w];
    if (!t) {
      const { norm, num } = wordOfKey(this.words[w]);
      this.shared[w] = t = { norm, start: 0, end: 0, num };
    }
    return t;
  }
}

/** The index's term lists: a sparse term's list as loaded; a dense term's bits as loaded, and its list made from them when asked (rarely: only when a passage has few rarer terms). */
function termLists(search: SearchData): TermLists {
  const { postings, postingStart, bits, denseAt, start } = search;
  const counts = search.file.termCounts;
  const W = (start.length - 1 + 31) >>> 5;
  const made = new Map<number, Int32Array>();
  return {
    count: (t) => counts[t],
    bits: (t) => (denseAt[t] >= 0 ? bits.subarray(denseAt[t] * W, (denseAt[t] + 1) * W) : null),
    list(t) {
      if (denseAt[t] < 0) return postings.subarray(postingStart[t], postingStart[t + 1]);
      const kept = made.get(t);
      if (kept) return kept;
      const list = new Int32Array(counts[t]);
      let n = 0;
      forEachHolder(search, t, (d) => (list[n++] = d));
      made.set(t, list);
      return list;
    },
  };
}
