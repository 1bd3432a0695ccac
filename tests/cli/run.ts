/** Runs the real `otr` command line in a child process. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'cli', 'otr.ts');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'releases');
export const SEEDS = path.join(ROOT, 'data', 'releases');
/** tsx's loader by path, so the CLI runs from any working folder. */
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function otr(args: string[], input?: string | Buffer, cwd = ROOT): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.npm_lifecycle_event; // relative paths are taken from cwd, as when run directly
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd,
    input,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder holding only the first fixtures (dev-*.txt), for tests that count what they index. */
export function devFixtures(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otr-dev-'));
  for (const name of fs.readdirSync(FIXTURES).filter((n) => /^dev-.*\.txt$/.test(n))) fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
  return dir;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'otr-test-'));
}

/** Builds the index of the seeds and fixture releases with the real `otr index`; returns its path. */
export function buildTestIndex(dir: string): string {
  const index = path.join(dir, 'index.otr');
  const r = otr(['index', SEEDS, FIXTURES, '--out', index]);
  if (r.code !== 0) throw new Error(`otr index failed:\n${r.stderr}`);
  return index;
}
