/**
 * The compiled passage against a naive reference: each statement word compared with every
 * passage word by comparePageWord, the slow, obvious way. The compiled form asks only the
 * comparisons that can say "fuzzy" (by first or second letter, length, or a word cut at the
 * selection's edge); it must find exactly the same relations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens';
import { align } from './align';
import { compilePassage, matchedAtMost, WordRelations } from './codes';
import { StatementWords } from './statementWords';
import { searchData } from '../index/searchData';
import { readPassage, wordsOf } from './passage';
import { comparePageWord } from './similarity';

// Words that are variants, typos, cuts and near misses of one another, and some numbers.
const WORDS = [
  'analyse', 'analyze', 'analysed', 'colour', 'color', 'anonymous', 'anonymus', 'officers', 'officer', 'offices',
  'street', 'streets', 'stret', 'ere', 'there', 'here', 'child', 'sexual', 'ab', 'abuse', 'abused', 'worse', 'worst',
  'policing', 'police', 'ing', 'the', 'of', 'a', '400', '4,000', 'four', 'centre', 'center', 'travelled', 'traveled',
];
const known = new Set(['analyse', 'colour', 'anonymous', 'officers', 'officer', 'offices', 'street', 'streets', 'there', 'here', 'child', 'sexual', 'abuse', 'abused', 'worse', 'worst', 'policing', 'police', 'centre', 'travelled']);
const text = (min: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: 14 }).map((w) => w.join(' '));

describe('compilePassage', () => {
  it('relates each statement word to the passage words exactly as comparing it with each would', () => {
    fc.assert(
      fc.property(text(1), text(0), (passageText, statementText) => {
        const passage = readPassage(passageText);
        const q = wordsOf(passage);
        const s = tokenize(statementText);
        const compiled = compilePassage(passage, (w) => known.has(w));
        const codes = compiled.encode(s);
        // The same from the index's word numbers (a statement of an index holding it, and the passage's words).
        const index = new StatementWords(searchData([statementText, passageText].map((t, line) => ({ kind: 'quote' as const, speaker: null, text: t, line }))));
        const fromWords = compilePassage(passage, (w) => known.has(w), new WordRelations(index)).encodeWords(index, 0);
        expect([...fromWords.ids]).toEqual([...codes.ids]);
        // (Only the statement's own words count: the array is kept between statements and may be longer.)
        expect(fromWords.fuzzy.slice(0, fromWords.ids.length).map((f) => (f ? [...f] : null))).toEqual(codes.fuzzy.map((f) => (f ? [...f] : null)));
        const compare = q.map((w, i) => comparePageWord(w, i === 0, i === q.length - 1, (x) => known.has(x)));
        s.forEach((sw, j) => {
          q.forEach((qw, i) => {
            const same = compare[i](sw);
            // Equal words share an id; a word spelt otherwise is marked at that position.
            expect(codes.ids[j] === compiled.ids[i]).toBe(same === 'same');
            expect(codes.fuzzy[j]?.[i] === 1).toBe(same === 'fuzzy');
          });
        });
      }),
      { numRuns: 400 },
    );
  });

  it('bounds what any alignment matches by the longest common subsequence, worked out as the plain table would', () => {
    fc.assert(
      fc.property(text(1), text(0), fc.boolean(), (passageText, statementText, quoted) => {
        const passage = readPassage(quoted ? `"${passageText}"` : passageText);
        const compiled = compilePassage(passage, (w) => known.has(w));
        const codes = compiled.encode(tokenize(statementText));
        const n = compiled.ids.length;
        const m = codes.ids.length;
        const same = (i: number, j: number) => codes.ids[j] === compiled.ids[i] || codes.fuzzy[j]?.[i] === 1;
        // The textbook table.
        const L = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
        for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) L[i][j] = same(i - 1, j - 1) ? L[i - 1][j - 1] + 1 : Math.max(L[i - 1][j], L[i][j - 1]);
        const most = matchedAtMost(compiled, codes);
        expect(most).toBe(n > 30 ? Infinity : L[n][m]);
        expect(align(compiled, codes, !passage.quoted).matched).toBeLessThanOrEqual(most);
      }),
      { numRuns: 400 },
    );
  });

  it('has no bound for a passage longer than thirty words', () => {
    const passage = readPassage(Array.from({ length: 31 }, (_, i) => `word${i}`).join(' '));
    const compiled = compilePassage(passage, () => true);
    expect(matchedAtMost(compiled, compiled.encode(tokenize('word1 word2')))).toBe(Infinity);
  });
});
