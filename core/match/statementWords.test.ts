import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchData } from '../index/searchData';
import { tokenize } from '../text/tokens';
import { contentTerms } from '../text/terms';
import { StatementWords } from './statementWords';

describe('StatementWords', () => {
  it('gives each term’s statements as tokenising every statement would, whether kept as a list or as bits', () => {
    const word = fc.constantFrom('police', 'forces', 'crime', 'street', 'knife', 'the', 'of', '400', 'four hundred', 'officers', 'rural');
    const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 120 }), (texts) => {
        const sw = new StatementWords(searchData(texts.map((t, line) => ({ kind: 'quote' as const, speaker: null, text: t, line }))));
        const termsOf = texts.map((t) => new Set(contentTerms(tokenize(t))));
        sw.terms.forEach((term, t) => {
          const want = texts.flatMap((_, d) => (termsOf[d].has(term) ? [d] : []));
          expect([...sw.lists.list(t)], term).toEqual(want);
          expect(sw.lists.count(t)).toBe(want.length);
          const bits = sw.lists.bits(t);
          if (bits) expect(texts.flatMap((_, d) => ((bits[d >>> 5] >>> (d & 31)) & 1 ? [d] : []))).toEqual(want);
        });
      }),
      { numRuns: 150 },
    );
  });
});
