/**
 * `otr` reads a bounded amount, whatever it is given (issue 17): what is not a regular file (a
 * character device such as /dev/zero, a pipe, a folder) and a file over its limit are refused
 * from stat, before anything is read, with a message and an exit code, never a stack trace;
 * stdin is read up to its limit and let go; a `--jsonl` line over MAX_LINE_BYTES is answered
 * `invalid` and the stream goes on, the line never held whole.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMatcher, buildIndex, parseRelease } from '../../core';
import { MAX_LINE_BYTES } from '../../core/limits';
import { MAX_TEXT_BYTES } from '../../cli/readReleases';
import { matchJsonLines } from '../../cli/commands/match';
import { pathToFileURL } from 'node:url';
import { buildTestIndex, CLI, otr, ROOT, SEEDS, tempDir } from './run';

let dir: string;
let index: string;
const at = (name: string) => path.join(dir, name);
const passage = 'The internet is not a safe or anonymous place for abusing children';

beforeAll(() => {
  dir = tempDir();
  index = buildTestIndex(dir);
  execFileSync('mkfifo', [at('pipe')]);
  // A sparse file: 700 MB by stat, no disk used.
  fs.closeSync(fs.openSync(at('big.txt'), 'w'));
  fs.truncateSync(at('big.txt'), 700 * 1024 * 1024);
  fs.mkdirSync(at('folder'));
});

function expectRefused(r: { code: number | null; stdout: string; stderr: string }, message: RegExp) {
  expect(r.code).not.toBe(0);
  expect(r.code, 'the unexpected-error exit').not.toBe(70);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at |unexpected error|RangeError|ERR_STRING_TOO_LONG/);
}

describe('otr refuses what is not a regular file, or is over its limit, before reading it', () => {
  const cases: [string, () => string[], RegExp, number][] = [
    ['check /dev/zero', () => ['check', '--index', index, '/dev/zero'], /cannot read \/dev\/zero: not a regular file \(a character device\)/, 2],
    ['check a pipe', () => ['check', '--index', index, at('pipe')], /not a regular file \(a pipe\)/, 2],
    ['check a folder', () => ['check', '--index', index, at('folder')], /a folder, not a file/, 2],
    ['check a 700 MB file', () => ['check', '--index', index, at('big.txt')], new RegExp(`too large \\(734003200 bytes; the limit is ${MAX_TEXT_BYTES} bytes\\)`), 1],
    ['match --index /dev/zero', () => ['match', '--index', '/dev/zero', passage], /cannot read index \/dev\/zero: not a regular file/, 2],
    ['match --index a pipe', () => ['match', '--index', at('pipe'), passage], /not a regular file \(a pipe\)/, 2],
    ['match --index a 700 MB file', () => ['match', '--index', at('big.txt'), passage], /too large \(734003200 bytes/, 2],
    ['index /dev/zero', () => ['index', '/dev/zero'], /not a file or folder: \/dev\/zero/, 1],
    ['index a 700 MB file', () => ['index', at('big.txt')], /big\.txt:1: too large \(734003200 bytes/, 1],
  ];
  it.each(cases)('%s: a message and its exit code, at once', (_name, args, message, code) => {
    const t0 = Date.now();
    const r = otr(args());
    expectRefused(r, message);
    expect(r.code).toBe(code);
    expect(Date.now() - t0).toBeLessThan(30_000);
  });

  it('otr match - with /dev/zero as stdin: reads its limit, answers invalid, ends', () => {
    const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const zero = fs.openSync('/dev/zero', 'r');
    try {
      const r = spawnSync(process.execPath, ['--import', TSX, CLI, 'match', '--index', index, '--json', '-'], { stdio: [zero, 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(0);
      const answer = JSON.parse(r.stdout);
      expect(answer.verdict).toBe('invalid');
      expect(answer.reason).toMatch(new RegExp(`too large \\(more than ${MAX_TEXT_BYTES} bytes`));
    } finally {
      fs.closeSync(zero);
    }
  });
});

describe('otr match --jsonl: a line over the limit', () => {
  const matcher = createMatcher(buildIndex(fs.readdirSync(SEEDS).map((f) => parseRelease(fs.readFileSync(path.join(SEEDS, f), 'utf8'), f))));

  async function run(input: Readable, limit?: number): Promise<any[]> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c) => chunks.push(c));
    await matchJsonLines(matcher, input, out, limit);
    return Buffer.concat(chunks).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
  }

  it('gets invalid, with its id when it leads the line, else null; the lines around it are answered', async () => {
    const big = 'Chief Constable Simon Bailey said '.repeat(Math.ceil((4 * 1024 * 1024) / 34));
    const lines = [
      JSON.stringify({ id: 'before', text: passage }),
      JSON.stringify({ id: 'huge', text: passage, context: big }),
      JSON.stringify({ text: passage, context: big, id: 'late-id' }),
      JSON.stringify({ id: 7, text: big }),
      JSON.stringify({ id: 'after', text: passage }),
    ];
    const answers = await run(Readable.from([Buffer.from(lines.join('\n') + '\n')]));
    expect(answers.map((a) => [a.id, a.verdict])).toEqual([
      ['before', 'verbatim'],
      ['huge', 'invalid'],
      [null, 'invalid'],
      [7, 'invalid'],
      ['after', 'verbatim'],
    ]);
    expect(answers[1].reason).toMatch(new RegExp(`too long: \\d+ bytes \\(the limit is ${MAX_LINE_BYTES} bytes a line\\)`));
  });

  it('a line just within the limit is read; its context is cut by the core', async () => {
    const line = JSON.stringify({ id: 'within', text: passage, context: '' });
    const context = 'Simon Bailey '.repeat(Math.floor((MAX_LINE_BYTES - line.length - 1) / 13));
    const answers = await run(Readable.from([JSON.stringify({ id: 'within', text: passage, context }) + '\n']));
    expect(answers.map((a) => [a.id, a.verdict])).toEqual([['within', 'verbatim']]);
  });

  it('never holds a huge line whole: a 600 MB line (longer than any string can be) streams through in bounded memory', async () => {
    const block = Buffer.alloc(1024 * 1024, 'x');
    const before = process.memoryUsage();
    let peak = 0;
    async function* source() {
      yield Buffer.from(JSON.stringify({ id: 'first', text: passage }) + '\n{"id":"huge","text":"');
      for (let i = 0; i < 600; i++) {
        if (i % 50 === 0) {
          const m = process.memoryUsage();
          peak = Math.max(peak, m.arrayBuffers - before.arrayBuffers, m.heapUsed - before.heapUsed);
        }
        yield Buffer.from(block); // a fresh chunk each time, as a pipe gives them
      }
      yield Buffer.from('"}\n' + JSON.stringify({ id: 'last', text: passage }) + '\n');
    }
    const answers = await run(Readable.from(source()));
    expect(answers.map((a) => [a.id, a.verdict])).toEqual([
      ['first', 'verbatim'],
      ['huge', 'invalid'],
      ['last', 'verbatim'],
    ]);
    console.log(`[jsonl] a 600 MB line: memory grew at most ${(peak / 1024 / 1024).toFixed(0)} MB`);
    // Chunks read and dropped wait for the garbage collector: room for that, far below the line's 600 MB.
    expect(peak).toBeLessThan(200 * 1024 * 1024);
  });
});
