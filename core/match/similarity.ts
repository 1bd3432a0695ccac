import type { Token } from '../text/tokens';
import { stem } from '../text/terms';
import { isFigure, ordinalValue } from '../text/figures';

/**
 * Whether a word of the page and a word of the original are the same word:
 * `same` after folding; `fuzzy` for a spelling variant or a plain typo (analyse /
 * analyze, anonymus / anonymous), or a word cut by the edge of the selection;
 * `different` otherwise. Numbers are never fuzzy: 400 and 4,000 differ.
 */
export type Sameness = 'same' | 'fuzzy' | 'different';

/** What the comparison reads of a word: its folded form, and whether it is a number. */
export type Word = Pick<Token, 'norm' | 'num'>;

/** How a word of the original compares with one given word of the page. */
export type SameAs = (s: Word) => Sameness;

/**
 * A comparer for one word of the page (asked about many words of the original, so what
 * depends on the page's word alone is worked out once). `first` / `last`: the word begins
 * or ends the selection, where it may be cut. `known` tells the words the index's statements
 * use: a typo is a word nobody in the index uses; a real word one letter away ("worse" for
 * "worst") is a changed word.
 */
export function comparePageWord(q: Token, first: boolean, last: boolean, known: (word: string) => boolean): SameAs {
  const a = q.norm;
  const typo = mayBeTypo(q, known);
  const figure = isFigure(q);
  const ordinal = ordinalValue(a);
  const variantOfA = q.num || a.length < 4 ? '' : variantForm(a);
  return (s) => {
    const b = s.norm;
    if (a === b) return q.num === s.num ? 'same' : 'different';
    // A figure is never a typo: "30-year" is not "40-year", "third" is not "fifth". The same
    // ordinal in words and in figures ("eleventh", "11th") is the same figure written otherwise.
    if (figure || isFigure(s)) return ordinal !== undefined && ordinal === ordinalValue(b) ? 'fuzzy' : 'different';
    // A selection that starts or ends inside a word: "ere has been", "child sexual ab".
    if (first && a.length >= 2 && b.endsWith(a)) return 'fuzzy';
    if (last && a.length >= 2 && b.startsWith(a)) return 'fuzzy';
    if (a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 2) return 'different';
    // Typos and spelling variants keep the first or second letter.
    if (a.charCodeAt(0) !== b.charCodeAt(0) && a.charCodeAt(1) !== b.charCodeAt(1)) return 'different';
    // Nor is another form of the same word ("street" / "streets") a typo: that changes what was said.
    if (typo && typoDistance(a, b, a.length >= 8 ? 2 : 1) && stem(a) !== stem(b)) return 'fuzzy';
    return variantOfA === variantForm(b) ? 'fuzzy' : 'different';
  };
}

/** Whether a word of the page may be a typo of another: a word of five letters or more that no statement uses. */
export function mayBeTypo(q: Word, known: (word: string) => boolean): boolean {
  return !q.num && q.norm.length >= 5 && !known(q.norm);
}

const variants = new Map<string, string>();

/**
 * A word with British and American spellings brought to one form (analyse / analyze, colour / color).
 * Words of four letters or more whose forms are equal (and that differ by two letters at most,
 * sharing the first or second) are variants of each other.
 */
export function variantForm(w: string): string {
  let v = variants.get(w);
  if (v === undefined) {
    // (Each rule is tried only on a word it could change: most words meet no rule, and four
    // regular expressions on every new word a query met cost more than the rest of relating it.)
    v = w;
    if (v.includes('is')) v = v.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1');
    if (v.includes('our')) v = v.replace(/our/g, 'or');
    if (v.endsWith('tre')) v = v.replace(/tre$/, 'ter');
    if (v.includes('ll')) v = v.replace(/ll(ed|ing)$/, 'l$1');
    if (variants.size > 50_000) variants.clear();
    variants.set(w, v);
  }
  return v;
}

// Three rows of the distance table, kept between calls (a query asks thousands).
let rows = new Int32Array(3 * 64);

/** Whether the optimal-string-alignment distance (transpositions count once) is within `max`. */
export function typoDistance(a: string, b: string, max: number): boolean {
  if (a[0] !== b[0] && a[1] !== b[1]) return false;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return false;
  const W = m + 1;
  if (rows.length < 3 * W) rows = new Int32Array(6 * W);
  // Row i - 2, i - 1 and i, turning round.
  let prev2 = 0;
  let prev = W;
  let cur = 2 * W;
  for (let j = 0; j <= m; j++) rows[prev + j] = j;
  for (let i = 1; i <= n; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(rows[prev + j] + 1, rows[cur + j - 1] + 1, rows[prev + j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, rows[prev2 + j - 2] + 1);
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return rows[prev + m] <= max;
}
