/** The index file: build, serialize, load; duplicates; refusing what is not an index of this version. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeStream, isDense, readStreams, sentenceStarts, streamBlock } from './wordStreams';
import { parseRelease } from '../parse/parseRelease';
import { INDEX_FORMAT, INDEX_VERSION, type IndexData, type ParsedRelease } from '../types';
import { buildIndex, IndexFormatError, loadIndex, serializeIndex } from './indexFile';
import { type IndexHeader } from './fileLayout';
import { joinIndex, splitIndex } from '../../tests/support/indexText';

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
function loadError(input: string): IndexFormatError {
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

  it('round-trips exactly', () => {
    const text = serializeIndex(index);
    expect(loadIndex(text)).toEqual(index);
    expect(serializeIndex(loadIndex(text))).toBe(text);
  });

  it('writes the header as JSON on the first line, the texts after it as they are, then the word streams, one a line', () => {
    const text = serializeIndex(index);
    const { header, texts, streams } = splitIndex(text);
    expect(header).toMatchObject({ format: INDEX_FORMAT, version: INDEX_VERSION, built: BUILT });
    expect(header.search).not.toHaveProperty('streams');
    expect(texts).toBe(index.statements.map((s) => s.text).join(''));
    expect(header.statements.textLength).toEqual(index.statements.map((s) => s.text.length));
    expect(streams).toBe(index.search!.file.streams);
    expect(streams.split('\n')).toHaveLength(index.statements.length + 1);
    expect(streams.endsWith('\n')).toBe(true);
  });

  it('round-trips any texts: line breaks, quotes, backslashes, lone surrogates, empty texts (lengths in UTF-16 units)', () => {
    const [a] = buildIndex(parsed, BUILT).releases;
    const text = fc.string({ unit: 'binary', maxLength: 30 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), fc.string({ maxLength: 3 }), (texts, odd) => {
        const data: IndexData = {
          format: INDEX_FORMAT,
          version: INDEX_VERSION,
          built: BUILT,
          releases: [{ ...a, title: 'T' }],
          statements: [...texts, `\n"\\${odd}\ud800`].map((t, i) => ({ kind: 'quote', speaker: null, text: t, line: i + 1, release: 0 })),
        };
        expect(loadIndex(serializeIndex(data))).toEqual(data);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps curly quotes, accents and line breaks in statements', () => {
    const r = parseRelease(['1 Jan 2020', 'Lead.', 'Detective Inspector José O’Neill said:', '“It’s “done”.', '“Ça va.”'].join('\n'), 'x.txt');
    const back = loadIndex(serializeIndex(buildIndex([r], BUILT)));
    expect(r.statements[1].text).toBe('It’s “done”.\nÇa va.');
    expect(back.statements[1].text).toBe(r.statements[1].text);
    expect(back.statements[1].speaker?.name).toBe('José O’Neill');
  });
});

describe('the file', () => {
  const index = buildIndex(parsed, BUILT);
  const file = (): IndexHeader => splitIndex(serializeIndex(index)).header;

  it('keeps each speaker once and each statement as one entry of each column', () => {
    const f = file();
    const names = new Set(index.statements.map((s) => s.speaker && JSON.stringify(s.speaker)).filter(Boolean));
    expect(f.speakers).toHaveLength(names.size);
    for (const column of [f.statements.textLength, f.statements.release, f.statements.speaker, f.statements.line]) expect(column).toHaveLength(index.statements.length);
    expect(f.statements.kind).toMatch(/^[qn]+$/);
  });

  it('refers to a statement for a title that is one of its release’s statements, and keeps other titles as text', () => {
    const f = file();
    index.releases.forEach((r, i) => {
      const t = f.releases.title[i];
      if (typeof t === 'number') expect(index.statements.filter((s) => s.release === i)[t].text).toBe(r.title);
      else expect(index.statements.some((s) => s.release === i && s.text === r.title)).toBe(false);
    });
    expect(f.releases.title.some((t) => typeof t === 'number')).toBe(true);
  });

  it('round-trips statements in any order, releases without statements and optional fields', () => {
    const [a, b] = index.releases;
    const odd: IndexData = {
      format: INDEX_FORMAT,
      version: INDEX_VERSION,
      built: BUILT,
      releases: [{ ...a, organisation: '', url: 'https://example.org/a' }, { id: b.id, date: b.date, title: 'Only a title' }, { ...b, title: 'x' }],
      statements: [
        { kind: 'quote', speaker: { name: 'A', rank: null, role: 'r' }, text: 'x', line: 9, release: 2 },
        { kind: 'narrative', speaker: null, text: 'Lead', line: 2, release: 0 },
        { kind: 'quote', speaker: { name: 'A', rank: null, role: 'r' }, text: 'y', line: 4, release: 2 },
        { kind: 'quote', speaker: null, text: 'z', line: 3, release: 0 },
      ],
    };
    odd.releases[0].title = 'Lead';
    const back = loadIndex(serializeIndex(odd));
    expect(back).toEqual(odd);
    expect(Object.keys(back.releases[1])).toEqual(['id', 'date', 'title']);
  });
});

describe('refusing what is not an index of this version', () => {
  const text = serializeIndex(buildIndex(parsed, BUILT));
  const { header: goodHeader, texts, streams } = splitIndex(text);
  const good = (): IndexHeader => JSON.parse(JSON.stringify(goodHeader));

  it('a header that is not JSON', () => {
    expect(loadError(text.slice(0, text.indexOf('\n') / 2)).message).toMatch(/first line is not JSON/);
    expect(loadError('').message).toMatch(/not JSON/);
    expect(loadError('\n' + texts).message).toMatch(/not JSON/);
    expect(loadError('\u0000\u0001').message).toMatch(/not JSON/);
  });

  it('another format, or no object at all', () => {
    for (const x of ['[]', 'null', '42', '"index"', '{}', joinIndex({ ...good(), format: 'something-else' }, texts, streams), joinIndex([good()], texts, streams)]) {
      expect(loadError(x).message, x.slice(0, 80)).toMatch(new RegExp(`not an On the Record index.*${INDEX_FORMAT}`));
    }
    expect(loadError(null as unknown as string).message).toMatch(/not an On the Record index: not text/);
  });

  it('another version, naming it and the version this code reads', () => {
    for (const v of [INDEX_VERSION + 1, 0, '2', null]) {
      const e = loadError(joinIndex({ ...good(), version: v }, texts, streams));
      expect(e.message).toContain(`version ${JSON.stringify(v)}`);
      expect(e.message).toContain(`reads ${INDEX_VERSION}`);
    }
  });

  it('a file of an older layout: rebuild it', () => {
    const index = buildIndex(parsed, BUILT);
    const v1 = JSON.stringify({ ...index, version: 1 });
    expect(loadError(v1).message).toBe(`index format version 1 is not supported (this version reads ${INDEX_VERSION}); rebuild it with "otr index"`);
    // Version 3 kept the texts inside the JSON, on one line.
    const { search: _s, ...v3 } = { ...good(), version: 3, statements: { ...good().statements, textLength: undefined, text: index.statements.map((s) => s.text) } };
    expect(loadError(JSON.stringify(v3)).message).toBe(`index format version 3 is not supported (this version reads ${INDEX_VERSION}); rebuild it with "otr index"`);
  });

  it('texts and streams that do not add up: cut short, run on, or a length that is not one', () => {
    const lengths = good().statements.textLength;
    const n = lengths.length;
    expect(loadError(text.slice(0, text.indexOf('\n') + 1)).message).toBe("index is damaged: its texts end before statement 0's (the file is cut short, or a length is wrong)");
    expect(loadError(text.slice(0, -1)).message).toBe(`index is damaged: its search section is malformed (its word streams are fewer than its ${n} statements)`);
    expect(loadError(text + '#\n').message).toBe(`index is damaged: its search section is malformed (its word streams are more than its ${n} statements)`);
    // Without a search section the texts end the file.
    const { search: _s, ...bare } = good();
    const bareWith = (first: unknown) => joinIndex({ ...bare, statements: { ...bare.statements, textLength: [first, ...lengths.slice(1)] } }, texts, '');
    expect(loadIndex(bareWith(lengths[0])).statements).toHaveLength(n);
    expect(loadError(bareWith(lengths[0] + 1)).message).toBe(`index is damaged: its texts end before statement ${n - 1}'s (the file is cut short, or a length is wrong)`);
    expect(loadError(bareWith(lengths[0] - 1)).message).toBe("index is damaged: its texts run on for 1 characters after the last statement's (a length is wrong)");
    // (With one, a wrong length moves characters between the last text and the streams: the streams
    // usually no longer read, and when they do the index is one whose texts and streams disagree.)
    const withLength = (first: unknown) => joinIndex({ ...good(), statements: { ...good().statements, textLength: [first, ...lengths.slice(1)] } }, texts, streams);
    for (const bad of [-1, 0.5, '3', null]) expect(loadError(withLength(bad)).message, String(bad)).toBe('index is damaged: statement 0 is malformed');
  });

  it('missing or malformed parts, naming what is wrong', () => {
    const cases: [string, (d: IndexHeader) => unknown, RegExp][] = [
      ['no build time', (d) => ({ ...d, built: 7 }), /build time/],
      ['no speakers', (d) => ({ ...d, speakers: undefined }), /speakers are missing/],
      ['a speaker without a name', (d) => ({ ...d, speakers: [[null, 'x', null], ...d.speakers.slice(1)] }), /speaker 0 is malformed/],
      ['a speaker with a rank that is not text', (d) => ({ ...d, speakers: [d.speakers[0], [d.speakers[1][0], 3, null]] }), /speaker 1 is malformed/],
      ['a speaker as an object', (d) => ({ ...d, speakers: [{ name: 'x', rank: null, role: null }] }), /speaker 0 is malformed/],
      ['no releases', (d) => ({ ...d, releases: undefined }), /releases are missing/],
      ['releases as a list', (d) => ({ ...d, releases: [] }), /releases are missing/],
      ['no release dates', (d) => ({ ...d, releases: { ...d.releases, date: undefined } }), /releases have no date list/],
      ['release lists of different lengths', (d) => ({ ...d, releases: { ...d.releases, source: d.releases.source.slice(1) } }), /differ in length \(source\)/],
      ['release without id', (d) => ({ ...d, releases: { ...d.releases, id: d.releases.id.map((x, i) => (i === 1 ? null : x)) } }), /release 1 is malformed/],
      ['release with a non-ISO date', (d) => ({ ...d, releases: { ...d.releases, date: ['03 Oct 2014', ...d.releases.date.slice(1)] } }), /release 0 is malformed/],
      ['release with an organisation that is not text', (d) => ({ ...d, releases: { ...d.releases, organisation: d.releases.organisation.map(() => 1) } }), /release 0 is malformed/],
      ['a title that is neither', (d) => ({ ...d, releases: { ...d.releases, title: d.releases.title.map(() => null) } }), /release 0's title/],
      ['a title past its release’s statements', (d) => ({ ...d, releases: { ...d.releases, title: d.releases.title.map(() => 99) } }), /release 0's title/],
      ['a negative title', (d) => ({ ...d, releases: { ...d.releases, title: d.releases.title.map(() => -1) } }), /release 0's title/],
      ['a fractional title', (d) => ({ ...d, releases: { ...d.releases, title: d.releases.title.map(() => 0.5) } }), /release 0's title/],
      ['statements not columns', (d) => ({ ...d, statements: [] }), /statements are missing/],
      ['no text lengths', (d) => ({ ...d, statements: { ...d.statements, textLength: undefined } }), /statements have no textLength list/],
      ['kinds of another length', (d) => ({ ...d, statements: { ...d.statements, kind: 'q' } }), /kinds/],
      ['kinds not a string', (d) => ({ ...d, statements: { ...d.statements, kind: [...d.statements.kind] } }), /kinds/],
      ['a statement of another kind', (d) => ({ ...d, statements: { ...d.statements, kind: 'r' + d.statements.kind.slice(1) } }), /statement 0 is of kind "r"/],
      ['a statement pointing past the releases', (d) => ({ ...d, statements: { ...d.statements, release: [d.releases.id.length, ...d.statements.release.slice(1)] } }), /statement 0 points at release 6/],
      ['a statement pointing at -1', (d) => ({ ...d, statements: { ...d.statements, release: [-1, ...d.statements.release.slice(1)] } }), /statement 0 points at release -1/],
      ['a fractional release', (d) => ({ ...d, statements: { ...d.statements, release: [0.5, ...d.statements.release.slice(1)] } }), /statement 0 is malformed/],
      ['a speaker past the table', (d) => ({ ...d, statements: { ...d.statements, speaker: d.statements.speaker.map(() => d.speakers.length + 1) } }), /statement 0 names speaker/],
      ['a line before the first', (d) => ({ ...d, statements: { ...d.statements, line: [0, ...d.statements.line.slice(1)] } }), /statement 0 is on line 0/],
      ['a line as text', (d) => ({ ...d, statements: { ...d.statements, line: ['2', ...d.statements.line.slice(1)] } }), /statement 0 is malformed/],
      ['statement lists of different lengths', (d) => ({ ...d, statements: { ...d.statements, line: [] } }), /differ in length \(line\)/],
    ];
    for (const [what, damage, message] of cases) {
      const e = loadError(joinIndex(damage(good()), texts, streams));
      expect(e.message, what).toMatch(/^index is damaged: /);
      expect(e.message, what).toMatch(message);
    }
  });

  it('a damaged search section, naming the part; an index without one still loads', () => {
    const d = good();
    const s = d.search!;
    const cases: [unknown, RegExp][] = [
      [null, /missing/],
      ['x', /missing/],
      [{ ...s, terms: undefined }, /missing/],
      [{ ...s, words: 3 }, /missing/],
      [{ ...s, termCounts: undefined }, /missing/],
      [{ ...s, wordCount: s.wordCount + 1 }, /its word count is not the number of words of the streams/],
      [{ ...s, wordCount: undefined }, /its word count is not the number of words of the streams/],
      [{ ...s, wordTerms: [0] }, /words and wordTerms differ in number/],
      [{ ...s, termCounts: [0] }, /terms and termCounts differ in number/],
      [{ ...s, terms: [1, ...s.terms.slice(1)] }, /term 0 is not text/],
      [{ ...s, words: ['', ...s.words.slice(1)] }, /word 0 is not a word/],
      [{ ...s, wordTerms: [s.terms.length, ...s.wordTerms.slice(1)] }, /word 0's term is not one of the terms/],
      [{ ...s, wordTerms: [0.5, ...s.wordTerms.slice(1)] }, /word 0's term is not one of the terms/],
      [{ ...s, termCounts: [s.termCounts[0] + 1, ...s.termCounts.slice(1)] }, /term 0's statement count is not a count of its statements/],
      [{ ...s, termCounts: ['1', ...s.termCounts.slice(1)] }, /term 0's statement count/],
    ];
    for (const [search, message] of cases) {
      const e = loadError(joinIndex({ ...d, search }, texts, streams));
      expect(e.message, JSON.stringify(search).slice(0, 80)).toMatch(/damaged.*search section is malformed/);
      expect(e.message, JSON.stringify(search).slice(0, 80)).toMatch(message);
    }
    // A stream that names a word the list does not have, or is not word numbers, would throw in the matcher.
    for (const p of [' #', '# ', '#  $', 'a\\', '\u00e9', 'e', '~~~~#']) {
      const e = loadError(joinIndex(d, texts, p + streams.slice(streams.indexOf('\n'))));
      expect(e.message, p).toBe("index is damaged: its search section is malformed (statement 0's words are not word numbers)");
    }
    const { search: _s, ...bare } = d;
    expect(loadIndex(joinIndex(bare, texts, '')).statements).toEqual(buildIndex(parsed, BUILT).statements);
  });
});

describe('word streams', () => {
  /** The plainest reading: each statement's words, and for each term the statements holding one of its words. */
  const reference = (docs: number[][], termOf: (w: number) => number, T: number) =>
    Array.from({ length: T }, (_, t) => docs.flatMap((d, i) => (d.some((w) => termOf(w) === t) ? [i] : [])));

  it('read back what they write (sentence starts included) and file each statement under its terms, for any word numbers', () => {
    // (Word numbers of one to four characters.)
    const statement = fc.array(fc.record({ word: fc.oneof(fc.nat({ max: 70 }), fc.nat({ max: 200_000 })), starts: fc.boolean() }), { maxLength: 30 });
    fc.assert(
      // (Padded with empty statements, so that a term is held by many of them, kept as bits, or by few, kept as a list.)
      fc.property(fc.array(statement, { maxLength: 8 }), fc.nat({ max: 5 }), fc.nat({ max: 300 }), (held, T, padding) => {
        const docs = [...held, ...Array.from({ length: padding }, () => [])];
        const words = 200_001;
        const ids = docs.map((d) => d.map((w) => w.word));
        // (Terms by the word's last digit: some words a function word, some terms of several words.)
        const termOf = (w: number) => Math.max(-1, (w % 10) - (10 - T));
        const wordTerms = new Int32Array(words).fill(-1);
        for (const w of new Set(ids.flat())) wordTerms[w] = termOf(w);
        const want = reference(ids, termOf, T);
        const each = docs.map((d) => encodeStream(d.map((w) => w.word), d.map((w, k) => k > 0 && w.starts)));
        for (const s of each) expect(s).toMatch(/^[ #-\[\]-~]*$/); // printable, no line break
        const streams = streamBlock(each);
        const N = docs.length;
        const count = ids.flat().length;
        const got = readStreams(streams, N, words, wordTerms, want.map((l) => l.length), count);
        if (typeof got === 'string') throw new Error(got);
        docs.forEach((d, i) => {
          expect([...got.tokens.subarray(got.start[i], got.start[i + 1])]).toEqual(ids[i]);
          expect(streams.slice(got.streamStart[i], got.streamStart[i + 1] - 1)).toBe(each[i]);
          expect(sentenceStarts(streams, got.streamStart[i], got.streamStart[i + 1] - 1)).toEqual(d.flatMap((w, k) => (k > 0 && w.starts ? [k] : [])));
          expect(sentenceStarts(each[i])).toEqual(d.flatMap((w, k) => (k > 0 && w.starts ? [k] : [])));
        });
        // A word count that is not the streams', or streams that are not one a statement, are refused.
        for (const wrong of [count + 1, count - 1, count + 0.5]) if (wrong >= 0) expect(readStreams(streams, N, words, wordTerms, want.map((l) => l.length), wrong)).toMatch(/word count/);
        expect(readStreams(streams, N + 1, words, wordTerms, want.map((l) => l.length), count)).toMatch(/fewer than/);
        if (N) expect(readStreams(streams, N - 1, words, wordTerms, want.map((l) => l.length), count)).toMatch(/more than|word count|statement count/);
        const W = (docs.length + 31) >>> 5;
        want.forEach((l, t) => {
          const at = got.denseAt[t];
          expect(at >= 0).toBe(isDense(l.length, docs.length));
          const statements = at >= 0 ? docs.flatMap((_, d) => ((got.bits[at * W + (d >>> 5)] >>> (d & 31)) & 1 ? [d] : [])) : [...got.postings.subarray(got.postingStart[t], got.postingStart[t + 1])];
          expect(statements).toEqual(l);
        });
        // A word number at the limit, or counts that disagree, are refused.
        if (count) expect(readStreams(streams, N, Math.max(...ids.flat()), wordTerms, want.map((l) => l.length), count)).toMatch(/words are not word numbers/);
        if (want.some((l) => l.length)) expect(readStreams(streams, N, words, wordTerms, want.map((l) => l.length + 1), count)).toMatch(/statement count/);
        if (want.some((l) => l.length)) expect(readStreams(streams, N, words, wordTerms, want.map((l) => Math.max(0, l.length - 1)), count)).toMatch(/statement count/);
      }),
      { numRuns: 300 },
    );
  });

  it('refuse what is not a stream', () => {
    const none = new Int32Array(1_000_000).fill(-1);
    expect(readStreams('#\n', 1, 1, none, [], 1)).not.toBeTypeOf('string');
    expect(readStreams('#$ %\n\n', 2, 4, none, [], 3)).not.toBeTypeOf('string');
    // (a space not before a word; a character outside the code; a number left open; a leading zero)
    for (const bad of [' #', '# ', '#  $', '\u00e9', '\\', '"', '\t', '\r', 'e', 'd#']) {
      expect(readStreams(`#\n${bad}\n`, 2, 1_000_000, none, [], 1 + bad.length), JSON.stringify(bad)).toBe("statement 1's words are not word numbers");
    }
    for (const notText of [null, 7, ['#\n']]) expect(readStreams(notText, 1, 1, none, [], 1)).toBe('its word streams are not text');
    expect(readStreams('#', 1, 1, none, [], 1)).toBe('its word streams are fewer than its 1 statements');
    expect(readStreams('#\n#', 1, 1, none, [], 1)).toBe('its word streams are more than its 1 statements');
    expect(readStreams('#\n', 1, 1, new Int32Array([0]), [-1], 1)).toMatch(/term 0's statement count/);
    expect(readStreams('#\n', 1, 1, new Int32Array([0]), [2 ** 40], 1)).toMatch(/term 0's statement count/);
    for (const wrong of [null, '1', -1, 2, 1.5]) expect(readStreams('#\n', 1, 1, none, [], wrong), String(wrong)).toBe('its word count is not the number of words of the streams');
  });
});
