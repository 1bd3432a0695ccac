/**
 * `otr` on bad input files (issue 7, input): every command, given a folder, an empty,
 * binary, oversized, deeply nested or damaged file, says what is wrong in one clear
 * message and exits non-zero; never a stack trace, never the "unexpected error" path
 * (exit 70), never a half-written answer on stdout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex, FIXTURES, otr, tempDir } from './run';
import { joinIndex, splitIndex } from '../support/indexText';

let dir: string;
let index: string;
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = tempDir();
  index = buildTestIndex(dir);
  fs.mkdirSync(at('folder'));
  fs.writeFileSync(at('empty.json'), '');
  fs.writeFileSync(at('binary.json'), Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x0a, 0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(at('binary.txt'), Buffer.from([0x31, 0x20, 0x4a, 0x61, 0x6e, 0x00, 0xff, 0xfe, 0x0a, 0x00]));
  fs.writeFileSync(at('deep.json'), '['.repeat(200_000));
  fs.writeFileSync(at('huge.txt'), '12 Mar 2019\n' + 'x'.repeat(6 * 1024 * 1024));
  fs.writeFileSync(at('no-article.html'), '<html><body><p>nothing</p></body></html>');
  fs.writeFileSync(at('other-format.json'), JSON.stringify({ format: 'something-else', releases: [] }));
  const { header, texts, streams } = splitIndex(fs.readFileSync(index, 'utf8'));
  // (The file keeps each statement's release in a column.)
  fs.writeFileSync(at('damaged-index.otr'), joinIndex({ ...header, statements: { ...header.statements, release: [999, ...header.statements.release.slice(1)] } }, texts, streams));
  fs.writeFileSync(at('bad-search-index.otr'), joinIndex({ ...header, search: { ...header.search, words: 5 } }, texts, streams));
});

const passage = 'The internet is not a safe or anonymous place for abusing children';
const article = path.join(FIXTURES, '..', 'articles', 'online-abuse.txt');

const cases: [string, () => string[], RegExp][] = [
  ['index: a folder with no release in it', () => ['index', at('folder')], /no release files/],
  ['index: --out a folder', () => ['index', FIXTURES, '--out', at('folder')], /cannot write .*folder/],
  ['index: a binary .json file', () => ['index', at('binary.json')], /binary\.json:\d+: not text/],
  ['index: 200,000 nested brackets', () => ['index', at('deep.json')], /deep\.json:1: not JSON/],
  ['index: a file over the size limit', () => ['index', at('huge.txt')], /huge\.txt:1: too large/],
  ['index: a page with no article date', () => ['index', at('no-article.html')], /no-article\.html:1: /],
  ['index: a .json of another format', () => ['index', at('other-format.json')], /other-format\.json:1: not an On the Record file/],
  ['match: --index a folder', () => ['match', '--index', at('folder'), passage], /a folder, not a file/],
  ['match: --index an empty file', () => ['match', '--index', at('empty.json'), passage], /not a usable index: .*not JSON/],
  ['match: --index binary data', () => ['match', '--index', at('binary.json'), passage], /not a usable index/],
  ['match: --index 200,000 nested brackets', () => ['match', '--index', at('deep.json'), passage], /not a usable index: .*not JSON/],
  ['match: --index a statement of a release that is not there', () => ['match', '--index', at('damaged-index.otr'), passage], /index is damaged: statement 0/],
  ['match: --index a malformed search section', () => ['match', '--index', at('bad-search-index.otr'), passage], /search section is malformed/],
  ['check: a folder', () => ['check', '--index', index, at('folder')], /a folder, not a file/],
  ['check: binary data', () => ['check', '--index', index, at('binary.txt')], /not text/],
  ['check: a file over the size limit', () => ['check', '--index', index, at('huge.txt')], /too large/],
  ['check: --index 200,000 nested brackets', () => ['check', '--index', at('deep.json'), article], /not a usable index/],
];

describe('otr on bad input files', () => {
  it.each(cases)('%s: a clear message, a non-zero exit, no stack trace', (_name, args, message) => {
    const r = otr(args());
    expect(r.code).not.toBe(0);
    expect(r.code, 'the unexpected-error exit').not.toBe(70);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^otr: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toMatch(/unexpected error|TypeError|RangeError/);
  });
});
