/**
 * The import readers on hostile files (issue 7, input): any .txt or .json text, any
 * JSON shape, and valid export and index files with one part replaced by something
 * else. They return releases that pass the strict checks, or throw ReleaseParseError
 * naming the file; never a TypeError or anything else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, exportReleases, parseRelease, readImport, releaseProblem, ReleaseParseError, serializeIndex } from '../index';
import { mutated, replaced } from '../../tests/support/mutate';
import { joinIndex, splitIndex } from '../../tests/support/indexText';

const root = join(__dirname, '..', '..');
const releases = ['dev-roads-2018.txt', 'dev-fraud-2020.txt'].map((f) => parseRelease(readFileSync(join(root, 'tests/fixtures/releases', f), 'utf8'), f));
const exportFile = JSON.parse(JSON.stringify(exportReleases(releases, '2024-01-01T00:00:00.000Z')));
const { header: indexHeader, texts: indexTexts, streams: indexStreams } = splitIndex(serializeIndex(buildIndex(releases, '2024-01-01T00:00:00.000Z')));

/** Reads; what comes back must pass the strict release checks, and what is thrown must be a ReleaseParseError naming the file. */
function readOrRefuse(name: string, text: string): void {
  let out: ReturnType<typeof readImport>;
  try {
    out = readImport(name, text);
  } catch (e) {
    if (!(e instanceof ReleaseParseError)) throw new Error(`${(e as Error)?.name}: ${(e as Error)?.message} reading ${name}: ${text.slice(0, 300)}`);
    expect(e.issues.length).toBeGreaterThan(0);
    for (const i of e.issues) expect(i.file).toBe(name);
    return;
  }
  expect(out.length).toBeGreaterThan(0);
  for (const r of out) expect(releaseProblem(r), JSON.stringify(r).slice(0, 300)).toBeNull();
}

describe('readImport on hostile files', () => {
  it('any text as .txt: releases or ReleaseParseError', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('', '\uFEFF', '{}', '12 Mar 2019\n“x”'));
    fc.assert(fc.property(text, (t) => readOrRefuse('any.txt', t)), { numRuns: 800, seed: 31 });
  });

  it('any text and any JSON as .json: releases or ReleaseParseError', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
      fc.anything({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'undefined'),
      fc.constantFrom('', '\uFEFF{}', 'null', '[]', '"x"', '1', '{"format":null}', '{"format":"on-the-record/releases"}', '{"format":"on-the-record/index","version":1}',
        '{"__proto__":{"format":"on-the-record/releases"}}', '['.repeat(100_000), '{"a":'.repeat(50_000)),
    );
    fc.assert(fc.property(text, (t) => readOrRefuse('any.json', t)), { numRuns: 800, seed: 32 });
  });

  it('an export file with parts replaced or deleted: releases that pass the checks, or ReleaseParseError', () => {
    fc.assert(fc.property(mutated(exportFile), (f) => readOrRefuse('export.json', JSON.stringify(f))), { numRuns: 1500, seed: 33 });
  });

  it('an index file with parts replaced or deleted: releases that pass the checks, or ReleaseParseError', () => {
    fc.assert(fc.property(mutated(indexHeader), (h) => readOrRefuse('index.otr', joinIndex(h, indexTexts, indexStreams))), { numRuns: 1500, seed: 34 });
  });

  it('an index file is held to the same checks as an export: a javascript: url or a rank that is not text is refused', () => {
    const withUrl = replaced(indexHeader, ['releases', 'url', 0], 'javascript:alert(1)');
    // The file keeps each speaker once, in a table ([name, rank, role]); loadIndex itself refuses a rank that is not text.
    const withRank = replaced(indexHeader, ['speakers', 0, 1], 0);
    expect(() => readImport('index.otr', joinIndex(withUrl, indexTexts, indexStreams))).toThrow(/release 1: its url is not an http\(s\) address/);
    expect(() => readImport('index.otr', joinIndex(withRank, indexTexts, indexStreams))).toThrow(/index is damaged: speaker 0 is malformed/);
  });

  it('a file over the size limit is refused with a reason, before it is read', () => {
    const big = '12 Mar 2019\n' + 'x'.repeat(6 * 1024 * 1024);
    expect(() => readImport('big.txt', big)).toThrow(/too large/);
    expect(() => readImport('big.json', big)).toThrow(ReleaseParseError);
  });
});
