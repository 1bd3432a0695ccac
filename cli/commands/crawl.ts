/**
 * `otr crawl URL... --out DIR`: crawls newsroom listings, feeds or sitemaps into release files.
 * Argument checking, the output folder, progress and the summary; the crawl itself is
 * lib/crawl/ (the same code the extension can run), its state and files cli/crawl/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readDateLine } from '../../core/parse/date';
import { crawl, type CrawlReport } from '../../lib/crawl/crawler';
import { DEFAULT_RETRY } from '../../lib/crawl/retry';
import { applyEvent } from '../../lib/crawl/state';
import { parseDocument } from '../crawl/dom';
import { progressOut, duration } from '../crawl/progress';
import { ReleaseFiles } from '../crawl/releaseFiles';
import { lockFolder, removeLeftovers, StateFile } from '../crawl/stateFile';
import { CliError } from '../errors';

export interface CrawlCommand {
  urls: string[];
  out: string;
  /** Requests a second to one site; 0 for no limit. */
  rate: number;
  since?: string;
  max?: number;
  tries: number;
}

export interface CrawlFlags {
  out?: string;
  rate?: string;
  since?: string;
  max?: string;
  tries?: string;
}

/** Checks the arguments; every mistake is a usage error saying what was expected. */
export function crawlCommand(positionals: string[], flags: CrawlFlags): CrawlCommand {
  const usage = (message: string) => new CliError(message, true);
  if (positionals.length === 0) throw usage('no address given: otr crawl URL... --out DIR (a newsroom listing page, a feed or a sitemap)');
  for (const url of positionals) {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw usage(`not an address: ${url} (give a full http:// or https:// address)`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw usage(`not a web address: ${url} (only http:// and https:// can be crawled)`);
    if (u.username || u.password) throw usage(`${u.origin}: an address with a user name or password is not crawled (no credentials are ever sent)`);
  }
  if (!flags.out) throw usage('no output folder: give --out DIR');
  let rate = 1;
  if (flags.rate !== undefined) {
    rate = Number(flags.rate);
    if (!/^\d+(?:\.\d+)?$/.test(flags.rate.trim()) || !Number.isFinite(rate) || rate < 0) {
      throw usage(`--rate must be a number of requests a second, such as 1 or 0.5 (0 for no limit); got "${flags.rate}"`);
    }
  }
  let since: string | undefined;
  if (flags.since !== undefined) {
    const read = /^\d{4}-\d\d-\d\d$/.test(flags.since) ? readDateLine(flags.since) : null;
    if (!read || !('date' in read)) throw usage(`--since must be a real date written YYYY-MM-DD, such as 2024-01-31; got "${flags.since}"`);
    since = read.date;
  }
  const count = (name: string, value: string | undefined, least: number): number | undefined => {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value.trim()) || Number(value) < least) throw usage(`--${name} must be a whole number of at least ${least}; got "${value}"`);
    return Number(value);
  };
  const max = count('max', flags.max, 1);
  const tries = count('tries', flags.tries, 1) ?? DEFAULT_RETRY.attempts;
  return { urls: [...new Set(positionals.map((u) => new URL(u).href))], out: flags.out, rate, ...(since ? { since } : {}), ...(max ? { max } : {}), tries };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The summary printed when the crawl ends. */
export function summary(r: CrawlReport, out: string, ms: number): string {
  const lines: string[] = [];
  const extra: string[] = [];
  if (r.duplicates) extra.push(`${r.duplicates} already saved under another address`);
  if (r.older) extra.push(`${r.older} older than --since`);
  lines.push(
    `otr crawl: ${plural(r.saved, 'release')} saved in ${out}${extra.length ? ` (${extra.join(', ')})` : ''}; ` +
      `${r.failed} failed, ${r.skipped} skipped; ${plural(r.requests, 'request')}${r.notModified ? ` (${r.notModified} answered "not modified")` : ''} in ${duration(ms)}`,
  );
  if (r.unreachable.length) {
    lines.push('Could not read:');
    for (const p of r.unreachable) lines.push(`  ${p.url}: ${p.reason}`);
  }
  if (r.failures.length) {
    lines.push('Failed:');
    for (const p of r.failures) lines.push(`  ${p.url}: ${p.reason}`);
  }
  if (r.skippedPages.length) {
    lines.push('Skipped (never requested):');
    for (const p of r.skippedPages) lines.push(`  ${p.url}: ${p.reason}`);
  }
  return lines.join('\n') + '\n';
}

/** Exit code: 0 when all went well, 3 when some pages failed, 1 when no starting address could be read. */
export function exitCode(r: CrawlReport, starts: number): number {
  if (r.unreachable.length >= starts) return 1;
  return r.failed > 0 || r.unreachable.length > 0 ? 3 : 0;
}

export async function runCrawl(cmd: CrawlCommand, base: string, stderr: NodeJS.WriteStream = process.stderr): Promise<number> {
  const dir = path.resolve(base, cmd.out);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new CliError(`cannot make the output folder ${cmd.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (!fs.statSync(dir).isDirectory()) throw new CliError(`--out ${cmd.out} is a file, not a folder`);
  const unlock = lockFolder(dir);
  const store = StateFile.open(dir);
  const onSignal = (signal: NodeJS.Signals) => {
    // The journal already holds everything done; leave the folder for the next run.
    store.close();
    unlock();
    stderr.write(`\notr crawl: stopped (${signal}); run the same command again to carry on\n`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    removeLeftovers(dir);
    // A release the state knows but whose file is gone (deleted, or a kill between noting and writing it) is fetched again.
    for (const [url, saved] of Object.entries(store.state.releases)) {
      if (!fs.existsSync(path.join(dir, saved.file))) {
        const ev = { e: 'dropped', url } as const;
        applyEvent(store.state, ev);
        store.record(ev);
      }
    }
    const progress = progressOut(stderr);
    const startedAt = Date.now();
    const report = await crawl({
      starts: cmd.urls,
      fetch: globalThis.fetch,
      parseDocument,
      sink: new ReleaseFiles(dir),
      state: store.state,
      record: (ev) => store.record(ev),
      rate: cmd.rate,
      concurrency: cmd.rate === 0 ? 8 : 4,
      retry: { ...DEFAULT_RETRY, attempts: cmd.tries },
      ...(cmd.since ? { since: cmd.since } : {}),
      ...(cmd.max ? { max: cmd.max } : {}),
      onProgress: (p) => progress.update(p),
    });
    progress.end();
    store.compact();
    stderr.write(summary(report, cmd.out, Date.now() - startedAt));
    return exitCode(report, cmd.urls.length);
  } finally {
    store.close();
    unlock();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
