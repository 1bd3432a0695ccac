/**
 * Normalisation against naive references (issue 7, input): the tokenizer's folding and
 * the release text the content hash is taken of. Properties with fast-check; each
 * reference is written the slow, obvious way so that it can be checked by eye.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWord, tokenize } from './tokens';
import { contentHash } from './hash';
import { parseRelease } from '../parse/parseRelease';
import { releaseId } from '../releaseId';

// ---- Folding ----------------------------------------------------------------

/** Letters the reference folds by table: consonants only, so that no word is a number word or "per cent". */
const FOLD_TABLE: Record<string, string> = {
  ç: 'c', Ç: 'c', ñ: 'n', Ñ: 'n', ś: 's', Ś: 's', ž: 'z', Ž: 'z', ẞ: 'ss', ß: 'ss', ﬀ: 'ff', ł: 'ł', Ł: 'ł',
};
const JOINERS = ["'", '’', '‘', '`', '´', '-', '‐', '‑'];
const LETTERS = [...'bcdfghjklnpqrstvwxzBCDFGHJKLNPQRSTVWXZ', ...Object.keys(FOLD_TABLE)];

/** The reference: each character by the table or lower-cased; apostrophes and hyphens dropped. */
function referenceFold(word: string): string {
  return [...word].map((c) => (JOINERS.includes(c) ? '' : (FOLD_TABLE[c] ?? c.toLowerCase()))).join('');
}

const segment = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
/** A word: letters, joined inside (never at its ends) by apostrophes and hyphens of every kind. */
const word = fc
  .tuple(segment, fc.array(fc.tuple(fc.constantFrom(...JOINERS), segment), { maxLength: 2 }))
  .map(([first, rest]) => first + rest.map(([j, s]) => j + s).join(''));
/** What stands between words: white space, line breaks, and punctuation that is never part of a word. */
const gap = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', ', ', '; ', ' “', '” ', ' (', ') ', ' — ', ' – ', '! ', '? ', ': ', '\u00a0');

/** Every kind of text: lone surrogates, control characters, RTL, emoji, compatibility forms. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(
    fc.constantFrom('𝑨', 'ℋ', 'ﬁ', '⅐', '½', '⑴', 'İ', 'ı', 'ẞ', 'ß', 'Å', 'Ω', 'ǅ', '\u0301', '\u200f', '\u202e', 'שלום', 'مرحبا', '😀', '👩‍👩‍👧', '\ud800', '\udfff', '\u0000', '\u001b', 'A', 'é'),
    { maxLength: 12 },
  ).map((a) => a.join('')),
);

describe('folding', () => {
  it('foldWord agrees with the reference on words with accents, ligatures, apostrophes and hyphens', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(foldWord(w)).toBe(referenceFold(w));
      }),
      { numRuns: 1000, seed: 11 },
    );
  });

  it('tokenize agrees with the reference: words split at white space and punctuation, each folded, offsets on the original', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 25 }), fc.constantFrom('', ' ', '“', '\n'), (pairs, lead) => {
        const text = lead + pairs.map(([w, g]) => w + g).join('');
        const toks = tokenize(text);
        expect(toks.map((t) => t.norm)).toEqual(pairs.map(([w]) => referenceFold(w)));
        expect(toks.map((t) => text.slice(t.start, t.end))).toEqual(pairs.map(([w]) => w));
        expect(toks.every((t) => !t.num)).toBe(true);
      }),
      { numRuns: 500, seed: 12 },
    );
  });

  it('foldWord is idempotent on any string, compatibility forms (𝑨, ℋ, ﬁ, ⅐) and lone surrogates included', () => {
    fc.assert(
      fc.property(hostile, (w) => {
        const once = foldWord(w);
        expect(foldWord(once)).toBe(once);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });

  it('a token\'s folded form is a fixed point: tokenized alone, it gives itself', () => {
    // Left out: compatibility forms that decompose to punctuation ("⅐" folds to "1⁄7",
    // which reads as two numbers); a page and a release holding "⅐" still fold alike.
    const numberish = fc
      .array(
        fc.constantFrom('4,000', '4.2', '0.0000015', '50%', '1e5', '99999999999999999999999', '1'.padEnd(400, '0'), '1'.padEnd(306, '0'), 'million', 'bn', 'k',
          'six', 'hundred', 'and', 'twenty', 'five', 'one', 'thousand', 'per', 'cent', ',', '.', '-', ' ', '£'),
        { maxLength: 12 },
      )
      .map((a) => a.join(' '));
    const text = fc.oneof(hostile.filter((x) => x.normalize('NFKD') === x.normalize('NFD')), numberish);
    fc.assert(
      fc.property(text, (t) => {
        for (const tok of tokenize(t)) {
          const again = tokenize(tok.norm);
          expect(again.map((x) => [x.norm, x.num]), JSON.stringify(t)).toEqual([[tok.norm, tok.num]]);
        }
      }),
      { numRuns: 1500, seed: 14 },
    );
  });

  it('tokenize with a number of tokens wanted gives the first tokens of the whole text, exactly', () => {
    // Number phrases, scale words and "per cent" read on past a word: a prefix must not cut them.
    const words = fc.constantFrom('4,000', '4.2', '50%', 'million', 'bn', 'six', 'hundred', 'and', 'twenty', 'five', 'one', 'thousand', 'per', 'cent', 'officers', 'Street', 'cyber-', '\n', 'crime', '.', ',', '“', '’s', 'é');
    const text = fc.array(fc.tuple(words, fc.constantFrom(' ', '', ', ', '. ')), { maxLength: 30 }).map((a) => a.map(([w, g]) => w + g).join(''));
    fc.assert(
      fc.property(text, fc.nat(35), (t, wanted) => {
        const whole = tokenize(t);
        const first = tokenize(t, wanted);
        expect(first.length).toBeGreaterThanOrEqual(Math.min(wanted, whole.length));
        expect(first).toEqual(whole.slice(0, first.length));
      }),
      { numRuns: 1500, seed: 15 },
    );
  });

  it('a figure of 22 digits or more is written in digits, not "1e+23"', () => {
    expect(tokenize('99999999999999999999999 officers').map((t) => t.norm)).toEqual(['99999999999999991611392', 'officers']);
    // Too large to scale: the figure and "million" stay two tokens rather than becoming Infinity.
    expect(tokenize('1'.padEnd(306, '0') + ' million').map((t) => t.norm)[1]).toBe('million');
  });
});

// ---- The text the release id is the hash of ----------------------------------

/** The reference: no BOM; lines split at any line ending; each trimmed; blank lines dropped. */
function referenceNormalise(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return lines.map((l) => l.replace(/^\s+|\s+$/g, '')).filter((l) => l !== '').join('\n');
}

const line = fc.array(fc.oneof(word, fc.constantFrom('Police', 'said', '“Alpha beta gamma.”')), { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
/** A release that parses: a date line and lines of words (quotations closed on their line). */
const release = fc.array(line, { minLength: 1, maxLength: 8 }).map((ls) => ['12 Mar 2019', ...ls].join('\n'));
/** The same release with its lines re-ended, padded and spaced out. */
const respaced = fc.tuple(release, fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('', ' ', '\t', '  \t'), fc.nat(2), fc.boolean()).map(
  ([text, eol, pad, blanks, bom]) =>
    (bom ? '\uFEFF' : '') + text.split('\n').map((l) => pad + l + pad).join(eol + eol.repeat(blanks)) + eol.repeat(blanks),
);

describe('the release id', () => {
  it('is the hash of the record the text says, whatever the line endings, padding, blank lines or BOM', () => {
    fc.assert(
      fc.property(release, respaced, (plain, spaced) => {
        const a = parseRelease(plain, 'a.txt');
        expect(a.release.id).toBe(releaseId(a));
        // The same release re-spaced: the same record, so the same id; read from its normalised text too.
        expect(parseRelease(spaced, 'b.txt').release.id).toBe(releaseId(parseRelease(spaced, 'b.txt')));
        expect(parseRelease(referenceNormalise(spaced), 'c.txt').release.id).toBe(parseRelease(spaced, 'b.txt').release.id);
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('does not change when a release is re-spaced, and normalising twice changes nothing', () => {
    fc.assert(
      fc.property(release, fc.constantFrom('\r\n', '\r'), fc.constantFrom(' ', '\t'), (text, eol, pad) => {
        const spaced = '\uFEFF' + text.split('\n').map((l) => pad + l + pad).join(eol + eol);
        expect(parseRelease(spaced, 'b.txt').release.id).toBe(parseRelease(text, 'a.txt').release.id);
        expect(referenceNormalise(referenceNormalise(spaced))).toBe(referenceNormalise(spaced));
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('the content hash is 16 hex digits for any text, lone surrogates included, and a changed character changes it', () => {
    fc.assert(
      fc.property(hostile, fc.nat(), fc.integer({ min: 1, max: 0xffff }), (text, at, delta) => {
        const h = contentHash(text);
        expect(h).toMatch(/^[0-9a-f]{16}$/);
        expect(contentHash(text)).toBe(h);
        if (!text) return;
        const i = at % text.length;
        const changed = text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) + delta) % 0x10000) + text.slice(i + 1);
        expect(contentHash(changed)).not.toBe(h);
      }),
      { numRuns: 1000, seed: 17 },
    );
  });
});
