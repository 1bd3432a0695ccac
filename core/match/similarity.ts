import type { Token } from '../text/tokens';
import { stem } from '../text/terms';

/**
 * Whether a word of the page and a word of the original are the same word:
 * `same` after folding; `fuzzy` for a spelling variant or a plain typo (analyse /
 * analyze, anonymus / anonymous), or a word cut by the edge of the selection;
 * `different` otherwise. Numbers are never fuzzy: 400 and 4,000 differ.
 */
export type Sameness = 'same' | 'fuzzy' | 'different';

export type CompareWords = (q: Token, s: Token, first: boolean, last: boolean) => Sameness;

/** A comparer for one index: `known` tells the words its statements use. */
export function wordComparer(known: (word: string) => boolean): CompareWords {
  const cache = new Map<string, Sameness>();
  return (q, s, first, last) => sameWord(q, s, first, last, known, cache);
}

function sameWord(q: Token, s: Token, first: boolean, last: boolean, known: (word: string) => boolean, cache: Map<string, Sameness>): Sameness {
  if (q.norm === s.norm) return q.num === s.num ? 'same' : 'different';
  if (q.num || s.num) return 'different';
  // A selection that starts or ends inside a word: "ere has been", "child sexual ab".
  if (first && q.norm.length >= 2 && s.norm.endsWith(q.norm)) return 'fuzzy';
  if (last && q.norm.length >= 2 && s.norm.startsWith(q.norm)) return 'fuzzy';
  const a = q.norm;
  const b = s.norm;
  if (a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 2) return 'different';
  // Typos and spelling variants keep the first or second letter: most pairs end here, before the cache.
  if (a.charCodeAt(0) !== b.charCodeAt(0) && a.charCodeAt(1) !== b.charCodeAt(1)) return 'different';
  const key = a + '\u0001' + b;
  let v = cache.get(key);
  if (v === undefined) {
    // A typo is a word nobody in the index uses; a real word one letter away
    // ("worse" for "worst") is a changed word.
    // Nor is another form of the same word ("street" / "streets"): that changes what was said.
    const typo = a.length >= 5 && !known(a) && stem(a) !== stem(b) && typoDistance(a, b, a.length >= 8 ? 2 : 1);
    v = typo || spellingVariant(a, b) ? 'fuzzy' : 'different';
    if (cache.size > 50_000) cache.clear();
    cache.set(key, v);
  }
  return v;
}

/** British and American spellings of the same word. */
function spellingVariant(a: string, b: string): boolean {
  const f = (w: string) => w.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1').replace(/our/g, 'or').replace(/tre$/, 'ter').replace(/ll(ed|ing)$/, 'l$1');
  return f(a) === f(b);
}

/** Whether the optimal-string-alignment distance (transpositions count once) is within `max`. */
export function typoDistance(a: string, b: string, max: number): boolean {
  if (a[0] !== b[0] && a[1] !== b[1]) return false;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m] <= max;
}
