/**
 * `otr crawl` against the test newsroom (tests/fixtures/newsroom/) on 127.0.0.1: what it saves,
 * what it requests and what it never requests, how it carries on after a kill, what a later
 * visit fetches, its rate, its exit codes and its argument checks.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlCommand, runCrawl, type CrawlFlags } from '../../cli/commands/crawl';
import { parseFile } from '../../cli/readReleases';
import { USER_AGENT } from '../../lib/crawl/politeFetch';
import { startNewsroom, type Newsroom } from '../fixtures/newsroom/server';
import { isoDate } from '../fixtures/newsroom/releases';
import { CLI, ROOT, otr, tempDir } from './run';

const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** Runs the crawl in this process (the newsroom answers from this process too); returns its exit code and stderr. */
async function crawlHere(urls: string[], flags: CrawlFlags): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const sink = { write: (s: string) => ((stderr += s), true), isTTY: false } as unknown as NodeJS.WriteStream;
  const code = await runCrawl(crawlCommand(urls, flags), ROOT, sink);
  return { code, stderr };
}

/** The real command line in a child process, without blocking this one (which serves the newsroom). */
function otrAsync(args: string[]) {
  const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

/** Every file under dir, relative, sorted. */
function filesIn(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}
const txtFiles = (dir: string) => filesIn(dir).filter((f) => f.endsWith('.txt'));

/** The release a saved file reads as (through the same path as `otr index`). */
const readSaved = (dir: string, file: string) => parseFile(path.basename(file), fs.readFileSync(path.join(dir, file), 'utf8'))[0];

/** Requests for release pages (/news/<slug>, print views and old addresses included). */
const releaseRequests = (n: Newsroom, from = 0) => n.log.slice(from).filter((e) => /^\/news\/(?!t\/)[^?]+/.test(e.path) && !e.path.startsWith('/news?'));

describe('otr crawl: a first visit', () => {
  let news: Newsroom;
  let dir: string;
  let result: { code: number; stderr: string };

  beforeAll(async () => {
    // 30 releases, 10 a page: the 503 and 429 faults, release 3 disallowed by robots.txt, release 4 undated,
    // the feed linking release 25 by its print view, the sitemap listing release 9 at its old address.
    news = await startNewsroom({ releases: 30, faults: true, restricted: [3], undated: [4], printInFeed: 25, oldAddress: 9 });
    dir = tempDir();
    result = await crawlHere([`${news.origin}/news`, `${news.origin}/feed.xml`, `${news.origin}/sitemap.xml`], { out: dir, rate: '50' });
  });
  afterAll(() => news.close());

  it('saves every allowed release exactly once, in DIR/<host>/<year>/<date>-<slug>.txt, and exits 0', () => {
    expect(result.code, result.stderr).toBe(0);
    const files = txtFiles(dir);
    expect(files).toHaveLength(29);
    const expected = news.releases().filter((r) => r.n !== 3);
    for (const r of expected) {
      const file = path.join('127.0.0.1', r.date.slice(0, 4), `${r.date}-${r.slug}.txt`);
      expect(files, r.slug).toContain(file);
      const release = readSaved(dir, file);
      expect(release.release.date).toBe(r.date);
      expect(release.release.url).toBe(`${news.origin}/news/${r.slug}`);
      const quote = release.statements.find((s) => s.kind === 'quote');
      expect(quote?.speaker?.name).toBe(r.speaker);
      expect(quote?.text).toContain(r.quote[1]);
    }
    expect(filesIn(dir).filter((f) => !f.endsWith('.txt'))).toEqual(['.otr-crawl.json']); // no temporary file, no lock, no journal left
  });

  it('never requests a page robots.txt disallows, and reports it as skipped', () => {
    expect(news.log.filter((e) => e.path.includes('restricted'))).toEqual([]);
    expect(result.stderr).toMatch(/Skipped \(never requested\):\n {2}http:\/\/127\.0\.0\.1:\d+\/news\/restricted-[\w-]+: disallowed by robots\.txt/);
    expect(news.requests('/robots.txt')).toHaveLength(1);
  });

  it('names itself in every request and sends back no cookie', () => {
    expect(new Set(news.log.map((e) => e.userAgent))).toEqual(new Set([USER_AGENT]));
    expect(news.log.filter((e) => e.cookie || e.authorization)).toEqual([]);
  });

  it('waits as Retry-After asks after a 503 and a 429, then saves the page', () => {
    const [r503, r429] = [5, 6].map((n) => news.releases().find((r) => r.n === n)!);
    const tries503 = news.requests(`/news/${r503.slug}`);
    expect(tries503.map((e) => e.status)).toEqual([503, 200]);
    expect(tries503[1].at - tries503[0].at).toBeGreaterThanOrEqual(950); // Retry-After: 1
    const tries429 = news.requests(`/news/${r429.slug}`);
    expect(tries429.map((e) => e.status)).toEqual([429, 200]);
    expect(tries429[1].at - tries429[0].at).toBeGreaterThanOrEqual(900); // an HTTP date 2 s ahead (to the second)
  });

  it('fetches each release page once; the print view and the old address are the same release, kept once', () => {
    const counts = new Map<string, number>();
    for (const e of releaseRequests(news)) if (e.status !== 503 && e.status !== 429) counts.set(e.path, (counts.get(e.path) ?? 0) + 1);
    expect([...counts].filter(([, c]) => c !== 1)).toEqual([]);
    const print = news.releases().find((r) => r.n === 25)!;
    expect(news.requests(`/news/${print.slug}?print=1`).map((e) => e.status)).toEqual([200]);
    // The old address is asked once; it redirects to a page already saved, which is not fetched again.
    expect(news.requests('/news/9009').map((e) => e.status)).toEqual([301]);
    expect(txtFiles(dir).filter((f) => f.includes(print.slug))).toHaveLength(1);
    expect(result.stderr).toMatch(/29 releases saved in .* \(2 already saved under another address\)/);
  });

  it('dates an undated page by the date its listing gave', () => {
    const undated = news.releases().find((r) => r.n === 4)!;
    expect(readSaved(dir, path.join('127.0.0.1', '2001', `${isoDate(4)}-${undated.slug}.txt`)).release.date).toBe(isoDate(4));
  });

  it('gives a folder `otr index --strict` builds, and `otr match` finds a crawled quotation in it', () => {
    const index = path.join(tempDir(), 'crawled.otr');
    const built = otr(['index', '--strict', dir, '--out', index]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^29 releases, 29 quotations/);
    const r = news.releases().find((x) => x.n === 17)!;
    const m = otr(['match', '--index', index, '--json', r.quote[0]]);
    expect(m.code, m.stderr).toBe(0);
    const answer = JSON.parse(m.stdout);
    expect(answer.verdict).toBe('verbatim');
    expect(answer.best.release.url).toBe(`${news.origin}/news/${r.slug}`);
    expect(answer.best.speaker.name).toBe(r.speaker);
  });

  it('on a later visit asks with validators, is answered 304, and fetches no release page', async () => {
    const from = news.log.length;
    const again = await crawlHere([`${news.origin}/news`, `${news.origin}/feed.xml`, `${news.origin}/sitemap.xml`], { out: dir, rate: '50' });
    expect(again.code, again.stderr).toBe(0);
    const later = news.log.slice(from);
    expect(releaseRequests(news, from)).toEqual([]);
    for (const path of ['/news', '/feed.xml', '/sitemap-news.xml', '/robots.txt']) {
      const e = later.find((x) => x.path === path);
      expect(e?.ifNoneMatch, path).toBeTruthy();
      expect(e?.status, path).toBe(304);
    }
    expect(later.some((e) => e.path === '/news?page=2')).toBe(false);
    expect(again.stderr).toMatch(/0 releases saved/);
  });

  it('with new releases published, fetches only those, and stops reading the listing where it knows every release', async () => {
    const added = news.add(3);
    const from = news.log.length;
    const again = await crawlHere([`${news.origin}/news`, `${news.origin}/feed.xml`, `${news.origin}/sitemap.xml`], { out: dir, rate: '50' });
    expect(again.code, again.stderr).toBe(0);
    expect(releaseRequests(news, from).map((e) => e.path).sort()).toEqual(added.map((r) => `/news/${r.slug}`).sort());
    const listings = news.log.slice(from).filter((e) => e.path.startsWith('/news?') || e.path === '/news').map((e) => e.path);
    expect(listings).toEqual(['/news', '/news?page=2']); // page 2 holds only releases known before
    expect(txtFiles(dir)).toHaveLength(32);
  });
});

describe('otr crawl: killed and run again', () => {
  it('after a SIGKILL mid-crawl, a rerun fetches no saved release again and leaves no partial file', async () => {
    const news = await startNewsroom({ releases: 60, perPage: 10 });
    const dir = tempDir();
    try {
      const run = otrAsync(['crawl', `${news.origin}/news`, '--out', dir, '--rate', '25']);
      // Kill it once it has saved a few releases, mid-flight.
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && txtFiles(dir).length < 12) await new Promise((r) => setTimeout(r, 25));
      run.child.kill('SIGKILL');
      const killed = await run.done;
      expect(killed.signal).toBe('SIGKILL');
      const before = txtFiles(dir);
      expect(before.length).toBeGreaterThanOrEqual(12);
      expect(before.length).toBeLessThan(60);
      // Whatever was cut short is no *.txt: every release file is whole.
      for (const f of before) expect(readSaved(dir, f).statements.length, f).toBeGreaterThan(0);
      const savedPaths = new Set(before.map((f) => `/news/${path.basename(f, '.txt').slice(11)}`));

      const from = news.log.length;
      const rerun = await crawlHere([`${news.origin}/news`], { out: dir, rate: '50' });
      expect(rerun.code, rerun.stderr).toBe(0);
      const refetched = releaseRequests(news, from).filter((e) => savedPaths.has(e.path));
      expect(refetched).toEqual([]);
      const after = txtFiles(dir);
      expect(after).toHaveLength(60);
      expect(new Set(after.map((f) => path.basename(f))).size).toBe(60);
      expect(filesIn(dir).filter((f) => !f.endsWith('.txt'))).toEqual(['.otr-crawl.json']);
      for (const f of after) expect(readSaved(dir, f).statements.length).toBeGreaterThan(0);
    } finally {
      await news.close();
    }
  });
});

describe('otr crawl: limits and exit codes', () => {
  let news: Newsroom;
  beforeAll(async () => {
    news = await startNewsroom({ releases: 30, missing: [12] });
  });
  afterAll(() => news.close());

  it('exits 3 when some release pages failed, naming each with its reason', async () => {
    const dir = tempDir();
    const r = await crawlHere([`${news.origin}/news`], { out: dir, rate: '50' });
    expect(r.code).toBe(3);
    const missing = news.releases().find((x) => x.n === 12)!;
    expect(r.stderr).toContain(`Failed:\n  ${news.origin}/news/${missing.slug}: HTTP 404`);
    expect(txtFiles(dir)).toHaveLength(29);
  });

  it('--since reads no further than releases older than the date; --max saves at most N, and a rerun carries on', async () => {
    const dir = tempDir();
    const from = news.log.length;
    const since = await crawlHere([`${news.origin}/news`], { out: dir, rate: '50', since: isoDate(20) });
    expect(since.code, since.stderr).toBe(0);
    expect(txtFiles(dir).map((f) => path.basename(f).slice(0, 10)).every((d) => d >= isoDate(20))).toBe(true);
    expect(txtFiles(dir)).toHaveLength(10);
    expect(news.log.slice(from).some((e) => e.path === '/news?page=3')).toBe(false);

    const dir2 = tempDir();
    const max = await crawlHere([`${news.origin}/news`], { out: dir2, rate: '50', max: '5' });
    expect(max.code, max.stderr).toBe(0);
    expect(txtFiles(dir2)).toHaveLength(5);
    const first = new Set(txtFiles(dir2));
    const mark = news.log.length;
    await crawlHere([`${news.origin}/news`], { out: dir2, rate: '50', max: '7' });
    expect(txtFiles(dir2)).toHaveLength(12);
    const again = releaseRequests(news, mark).map((e) => e.path);
    for (const f of first) expect(again).not.toContain(`/news/${path.basename(f, '.txt').slice(11)}`);
  });

  it('keeps to --rate: no more than N requests to the site in any second', async () => {
    const dir = tempDir();
    const from = news.log.length;
    const r = await crawlHere([`${news.origin}/news`], { out: dir, rate: '4', max: '8' });
    expect(r.code, r.stderr).toBe(0);
    const times = news.log.slice(from).map((e) => e.at);
    expect(times.length).toBeGreaterThanOrEqual(10);
    // Times as the server logged them: allow 10% for the way from the crawler to the log on a busy machine.
    for (let i = 4; i < times.length; i++) expect(times[i] - times[i - 4], `requests ${i - 4}..${i}`).toBeGreaterThanOrEqual(900);
    // And over the whole crawl: n requests at 4 a second span at least floor((n - 1) / 4) seconds (a
    // rolling window lets 4 start together, so an average over a few seconds can exceed 4 a second).
    const span = times[times.length - 1] - times[0];
    expect(span).toBeGreaterThanOrEqual(Math.floor((times.length - 1) / 4) * 900);
  });

  it('exits 1 when nothing could be reached: a refused connection, robots.txt unreadable, not a listing', async () => {
    const closed = await startNewsroom({ releases: 1 });
    const gone = closed.origin;
    await closed.close();
    const refused = await crawlHere([`${gone}/news`], { out: tempDir(), tries: '1' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Could not read:\n {2}http:\/\/127\.0\.0\.1:\d+\/news: robots\.txt could not be read \(connection refused/);

    const blocked = await startNewsroom({ releases: 3, robotsStatus: 503 });
    try {
      const r = await crawlHere([`${blocked.origin}/news`], { out: tempDir(), tries: '2', rate: '50' });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/robots\.txt could not be read \(HTTP 503 \(after 2 tries\)\), so the site is not crawled/);
      expect(blocked.log.map((e) => e.path)).toEqual(['/robots.txt', '/robots.txt']);
    } finally {
      await blocked.close();
    }

    const text = await crawlHere([`${news.origin}/robots.txt`], { out: tempDir(), rate: '50' });
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/robots\.txt: not a listing page, feed or sitemap \(text\/plain\)/);
  });
});

describe('otr crawl: arguments', () => {
  it('refuses bad arguments with a usage error saying what was expected', () => {
    const bad: [string[], CrawlFlags, RegExp][] = [
      [[], { out: 'x' }, /no address given/],
      [['ftp://example.org/'], { out: 'x' }, /only http:\/\/ and https:\/\//],
      [['news.example.org'], { out: 'x' }, /not an address: news\.example\.org/],
      [['https://user:pw@example.org/'], { out: 'x' }, /no credentials/],
      [['https://example.org/'], {}, /--out DIR/],
      [['https://example.org/'], { out: 'x', rate: 'fast' }, /--rate must be a number/],
      [['https://example.org/'], { out: 'x', rate: '-1' }, /--rate must be a number/],
      [['https://example.org/'], { out: 'x', since: '2024-02-30' }, /--since must be a real date/],
      [['https://example.org/'], { out: 'x', since: '31/01/2024' }, /--since must be a real date written YYYY-MM-DD/],
      [['https://example.org/'], { out: 'x', max: '0' }, /--max must be a whole number of at least 1/],
      [['https://example.org/'], { out: 'x', tries: '2.5' }, /--tries must be a whole number/],
    ];
    for (const [urls, flags, message] of bad) {
      expect(() => crawlCommand(urls, flags), JSON.stringify([urls, flags])).toThrow(message);
      try {
        crawlCommand(urls, flags);
      } catch (err) {
        expect((err as { usage: boolean }).usage).toBe(true);
      }
    }
    expect(crawlCommand(['https://example.org/news'], { out: 'x' })).toEqual({ urls: ['https://example.org/news'], out: 'x', rate: 1, tries: 4 });
  });

  it('exits 2 with the usage text from the command line', () => {
    const r = otr(['crawl', 'https://example.org/news', '--out', tempDir(), '--since', 'yesterday']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('otr: --since must be a real date written YYYY-MM-DD');
    expect(r.stderr).toContain('otr crawl URL... --out DIR');
    expect(otr(['crawl', '--bogus']).code).toBe(2);
  });
});

describe('npm run archive', () => {
  it('crawls the newsrooms of its config into a folder that ignores itself, then builds the index with the seeds', async () => {
    const news = await startNewsroom({ releases: 6 });
    const dir = tempDir();
    try {
      const config = path.join(dir, 'newsrooms.json');
      fs.writeFileSync(config, JSON.stringify({ newsrooms: [{ name: 'Test newsroom', urls: [`${news.origin}/news`], rate: 50 }] }));
      const out = path.join(dir, 'archive');
      const index = path.join(dir, 'index.otr');
      const child = spawn(process.execPath, ['--import', TSX, path.join(ROOT, 'scripts', 'archive.ts'), '--config', config, '--out', out, '--index', index], { cwd: ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, stderr).toBe(0);
      expect(txtFiles(out)).toHaveLength(6);
      expect(fs.readFileSync(path.join(out, '.gitignore'), 'utf8')).toBe('*\n');
      expect(stdout).toMatch(/^8 releases, /); // the two seeds and the six crawled
      expect(fs.existsSync(index)).toBe(true);
    } finally {
      await news.close();
    }
  });
});
