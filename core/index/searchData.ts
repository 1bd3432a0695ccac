import type { SearchData, SearchFile, Statement } from '../types';
import { tokenize, type Token } from '../text/tokens';
import { termOf as termOfWord } from '../text/terms';
import { encodeStream, readStreams, streamBlock } from './wordStreams';

/**
 * The search section of a list of statements (done once, at build time): every statement's
 * words as numbers, so that neither loading nor matching tokenises a statement again, and
 * what retrieval needs to find them by their content terms (its postings are made from these
 * on load: they cost as much in the file as the words themselves).
 */
export function searchData(statements: readonly Statement[]): SearchData {
  const tokens = statements.map((s) => tokenize(s.text));
  const count = new Map<string, number>();
  for (const ts of tokens) for (const t of ts) count.set(wordKey(t), (count.get(wordKey(t)) ?? 0) + 1);
  // Most frequent first (fewest characters in the streams), then in code-point order: deterministic.
  const words = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const number = new Map(words.map((w, i) => [w, i]));
  const termOf = words.map((w) => termOfWord(wordOfKey(w)));
  const terms = [...new Set(termOf.filter((t): t is string => t !== null))].sort();
  const termNumber = new Map(terms.map((t, i) => [t, i]));
  const wordTerms = termOf.map((t) => (t === null ? -1 : termNumber.get(t)!));
  const termCounts = new Array<number>(terms.length).fill(0);
  const streams = statements.map((s, i) => {
    const ts = tokens[i];
    const ids = ts.map((t) => number.get(wordKey(t))!);
    for (const t of new Set(ids.map((w) => wordTerms[w]))) if (t >= 0) termCounts[t]++;
    return encodeStream(ids, ts.map((t, k) => k > 0 && endsSentence(s.text, ts[k - 1].end, t.start)));
  });
  return loadSearch({ words, terms, wordTerms, termCounts, streams: streamBlock(streams), wordCount: tokens.reduce((n, ts) => n + ts.length, 0) }, statements.length);
}

/** The search section in memory from the file's (already checked: see fileLayout.ts). */
function loadSearch(file: SearchFile, statements: number): SearchData {
  const wordTerms = Int32Array.from(file.wordTerms);
  const decoded = readStreams(file.streams, statements, file.words.length, wordTerms, file.termCounts, file.wordCount);
  if (typeof decoded === 'string') throw new Error(`search section: ${decoded}`);
  return { file, wordTerms, ...decoded };
}

/** A token as the word list keeps it: a number as "#" and its value (no word begins with "#"). */
export function wordKey(t: Pick<Token, 'norm' | 'num'>): string {
  return t.num ? '#' + t.norm : t.norm;
}

/** A word of the list as a token's folded form and number flag (the inverse of wordKey). */
export function wordOfKey(key: string): Pick<Token, 'norm' | 'num'> {
  return key.charCodeAt(0) === 35 ? { norm: key.slice(1), num: true } : { norm: key, num: false };
}

/** Whether text[from, to) holds a sentence's end: . ! ? ; or a line break. */
export function endsSentence(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 10) return true;
  }
  return false;
}
