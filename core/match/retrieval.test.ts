import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermIndex, type TermLists } from './retrieval';
import { isDense } from '../index/wordStreams';

/** Lists as they are, a dense term's also as bits (as the index keeps it): both ways of looking up are exercised. */
function listsOf(lists: readonly Int32Array[], size: number): TermLists {
  const bits = lists.map((list) => {
    if (!isDense(list.length, size)) return null;
    const b = new Uint32Array((size + 31) >>> 5);
    for (const d of list) b[d >>> 5] |= 1 << (d & 31);
    return b;
  });
  return { count: (t) => lists[t].length, list: (t) => lists[t], bits: (t) => bits[t] };
}

/** The index of statements given as their terms (as StatementWords makes it from the word streams). */
function indexOf(docs: string[][]): TermIndex {
  const terms = [...new Set(docs.flat())].sort();
  const lists = terms.map((t) => Int32Array.from(docs.flatMap((d, i) => (d.includes(t) ? [i] : []))));
  return new TermIndex(terms, listsOf(lists, docs.length), docs.length);
}

/**
 * The pruned retrieval against the plainest reference: score every statement by the summed
 * weight of the scoring terms it holds, keep those over both bars, sort, cut. They must agree
 * exactly, ties and order included.
 */
function reference(index: TermIndex, docs: string[][], query: string[], limit: number, floor: number, relative: number) {
  const use = index.scoringTerms(query).filter((t) => index.df(t) > 0);
  const scored = docs
    .map((terms, doc) => ({ doc, score: use.filter((t) => terms.includes(t)).reduce((n, t) => n + index.idf(t), 0) }))
    .filter((c) => c.score > 0);
  const best = Math.max(0, ...scored.map((c) => c.score));
  const min = Math.max(floor, best * relative, 1e-9) - 1e-9;
  return scored
    .filter((c) => c.score >= min)
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
    .slice(0, limit);
}

const vocabulary = 'abcdefghijklmnopqrst'.split('').map((c) => `term${c}`);
const term = fc.constantFrom(...vocabulary);
// Skewed: some terms in most statements, some in few, as in real text.
const statement = fc.uniqueArray(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...vocabulary.slice(0, 4)) }, { weight: 1, arbitrary: term }), { maxLength: 8 });

describe('TermIndex.candidates', () => {
  it('agrees with scoring every statement, for any statements, passage and bars', () => {
    fc.assert(
      fc.property(
        fc.array(statement, { minLength: 1, maxLength: 60 }),
        fc.uniqueArray(term, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0, 0.3, 0.5),
        (docs, query, limit, floorShare, relative) => {
          const index = indexOf(docs);
          const total = index.scoringTerms(query).filter((t) => index.df(t) > 0).reduce((n, t) => n + index.idf(t), 0);
          const floor = total * floorShare;
          const got = index.candidates(query, limit, floor, relative);
          const want = reference(index, docs, query, limit, floor, relative);
          expect(got.map((c) => c.doc)).toEqual(want.map((c) => c.doc));
          got.forEach((c, i) => expect(c.score).toBeCloseTo(want[i].score, 9));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agrees with the reference when more than eight rare terms must be read (a second byte of bits)', () => {
    // Twelve terms, each held by about one statement in fifty: with a low floor, a statement
    // holding any one of eleven could reach it, so eleven lists are read.
    const names = Array.from({ length: 12 }, (_, t) => `term${String.fromCharCode(97 + t)}`);
    const docs = Array.from({ length: 3000 }, (_, i) => names.filter((_, t) => ((i + 1) * 7919 * (t + 3)) % 101 < 2));
    const index = indexOf(docs);
    const total = index.scoringTerms(names).reduce((n, t) => n + index.idf(t), 0);
    for (const share of [0.1, 0.15]) {
      const got = index.candidates(names, 32, total * share, 0.3);
      const want = reference(index, docs, names, 32, total * share, 0.3);
      expect(got.map((c) => c.doc)).toEqual(want.map((c) => c.doc));
      expect(got.length).toBeGreaterThan(0);
    }
  });

  it('reads long posting lists exactly', () => {
    const docs = Array.from({ length: 5000 }, (_, i) => (i % 97 === 0 || i === 4999 ? ['rare'] : ['common']));
    const index = indexOf(docs);
    expect(index.df('rare')).toBe(docs.filter((d) => d[0] === 'rare').length);
    expect(index.candidates(['rare'], 100).map((c) => c.doc)).toEqual(docs.flatMap((d, i) => (d[0] === 'rare' ? [i] : [])).slice(0, 100));
  });
});
