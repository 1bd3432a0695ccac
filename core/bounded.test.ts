/**
 * Bounded time for every input, through the core's entry points (issue 17): the matcher, the
 * article check (findQuotations, checkArticle), the attribution check, the parser and the index
 * loader, each given random text built from the pieces that made the core slow or could
 * (a name repeated thousands of times, quote marks, elisions, figures, one very long word), up to
 * and beyond the core's limits (core/limits.ts).
 *
 * The bound is 1.5 s a call. A call takes a few to a hundred milliseconds here; the bound is
 * fifteen times that and more, for a slow, shared 2-core machine, and still far below what a
 * quadratic step costs at these sizes (before issue 17, a 52 KB context of repeated names took
 * 1.3 s in the attribution check alone and a 208 KB one 84 s; an article of 1,000 quotations in
 * one paragraph took 80 s). The article check is 1,000 matcher calls, so its bound is 1.5 s per
 * hundred quotations. These tests catch a blow-up; they do not measure speed (bench/ does).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, checkArticle, createMatcher, findQuotations, loadIndex, parseRelease, ReleaseParseError, serializeIndex, IndexFormatError } from '.';
import { checkAttribution, findNames } from './match/attribution';
import { MAX_CONTEXT_CHARS, MAX_PASSAGE_CHARS } from './limits';

const BOUND_MS = 1500;
const root = join(__dirname, '..');
const releasesIn = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => parseRelease(readFileSync(join(root, dir, f), 'utf8'), f));
const data = buildIndex([...releasesIn('data/releases'), ...releasesIn('tests/fixtures/releases')]);
const matcher = createMatcher(data);
const indexText = serializeIndex(data);
const quote = 'The internet is not a safe or anonymous place for abusing children';
const bailey = { name: 'Simon Bailey', rank: 'Chief Constable', role: null };

function timed<T>(what: string, f: () => T, bound = BOUND_MS): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  expect(ms, `${what}: ${ms.toFixed(0)} ms`).toBeLessThan(bound);
  return out;
}

/** What made the core slow, or could. */
const PIECES = [
  'Chief Constable Simon Bailey said ', 'Simon Bailey ', 'Bailey said ', 'said Bailey. ', 'of Simon Bailey ', '“Simon Bailey ', 'Mr ',
  'Deputy Chief Constable Peter Goodman said:\n', 'She added: ', '“', '”', '"', "'", '‘', '’', '…', '...', '[…] ', '[the police] ',
  '4,000 ', 'four hundred and ', '£4.2 million ', '12.5% ', '2015/16 ', '7th ', 'a third ', quote + '. ', `“${quote}.” `,
  'police said ', '. ', '\n', ' ', 'A. B. ', 'x'.repeat(1000), 'ab-', 'Notes to editors\n', '03 Oct 2014\n',
];
/** A piece repeated up to `times` times, then several of those, up to about `max` characters. */
const hostile = (max: number, times: number) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 20 })), fc.integer({ min: 1, max: times })), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.map(([p, n]) => p.repeat(n)).join('').slice(0, max));

const CONTEXT = MAX_CONTEXT_CHARS * 15; // 60,000: well beyond the cap
const PASSAGE = MAX_PASSAGE_CHARS + 5_000;
const runs = { numRuns: 40, seed: 17 };

describe('every entry point of the core answers in bounded time', () => {
  it(`matcher.match: any passage up to ${PASSAGE} characters, any context up to ${CONTEXT}`, () => {
    fc.assert(
      fc.property(fc.oneof(hostile(PASSAGE, 3000), fc.constant(`“${quote}” `).chain((q) => hostile(PASSAGE, 3000).map((h) => q + h))), hostile(CONTEXT, 8000), (text, context) => {
        const a = timed(`match (${text.length} chars, context ${context.length})`, () => matcher.match(text, { context }));
        expect(['verbatim', 'altered', 'paraphrase', 'not-found', 'invalid']).toContain(a.verdict);
        if (text.length > MAX_PASSAGE_CHARS) expect(a.verdict).toBe('invalid');
      }),
      runs,
    );
  });

  it('findNames and checkAttribution: any text up to 200,000 characters', () => {
    fc.assert(
      fc.property(hostile(200_000, 20_000), (text) => {
        timed(`findNames (${text.length} chars)`, () => findNames(text));
        timed(`checkAttribution (${text.length} chars)`, () => checkAttribution(text + ' ', bailey));
      }),
      runs,
    );
  });

  it('findQuotations and checkArticle: any article up to 60,000 characters', () => {
    fc.assert(
      fc.property(hostile(CONTEXT, 3000), (article) => {
        const found = timed(`findQuotations (${article.length} chars)`, () => findQuotations(article));
        timed(`checkArticle (${found.length} quotations)`, () => checkArticle(matcher, article), BOUND_MS * Math.max(1, found.length / 100));
      }),
      { ...runs, numRuns: 25 },
    );
  });

  it('parseRelease: any release text up to 200,000 characters', () => {
    fc.assert(
      fc.property(hostile(200_000, 5000), (body) => {
        timed(`parseRelease (${body.length} chars)`, () => {
          try {
            parseRelease('03 Oct 2014\n' + body, 'hostile.txt');
          } catch (err) {
            if (!(err instanceof ReleaseParseError)) throw err;
          }
        });
      }),
      runs,
    );
  });

  it('loadIndex: any text, and an index whose releases were hostile text', () => {
    fc.assert(
      fc.property(hostile(200_000, 5000), fc.integer({ min: 0, max: indexText.length }), (body, at) => {
        for (const text of [body, indexText.slice(0, at) + body + indexText.slice(at)]) {
          timed(`loadIndex (${text.length} chars)`, () => {
            try {
              loadIndex(text);
            } catch (err) {
              if (!(err instanceof IndexFormatError)) throw err;
            }
          });
        }
        let release;
        try {
          release = parseRelease('03 Oct 2014\n' + body, 'hostile.txt');
        } catch {
          return;
        }
        const text = serializeIndex(buildIndex([release]));
        const loaded = timed(`loadIndex of a hostile release (${text.length} chars)`, () => loadIndex(text));
        timed('match against it', () => createMatcher(loaded).match(quote, { context: body }));
      }),
      { ...runs, numRuns: 20 },
    );
  });
});

describe('the inputs of the trial (issue 17), at their sizes', () => {
  const names = ['Chief Constable Simon Bailey said ', 'Simon Bailey ', 'Bailey said ', '“Simon Bailey ', 'of Simon Bailey '];
  it.each(names)('a context of %j repeated to 52 KB and 208 KB', (unit) => {
    for (const size of [52_000, 208_000]) {
      const context = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
      timed(`match with ${size} chars of context`, () => matcher.match(quote, { context }));
      timed(`match with it as the passage's framing`, () => matcher.match(`“${quote}” ` + context.slice(0, MAX_PASSAGE_CHARS - 100)));
      timed(`checkAttribution over ${size} chars`, () => checkAttribution(context, bailey));
    }
  });

  it('a release paragraph of 8,000 quotations (568 KB): parsed in linear time', () => {
    // Before issue 17 this took 18.8 s: each quotation read the paragraph's whole narrative again.
    const body = `!“${quote}.” `.repeat(8000);
    timed('parseRelease', () => parseRelease('03 Oct 2014\n' + body, 'many.txt'));
  });

  it('a release of one quotation of 120,000 words (within the import limit): built, and matched in bounded time', () => {
    // Before: a 960 KB quotation overflowed the stack writing its word stream, and a passage of a
    // few thousand words was aligned against it for 18.6 s (the product of the two lengths).
    const vocabulary = ['officers', 'patrol', 'the', 'canal', 'towpaths', 'every', 'night', 'and', 'residents', 'report', 'crime', 'quickly'];
    const words = Array.from({ length: 120_000 }, (_, i) => vocabulary[(i * 7 + (i >> 3)) % vocabulary.length]);
    const release = parseRelease(`12 Mar 2019\nCanal patrols\nChief Constable Jo Bloggs said:\n“${words.join(' ')}.”\n`, 'huge.txt');
    const huge = createMatcher(timed('buildIndex', () => buildIndex([release]), BOUND_MS * 5));
    expect(timed('a 30-word passage', () => huge.match(words.slice(5000, 5030).join(' '))).verdict).toBe('verbatim');
    for (const n of [300, 2500]) {
      const passage = words.slice(5000, 5000 + n).join(' ').slice(0, MAX_PASSAGE_CHARS);
      expect(['verbatim', 'altered', 'paraphrase']).toContain(timed(`a ${n}-word passage`, () => huge.match(passage)).verdict);
    }
  });

  it('1,000 quotations in one paragraph: found and checked in seconds', () => {
    const article = `Chief Constable Simon Bailey said “${quote}.” `.repeat(1000);
    const found = timed('findQuotations', () => findQuotations(article));
    expect(found).toHaveLength(1000);
    const report = timed('checkArticle', () => checkArticle(matcher, article), BOUND_MS * 10);
    expect(report.summary.verbatim).toBe(1000);
    const reported = 'Chief Constable Simon Bailey said that the internet was not a safe place for abusing children. '.repeat(1000);
    timed('checkArticle, reported speech', () => checkArticle(matcher, reported), BOUND_MS * 10);
  });
});
