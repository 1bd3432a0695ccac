/**
 * npm run --silent bench:compare -- REV [--statements 100000] [--rounds 8] [--passes 5] [--seed 1]
 *
 * This checkout's matcher against the one at REV (a commit, branch or tag), on the bench's
 * corpus and queries. On a shared machine speed drifts by more than the changes worth
 * measuring (up to 1.7× within an hour here), so two separate bench runs cannot tell a 20%
 * gain from the weather. This compares them side by side instead:
 * - load: fresh processes, one version then the other, alternately, each loading the file its
 *   own code wrote (so an index layout change is measured as such);
 * - queries: both versions in one process, answering the same queries in alternating blocks,
 *   several passes; each query's median per version, and whether the answers are identical.
 * REV is checked out with `git worktree` in the system's temporary folder (kept, with the files
 * built from it, for the next comparison). Progress goes to stderr; the table to stdout.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus';
import { generateQueries } from './queries';
import { quantile } from './measure';

const HEAD_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BLOCK = 50;

/** The part of the core's API both versions share. */
interface Core {
  parseRelease(text: string, source: string): unknown;
  buildIndex(releases: unknown[]): unknown;
  serializeIndex(data: unknown): string;
  loadIndex(text: string): unknown;
  createMatcher(data: unknown): { match(text: string): unknown };
}

const coreAt = (root: string): Promise<Core> => import(join(root, 'core', 'index.ts')) as Promise<Core>;

function flag(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

// ---- children: one job each, one JSON line on stdout ------------------------------------

/** Builds the index of the corpus with the core at `root`; writes it to `out`. */
async function buildChild(root: string, statements: number, seed: number, out: string) {
  const core = await coreAt(root);
  const corpus = generateCorpus({ statements, seed });
  const parsed = corpus.releases.flatMap((r) => {
    try {
      return [core.parseRelease(r.text, r.source)];
    } catch {
      return [];
    }
  });
  writeFileSync(out, core.serializeIndex(core.buildIndex(parsed)));
  return { bytes: readFileSync(out).length };
}

/** A fresh process's load: the file read (not timed), then loadIndex and createMatcher. */
async function loadChild(root: string, file: string) {
  const core = await coreAt(root);
  const text = readFileSync(file, 'utf8');
  const t = performance.now();
  core.createMatcher(core.loadIndex(text));
  return { load_ms: performance.now() - t };
}

/** Both versions in one process, the same queries in alternating blocks. */
async function queryChild(roots: [string, string], files: [string, string], statements: number, seed: number, passes: number) {
  const matchers = await Promise.all(roots.map(async (root, i) => {
    const core = await coreAt(root);
    return core.createMatcher(core.loadIndex(readFileSync(files[i], 'utf8')));
  }));
  const queries = generateQueries(generateCorpus({ statements, seed }), { perKind: 100, seed }).map((q) => q.text);
  const times = [0, 1].map(() => queries.map((): number[] => []));
  const answers: string[][] = [[], []];
  for (let pass = 0; pass < passes; pass++) {
    for (let b = 0; b < queries.length; b += BLOCK) {
      const order = (b / BLOCK + pass) % 2 ? [1, 0] : [0, 1];
      for (const v of order) {
        for (let i = b; i < Math.min(queries.length, b + BLOCK); i++) {
          const t = performance.now();
          const a = matchers[v].match(queries[i]);
          times[v][i].push(performance.now() - t);
          if (pass === 0) answers[v][i] = JSON.stringify(a);
        }
      }
    }
  }
  const figures = (v: number) => {
    const medians = times[v].map((t) => [...t].sort((x, y) => x - y)[t.length >> 1]).sort((x, y) => x - y);
    const firsts = times[v].map((t) => t[0]).sort((x, y) => x - y);
    return { mean_ms: medians.reduce((s, x) => s + x, 0) / medians.length, p50_ms: quantile(medians, 0.5), p95_ms: quantile(medians, 0.95), first_p95_ms: quantile(firsts, 0.95) };
  };
  const differing = queries.flatMap((q, i) => (answers[0][i] === answers[1][i] ? [] : [q]));
  return { queries: queries.length, base: figures(0), head: figures(1), differing: differing.length, examples: differing.slice(0, 3) };
}

// ---- the comparison ----------------------------------------------------------------------

function child(args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', ...args], {
    cwd: HEAD_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 << 20,
  });
  const line = r.stdout?.trim().split('\n').pop();
  if (r.status !== 0 || !line) throw new Error(`a child (${args[0]}) exited with ${r.status ?? r.signal}`);
  return JSON.parse(line);
}

/** REV checked out beside the system's temporary files, sharing this checkout's node_modules. */
function checkout(rev: string): { sha: string; root: string } {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], { cwd: HEAD_ROOT, encoding: 'utf8' }).trim();
  const root = join(tmpdir(), 'otr-compare', sha.slice(0, 12));
  if (!existsSync(join(root, 'core'))) {
    mkdirSync(dirname(root), { recursive: true });
    execFileSync('git', ['worktree', 'add', '--force', '--detach', root, sha], { cwd: HEAD_ROOT, stdio: 'ignore' });
  }
  if (!existsSync(join(root, 'node_modules'))) symlinkSync(join(HEAD_ROOT, 'node_modules'), join(root, 'node_modules'));
  return { sha, root };
}

async function compare(argv: string[]) {
  const rev = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!rev) throw new Error('usage: npm run --silent bench:compare -- REV [--statements N] [--rounds N] [--passes N] [--seed N]');
  const statements = flag(argv, 'statements', 100_000);
  const rounds = flag(argv, 'rounds', 8);
  const passes = flag(argv, 'passes', 5);
  const seed = flag(argv, 'seed', 1);
  const base = checkout(rev);
  const dir = join(tmpdir(), 'otr-compare');
  const files: [string, string] = [join(dir, `${base.sha.slice(0, 12)}-${statements}-${seed}.idx`), join(dir, `head-${statements}-${seed}.idx`)];
  const roots: [string, string] = [base.root, HEAD_ROOT];
  for (const v of [0, 1]) {
    if (v === 0 && existsSync(files[0])) continue; // a commit's file does not change; this checkout's may
    process.stderr.write(`building the ${v ? 'head' : 'base'} index at ${statements} statements…\n`);
    child(['build', roots[v], String(statements), String(seed), files[v]]);
  }
  const loads: number[][] = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const v of r % 2 ? [1, 0] : [0, 1]) loads[v].push(child(['load', roots[v], files[v]]).load_ms as number);
    process.stderr.write(`load round ${r + 1}/${rounds}: base ${loads[0][r].toFixed(0)} ms, head ${loads[1][r].toFixed(0)} ms\n`);
  }
  process.stderr.write(`answering the queries, ${passes} passes…\n`);
  const q = child(['queries', roots[0], roots[1], files[0], files[1], String(statements), String(seed), String(passes)]) as Awaited<ReturnType<typeof queryChild>>;

  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const f = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(2));
  const row = (what: string, b: number, h: number) => `| ${what} | ${f(b)} ms | ${f(h)} ms | ${(((h - b) / b) * 100).toFixed(0)}% |`;
  const size = (file: string) => readFileSync(file).length;
  console.log(`Base ${base.sha.slice(0, 7)} (${rev}) against this checkout, ${statements.toLocaleString('en-GB')} statements, seed ${seed}\n`);
  console.log('| | base | head | change |\n| --- | --- | --- | --- |');
  console.log(row(`load, median of ${rounds} fresh processes`, med(loads[0]), med(loads[1])));
  console.log(`| load, range | ${f(Math.min(...loads[0]))}–${f(Math.max(...loads[0]))} ms | ${f(Math.min(...loads[1]))}–${f(Math.max(...loads[1]))} ms | |`);
  console.log(row(`query mean (each query's median of ${passes})`, q.base.mean_ms, q.head.mean_ms));
  console.log(row('query p50', q.base.p50_ms, q.head.p50_ms));
  console.log(row('query p95', q.base.p95_ms, q.head.p95_ms));
  console.log(row('query p95, first answers', q.base.first_p95_ms, q.head.first_p95_ms));
  console.log(`| index file | ${(size(files[0]) / 2 ** 20).toFixed(1)} MB | ${(size(files[1]) / 2 ** 20).toFixed(1)} MB | |`);
  console.log(`\nAnswers: ${q.differing ? `${q.differing} of ${q.queries} differ, e.g. ${q.examples.map((e) => JSON.stringify(e.slice(0, 60))).join(', ')}` : `all ${q.queries} identical`}.`);
}

async function main(argv: string[]) {
  if (argv[0] !== '--child') return compare(argv);
  const [job, ...a] = argv.slice(1);
  const out =
    job === 'build' ? await buildChild(a[0], Number(a[1]), Number(a[2]), a[3])
    : job === 'load' ? await loadChild(a[0], a[1])
    : job === 'queries' ? await queryChild([a[0], a[1]], [a[2], a[3]], Number(a[4]), Number(a[5]), Number(a[6]))
    : null;
  if (!out) throw new Error(`unknown job ${job}`);
  process.stdout.write(JSON.stringify(out) + '\n');
}

main(process.argv.slice(2)).catch((e: Error) => {
  process.stderr.write(`bench:compare: ${e.message}\n`);
  process.exit(1);
});
