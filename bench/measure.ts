/**
 * Measures one engine at one size, in a process of its own (so that heap figures and garbage
 * are the engine's alone). Run by bench/run.ts as
 *   node --expose-gc --import tsx bench/measure.ts '{"engine":"otr","statements":10000,…}'
 * and prints one JSON line: { result: EngineFigures | null, reason?, info }.
 */
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from './corpus';
import { generateQueries, KINDS, type Kind } from './queries';
import { fuseEngine } from './engines/fuse';
import { minisearchEngine } from './engines/minisearch';
import { otrEngine } from './engines/otr';
import type { Engine } from './engines/types';

export interface EngineFigures {
  build_ms: number;
  load_ms: number;
  index_bytes: number;
  index_gzip_bytes: number;
  text_gzip_bytes: number;
  heap_mb: number;
  /** Beyond the E: how many queries were timed (fewer than all when the budget ran out). */
  queries: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  accuracy: number;
  accuracy_by_kind: Record<Kind, number>;
  /** Beyond the E: the latency of each kind of query. */
  latency_by_kind: Record<Kind, { p50_ms: number; p95_ms: number; max_ms: number }>;
  /**
   * Beyond the E: cold figures, from the warm-up queries (another seed, the same kinds):
   * the first query after load, and p50 / p95 over all the warm-up queries answered, before the
   * JavaScript compiler has settled. A reader whose browser has just started the service worker
   * gets these; the timed figures above are the engine once settled.
   */
  cold?: { first_ms: number; p50_ms: number; p95_ms: number; queries: number };
}

export interface MeasureRequest {
  engine: 'otr' | 'fuse' | 'minisearch';
  statements: number;
  seed: number;
  perKind: number;
  /** Seconds the queries may take before the engine is declared too slow at this size. */
  budgetSeconds: number;
}

export interface MeasureReply {
  result: EngineFigures | null;
  reason?: string;
  info: Record<string, unknown>;
}

export const ENGINES = { otr: otrEngine, fuse: () => fuseEngine, minisearch: () => minisearchEngine } as const;

/**
 * Warm-up queries of each kind, answered before the timed ones (at most 10 s, or a twentieth of
 * the budget). V8 optimises a function after it has run often enough, and reoptimises it as it
 * meets new shapes: on this project's matcher the p95 of the same 700 queries falls by about a
 * quarter from their first answering to their second, and then holds.
 */
export const WARM_UP_PER_KIND = 100;

/** Queries a slow engine must answer at least, of each kind, to be reported at a size. */
export const MIN_PER_KIND = 4;

function interleave<T extends { kind: Kind }>(items: T[]): T[] {
  const lists = KINDS.map((k) => items.filter((q) => q.kind === k));
  const out: T[] = [];
  for (let i = 0; out.length < items.length; i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heap = () => {
  gc();
  gc();
  // Typed arrays live outside the JavaScript heap proper: count them too.
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

export function measure(req: MeasureRequest, log: (s: string) => void = () => {}): MeasureReply {
  const info: Record<string, unknown> = {};
  let t = performance.now();
  const corpus = generateCorpus({ statements: req.statements, seed: req.seed });
  const queries = generateQueries(corpus, { perKind: req.perKind, seed: req.seed });
  info.releases = corpus.releases.length;
  info.queries = queries.length;
  info.generate_ms = round(performance.now() - t, 0);
  const text = corpus.releases.map((r) => r.text).join('');
  info.text_bytes = Buffer.byteLength(text);
  const textGzip = gzipSync(text).length;
  log(`${req.engine} @ ${req.statements}: corpus of ${corpus.releases.length} releases and ${queries.length} queries in ${info.generate_ms} ms`);

  const engine = (ENGINES[req.engine] as () => Engine)();
  let serialised: string;
  t = performance.now();
  try {
    const built = engine.build(corpus);
    serialised = built.serialised;
    info.build_phases_ms = Object.fromEntries(Object.entries(built.phases ?? {}).map(([k, v]) => [k, round(v, 1)]));
    Object.assign(info, built.info);
  } catch (e) {
    return { result: null, reason: `build failed: ${(e as Error).message.split('\n')[0]}`, info };
  }
  const buildMs = performance.now() - t;
  const indexBytes = Buffer.byteLength(serialised);
  const indexGzip = gzipSync(serialised).length;
  log(`${req.engine} @ ${req.statements}: built in ${round(buildMs, 0)} ms, ${indexBytes} bytes`);

  // Load: from the serialised string to the first answerable query, as a reader's browser meets
  // it: in a fresh process (the median of FRESH_LOADS of them). Loaded here, after the build, the
  // garbage collector would also mark the corpus and what the build left, which no reader's
  // worker holds. Then loaded here too, for the queries; heap after it, net of what was there.
  let loadMs: number;
  try {
    const fresh = freshLoads(req.engine, serialised);
    info.load_fresh_ms = fresh.map((x) => round(x, 1));
    loadMs = [...fresh].sort((a, b) => a - b)[fresh.length >> 1];
  } catch (e) {
    return { result: null, reason: `load failed: ${(e as Error).message.split('\n')[0]}`, info };
  }
  const before = heap();
  let loaded;
  t = performance.now();
  try {
    loaded = engine.load(serialised);
  } catch (e) {
    return { result: null, reason: `load failed: ${(e as Error).message.split('\n')[0]}`, info };
  }
  info.load_after_build_ms = round(performance.now() - t, 1);
  const heapMb = (heap() - before) / 2 ** 20;
  // A second load, warm, for reference (the first is what a reader waits for).
  if (loadMs < 5000) {
    const again = performance.now();
    engine.load(serialised);
    info.load_warm_ms = round(performance.now() - again, 1);
    gc();
  }
  log(`${req.engine} @ ${req.statements}: loaded in ${round(loadMs, 0)} ms, heap +${round(heapMb, 1)} MB`);

  // Queries go round the kinds (one of each, then the next of each…), so that whatever prefix
  // the budget allows is a stratified sample. Every engine first answers the same warm-up
  // queries, made with another seed, so that what is timed is the engine at work rather than
  // the JavaScript compiler's first sight of it (up to 10 s, or a twentieth of the budget, for
  // an engine too slow to answer them all); those are reported apart, as the cold figures.
  const budget = req.budgetSeconds * 1000;
  const order = interleave(queries);
  const warmUp = interleave(generateQueries(corpus, { perKind: WARM_UP_PER_KIND, seed: req.seed + 1000 }));
  const warm = performance.now();
  const coldTimes: number[] = [];
  for (const q of warmUp) {
    if (performance.now() - warm >= Math.min(10_000, budget / 20)) break;
    const t0 = performance.now();
    loaded.query(q.text);
    coldTimes.push(performance.now() - t0);
  }
  info.warm_up_queries = coldTimes.length;
  const coldSorted = [...coldTimes].sort((a, b) => a - b);
  const times: number[] = [];
  const right: boolean[] = [];
  const verdicts: Record<string, Record<string, number>> = {};
  const minimum = Math.min(order.length, KINDS.length * MIN_PER_KIND);
  const started = performance.now();
  for (let i = 0; i < order.length; i++) {
    const q = order[i];
    const t1 = performance.now();
    const answer = loaded.query(q.text);
    times.push(performance.now() - t1);
    const r = loaded.resolve(answer);
    right.push(r.id === q.expected);
    if (r.verdict) {
      const v = (verdicts[q.kind] ??= {});
      v[r.verdict] = (v[r.verdict] ?? 0) + 1;
    }
    const spent = performance.now() - started;
    const mean = spent / (i + 1);
    if (i + 1 < minimum && mean * minimum > budget) {
      return {
        result: null,
        reason: `too slow: ${round(mean / 1000, 1)} s a query (${i + 1} queries), ~${round((mean * minimum) / 1000, 0)} s for the minimum sample of ${minimum} (budget ${req.budgetSeconds} s)`,
        info: { ...info, build_ms: round(buildMs, 0), load_ms: round(loadMs, 0), mean_query_ms: round(mean, 1) },
      };
    }
    if (i + 1 >= minimum && spent + mean > budget) break;
  }
  info.queries_run = times.length;
  info.heap_after_queries_mb = round((heap() - before) / 2 ** 20, 1); // with whatever the engine cached while answering
  const sample = order.slice(0, times.length);
  if (Object.keys(verdicts).length) info.verdicts_by_kind = verdicts;

  const byKind = (kind: Kind) => sample.map((_, i) => i).filter((i) => sample[i].kind === kind);
  const sorted = [...times].sort((a, b) => a - b);
  const lat = (idx: number[]) => {
    const s = idx.map((i) => times[i]).sort((a, b) => a - b);
    return { p50_ms: round(quantile(s, 0.5), 4), p95_ms: round(quantile(s, 0.95), 4), max_ms: round(s[s.length - 1] ?? NaN, 4) };
  };
  const acc = (idx: number[]) => round(idx.filter((i) => right[i]).length / Math.max(1, idx.length), 4);
  const all = sample.map((_, i) => i);
  const result: EngineFigures = {
    build_ms: round(buildMs, 1),
    load_ms: round(loadMs, 1),
    index_bytes: indexBytes,
    index_gzip_bytes: indexGzip,
    text_gzip_bytes: textGzip,
    heap_mb: round(heapMb, 1),
    queries: sample.length,
    ...lat(all),
    max_ms: round(sorted[sorted.length - 1], 4),
    accuracy: acc(all),
    accuracy_by_kind: Object.fromEntries(KINDS.map((k) => [k, acc(byKind(k))])) as Record<Kind, number>,
    latency_by_kind: Object.fromEntries(KINDS.map((k) => [k, lat(byKind(k))])) as EngineFigures['latency_by_kind'],
    cold: { first_ms: round(coldTimes[0] ?? NaN, 4), p50_ms: round(quantile(coldSorted, 0.5), 4), p95_ms: round(quantile(coldSorted, 0.95), 4), queries: coldTimes.length },
  };
  return { result, info };
}

/** Fresh processes that each load the serialised index once. */
const FRESH_LOADS = 3;

/** The times of FRESH_LOADS fresh processes from the file's text, read (not timed), to the first answerable query. */
function freshLoads(engine: MeasureRequest['engine'], serialised: string): number[] {
  const file = join(tmpdir(), `otr-bench-${process.pid}-${engine}.idx`);
  writeFileSync(file, serialised);
  try {
    return Array.from({ length: FRESH_LOADS }, () => {
      const child = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', process.argv[1], '--load', engine, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const line = child.stdout?.trim().split('\n').pop();
      if (child.status !== 0 || !line) throw new Error(child.stderr?.trim().split('\n').pop() ?? `exited with ${child.status ?? child.signal}`);
      return (JSON.parse(line) as { load_ms: number }).load_ms;
    });
  } finally {
    rmSync(file, { force: true });
  }
}

// Run as a child of bench/run.ts; or, with --load, as a fresh process of freshLoad.
if (process.argv[1] && /measure\.ts$/.test(process.argv[1]) && process.argv[2] === '--load') {
  const serialised = readFileSync(process.argv[4], 'utf8');
  const t = performance.now();
  (ENGINES[process.argv[3] as MeasureRequest['engine']] as () => Engine)().load(serialised);
  process.stdout.write(JSON.stringify({ load_ms: performance.now() - t }) + '\n');
} else if (process.argv[1] && /measure\.ts$/.test(process.argv[1])) {
  const req = JSON.parse(process.argv[2]) as MeasureRequest;
  const reply = measure(req, (s) => process.stderr.write(`  ${s}\n`));
  process.stdout.write(JSON.stringify(reply) + '\n');
}
