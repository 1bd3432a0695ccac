import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens';
import { byPhrases, MAX_PAIRS, pairsHeld, passagePairs } from './phrases';

describe('passagePairs', () => {
  it('reads adjacent plain words, leaving out pairs of function words and pairs with figures or joined words', () => {
    // ("are doing", "doing more", "more than": function words only.)
    expect(passagePairs(tokenize('Forces are doing more than 400 officers in the cyber-crime unit'))).toEqual(['forces are', 'officers in']);
  });

  it('keeps at most MAX_PAIRS, spread over a long passage', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}x`).join(' ');
    const plain = words.replace(/\d/g, '');
    const pairs = passagePairs(tokenize(plain));
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
  const candidates = [0, 1, 2].map((doc) => ({ doc, score: 10 - doc }));

  it('puts the statement holding more of the passage’s word pairs first, keeping retrieval order among equals', () => {
    const pairs = passagePairs(tokenize('disrupt people carrying weapons so that we can prevent street crime'));
    expect(byPhrases(pairs, candidates, (d) => texts[d]).map((c) => c.doc)).toEqual([1, 0, 2]);
  });

  it('changes nothing without pairs', () => {
    expect(byPhrases([], candidates, (d) => texts[d])).toEqual(candidates);
  });
});

describe('pairsHeld', () => {
  /** The reference: each text lowered on its own, each pair looked for in it. */
  const reference = (pairs: string[], texts: string[]) => texts.map((t) => pairs.filter((p) => t.toLowerCase().includes(p)).length);
  const words = ['street', 'crime', 'prevent', 'we', 'can', 'ab', 'b'];
  const pair = fc.tuple(fc.constantFrom(...words), fc.constantFrom(...words)).map(([a, b]) => `${a} ${b}`);
  // Texts built from the same words in any case, with what lies between words (and the two
  // characters whose lower case is longer or ASCII: İ, and the Kelvin sign).
  const text = fc
    .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom('Street', 'CRIME', 'Prevent', 'İ', '\u212a', 'mainstreet', 'crimes', '\n', '  ', ', ', '’', 'é')), { maxLength: 24 })
    .chain((parts) => fc.array(fc.constantFrom(' ', '', '\n'), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + seps[i]).join('')));

  it('counts, for each text, the pairs its lower case includes (as searching each text alone would)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(pair, { maxLength: MAX_PAIRS }), fc.array(text, { maxLength: 6 }), (pairs, texts) => {
        expect([...pairsHeld(pairs, texts)]).toEqual(reference(pairs, texts));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps each find with its text when lower case lengthens a text before it (İ → i̇)', () => {
    expect([...pairsHeld(['street crime'], ['İ'.repeat(13), 'Street crime', 'z'])]).toEqual([0, 1, 0]);
  });

  it('counts a pair once however often a text holds it, and never across two texts', () => {
    expect([...pairsHeld(['street crime', 'crime we'], ['Street crime, street crime', 'and street', 'crime we'])]).toEqual([1, 0, 1]);
  });
});
