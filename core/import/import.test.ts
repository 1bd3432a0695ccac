import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildIndex, createMatcher, dedupeReleases, exportReleases, htmlToReleaseText, loadIndex, mergeIndex, parseRelease,
  readImport, ReleaseParseError, releasesOfIndex, serializeIndex, findDateInText,
} from '../index';

const root = join(__dirname, '..', '..');
const seed = readFileSync(join(root, 'tests/fixtures/releases/dev-roads-2018.txt'), 'utf8');
const other = readFileSync(join(root, 'tests/fixtures/releases/dev-fraud-2020.txt'), 'utf8');
const bundled = loadIndex(readFileSync(join(root, 'data/index.otr'), 'utf8'));

function issuesOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ReleaseParseError);
    return (e as ReleaseParseError).issues;
  }
  throw new Error('expected a ReleaseParseError');
}

describe('readImport', () => {
  it('reads a .txt release and a pasted text', () => {
    const [r] = readImport('roads.txt', seed);
    expect(r.release.source).toBe('roads.txt');
    expect(r.statements.length).toBeGreaterThan(0);
    expect(readImport('pasted', seed, 'https://example.org/r')[0].release.url).toBe('https://example.org/r');
  });

  it('a bad release names the file and the line', () => {
    const issues = issuesOf(() => readImport('notes.txt', 'Draft\nnothing'));
    expect(issues[0]).toMatchObject({ file: 'notes.txt', line: 1 });
  });

  it('round-trips an export', () => {
    const releases = [parseRelease(seed, 'a.txt'), parseRelease(other, 'b.txt')];
    const json = JSON.stringify(exportReleases(releases));
    const back = readImport('export.json', json);
    expect(back).toEqual(releases);
  });

  it('reads an otr index file as its releases', () => {
    const releases = [parseRelease(seed, 'a.txt'), parseRelease(other, 'b.txt')];
    const back = readImport('index.otr', serializeIndex(buildIndex(releases)));
    expect(back.map((r) => r.release.id).sort()).toEqual(releases.map((r) => r.release.id).sort());
    const a = back.find((r) => r.release.id === releases[0].release.id)!;
    expect(a.statements).toEqual(releases[0].statements);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another format', '{"format":"x"}', /not an On the Record file/],
    ['another version', '{"format":"on-the-record/releases","version":2,"releases":[]}', /version 2/],
    ['no releases', '{"format":"on-the-record/releases","version":1,"releases":[]}', /no release/],
    ['a damaged index', '{"format":"on-the-record/index","version":5,"built":"2024-01-01T00:00:00Z","speakers":[],"releases":{"id":[{}]},"statements":{}}', /damaged/],
    ['an index of the older layout', '{"format":"on-the-record/index","version":1,"releases":[],"statements":[]}', /version 1 is not supported.*rebuild it with "otr index"/],
    ['an index with posting lists (version 2)', '{"format":"on-the-record/index","version":2,"built":"2024-01-01T00:00:00Z","speakers":[],"releases":{},"statements":{}}', /version 2 is not supported.*rebuild it with "otr index"/],
  ])('refuses %s', (_n, text, reason) => {
    expect(issuesOf(() => readImport('x.json', text))[0].reason).toMatch(reason);
  });

  it('refuses a release with a malformed statement, date, id or url', () => {
    const good = exportReleases([parseRelease(seed, 'a.txt')]);
    const mutate = (f: (r: any) => void) => {
      const copy = JSON.parse(JSON.stringify(good));
      f(copy.releases[0]);
      return JSON.stringify(copy);
    };
    expect(issuesOf(() => readImport('x.json', mutate((r) => (r.statements[0].kind = 'rumour'))))[0].reason).toMatch(/release 1: statement 1/);
    expect(issuesOf(() => readImport('x.json', mutate((r) => (r.release.date = '2018-13-45'))))[0].reason).toMatch(/date/);
    expect(issuesOf(() => readImport('x.json', mutate((r) => (r.release.id = 'x'))))[0].reason).toMatch(/id/);
    expect(issuesOf(() => readImport('x.json', mutate((r) => (r.release.url = 'javascript:alert(1)'))))[0].reason).toMatch(/url/);
    expect(issuesOf(() => readImport('x.json', mutate((r) => (r.statements = []))))[0].reason).toMatch(/no statements/);
    // Held to the calendar, as a release's text is: no 30 February, no year 0 or 9999.
    for (const date of ['2023-02-30', '2023-02-31', '2023-04-31', '0000-01-01', '9999-12-31']) {
      expect(issuesOf(() => readImport('x.json', mutate((r) => (r.release.date = date))))[0].reason, date).toBe(`release 1: its date ${date} is not a real date`);
    }
    expect(readImport('x.json', mutate((r) => (r.release.date = '2024-02-29')))[0].release.date).toBe('2024-02-29');
    // A name, role or text of invisible characters only is none: it would show as nothing.
    for (const blank of ['\u200b', ' \u200b\u2066 ', '\u3164', '\u00ad\u061c']) {
      expect(() => readImport('x.json', mutate((r) => (r.statements.find((st: any) => st.speaker?.name).speaker.name = blank))), JSON.stringify(blank)).toThrow(/statement/);
      expect(() => readImport('x.json', mutate((r) => (r.statements[0].text = blank))), JSON.stringify(blank)).toThrow(/statement 1/);
    }
  });

  it('drops unknown fields', () => {
    const file = exportReleases([parseRelease(seed, 'a.txt')]) as any;
    file.releases[0].release.extra = 'x';
    file.releases[0].statements[0].html = '<b>';
    const [r] = readImport('x.json', JSON.stringify(file));
    expect(r.release).not.toHaveProperty('extra');
    expect(r.statements[0]).not.toHaveProperty('html');
  });

  it('an .html file needs its article extracted first', () => {
    expect(issuesOf(() => readImport('page.html', '<p>x</p>'))[0].reason).toMatch(/extracted/);
  });
});

describe('htmlToReleaseText', () => {
  it('builds the release layout from an article with a published time', () => {
    const text = htmlToReleaseText({
      title: 'Police warn of fraud',
      publishedTime: '2020-03-04T10:00:00Z',
      paragraphs: ['Police warn of fraud', 'Published 4 March 2020', 'Chief Constable Jane Roe said:', '“Be careful with   calls.”'],
    });
    expect(text).toBe('04 Mar 2020\nPolice warn of fraud\nChief Constable Jane Roe said:\n“Be careful with calls.”\n');
    const r = parseRelease(text, 'page');
    expect(r.release.date).toBe('2020-03-04');
    expect(r.statements.find((s) => s.kind === 'quote')?.speaker?.name).toBe('Jane Roe');
  });

  it('finds the date in the text and splits textContent by lines', () => {
    const text = htmlToReleaseText({ title: 'T', textContent: 'Posted on June 4th, 2019 by the press office\n\nBody line one.\nBody two.' });
    expect(text.split('\n')[0]).toBe('04 Jun 2019');
    expect(text).toContain('\nT\n');
    expect(findDateInText('on 2021-02-29 or 1 March 2021')).toBe('01 Mar 2021');
  });

  it('refuses a page with no date or no text', () => {
    expect(issuesOf(() => htmlToReleaseText({ title: 'T', paragraphs: ['No date here.'] }, 'p.html'))[0]).toMatchObject({ file: 'p.html', line: 1 });
    expect(issuesOf(() => htmlToReleaseText({ title: 'T', paragraphs: [], publishedTime: '2020-01-01' }))[0].reason).toMatch(/no article text/);
  });
});

describe('merge', () => {
  const mine = parseRelease(seed, 'mine.txt');

  it('adds the reader\'s releases to the bundled index and matches them', () => {
    const { data, alreadyBundled } = mergeIndex(bundled, [mine, mine]);
    expect(alreadyBundled).toEqual([]);
    expect(data.releases.length).toBe(bundled.releases.length + 1);
    expect(data.built).toBe(bundled.built);
    const quote = mine.statements.find((s) => s.kind === 'quote')!;
    const answer = createMatcher(data).match(quote.text.split('\n')[0]);
    expect(answer.verdict).toBe('verbatim');
    expect(answer.best?.release.id).toBe(mine.release.id);
    expect(createMatcher(bundled).match(quote.text.split('\n')[0]).best?.release.id).not.toBe(mine.release.id);
  });

  it('recognises a release the bundle already holds', () => {
    const again = releasesOfIndex(bundled)[0];
    const { data, alreadyBundled } = mergeIndex(bundled, [again]);
    expect(alreadyBundled).toEqual([again.release.id]);
    expect(data).toBe(bundled);
  });

  it('dedupes by content id, first wins', () => {
    const b = parseRelease(seed, 'copy.txt');
    expect(dedupeReleases([mine, b]).map((r) => r.release.source)).toEqual(['mine.txt']);
  });
});
