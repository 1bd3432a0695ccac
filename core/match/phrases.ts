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
  const held = pairsHeld(pairs, candidates.map((c) => textOf(c.doc)));
  return candidates.map((c, i) => ({ c, i })).sort((x, y) => held[y.i] - held[x.i] || x.i - y.i).map((x) => x.c);
}

/**
 * For each text, how many of the pairs it holds in lower case. The texts are searched as one
 * (joined by line breaks, which no pair holds): a search has a cost of its own besides the
 * length it reads, and one per pair costs less than one per pair and text.
 */
export function pairsHeld(pairs: readonly string[], texts: readonly string[]): Int32Array {
  const starts = new Int32Array(texts.length + 1);
  for (let t = 0; t < texts.length; t++) starts[t + 1] = starts[t] + texts[t].length + 1;
  const all = texts.join('\n').toLowerCase();
  const held = new Int32Array(texts.length);
  // toLowerCase keeps the length (but for İ, which becomes two characters): else, text by text.
  if (all.length !== starts[texts.length] - 1) {
    texts.forEach((t, i) => (held[i] = pairs.filter((p) => t.toLowerCase().includes(p)).length));
    return held;
  }
  for (const p of pairs) {
    let t = 0;
    for (let at = all.indexOf(p); at >= 0; at = all.indexOf(p, starts[t])) {
      while (starts[t + 1] <= at) t++;
      held[t]++;
      t++; // once per text
    }
  }
  return held;
}
