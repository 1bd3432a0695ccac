/**
 * npm run bench [-- --json] [--sizes 1000,10000,100000] [--engines otr,fuse,minisearch]
 *               [--queries 100] [--seed 1] [--budget 240] [--from saved.json]
 *
 * Builds the same synthetic corpus and queries for every engine, measures each engine at each
 * size in a child process of its own, and prints a table (or, with --json, one JSON object).
 * Progress goes to stderr.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem, platform, arch, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { KINDS, type Kind } from './queries';
import type { EngineFigures, MeasureReply, MeasureRequest } from './measure';

type EngineName = MeasureRequest['engine'];
const ALL_ENGINES: EngineName[] = ['otr', 'fuse', 'minisearch'];
const LABEL: Record<EngineName, string> = { otr: 'On the Record', fuse: 'fuse.js', minisearch: 'MiniSearch' };

export interface SizeReport {
  statements: number;
  engines: Record<EngineName, EngineFigures | null>;
  /** Why an engine is null, and what else was seen (beyond the issue's format). */
  notes: Partial<Record<EngineName, { reason?: string; info: Record<string, unknown> }>>;
}

export interface Report {
  machine: string;
  sizes: SizeReport[];
  /** Beyond the issue's format: the 1-minute load average when the run started and ended (other work on the machine slows every figure). */
  load_average?: { start: string; end: string };
}

function args(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    json: argv.includes('--json'),
    sizes: (get('sizes') ?? '1000,10000,100000').split(',').map((s) => Number(s.replace(/[_k]/g, (m) => (m === 'k' ? '000' : '')))),
    engines: (get('engines') ?? ALL_ENGINES.join(',')).split(',') as EngineName[],
    perKind: Number(get('queries') ?? 100),
    seed: Number(get('seed') ?? 1),
    budget: Number(get('budget') ?? 240),
    from: get('from'),
  };
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${platform()} ${arch()}`;
}

function runOne(req: MeasureRequest): MeasureReply {
  const here = dirname(fileURLToPath(import.meta.url));
  const timeoutMs = (req.budgetSeconds * 2 + 600) * 1000;
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(here, 'measure.ts'), JSON.stringify(req)],
    { cwd: join(here, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: timeoutMs, maxBuffer: 64 << 20 },
  );
  const line = child.stdout?.trim().split('\n').pop();
  if (child.status === 0 && line) return JSON.parse(line) as MeasureReply;
  const why = child.error?.message.includes('ETIMEDOUT') || child.signal === 'SIGTERM' ? `timed out after ${timeoutMs / 1000} s` : `exited with ${child.status ?? child.signal}`;
  return { result: null, reason: why, info: {} };
}

// ---- formatting -------------------------------------------------------------------------

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : x >= 10 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(1)} ms` : `${x.toFixed(3)} ms`);
const mb = (b: number) => (b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(1)} MB` : `${(b / 1024).toFixed(0)} kB`);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const KIND_LABEL: Record<Kind, string> = { verbatim: 'verbatim', elided: 'elided', bracketed: 'bracketed', altered_words: 'altered words', altered_numbers: 'altered numbers', figure_forms: 'figure forms', figure_only: 'figure only rare word', paraphrase: 'paraphrase', not_found: 'not found', topical: 'topical lines', other_occasion: 'other occasion' };

function table(rows: string[][]): string {
  return rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? `\n|${r.map(() => ' --- ').join('|')}|` : ''}`).join('\n');
}

export function formatReport(report: Report): string {
  const la = report.load_average;
  const out: string[] = [`Machine: ${report.machine}${la ? `; load average ${la.start} at the start, ${la.end} at the end` : ''}`, ''];
  for (const size of report.sizes) {
    const first = Object.values(size.notes).find((n) => n?.info?.releases)?.info;
    const text = Object.values(size.engines).find(Boolean)?.text_gzip_bytes;
    out.push(`### ${size.statements.toLocaleString('en-GB')} statements` + (first ? ` (${Number(first.releases).toLocaleString('en-GB')} releases, ${first.queries} queries; release text ${mb(Number(first.text_bytes))}${text ? `, ${mb(text)} gzipped` : ''})` : ''), '');
    const engines = (Object.keys(size.engines) as EngineName[]);
    const rows = [['engine', 'build', 'load', 'index', 'gzipped', 'gzip ÷ text', 'heap', 'queries', 'p50', 'p95', 'max', 'top-1', 'cold: first, p95']];
    for (const e of engines) {
      const f = size.engines[e];
      if (!f) rows.push([LABEL[e], `not run: ${size.notes[e]?.reason ?? 'skipped'}`, ...Array(11).fill('')]);
      else rows.push([LABEL[e], ms(f.build_ms), ms(f.load_ms), mb(f.index_bytes), mb(f.index_gzip_bytes), `${(f.index_gzip_bytes / f.text_gzip_bytes).toFixed(2)}×`, `${f.heap_mb.toFixed(1)} MB`, String(f.queries), ms(f.p50_ms), ms(f.p95_ms), ms(f.max_ms), pct(f.accuracy), f.cold ? `${ms(f.cold.first_ms)}, ${ms(f.cold.p95_ms)} (${f.cold.queries})` : '']);
    }
    out.push(table(rows), '');
    const ran = engines.filter((e) => size.engines[e]);
    if (ran.length) {
      out.push('Top-1 accuracy by kind of query:', '');
      out.push(table([['engine', ...KINDS.map((k) => KIND_LABEL[k])], ...ran.map((e) => [LABEL[e], ...KINDS.map((k) => pct(size.engines[e]!.accuracy_by_kind[k]))])]), '');
      out.push('p95 latency by kind of query:', '');
      out.push(table([['engine', ...KINDS.map((k) => KIND_LABEL[k])], ...ran.map((e) => [LABEL[e], ...KINDS.map((k) => ms(size.engines[e]!.latency_by_kind[k].p95_ms))])]), '');
    }
    const otr = size.engines.otr;
    if (otr) {
      const base = (['fuse', 'minisearch'] as const).filter((e) => size.engines[e]);
      if (base.length) {
        const x = (v: number) => `${v >= 10 ? v.toFixed(0) : v.toFixed(2)}×`;
        out.push('On the Record against each baseline (speed-up = baseline ÷ On the Record; the other ratios are On the Record ÷ baseline):', '');
        out.push(table([
          ['baseline', 'p50 speed-up', 'p95 speed-up', 'top-1 gain', 'build time', 'load time', 'gzipped index', 'heap'],
          ...base.map((e) => {
            const b = size.engines[e]!;
            return [LABEL[e], x(b.p50_ms / otr.p50_ms), x(b.p95_ms / otr.p95_ms), `${((otr.accuracy - b.accuracy) * 100).toFixed(1)} points`, x(otr.build_ms / b.build_ms), x(otr.load_ms / b.load_ms), x(otr.index_gzip_bytes / b.index_gzip_bytes), x(otr.heap_mb / Math.max(0.1, b.heap_mb))];
          }),
        ]), '');
      }
      const info = size.notes.otr?.info;
      // False paraphrases: passages nobody said (not found, topical lines, other occasions) answered "paraphrase".
      const verdicts = info?.verdicts_by_kind as Record<string, Record<string, number>> | undefined;
      if (verdicts) {
        const nobody = NOBODY_SAID.map((k) => [k, verdicts[k] ?? {}] as const);
        const total = nobody.reduce((n, [, v]) => n + Object.values(v).reduce((a, b) => a + b, 0), 0);
        const para = nobody.reduce((n, [, v]) => n + (v.paraphrase ?? 0), 0);
        if (total) out.push(`On the Record's false paraphrases: ${para} of ${total} passages nobody said (${((para / total) * 100).toFixed(1)}%; ${nobody.map(([k, v]) => `${KIND_LABEL[k]} ${v.paraphrase ?? 0}`).join(', ')})`, '');
        const changed = FIGURE_KINDS.map((k) => [k, verdicts[k] ?? {}] as const);
        out.push(`Changed figures called "altered": ${changed.map(([k, v]) => `${KIND_LABEL[k]} ${v.altered ?? 0} of ${Object.values(v).reduce((a, b) => a + b, 0)}`).join(', ')}`, '');
      }
      if (info?.build_phases_ms) out.push(`On the Record build phases: ${Object.entries(info.build_phases_ms as Record<string, number>).map(([k, v]) => `${k.replace(/_ms$/, '')} ${ms(v)}`).join(', ')}; parsed ${info.parsed_statements} statements, ${info.statements_recovered} of ${size.statements} exactly as generated${info.parse_errors ? `, ${info.parse_errors} releases failed to parse` : ''}`, '');
    }
  }
  const checks = targets(report);
  if (checks.length) out.push('Targets:', '', ...checks.map((c) => `- ${c.ok ? 'met' : 'MISSED'}: ${c.what} (${c.got})`), '');
  return out.join('\n');
}

export interface Check { what: string; got: string; ok: boolean }

/** Kinds whose passages nobody said: a "paraphrase" for one of them is a false paraphrase. */
const NOBODY_SAID = ['not_found', 'topical', 'other_occasion'] as const;
/** Kinds whose passages change a figure: each must be found and called altered. */
const FIGURE_KINDS = ['altered_numbers', 'figure_forms', 'figure_only'] as const;

/** The targets of issue 4, checked on whatever sizes were run. */
export function targets(report: Report): Check[] {
  const checks: Check[] = [];
  const at = (n: number) => report.sizes.find((s) => s.statements === n);
  const big = at(100000)?.engines.otr;
  if (big) {
    checks.push({ what: '100,000: p95 match latency ≤ 2 ms', got: ms(big.p95_ms), ok: big.p95_ms <= 2 });
    checks.push({ what: '100,000: index load ≤ 500 ms', got: ms(big.load_ms), ok: big.load_ms <= 500 });
    checks.push({ what: '100,000: build ≤ 20 s', got: ms(big.build_ms), ok: big.build_ms <= 20000 });
    const r = big.index_gzip_bytes / big.text_gzip_bytes;
    checks.push({ what: '100,000: gzipped index ≤ 1.5 × gzipped text', got: `${r.toFixed(2)}×`, ok: r <= 1.5 });
    checks.push({ what: '100,000: heap ≤ 300 MB', got: `${big.heap_mb.toFixed(0)} MB`, ok: big.heap_mb <= 300 });
    for (const k of [...FIGURE_KINDS.slice(1), ...NOBODY_SAID.slice(2)]) {
      checks.push({ what: `100,000: top-1 on ${KIND_LABEL[k]} 100%`, got: pct(big.accuracy_by_kind[k]), ok: big.accuracy_by_kind[k] === 1 });
    }
  }
  const mid = at(10000);
  const o = mid?.engines.otr;
  if (o && mid) {
    const f = mid.engines.fuse;
    if (f) {
      checks.push({ what: '10,000: ≥ 100× faster than fuse.js at p95', got: `${(f.p95_ms / o.p95_ms).toFixed(0)}×`, ok: f.p95_ms / o.p95_ms >= 100 });
      checks.push({ what: '10,000: higher top-1 accuracy than fuse.js', got: `${pct(o.accuracy)} vs ${pct(f.accuracy)}`, ok: o.accuracy > f.accuracy });
    }
    const m = mid.engines.minisearch;
    if (m) {
      checks.push({ what: '10,000: faster than MiniSearch at p95', got: `${ms(o.p95_ms)} vs ${ms(m.p95_ms)}`, ok: o.p95_ms < m.p95_ms });
      for (const k of ['altered_words', 'altered_numbers', 'paraphrase'] as const) {
        checks.push({ what: `10,000: more accurate than MiniSearch on ${KIND_LABEL[k]}`, got: `${pct(o.accuracy_by_kind[k])} vs ${pct(m.accuracy_by_kind[k])}`, ok: o.accuracy_by_kind[k] > m.accuracy_by_kind[k] });
      }
    }
  }
  return checks;
}

function main() {
  const a = args(process.argv.slice(2));
  if (a.from) {
    // Print the table of a run saved with --json.
    process.stdout.write(formatReport(JSON.parse(readFileSync(a.from, 'utf8')) as Report) + '\n');
    return;
  }
  const report: Report = { machine: machine(), sizes: [] };
  const load = () => loadavg()[0].toFixed(1);
  const la = (report.load_average = { start: load(), end: '' });
  for (const statements of a.sizes) {
    const size: SizeReport = { statements, engines: {} as SizeReport['engines'], notes: {} };
    for (const engine of a.engines) {
      process.stderr.write(`${LABEL[engine]} at ${statements.toLocaleString('en-GB')} statements…\n`);
      const reply = runOne({ engine, statements, seed: a.seed, perKind: a.perKind, budgetSeconds: a.budget });
      size.engines[engine] = reply.result;
      size.notes[engine] = { ...(reply.reason ? { reason: reply.reason } : {}), info: reply.info };
      if (reply.reason) process.stderr.write(`  ${LABEL[engine]}: ${reply.reason}\n`);
    }
    report.sizes.push(size);
  }
  la.end = load();
  process.stdout.write(a.json ? JSON.stringify(report, null, 1) + '\n' : formatReport(report) + '\n');
}

if (process.argv[1] && /run\.ts$/.test(process.argv[1])) main();
