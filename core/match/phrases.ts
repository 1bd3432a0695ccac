import type { Token } from '../text/tokens';
import { isStopword } from '../text/terms';
import { wordKey } from '../index/searchData';
import type { StatementWords } from './statementWords';
import { bitCount } from '../text/bits';

/**
 * A second ranking of retrieved statements, by the passage's word pairs they hold as written.
 *
 * Retrieval weighs terms, not their order. Where statements are built from shared phrasing
 * (the stock sentences a force repeats across releases and speakers) many hold every term of
 * a passage, and only the order of its words tells the source from its siblings. This is a
 * ranking signal only, read from the statements' word numbers (statementWords.ts): the
 * alignment still decides every verdict.
 */

/** Word pairs read from the passage, at most this many, spread over its length (the rest cost more than they tell). */
export const MAX_PAIRS = 8;

/** A pair of adjacent words, as word numbers of the index. */
export type Pair = readonly [number, number];

/**
 * Adjacent pairs of words, at least one a content word ("street crime"), as the index numbers
 * them. A pair holding a word no statement uses cannot be held by any, and is left out.
 */
export function passagePairs(words: readonly Token[], numberOf: (key: string) => number): Pair[] {
  const pairs: Pair[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i];
    const b = words[i + 1];
    if (!a.num && !b.num && isStopword(a.norm) && isStopword(b.norm)) continue;
    const x = numberOf(wordKey(a));
    const y = numberOf(wordKey(b));
    if (x >= 0 && y >= 0) pairs.push([x, y]);
  }
  if (pairs.length <= MAX_PAIRS) return pairs;
  const step = pairs.length / MAX_PAIRS;
  return Array.from({ length: MAX_PAIRS }, (_, k) => pairs[Math.floor(k * step)]);
}

/**
 * Counts the pairs each statement holds. Each pair is a bit: `first[w]` has the bits of the
 * pairs beginning with word w, `second[w]` of those ending with it, so that one AND a word
 * tells which pairs end there. The two tables are kept between queries (and cleared after each).
 */
export class PairCounter {
  private readonly first: Uint8Array;
  private readonly second: Uint8Array;
  constructor(private readonly words: StatementWords) {
    this.first = new Uint8Array(words.words.length);
    this.second = new Uint8Array(words.words.length);
  }

  /** For each statement, how many of the pairs (MAX_PAIRS at most) it holds. */
  held(pairs: readonly Pair[], docs: readonly number[]): number[] {
    const { first, second } = this;
    const { tokens, start } = this.words;
    // (A plain array: a typed one this size is made off V8's heap, slowly, every query.)
    const out = new Array<number>(docs.length).fill(0);
    pairs.slice(0, MAX_PAIRS).forEach(([a, b], bit) => {
      first[a] |= 1 << bit;
      second[b] |= 1 << bit;
    });
    docs.forEach((d, i) => {
      let held = 0;
      for (let k = start[d] + 1; k < start[d + 1]; k++) held |= first[tokens[k - 1]] & second[tokens[k]];
      out[i] = bitCount(held);
    });
    for (const [a, b] of pairs) first[a] = second[b] = 0;
    return out;
  }
}

/**
 * The candidates reordered: more pairs held first, then the retrieval's own order (weight of
 * shared terms, then the earlier statement). Stable, so with no pairs nothing moves.
 */
export function byPhrases<C extends { doc: number }>(pairs: readonly Pair[], candidates: readonly C[], counter: PairCounter): C[] {
  if (pairs.length === 0) return [...candidates];
  const held = counter.held(pairs, candidates.map((c) => c.doc));
  return candidates.map((c, i) => ({ c, i })).sort((x, y) => held[y.i] - held[x.i] || x.i - y.i).map((x) => x.c);
}
