/**
 * loadIndex on hostile index files (issue 7, input: a malicious index file): any text,
 * any JSON, and a valid index with parts of its header replaced or deleted, or its texts
 * cut, lengthened or changed. It returns the index or
 * throws IndexFormatError; nothing else. An index it accepts, however damaged, gives a
 * matcher that answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, createMatcher, IndexFormatError, loadIndex, parseRelease, serializeIndex, type IndexData } from '../index';
import { mutated } from '../../tests/support/mutate';
import { joinIndex, splitIndex } from '../../tests/support/indexText';

const root = join(__dirname, '..', '..');
const releases = ['dev-roads-2018.txt', 'dev-fraud-2020.txt'].map((f) => parseRelease(readFileSync(join(root, 'tests/fixtures/releases', f), 'utf8'), f));
const indexText = serializeIndex(buildIndex(releases, '2024-01-01T00:00:00.000Z'));
const { header, texts, streams } = splitIndex(indexText);
/** The streams block with statement 0's stream replaced. */
const withFirstStream = (p: string) => p + streams.slice(streams.indexOf('\n'));

function loadOrRefuse(input: unknown): void {
  try {
    loadIndex(input as string);
  } catch (e) {
    if (!(e instanceof IndexFormatError)) throw new Error(`${(e as Error)?.name}: ${(e as Error)?.message} on ${String(JSON.stringify(input)).slice(0, 300)}`);
    expect(e.message).toMatch(/index/);
  }
}

/** The index with its header's parts replaced or deleted, or its texts or streams damaged: cut short, run on, or a stretch replaced. */
const body = texts + streams;
const mutatedIndex = fc.oneof(
  mutated(header).map((h) => joinIndex(h, texts, streams)),
  fc.tuple(fc.nat({ max: body.length }), fc.nat({ max: 40 }), fc.string({ unit: 'binary', maxLength: 40 })).map(([at, cut, put]) => joinIndex(header, body.slice(0, at) + put + body.slice(at + cut), '')),
);

describe('loadIndex on hostile files', () => {
  it('any text: the index or IndexFormatError', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
      fc.constantFrom('', 'null', '[]', '\n', '{"format":"on-the-record/index"}', '{"format":"on-the-record/index","version":1}', '{"format":"on-the-record/index","version":3}', '{"format":"on-the-record/index","version":4}\nx', '['.repeat(100_000), indexText.slice(0, -1), indexText.slice(0, indexText.indexOf('\n'))),
    );
    fc.assert(fc.property(text, loadOrRefuse), { numRuns: 800, seed: 41 });
  });

  it('anything that is not text (a caller outside TypeScript): IndexFormatError', () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 4 }).filter((x) => typeof x !== 'string'), (x) => {
      expect(() => loadIndex(x as string)).toThrow(/not an On the Record index: not text/);
    }), { numRuns: 300, seed: 42 });
  });

  it('a valid index with parts of its header replaced or deleted, or its texts damaged: the index or IndexFormatError', () => {
    fc.assert(fc.property(mutatedIndex, loadOrRefuse), { numRuns: 2000, seed: 43 });
  });

  it('a word stream that is not word numbers the matcher can decode is refused (a bad posting list used to reach the matcher and throw a TypeError there)', () => {
    for (const p of [' #', '\\', 'é', '~', '~~~~~~~~#', '# ', '\t#']) {
      const damaged = joinIndex(header, texts, withFirstStream(p));
      expect(() => loadIndex(damaged), JSON.stringify(p)).toThrow(/index is damaged: its search section is malformed \(statement 0's words/);
    }
  });

  it('the valid index itself loads', () => {
    expect(loadIndex(indexText).releases.length).toBe(2);
  });

  it('an index it accepts, however damaged, gives a matcher that answers', () => {
    const passages = ['Officers stopped 4,310 drivers during the two-week operation', 'Helen Marsh said one driver distracted by a phone is one too many'];
    fc.assert(
      fc.property(mutatedIndex, (m) => {
        let data: IndexData;
        try {
          data = loadIndex(m);
        } catch {
          return;
        }
        const matcher = createMatcher(data);
        for (const p of passages) expect(['verbatim', 'altered', 'paraphrase', 'not-found', 'invalid']).toContain(matcher.match(p).verdict);
      }),
      { numRuns: 1500, seed: 44 },
    );
  });
});
