/**
 * The import bench: `npm run bench:import [-- --releases N]` (default 10,000).
 * The options page's import at archive scale, in Debian's Chromium with the built extension
 * (`npm run build` first): N release files (in the text layout, each a different release) chosen
 * at once, read and previewed, then saved. Prints, for each phase, the time and releases a second,
 * the longest gap between two frames the page drew (a frozen page shows as a long gap), the longest
 * time the progress bar went without moving, and peak memory (the options page's JS heap and the
 * browser's total RSS). Writes the figures to bench/results/<date>-import-<N>.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/browser/chromiumArgs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(ROOT, '.output', 'chrome-mv3');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const RELEASES = arg('releases', 10_000);

const FORCES = ['Fenmoor Police', 'Westmarch Constabulary', 'Harrowdale Police', 'Northdale Police'];
const NAMES = ['Alice Fenwick', 'Tom Hale', 'Priya Desai', 'Gareth Lowe', 'Morag Fairlie'];

/** One invented release in the text layout, different for each n. */
function releaseText(n: number): string {
  const day = (n % 28) + 1;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][n % 12];
  const year = 2010 + (n % 15);
  const force = FORCES[n % FORCES.length];
  const name = NAMES[n % NAMES.length];
  return [
    `${day} ${month} ${year}`,
    `Patrols extended after ${100 + n} reports in district ${n}`,
    `${force} has extended evening patrols in district ${n} after ${100 + n} reports from residents this year.`,
    `Superintendent ${name}, Head of Neighbourhood Policing, said:`,
    `“We have listened to residents in district ${n}, and officers will be out every evening until the end of the month. Anyone with information should call 101 quoting reference ${n}.”`,
    `The patrols will run alongside ${n % 9 + 2} community meetings.`,
    'ENDS',
  ].join('\n');
}

/** The browser's processes' total resident memory, in MB. */
function browserRssMB(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const out = execFileSync('ps', ['-o', 'rss=', '--ppid', String(pid), '-p', String(pid)], { encoding: 'utf8' });
    return out.split('\n').reduce((n, l) => n + (Number(l.trim()) || 0), 0) / 1024;
  } catch {
    return 0;
  }
}

async function main() {
  if (!fs.existsSync(path.join(EXT, 'manifest.json'))) throw new Error('no built extension in .output/chrome-mv3: run `npm run build` first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otr-import-bench-'));
  const files = Array.from({ length: RELEASES }, (_, n) => {
    const f = path.join(dir, `release-${String(n).padStart(5, '0')}.txt`);
    fs.writeFileSync(f, releaseText(n));
    return f;
  });
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS(EXT), viewport: { width: 1000, height: 900 } });
  const browserPid = (context.browser() as unknown as { process?: () => { pid?: number } } | null)?.process?.().pid;
  let peakRss = 0;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, browserRssMB(browserPid ?? findBrowserPid()))), 500);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.getByRole('heading', { name: 'Sources' }).waitFor();
    // Frame gaps, progress moves and the page's heap, recorded in the page itself.
    // (Strings, not functions: the bench runs through tsx, whose function helpers the page lacks.)
    await page.evaluate(`(() => {
      const b = (window.__bench = { gaps: [], moves: [], heap: 0 });
      let last = performance.now();
      const tick = (t) => {
        b.gaps.push([t, t - last]);
        last = t;
        if (performance.memory) b.heap = Math.max(b.heap, performance.memory.usedJSHeapSize);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      let value = '';
      setInterval(() => {
        const v = document.querySelector('progress')?.getAttribute('value') ?? '';
        if (v !== value) {
          value = v;
          b.moves.push([performance.now(), v]);
        }
      }, 20);
    })()`);
    const reset = () => page.evaluate(`(() => { window.__bench.gaps = []; window.__bench.moves = [[performance.now(), 'start']]; })()`);
    const read = () =>
      page.evaluate(`(() => {
        const b = window.__bench;
        const moves = [...b.moves, [performance.now(), 'end']];
        let still = 0;
        let stillFrom = '';
        for (let i = 1; i < moves.length; i++) {
          const d = moves[i][0] - moves[i - 1][0];
          if (d > still) [still, stillFrom] = [d, moves[i - 1][1]];
        }
        // The browser's own work on the chosen files (before the page's first progress) is told apart from the page's.
        const started = b.moves[1] ? b.moves[1][0] : Infinity;
        const gap = (after) => Math.round(Math.max(0, ...b.gaps.filter(([t]) => t > after).map(([, g]) => g)));
        return { longestFrameGapMs: gap(started), longestFrameGapWithFileSelectionMs: gap(0), longestWithoutProgressMs: Math.round(still), withoutProgressFrom: stillFrom, pageHeapMB: Math.round(b.heap / 1024 / 1024) };
      })()`) as Promise<{ longestFrameGapMs: number; longestFrameGapWithFileSelectionMs: number; longestWithoutProgressMs: number; withoutProgressFrom: string; pageHeapMB: number }>;

    console.log(`Import bench: ${RELEASES} release files, Chromium ${context.browser()?.version() ?? ''}`);
    await reset();
    let t0 = performance.now();
    await page.getByLabel('Import files').setInputFiles(files);
    const saveButton = page.getByRole('button', { name: `Save ${RELEASES} files to my index` });
    await saveButton.waitFor({ timeout: 600_000 });
    const readMs = performance.now() - t0;
    const reading = await read();
    console.log(
      `read and preview: ${(readMs / 1000).toFixed(1)} s, ${Math.round(RELEASES / (readMs / 1000))} releases/s, longest frame gap ${reading.longestFrameGapMs} ms while reading (${reading.longestFrameGapWithFileSelectionMs} ms counting the browser's taking in the ${RELEASES} chosen files), longest without progress ${reading.longestWithoutProgressMs} ms`,
    );

    await reset();
    t0 = performance.now();
    await saveButton.click();
    await page.getByRole('status').filter({ hasText: /^Done:/ }).waitFor({ timeout: 600_000 });
    const saveMs = performance.now() - t0;
    const saving = await read();
    const done = (await page.getByRole('status').filter({ hasText: /^Done:/ }).textContent()) ?? '';
    console.log(`save: ${(saveMs / 1000).toFixed(1)} s, ${Math.round(RELEASES / (saveMs / 1000))} releases/s, longest frame gap ${saving.longestFrameGapMs} ms, longest without progress ${saving.longestWithoutProgressMs} ms (from progress ${saving.withoutProgressFrom})`);
    console.log(`  ${done.trim()}`);
    console.log(`peak memory: options page JS heap ${Math.max(reading.pageHeapMB, saving.pageHeapMB)} MB, browser total RSS ${Math.round(peakRss)} MB`);
    console.log(`total: ${((readMs + saveMs) / 1000).toFixed(1)} s for ${RELEASES} releases`);

    const load = os.loadavg().map((x) => Math.round(x * 100) / 100);
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const out = {
      bench: 'import',
      date: new Date().toISOString(),
      commit,
      machine: { cpus: os.cpus().length, node: process.version, load },
      releases: RELEASES,
      read: { ms: Math.round(readMs), releasesPerSecond: Math.round(RELEASES / (readMs / 1000)), ...reading },
      save: { ms: Math.round(saveMs), releasesPerSecond: Math.round(RELEASES / (saveMs / 1000)), ...saving, done: done.trim() },
      peakBrowserRssMB: Math.round(peakRss),
    };
    const file = path.join(ROOT, 'bench', 'results', `${out.date.slice(0, 10)}-import-${RELEASES}.json`);
    fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
    console.log(`wrote ${path.relative(ROOT, file)}`);
  } finally {
    clearInterval(rssTimer);
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The browser's main process when Playwright does not say: the oldest chromium process of ours. */
function findBrowserPid(): number | undefined {
  try {
    const out = execFileSync('pgrep', ['-o', '-f', 'otr-import-bench-'], { encoding: 'utf8' }).trim();
    return Number(out) || undefined;
  } catch {
    return undefined;
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
