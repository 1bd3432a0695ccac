import type { SearchData, Statement } from '../types';
import { tokenize } from '../text/tokens';
import { contentTerms } from '../text/terms';
import { encodePostings } from '../match/retrieval';

/** The search structures of a list of statements (done once, at build time). */
export function searchData(statements: readonly Statement[]): SearchData {
  const words = new Set<string>();
  const terms: string[][] = [];
  for (const s of statements) {
    const tokens = tokenize(s.text);
    for (const t of tokens) if (!t.num) words.add(t.norm);
    terms.push(contentTerms(tokens));
  }
  const p = encodePostings(terms);
  return { terms: p.terms, postings: p.lists, words: [...words].sort().join(' ') };
}
