/** `otr index` end to end: the real command line on real and broken release folders. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEX_VERSION, loadIndex } from '../../core/index';
import { FIXTURES, SEEDS, devFixtures, otr, tempDir } from './run';
import { splitIndex } from '../support/indexText';

const SPEAKERS = ['Peter Goodman', 'Simon Bailey', 'Sara Thornton', 'Priya Desai', 'Martin Lowry', 'Helen Marsh', 'Tom Ridley'];

describe('otr index', () => {
  it('summarises the seeds and fixtures and writes nothing without --out', () => {
    const r = otr(['index', SEEDS, devFixtures()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^6 releases, \d+ quotations, \d+ narrative statements?, 7 speakers/);
    for (const name of SPEAKERS) expect(r.stdout).toContain(name);
    for (const file of ['000_d0c768d28ef181f6.txt', 'dev-statistics-2021.txt']) expect(r.stdout).toContain(file);
    expect(r.stdout).toContain('Nothing written');
  });

  it('writes the index with --out: release sources are bare file names', () => {
    const dir = tempDir();
    const out = path.join(dir, 'sub', 'index.otr');
    const r = otr(['index', SEEDS, devFixtures(), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote ${out}`);
    const file = fs.readFileSync(out, 'utf8');
    const { header } = splitIndex(file);
    expect(header.format).toBe('on-the-record/index');
    expect(header.version).toBe(INDEX_VERSION);
    const data = loadIndex(file);
    expect(data.releases.map((x) => x.source).sort()).toEqual([
      '000_d0c768d28ef181f6.txt',
      '004_a15ad19b33b3b0ea.txt',
      'dev-fraud-2020.txt',
      'dev-knife-crime-2019.txt',
      'dev-roads-2018.txt',
      'dev-statistics-2021.txt',
    ]);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['index.otr']); // no temporary file left
  });

  it('reads folders recursively, a file given twice once, and gives the same index every time', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'b', 'deeper'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'a'));
    fs.copyFileSync(path.join(FIXTURES, 'dev-roads-2018.txt'), path.join(dir, 'b', 'deeper', 'roads.txt'));
    fs.copyFileSync(path.join(FIXTURES, 'dev-fraud-2020.txt'), path.join(dir, 'a', 'fraud.txt'));
    fs.copyFileSync(path.join(FIXTURES, 'README.md'), path.join(dir, 'a', 'README.md')); // not a release
    fs.writeFileSync(path.join(dir, '.hidden.txt'), 'not read');
    const out = path.join(dir, 'index.otr');
    const r = otr(['index', dir, path.join(dir, 'a', 'fraud.txt'), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const data = loadIndex(fs.readFileSync(out, 'utf8'));
    expect(data.releases.map((x) => x.source).sort()).toEqual(['fraud.txt', 'roads.txt']);
    // The same files give the same index, apart from the build time.
    const again = path.join(dir, 'again.otr');
    expect(otr(['index', dir, '--out', again]).code).toBe(0);
    expect({ ...loadIndex(fs.readFileSync(again, 'utf8')), built: '' }).toEqual({ ...data, built: '' });
  });

  it('reads a release with a byte-order mark and CRLF line endings like the plain one', () => {
    const dir = tempDir();
    const plain = fs.readFileSync(path.join(FIXTURES, 'dev-fraud-2020.txt'), 'utf8');
    fs.mkdirSync(path.join(dir, 'plain'));
    fs.mkdirSync(path.join(dir, 'crlf'));
    fs.writeFileSync(path.join(dir, 'plain', 'fraud.txt'), plain);
    fs.writeFileSync(path.join(dir, 'crlf', 'fraud.txt'), '\uFEFF' + plain.replace(/\n/g, '\r\n'));
    const read = (sub: string) => {
      const out = path.join(dir, `${sub}.otr`);
      expect(otr(['index', path.join(dir, sub), '--out', out]).code).toBe(0);
      const { releases, statements } = loadIndex(fs.readFileSync(out, 'utf8'));
      return { releases, statements };
    };
    const crlf = read('crlf');
    expect(crlf).toEqual(read('plain'));
    expect(JSON.stringify(crlf)).not.toMatch(/\\r|\uFEFF/);
  });

  it('counts a release read twice (the same text in two files) once, and says so', () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(FIXTURES, 'dev-roads-2018.txt'), path.join(dir, 'copy-of-roads.txt'));
    const r = otr(['index', devFixtures(), dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^4 releases, /);
    expect(r.stdout).toContain('(from 5 files: 1 repeated a release already read)');
  });

  it('refuses a missing path', () => {
    const r = otr(['index', '/no/such/folder']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('no such file or folder: /no/such/folder');
    expect(r.stdout).toBe('');
  });

  it('refuses a folder holding no release', () => {
    const dir = tempDir();
    const r = otr(['index', dir, '--out', path.join(dir, 'index.otr')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/no release files/);
    expect(fs.existsSync(path.join(dir, 'index.otr'))).toBe(false);
  });

  /** A folder of releases, one good and each other file unreadable in its own way. */
  function badFolder(dir: string): string {
    const releases = path.join(dir, 'releases');
    fs.mkdirSync(releases);
    fs.copyFileSync(path.join(FIXTURES, 'dev-fraud-2020.txt'), path.join(releases, 'good.txt'));
    fs.writeFileSync(path.join(releases, 'empty.txt'), '');
    fs.writeFileSync(path.join(releases, 'blank.txt'), '  \n\n \t\n');
    fs.writeFileSync(path.join(releases, 'binary.txt'), Buffer.from([0x30, 0x31, 0x0a, 0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    fs.writeFileSync(
      path.join(releases, 'latin1.txt'),
      Buffer.concat([Buffer.from('12 Mar 2019\nA lead paragraph.\nThe caf'), Buffer.from([0xe9]), Buffer.from(' said so.\n')]),
    );
    fs.writeFileSync(path.join(releases, 'no-date.txt'), 'A lead paragraph with no date line above it.\nChief Constable Jane Doe said: “Words.”\n');
    fs.writeFileSync(path.join(releases, 'unreal-date.txt'), 'Headline\n31 Feb 2021\nA lead paragraph.\n');
    // Odd but readable: a quotation never closed is read, with a warning.
    fs.writeFileSync(
      path.join(releases, 'unclosed.txt'),
      ['12 Mar 2019', 'A lead paragraph about a week of action.', 'Chief Constable Jane Doe said:', '“This quotation opens and never closes. It runs on.', 'Communications office', ''].join('\n'),
    );
    return releases;
  }
  const SKIPPED = ['empty.txt', 'blank.txt', 'binary.txt', 'latin1.txt', 'no-date.txt', 'unreal-date.txt'];

  it('leaves out each file that cannot be a release, naming it with its line and reason, builds the rest and exits 3', () => {
    const dir = tempDir();
    const releases = badFolder(dir);
    const out = path.join(dir, 'index.otr');
    fs.writeFileSync(out, 'the previous index');

    const r = otr(['index', releases, '--out', out]);
    expect(r.code).toBe(3);
    const shown = (name: string) => path.join(releases, name);
    expect(r.stderr).toContain(`${shown('empty.txt')}:1: `);
    expect(r.stderr).toContain(`${shown('blank.txt')}:`);
    expect(r.stderr).toContain(`${shown('binary.txt')}:2: not text (binary data: NUL bytes)`);
    expect(r.stderr).toContain(`${shown('latin1.txt')}:3: not text (invalid UTF-8)`);
    expect(r.stderr).toContain(`${shown('no-date.txt')}:1: no date anywhere`);
    expect(r.stderr).toContain(`${shown('unreal-date.txt')}:2: "31 Feb 2021" is not a real date`);
    expect(r.stderr).toContain('6 of 8 release files could not be read and were left out; the index holds the other 2 releases');
    expect(r.stderr).not.toMatch(/good\.txt|unclosed\.txt/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toMatch(/^2 releases, /);
    expect(r.stdout).toMatch(/1 {2}quotation never closed/);
    const data = loadIndex(fs.readFileSync(out, 'utf8'));
    expect(data.releases.map((x) => x.source).sort()).toEqual(['good.txt', 'unclosed.txt']);
    expect(data.statements.some((s) => s.text === 'This quotation opens and never closes. It runs on.' && s.speaker?.name === 'Jane Doe')).toBe(true);
  });

  it('with --strict, one unreadable file stops the build: every problem listed, exit 1, nothing written', () => {
    const dir = tempDir();
    const releases = badFolder(dir);
    const out = path.join(dir, 'index.otr');
    fs.writeFileSync(out, 'the previous index');
    const r = otr(['index', releases, '--strict', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    for (const name of SKIPPED) expect(r.stderr).toContain(`${path.join(releases, name)}:`);
    expect(r.stderr).toContain('6 of 8 release files could not be read; no index built');
    expect(fs.readFileSync(out, 'utf8')).toBe('the previous index');
    expect(fs.readdirSync(dir).sort()).toEqual(['index.otr', 'releases']);
  });

  it('nothing readable at all is an error (exit 1), nothing written', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    const r = otr(['index', dir, '--out', path.join(dir, 'index.otr')]);
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'index.otr'))).toBe(false);
  });

  it('counts warnings by kind, and lists each one with --verbose', () => {
    const r = otr(['index', FIXTURES]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Warnings \(\d+\):\n\s+\d+ {2}\S/);
    expect(r.stdout).toContain('(--verbose lists every one)');
    expect(r.stdout).not.toMatch(/shape-unclosed-quote-2018\.txt:line \d+/);
    const v = otr(['index', FIXTURES, '--verbose']);
    expect(v.stdout).toMatch(/shape-unclosed-quote-2018\.txt:line 4: quotation opened here and never closed/);
  });

  it('reads the .html release pages in a folder as well as .txt', () => {
    const r = otr(['index', FIXTURES]);
    expect(r.stdout).toContain('shape-page-meta-date-2020.html');
    expect(r.stdout).toContain('shape-page-visible-date-2020.html');
  });

  it('shows a path relative to the folder it was run from', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'releases'));
    fs.writeFileSync(path.join(dir, 'releases', 'empty.txt'), '');
    const r = otr(['index', 'releases'], undefined, dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^releases\/empty\.txt:1: /m);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
