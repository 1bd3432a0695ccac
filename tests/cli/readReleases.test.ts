/** The node-side reading of release files: text checks and folder walking. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectReleaseFiles, decodeText, MAX_TEXT_BYTES } from '../../cli/readReleases';
import { tempDir } from './run';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('decodeText', () => {
  it('drops a byte-order mark', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'a\r\nb\n'))).toEqual({ text: 'a\r\nb\n' });
  });

  it('keeps valid multi-byte text', () => {
    expect(decodeText(bytes('“Don’t” — £720'))).toEqual({ text: '“Don’t” — £720' });
  });

  it('refuses NUL bytes, naming the line', () => {
    expect(decodeText(bytes('one\ntwo\nth', [0], 'ree'))).toEqual({ line: 3, reason: 'not text (binary data: NUL bytes)' });
  });

  it('refuses invalid UTF-8, naming the line', () => {
    expect(decodeText(bytes('ok\nstill ok\ncaf', [0xe9], '\nmore'))).toEqual({ line: 3, reason: 'not text (invalid UTF-8)' });
    // a sequence cut short at the end of the file
    expect(decodeText(bytes('ok\n', [0xe2, 0x80]))).toEqual({ line: 2, reason: 'not text (invalid UTF-8)' });
  });

  it('refuses text beyond the size limit', () => {
    const r = decodeText(Buffer.alloc(MAX_TEXT_BYTES + 1, 0x61));
    expect(r).toMatchObject({ line: 1, reason: expect.stringMatching(/^too large/) });
  });
});

describe('collectReleaseFiles', () => {
  it('walks folders for *.txt in code-point order, skipping hidden names, and survives a symlink loop', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'B'));
    fs.mkdirSync(path.join(dir, 'a', '.git'), { recursive: true });
    for (const f of ['B/z.txt', 'a/y.TXT', 'a/x.md', 'a/.git/h.txt', 'c.txt', 'a/b.txt']) fs.writeFileSync(path.join(dir, f), 'x');
    fs.symlinkSync(dir, path.join(dir, 'a', 'loop'));
    const files = collectReleaseFiles(['.'], dir).map((f) => f.display);
    expect(files).toEqual(['B/z.txt', 'a/b.txt', 'a/y.TXT', 'c.txt']);
  });

  it('takes a file given directly whatever its name, once', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'release.text'), 'x');
    expect(collectReleaseFiles(['release.text', './release.text'], dir).map((f) => f.display)).toEqual(['release.text']);
  });

  it('throws a clear error for a missing path', () => {
    expect(() => collectReleaseFiles(['nope'], tempDir())).toThrow('no such file or folder: nope');
  });
});
