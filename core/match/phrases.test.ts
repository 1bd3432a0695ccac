import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens';
import { searchData, wordKey } from '../index/searchData';
import { byPhrases, MAX_PAIRS, PairCounter, passagePairs } from './phrases';
import { StatementWords } from './statementWords';

const wordsOf = (texts: string[]) => new StatementWords(searchData(texts.map((text, line) => ({ kind: 'quote' as const, speaker: null, text, line }))));
const named = (sw: StatementWords) => (pairs: readonly (readonly [number, number])[]) => pairs.map(([a, b]) => `${sw.words[a]} ${sw.words[b]}`);

describe('passagePairs', () => {
  it('reads adjacent words the index uses, leaving out pairs of function words', () => {
    const sw = wordsOf(['Forces are doing more than 400 officers in the cyber-crime unit, and more.']);
    // ("are doing", "doing more", "more than": function words only; "unit said": "said" is in no statement.)
    expect(named(sw)(passagePairs(tokenize('Forces are doing more than 400 officers in the cyber-crime unit said'), (k) => sw.numberOf(k)))).toEqual([
      'forces are', 'than #400', '#400 officers', 'officers in', 'the cybercrime', 'cybercrime unit',
    ]);
  });

  it('keeps at most MAX_PAIRS, spread over a long passage', () => {
    const text = Array.from({ length: 60 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}x`).join(' ');
    const sw = wordsOf([text]);
    const pairs = named(sw)(passagePairs(tokenize(text), (k) => sw.numberOf(k)));
    expect(pairs).toHaveLength(MAX_PAIRS);
    expect(pairs[0]).toBe('wordax wordbx');
    expect(new Set(pairs).size).toBe(MAX_PAIRS);
    // Spread: the last one comes from late in the passage (59 pairs in all), not from its start.
    const last = Math.floor((MAX_PAIRS - 1) * (59 / MAX_PAIRS));
    const letter = (i: number) => String.fromCharCode(97 + (i % 26));
    expect(pairs[MAX_PAIRS - 1]).toBe(`word${letter(last)}x word${letter(last + 1)}x`);
    expect(last).toBeGreaterThan(40);
  });
});

describe('byPhrases', () => {
  const texts = [
    'We will disrupt people carrying weapons and prevent street crime.', // every term, other order
    'Forces are doing more than ever before to disrupt people carrying weapons so that we can prevent street crime.',
    'Street crime is down.',
  ];
  const sw = wordsOf(texts);
  const candidates = [0, 1, 2].map((doc) => ({ doc, score: 10 - doc }));

  it('puts the statement holding more of the passage’s word pairs first, keeping retrieval order among equals', () => {
    const pairs = passagePairs(tokenize('disrupt people carrying weapons so that we can prevent street crime'), (k) => sw.numberOf(k));
    expect(byPhrases(pairs, candidates, new PairCounter(sw)).map((c) => c.doc)).toEqual([1, 0, 2]);
  });

  it('changes nothing without pairs', () => {
    expect(byPhrases([], candidates, new PairCounter(sw))).toEqual(candidates);
  });
});

describe('PairCounter', () => {
  /** The reference: each statement tokenised, each pair looked for among its adjacent words. */
  const reference = (pairs: string[], texts: string[]) =>
    texts.map((t) => {
      const keys = tokenize(t).map(wordKey);
      const adjacent = new Set(keys.slice(1).map((k, i) => `${keys[i]} ${k}`));
      return pairs.filter((p) => adjacent.has(p)).length;
    });
  const words = ['street', 'crime', 'prevent', 'we', 'can', 'ab', 'b', '400'];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom('Street', 'CRIME', 'mainstreet', 'crimes', 'four hundred', '\n', ', ', '’')), { maxLength: 24 })
    .map((parts) => parts.join(' '));

  it('counts, for each statement, the pairs it holds as adjacent words (as tokenising it would), and is clean for the next query', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: MAX_PAIRS }), (texts, picks) => {
        const sw = wordsOf(texts);
        if (sw.words.length === 0) return;
        const pairs = picks.map(([a, b]) => [a % sw.words.length, b % sw.words.length] as const);
        const unique = [...new Map(pairs.map((p) => [`${p[0]} ${p[1]}`, p])).values()];
        const counter = new PairCounter(sw);
        const docs = texts.map((_, i) => i);
        expect([...counter.held(unique, docs)]).toEqual(reference(named(sw)(unique), texts));
        expect([...counter.held([], docs)]).toEqual(texts.map(() => 0));
      }),
      { numRuns: 400 },
    );
  });
});
