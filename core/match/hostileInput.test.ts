/**
 * The matcher on hostile passages (issue 7, input): any string gets an Answer with one
 * of the five verdicts, never an exception, and within a bounded time. The bound (2 s a
 * call) is generous on purpose: it is there to catch a quadratic blow-up, not to measure
 * speed (bench/ does that). Passages over the length limit are refused with a reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, createMatcher, parseRelease, type Answer } from '..';
import { MATCH_DEFAULTS } from './matcher';

const root = join(__dirname, '..', '..');
const releasesIn = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => parseRelease(readFileSync(join(root, dir, f), 'utf8'), f));
const matcher = createMatcher(buildIndex([...releasesIn('data/releases'), ...releasesIn('tests/fixtures/releases')]));

const VERDICTS = ['verbatim', 'altered', 'paraphrase', 'not-found', 'invalid'];
const BOUND_MS = 2000;

/** Matches, timed; checks the Answer's shape whatever the verdict. */
function answer(text: string, context?: string): { a: Answer; ms: number } {
  const t0 = performance.now();
  const a = matcher.match(text, context === undefined ? {} : { context });
  const ms = performance.now() - t0;
  expect(VERDICTS).toContain(a.verdict);
  expect(Array.isArray(a.candidates)).toBe(true);
  if (a.verdict === 'invalid' || a.verdict === 'not-found') {
    expect(a.best).toBeNull();
    expect(typeof a.reason === 'string' && a.reason.length > 0).toBe(true);
  } else {
    const best = a.best!;
    expect(best).not.toBeNull();
    const [s, e] = best.span;
    expect(0 <= s && s <= e && e <= best.quote.length).toBe(true);
  }
  return { a, ms };
}

const words = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');
/** A distinct word for every i: letters only, so none is a number. */
const wordFor = (i: number) => 'w' + i.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]);
const quote = 'The internet is not a safe or anonymous place for abusing children';

const tooLong: [string, () => string][] = [
  ['1 MB of text', () => 'police said '.repeat(90_000)],
  ['a single letter repeated 100,000 times', () => 'a'.repeat(100_000)],
  ['20,000 distinct words', () => words(20_000, wordFor)],
  ['1 MB of control characters and words', () => 'a\u0000b\u001bc\u007f '.repeat(150_000)],
  ['one character over the limit', () => 'x'.repeat(MATCH_DEFAULTS.maxChars + 1)],
];

const LIMIT = MATCH_DEFAULTS.maxChars;
const fill = (unit: string) => unit.repeat(Math.floor((LIMIT - 1) / unit.length));
// Within the limit: the worst the matcher has to read.
const withinLimit: [string, () => string][] = [
  ['a single letter repeated to the limit', () => 'a'.repeat(LIMIT)],
  ['"a " repeated to the limit (10,000 one-letter words)', () => fill('a ')],
  ['distinct words to the limit', () => words(4_000, wordFor).slice(0, LIMIT)],
  ['a real quotation repeated to the limit', () => fill(quote + '. ')],
  ['a real quotation inside noise to the limit', () => (fill('noise ').slice(0, LIMIT / 2) + quote + ' ' + fill('noise ')).slice(0, LIMIT)],
  ['one-word sentences to the limit', () => fill('Police. ')],
  ['words of the index in random order to the limit', () => fill('children safe police internet abusing anonymous place offenders ')],
  ['quote marks and words to the limit', () => fill('“said” ')],
  ['control characters between words', () => fill('police\u0000\u0007\u001b said ')],
  ['lone surrogates between words', () => fill('police \ud800 said \udc00 ')],
  ['right-to-left text and overrides', () => fill('\u202eשלום \u200fمرحبا police ')],
  ['emoji and joined sequences', () => fill('😀 👩‍👩‍👧‍👦 police 🇬🇧 ')],
  ['combining marks stacked on letters', () => fill('a\u0301\u0301\u0301 ')],
  ['numbers to the limit', () => fill('4,000 ')],
  ['number words to the limit', () => fill('four thousand two hundred and ')],
  ['one word of 20,000 letters with hyphens', () => fill('ab-')],
];

describe('the matcher on hostile passages', () => {
  it.each(tooLong)('%s: refused as invalid, with a reason', (name, make) => {
    const { a, ms } = answer(make());
    console.log(`[match] ${name}: ${a.verdict} in ${ms.toFixed(1)} ms`);
    expect(a.verdict).toBe('invalid');
    expect(a.reason).toMatch(/too long/);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it.each(withinLimit)(`%s: an answer within ${BOUND_MS} ms`, (name, make) => {
    const text = make();
    expect(text.length).toBeLessThanOrEqual(LIMIT);
    const { a, ms } = answer(text);
    console.log(`[match] ${name} (${text.length} chars): ${a.verdict} in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('the quotation itself, among the hostile characters, is still found', () => {
    expect(answer(`\u202e\u0000😀 “${quote}” \ud800`).a.verdict).toBe('verbatim');
  });

  it('a 1 MB page context around a real quotation: an answer within the bound', () => {
    const context = fill('noise ') + quote + ' said Chief Constable Simon Bailey. ' + 'police said '.repeat(80_000);
    const { a, ms } = answer(quote, context);
    console.log(`[match] a quotation with ${context.length} chars of context: ${a.verdict} in ${ms.toFixed(0)} ms`);
    expect(a.verdict).toBe('verbatim');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('any string, with any context: an answer, never an exception', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom(
        quote, 'police', 'said', 'Simon Bailey', '4,000', 'four hundred', '…', '[the police]', '“', '”', '\u0000', '\u001b', '\ud800', '\udfff',
        '\u202e', '\u200f', 'שלום', 'مرحبا', '😀', '👩‍👩‍👧', '\u0301', '\n', '\r\n', '\t', ' ',
      ),
    );
    const text = fc.array(piece, { maxLength: 30 }).map((a) => a.join(' '));
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), (t, context) => {
        const { ms } = answer(t, context);
        expect(ms).toBeLessThan(BOUND_MS);
      }),
      { numRuns: 1000, seed: 51 },
    );
  });

  it('the empty passage, white space alone and a passage with no letters are invalid with a reason', () => {
    for (const t of ['', ' \n\t ', '\u0000\u0001', '😀😀😀', '4,000 4,000 4,000', '\ud800\udc00\ud800']) {
      const { a } = answer(t);
      expect(a.verdict, JSON.stringify(t)).toBe('invalid');
    }
  });
});
