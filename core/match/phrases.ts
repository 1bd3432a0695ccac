import type { Token } from '../text/tokens';
import { isStopword } from '../text/terms';

/**
 * A second ranking of retrieved statements, by the passage's word pairs they hold as written.
 *
 * Retrieval weighs terms, not their order. Where statements are built from shared phrasing
 * (the stock sentences a force repeats across releases and speakers) many hold every term of
 * a passage, and only the order of its words tells the source from its siblings. This is a
 * ranking signal only, read from the statement's text in lower case without tokenising it:
 * the alignment still decides every verdict.
 */

/** Word pairs read from the passage, at most this many, spread over its length (the rest cost more than they tell). */
export const MAX_PAIRS = 8;

/**
 * Adjacent pairs of plain words (letters only, written as they fold: no apostrophe or hyphen
 * the statement's text would still hold), at least one a content word: "street crime".
 */
export function passagePairs(words: readonly Token[]): string[] {
  const pairs: string[] = [];
  const plain = (t: Token) => PLAIN.test(t.norm) && t.end - t.start === t.norm.length;
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i];
    const b = words[i + 1];
    if (!plain(a) || !plain(b) || (isStopword(a.norm) && isStopword(b.norm))) continue;
    pairs.push(`${a.norm} ${b.norm}`);
  }
  if (pairs.length <= MAX_PAIRS) return pairs;
  const step = pairs.length / MAX_PAIRS;
  return Array.from({ length: MAX_PAIRS }, (_, k) => pairs[Math.floor(k * step)]);
}

const PLAIN = /^[a-z]+$/;

/**
 * The candidates reordered: more pairs held first, then the retrieval's own order (weight of
 * shared terms, then the earlier statement). Stable, so with no pairs nothing moves.
 */
export function byPhrases<C extends { doc: number }>(pairs: readonly string[], candidates: readonly C[], textOf: (doc: number) => string): C[] {
  if (pairs.length === 0) return [...candidates];
  const held = candidates.map((c) => {
    const text = textOf(c.doc).toLowerCase();
    let n = 0;
    for (const p of pairs) if (text.includes(p)) n++;
    return n;
  });
  return candidates.map((c, i) => ({ c, i })).sort((x, y) => held[y.i] - held[x.i] || x.i - y.i).map((x) => x.c);
}
