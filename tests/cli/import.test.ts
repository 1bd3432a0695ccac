/** `otr index` with saved release pages (.html) and exported releases or index files (.json). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportReleases, loadIndex, parseRelease } from '../../core/index';
import { FIXTURES, ROOT, devFixtures, otr, tempDir } from './run';

const IMPORT = path.join(ROOT, 'tests', 'fixtures', 'import');
const page = path.join(IMPORT, 'canal-patrols.html');

describe('otr index: .html and .json', () => {
  it('reads a saved release page: its article, date and address', () => {
    const dir = tempDir();
    const out = path.join(dir, 'index.otr');
    const r = otr(['index', page, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 release, 2 quotations, \d+ narrative statements?, 2 speakers/);
    expect(r.stdout).toContain('2022-05-17  canal-patrols.html');
    const data = loadIndex(fs.readFileSync(out, 'utf8'));
    expect(data.releases[0]).toMatchObject({
      date: '2022-05-17',
      title: 'New patrols to keep canal towpaths safe',
      url: 'https://news.northshire-police.example/releases/canal-patrols',
    });
    // Navigation and footer are not the release.
    expect(JSON.stringify(data.statements)).not.toMatch(/Careers|social media/);
    const m = otr(['match', '--index', out, '--json', 'Our officers will be out every night between six and midnight']);
    expect(JSON.parse(m.stdout)).toMatchObject({ verdict: 'verbatim', best: { speaker: { name: 'Alice Fenwick' } } });
  });

  it('the page and the same release as text are one release', () => {
    const r = otr(['index', page, path.join(IMPORT, 'canal-patrols.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 release,/);
    expect(r.stdout).toContain('1 repeated a release already read');
  });

  it('reads an exported releases file and an index file', () => {
    const dir = tempDir();
    const exported = path.join(dir, 'mine.json');
    const text = fs.readFileSync(path.join(FIXTURES, 'dev-roads-2018.txt'), 'utf8');
    fs.writeFileSync(exported, JSON.stringify(exportReleases([parseRelease(text, 'dev-roads-2018.txt')])));
    const built = path.join(dir, 'built.json');
    expect(otr(['index', devFixtures(), '--out', built]).code).toBe(0);
    const r = otr(['index', exported, built, '--out', path.join(dir, 'again.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^4 releases,/);
    expect(r.stdout).toContain('1 repeated a release already read');
  });

  it('a page with no date, a damaged .json and a bad release are named with file and line; --strict writes nothing', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"format":"on-the-record/releases","version":1,"releases":[{"release":{}}]}');
    const out = path.join(dir, 'index.otr');
    const args = ['index', page, path.join(IMPORT, 'no-date.html'), path.join(IMPORT, 'broken.txt'), bad, '--out', out];
    const strict = otr([...args, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/no-date\.html:1: no publication date found/);
    expect(strict.stderr).toMatch(/broken\.txt:2: "30 Feb 2023" is not a real date/);
    expect(strict.stderr).toMatch(/bad\.json:1: release 1: /);
    expect(strict.stderr).toMatch(/3 of 4 release files could not be read; no index built/);
    expect(fs.existsSync(out)).toBe(false);
    // Without --strict the page that can be read is indexed, and the run says it is partial.
    const partial = otr(args);
    expect(partial.code).toBe(3);
    expect(partial.stderr).toMatch(/3 of 4 release files could not be read and were left out; the index holds the other 1 release/);
    expect(loadIndex(fs.readFileSync(out, 'utf8')).releases.map((r) => r.source)).toEqual(['canal-patrols.html']);
  });
});
