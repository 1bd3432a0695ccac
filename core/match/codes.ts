import type { Token } from '../text/tokens';
import type { Passage } from './passage';
import { wordsOf } from './passage';
import { comparePageWord, mayBeTypo, variantForm, type Word } from './similarity';
import type { StatementWords } from './statementWords';
import { wordKey } from '../index/searchData';
import { bitCount } from '../text/bits';
import { ordinalValue } from '../text/figures';

/**
 * A passage compiled once per query for the word alignment: its words as small integers,
 * what stands between them (an elision, a bracket, a sentence edge), and how each word of a
 * statement relates to them. Whether two different words are the same word (a spelling
 * variant, a typo, a word cut by the selection) is asked once for each distinct statement
 * word a query meets, not once for each cell of each alignment.
 */
export interface CompiledPassage {
  passage: Passage;
  words: readonly Token[];
  /** For each passage position, the id of its word (equal words, equal ids). */
  ids: Int32Array;
  /** What stands before passage word i (0..n): statement words may be skipped there freely (a gap) or cheaply (a bracket). */
  skipBefore: ('gap' | 'bracket' | null)[];
  /** sentenceStart[i]: passage word i (0-based) starts a sentence; sentenceEnd[i]: word i - 1 ends one (so framing may stop there). */
  sentenceStart: boolean[];
  sentenceEnd: boolean[];
  /** For each word id, the passage positions holding it. */
  positions: number[][];
  /** The passage holds an elision or a bracket. */
  marked: boolean;
  /** The alignment may leave sentences at the passage's ends out as framing (align.ts): not when quoted, nor with no sentence edge inside. */
  mayFrame: boolean;
  /** For each word id, its positions as bits, for matchedAtMost; null for a passage longer than LCS_WORDS. */
  positionBits: Int32Array | null;
  /** A statement's words in terms of this passage's. */
  encode(statement: readonly Token[]): StatementCodes;
  /** The same, from the index's word numbers (statementWords.ts): statement `doc` of `words`. Valid until the next call. */
  encodeWords(words: StatementWords, doc: number): StatementCodes;
  /** Which of the passage's word ids the statement holds (1) or not (0); valid until the next call. */
  present(s: StatementCodes): Uint8Array;
}

export interface StatementCodes {
  /** For each statement word, the id of the passage word it equals, or -1 (its length is the statement's). */
  ids: Int32Array;
  /** For each statement word, the passage positions where it is the same word spelt otherwise (null: none); may run past the statement's length. */
  fuzzy: (Uint8Array | null)[];
}

const NONE: number[] = [];

/**
 * What each word of the index's list is to the current passage, kept between queries (one
 * slot a word, valid while its stamp is the query's): a statement's words are then related
 * by reading an array, and the relation of each distinct word is still worked out once.
 */
export class WordRelations {
  private stamp = 0;
  readonly stamps: Int32Array;
  readonly ids: Int32Array;
  readonly fuzzy: (Uint8Array | null)[];
  /** Each word's variant form (similarity.ts), worked out once (null: not yet; no holes, which would make a slow dictionary of it). */
  private readonly variants: (string | null)[];
  constructor(readonly words: StatementWords) {
    const n = words.words.length;
    this.stamps = new Int32Array(n);
    this.ids = new Int32Array(n);
    this.fuzzy = new Array(n).fill(null);
    this.variants = new Array<string | null>(n).fill(null);
  }
  // The codes of the statement being judged (encodeWords), kept between statements and queries:
  // a typed array made for each would cost more than filling it (most are too large for V8 to
  // make on its own heap).
  private codeIds = new Int32Array(256);
  private readonly codeFuzzy: (Uint8Array | null)[] = new Array<Uint8Array | null>(256).fill(null);
  /** Room for a statement of m words: `ids` exactly m long, `fuzzy` at least (only its first m count). */
  codes(m: number): StatementCodes {
    if (this.codeIds.length < m) this.codeIds = new Int32Array(2 * m);
    while (this.codeFuzzy.length < m) this.codeFuzzy.push(null);
    return { ids: this.codeIds.subarray(0, m), fuzzy: this.codeFuzzy };
  }
  /** A new query: every slot is stale. */
  next(): number {
    return ++this.stamp;
  }
  variantOf(word: number): string {
    return (this.variants[word] ??= variantForm(this.words.words[word]));
  }
}

/** `known` tells the words the index's statements use (see similarity.ts). */
export function compilePassage(passage: Passage, known: (word: string) => boolean, relations?: WordRelations): CompiledPassage {
  const words = wordsOf(passage);
  const n = words.length;
  const idOf = new Map<string, number>();
  const ids = new Int32Array(n);
  words.forEach((w, i) => {
    const k = wordKey(w);
    let id = idOf.get(k);
    if (id === undefined) idOf.set(k, (id = idOf.size));
    ids[i] = id;
  });
  const positions: number[][] = Array.from({ length: idOf.size }, () => []);
  ids.forEach((id, i) => positions[id].push(i));
  const skipBefore: ('gap' | 'bracket' | null)[] = new Array(n + 1).fill(null);
  const sentenceStart: boolean[] = new Array(n + 1).fill(false);
  const sentenceEnd: boolean[] = new Array(n + 1).fill(false);
  let marked = false;
  let i = 0;
  for (const it of passage.items) {
    if (it.type === 'word') {
      sentenceStart[i] = it.sentenceStart;
      sentenceEnd[i + 1] = it.sentenceEnd;
      i++;
    } else {
      marked = true;
      if (it.type === 'gap') skipBefore[i] = 'gap';
      else if (skipBefore[i] !== 'gap') skipBefore[i] = 'bracket';
    }
  }
  // A statement word can be the same word spelt otherwise as a passage word only when their
  // variant forms are equal, or when the passage word may be a typo (a word nobody in the index
  // uses); the first and last words may also be cut by the selection's edges (see
  // similarity.ts). Only those are asked: everything else is told apart without asking.
  const byVariant = new Map<string, number[]>();
  const typos: number[] = [];
  // Ordinals, in words or figures ("eleventh", "11th"): the same figure written otherwise.
  const ordinals: number[] = [];
  words.forEach((w, k) => {
    if (!w.num && ordinalValue(w.norm) !== undefined) ordinals.push(k);
    if (w.num || w.norm.length < 4) return;
    const v = variantForm(w.norm);
    const l = byVariant.get(v);
    if (l) l.push(k);
    else byVariant.set(v, [k]);
    if (mayBeTypo(w, known)) typos.push(k);
  });
  const sameAs = words.map((w, p) => comparePageWord(w, p === 0, p === n - 1, known));
  const seen = new Int32Array(n);
  let stamp = 0;
  const held = new Uint8Array(idOf.size);
  const relation = new Map<string, { id: number; fuzzy: Uint8Array | null }>();
  // The statement word being related, and what is found of it.
  let current: Word;
  let currentId = -1;
  let fuzzy: Uint8Array | null = null;
  const ask = (p: number) => {
    if (seen[p] === stamp || ids[p] === currentId) return;
    seen[p] = stamp;
    if (sameAs[p](current) === 'fuzzy') (fuzzy ??= new Uint8Array(n))[p] = 1;
  };
  /** The passage positions where a statement word is the same word spelt otherwise (`variant`: its variant form, when the caller keeps it). */
  const fuzzyOf = (s: Word, id: number, variant?: string): Uint8Array | null => {
    current = s;
    currentId = id;
    fuzzy = null;
    if (!s.num && n > 0) {
      stamp++;
      const len = s.norm.length;
      if (ordinals.length && ordinalValue(s.norm) !== undefined) for (const p of ordinals) ask(p);
      if (len >= 4) {
        for (const p of byVariant.get(variant ?? variantForm(s.norm)) ?? NONE) ask(p);
        for (const p of typos) if (Math.abs(words[p].norm.length - len) <= 2) ask(p);
      }
      // The first and last passage words may also be cut by the selection's edges ("ere has
      // been", "child sexual ab"); compared otherwise, they were asked above if they could be.
      const first = words[0].norm;
      const last = words[n - 1].norm;
      if (!words[0].num && len > first.length && s.norm.endsWith(first)) ask(0);
      if (!words[n - 1].num && len > last.length && s.norm.startsWith(last)) ask(n - 1);
    }
    return fuzzy;
  };
  const relate = (s: Word) => {
    const k = wordKey(s);
    let r = relation.get(k);
    if (!r) {
      const id = idOf.get(k) ?? -1;
      relation.set(k, (r = { id, fuzzy: fuzzyOf(s, id) }));
    }
    return r;
  };
  let mayFrame = false;
  if (!passage.quoted) for (let i = 1; i < n && !mayFrame; i++) mayFrame = sentenceStart[i] || sentenceEnd[i];
  const positionBits = n > LCS_WORDS ? null : Int32Array.from(positions, (at) => at.reduce((b, i) => b | (1 << i), 0));
  const stamp0 = relations ? relations.next() : 0;
  if (relations) {
    // The passage's own words first: then a word met in a statement and not yet related is
    // known not to be one of them, without looking it up.
    for (const [key, id] of idOf) {
      const g = relations.words.numberOf(key);
      if (g < 0) continue;
      relations.stamps[g] = stamp0;
      relations.ids[g] = id;
      relations.fuzzy[g] = fuzzyOf(relations.words.tokenOf(g), id, relations.variantOf(g));
    }
  }
  return {
    passage,
    words,
    ids,
    skipBefore,
    sentenceStart,
    sentenceEnd,
    positions,
    marked,
    mayFrame,
    positionBits,
    present(s) {
      held.fill(0);
      for (let j = 0; j < s.ids.length; j++) if (s.ids[j] >= 0) held[s.ids[j]] = 1;
      return held;
    },
    encodeWords(sw, doc) {
      if (!relations || relations.words !== sw) throw new Error('compilePassage: no WordRelations for these words');
      const { tokens, start } = sw;
      const { stamps, ids: relIds, fuzzy: relFuzzy } = relations;
      const from = start[doc];
      const m = start[doc + 1] - from;
      const { ids, fuzzy } = relations.codes(m);
      for (let j = 0; j < m; j++) {
        const g = tokens[from + j];
        if (stamps[g] !== stamp0) {
          // (The slots are this query's cache: each word of the index is related once. The
          // passage's words were stamped first, so this one is none of them.)
          stamps[g] = stamp0;
          relIds[g] = -1;
          relFuzzy[g] = fuzzyOf(sw.tokenOf(g), -1, relations.variantOf(g));
        }
        ids[j] = relIds[g];
        fuzzy[j] = relFuzzy[g];
      }
      return { ids, fuzzy };
    },
    encode(statement) {
      const out: StatementCodes = { ids: new Int32Array(statement.length), fuzzy: new Array(statement.length) };
      for (let j = 0; j < statement.length; j++) {
        const r = relate(statement[j]);
        out.ids[j] = r.id;
        out.fuzzy[j] = r.fuzzy;
      }
      return out;
    },
  };
}

/**
 * Whether `length` consecutive passage words are as many consecutive statement words (each the
 * same word or spelt otherwise). With the length the matcher asks (MATCH_DEFAULTS: `minWords`,
 * `alteredRun`), no alignment can read as a quotation without it: a verbatim reading matches at
 * least `minWords` words with no edit between them, and an altered one keeps a run of
 * `alteredRun` exact words. Framing only trims whole sentences off the passage's ends, so the run is
 * still there; but elisions and brackets may stand between any two matched words, so a passage
 * with marks is never ruled out here.
 */
export function sharesRun(p: CompiledPassage, s: StatementCodes, length: number): boolean {
  if (p.marked) return true;
  const n = p.ids.length;
  const at = p.positions;
  const same = (j: number, i: number) => s.ids[j] === p.ids[i] || (s.fuzzy[j] !== null && s.fuzzy[j]![i] === 1);
  const runFrom = (j: number, i: number) => {
    if (i + length > n) return false;
    for (let k = 1; k < length; k++) if (!same(j + k, i + k)) return false;
    return true;
  };
  for (let j = 0; j + length <= s.ids.length; j++) {
    const id = s.ids[j];
    if (id >= 0) for (const i of at[id]) if (runFrom(j, i)) return true;
    const f = s.fuzzy[j];
    if (f !== null) for (let i = 0; i + length <= n; i++) if (f[i] === 1 && runFrom(j, i)) return true;
  }
  return false;
}

/** Longest passage whose words fit one integer's bits (with room for the carry), for matchedAtMost. */
const LCS_WORDS = 30;

/**
 * At most how many passage words an alignment with this statement can match (exactly or spelt
 * otherwise): the longest common subsequence of the two, under that sameness. Worked out a
 * statement word at a time on the passage's words as bits (Hyyrö's bit-parallel LCS), a few
 * operations a word where the alignment costs a row of cells. Infinity for a passage too long
 * for one integer's bits.
 */
export function matchedAtMost(p: CompiledPassage, s: StatementCodes): number {
  const idBits = p.positionBits;
  if (idBits === null) return Infinity;
  const n = p.ids.length;
  const all = n === 0 ? 0 : (1 << n) - 1;
  let v = all;
  for (let j = 0; j < s.ids.length; j++) {
    let match = s.ids[j] >= 0 ? idBits[s.ids[j]] : 0;
    const f = s.fuzzy[j];
    if (f !== null) for (let i = 0; i < n; i++) if (f[i] === 1) match |= 1 << i;
    const u = v & match;
    v = ((v + u) | (v - u)) & all;
  }
  // Each zero bit left is one passage word matched.
  return bitCount(~v & all);
}
