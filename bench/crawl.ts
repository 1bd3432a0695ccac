/**
 * The crawl bench: `npm run bench:crawl [-- --releases N]` (default 10,000).
 * Serves the test newsroom (tests/fixtures/newsroom/) in a child process, crawls it with `otr crawl`'s
 * own code in this process at no rate limit, and prints the time, releases a second, peak memory (RSS
 * of this process: the crawler, not the server) and files written; then builds the index from them
 * with `otr index --strict` (a fresh process, timed), and makes one incremental visit after the
 * newsroom publishes 20 more releases (time, requests made). Writes the figures to
 * bench/results/<date>-crawl-<N>.json.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crawlCommand, runCrawl } from '../cli/commands/crawl';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const RELEASES = arg('releases', 10_000);
const ADDED = 20;

/** The newsroom in its own process, with a line-based conversation. */
async function serve(releases: number) {
  const child = spawn(process.execPath, ['--import', TSX, path.join(ROOT, 'tests/fixtures/newsroom/serve.ts'), String(releases), '20'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const origin = await next();
  const ask = async (command: string) => {
    const answer = next();
    child.stdin.write(`${command}\n`);
    return answer;
  };
  return { origin, ask, close: () => child.stdin.end() };
}

const quietStderr = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function main() {
  const loadAtStart = os.loadavg();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'otr-crawl-bench-'));
  const news = await serve(RELEASES);
  console.log(`newsroom: ${RELEASES} releases at ${news.origin}; crawling into ${out}`);

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const code = await runCrawl(crawlCommand([`${news.origin}/news`], { out, rate: '0' }), ROOT, quietStderr);
  const crawlMs = performance.now() - t0;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  const files = (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.txt')).length;
  const first = JSON.parse(await news.ask('count')) as { requests: number; releasePages: number };
  console.log(`crawl: exit ${code}, ${files} files in ${(crawlMs / 1000).toFixed(1)} s (${(files / (crawlMs / 1000)).toFixed(0)} releases/s), ${first.requests} requests, peak RSS ${mb(peakRss)} MB`);

  const indexFile = path.join(out, '..', `${path.basename(out)}.otr`);
  const t1 = performance.now();
  const built = spawnSync(process.execPath, ['--import', TSX, path.join(ROOT, 'cli/otr.ts'), 'index', '--strict', out, '--out', indexFile], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const indexMs = performance.now() - t1;
  if (built.status !== 0) throw new Error(`otr index failed (${built.status}):\n${built.stderr.slice(0, 2000)}`);
  const indexBytes = fs.statSync(indexFile).size;
  console.log(`index: ${built.stdout.split('\n')[0]}; ${(indexMs / 1000).toFixed(1)} s, ${mb(indexBytes)} MB`);

  await news.ask(`add ${ADDED}`);
  const t2 = performance.now();
  const again = await runCrawl(crawlCommand([`${news.origin}/news`], { out, rate: '0' }), ROOT, quietStderr);
  const incrementalMs = performance.now() - t2;
  const second = JSON.parse(await news.ask('count')) as { requests: number; releasePages: number };
  const filesAfter = (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.txt')).length;
  console.log(
    `incremental visit (${ADDED} new releases): exit ${again}, ${(incrementalMs / 1000).toFixed(2)} s, ${second.requests - first.requests} requests ` +
      `(${second.releasePages - first.releasePages} release pages), ${filesAfter - files} files added`,
  );
  news.close();

  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  })();
  const result = {
    bench: 'crawl',
    date: new Date().toISOString(),
    commit,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? null, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}`, loadAtStart, loadAtEnd: os.loadavg() },
    releases: RELEASES,
    crawl: { exitCode: code, ms: Math.round(crawlMs), releasesPerSecond: Math.round(files / (crawlMs / 1000)), peakRssMB: mb(peakRss), files, requests: first.requests, releasePages: first.releasePages },
    index: { ms: Math.round(indexMs), bytes: indexBytes, summary: built.stdout.split('\n')[0] },
    incremental: { added: ADDED, exitCode: again, ms: Math.round(incrementalMs), requests: second.requests - first.requests, releasePages: second.releasePages - first.releasePages, filesAdded: filesAfter - files },
  };
  const name = path.join(ROOT, 'bench', 'results', `${result.date.slice(0, 10)}-crawl-${RELEASES}.json`);
  fs.writeFileSync(name, JSON.stringify(result, null, 2) + '\n');
  console.log(`wrote ${path.relative(ROOT, name)}`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(indexFile, { force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
