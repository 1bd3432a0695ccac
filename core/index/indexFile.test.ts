/** The index file: build, serialize, load; duplicates; refusing what is not an index of this version. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRelease } from '../parse/parseRelease';
import { INDEX_FORMAT, INDEX_VERSION, type IndexData, type ParsedRelease } from '../types';
import { buildIndex, IndexFormatError, loadIndex, serializeIndex } from './indexFile';

const ROOT = path.resolve(__dirname, '../..');
const FILES = [
  'data/releases/000_d0c768d28ef181f6.txt',
  'data/releases/004_a15ad19b33b3b0ea.txt',
  'tests/fixtures/releases/dev-fraud-2020.txt',
  'tests/fixtures/releases/dev-knife-crime-2019.txt',
  'tests/fixtures/releases/dev-roads-2018.txt',
  'tests/fixtures/releases/dev-statistics-2021.txt',
];
const parsed: ParsedRelease[] = FILES.map((f) => parseRelease(fs.readFileSync(path.join(ROOT, f), 'utf8'), f));
const BUILT = '2024-01-02T03:04:05.000Z';

/** The IndexFormatError a load throws (fails the test on any other outcome). */
function loadError(input: unknown): IndexFormatError {
  try {
    loadIndex(input);
  } catch (e) {
    expect(e).toBeInstanceOf(IndexFormatError);
    return e as IndexFormatError;
  }
  throw new Error('expected an IndexFormatError, the index loaded');
}

describe('build', () => {
  const index = buildIndex(parsed, BUILT);

  it('holds every release and every statement, each statement pointing at its release', () => {
    expect(index).toMatchObject({ format: INDEX_FORMAT, version: INDEX_VERSION, built: BUILT });
    expect(index.releases).toHaveLength(FILES.length);
    expect(index.statements).toHaveLength(parsed.reduce((n, r) => n + r.statements.length, 0));
    for (const p of parsed) {
      const at = index.releases.findIndex((r) => r.id === p.release.id);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(index.releases[at]).toEqual(p.release);
      expect(index.statements.filter((s) => s.release === at).map(({ release: _r, ...s }) => s)).toEqual(p.statements);
    }
  });

  it('orders releases oldest first, whatever the input order', () => {
    const dates = index.releases.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    expect(buildIndex([...parsed].reverse(), BUILT)).toEqual(index);
  });

  it('keeps the same release once, even from another file name', () => {
    const again = parseRelease(fs.readFileSync(path.join(ROOT, FILES[0]), 'utf8'), 'copy-of-000.txt');
    const twice = buildIndex([...parsed, parsed[0], again], BUILT);
    expect(twice.releases).toHaveLength(FILES.length);
    expect(twice.statements).toHaveLength(index.statements.length);
  });

  it('defaults the build time to now, as an ISO timestamp', () => {
    expect(buildIndex([]).built).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(buildIndex([], BUILT)).toMatchObject({ format: INDEX_FORMAT, version: INDEX_VERSION, built: BUILT, releases: [], statements: [] });
  });
});

describe('serialize and load', () => {
  const index = buildIndex(parsed, BUILT);

  it('round-trips exactly, from text and from parsed JSON', () => {
    const text = serializeIndex(index);
    expect(loadIndex(text)).toEqual(index);
    expect(loadIndex(JSON.parse(text))).toEqual(index);
    expect(serializeIndex(loadIndex(text))).toBe(text);
  });

  it('keeps curly quotes, accents and line breaks in statements', () => {
    const r = parseRelease(['1 Jan 2020', 'Lead.', 'Detective Inspector José O’Neill said:', '“It’s “done”.', '“Ça va.”'].join('\n'), 'x.txt');
    const back = loadIndex(serializeIndex(buildIndex([r], BUILT)));
    expect(r.statements[1].text).toBe('It’s “done”.\nÇa va.');
    expect(back.statements[1].text).toBe(r.statements[1].text);
    expect(back.statements[1].speaker?.name).toBe('José O’Neill');
  });
});

describe('refusing what is not an index of this version', () => {
  const good = (): IndexData => JSON.parse(serializeIndex(buildIndex(parsed, BUILT)));

  it('damaged JSON', () => {
    const text = serializeIndex(buildIndex(parsed, BUILT));
    expect(loadError(text.slice(0, text.length / 2)).message).toMatch(/not JSON/);
    expect(loadError('').message).toMatch(/not JSON/);
    expect(loadError('\u0000\u0001').message).toMatch(/not JSON/);
  });

  it('another format, or no object at all', () => {
    for (const x of ['[]', 'null', '42', '"index"', '{}', JSON.stringify({ ...good(), format: 'something-else' })]) {
      expect(loadError(x).message, x).toMatch(new RegExp(`not an On the Record index.*${INDEX_FORMAT}`));
    }
    expect(loadError(null).message).toMatch(/not an On the Record index/);
    expect(loadError([good()]).message).toMatch(/not an On the Record index/);
  });

  it('another version, naming it and the version this code reads', () => {
    for (const v of [INDEX_VERSION + 1, 0, '1', null]) {
      const e = loadError(JSON.stringify({ ...good(), version: v }));
      expect(e.message).toContain(`version ${JSON.stringify(v)}`);
      expect(e.message).toContain(`reads ${INDEX_VERSION}`);
    }
    expect(loadError({ ...good(), version: 2 }).message).toMatch(/version 2 is not supported/);
  });

  it('missing or malformed releases and statements', () => {
    const cases: [string, (d: IndexData) => unknown][] = [
      ['no releases', (d) => ({ ...d, releases: undefined })],
      ['statements not a list', (d) => ({ ...d, statements: {} })],
      ['release without id', (d) => ({ ...d, releases: d.releases.map((r, i) => (i === 1 ? { ...r, id: undefined } : r)) })],
      ['release with a non-ISO date', (d) => ({ ...d, releases: d.releases.map((r, i) => (i === 0 ? { ...r, date: '03 Oct 2014' } : r)) })],
      ['release a string', (d) => ({ ...d, releases: ['x'] })],
      ['statement pointing past the releases', (d) => ({ ...d, statements: [{ ...d.statements[0], release: d.releases.length }] })],
      ['statement pointing at -1', (d) => ({ ...d, statements: [{ ...d.statements[0], release: -1 }] })],
      ['statement with a fractional release', (d) => ({ ...d, statements: [{ ...d.statements[0], release: 0.5 }] })],
      ['statement of another kind', (d) => ({ ...d, statements: [{ ...d.statements[0], kind: 'rumour' }] })],
      ['statement without text', (d) => ({ ...d, statements: [{ ...d.statements[0], text: 7 }] })],
      ['speaker without a name', (d) => ({ ...d, statements: [{ ...d.statements[1], speaker: { rank: 'x' } }] })],
      ['statement null', (d) => ({ ...d, statements: [null] })],
    ];
    for (const [what, damage] of cases) {
      const e = loadError(JSON.stringify(damage(good())));
      expect(e.message, what).toMatch(/damaged/);
    }
    expect(loadError(JSON.stringify({ ...good(), statements: [good().statements[0], { kind: 'quote' }] })).message).toMatch(/statement 1/);
  });

  it('a damaged search section; an index without one still loads', () => {
    const d = good();
    expect(d.search).toBeDefined();
    for (const search of [null, 'x', { ...d.search, terms: undefined }, { ...d.search, postings: ['a'], terms: ['a', 'b'] }, { ...d.search, words: 3 }]) {
      expect(loadError(JSON.stringify({ ...d, search })).message, JSON.stringify(search)).toMatch(/damaged.*search/);
    }
    const { search: _s, ...bare } = d;
    expect(loadIndex(JSON.stringify(bare)).statements).toEqual(d.statements);
  });
});
