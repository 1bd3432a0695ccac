/**
 * The articles written in UK outlets' styles (tests/fixtures/articles/outlets.ts), checked in
 * Debian's Chromium and firefox-esr as a reader would: the releases they quote imported in the options page,
 * then "Check all quotes on this page" on each article served as a news page, and the plain-text
 * article pasted into "Check a draft". The same expectations as `otr check`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { OUTLET_ARTICLES, type OutletArticle } from '../fixtures/articles/outlets';
import {
  ARTICLES, FIREFOX, FIREFOX_EXT, FIREFOX_EXT_ORIGIN, ROOT, artifact, chromiumAvailable, closedRoot, launchChromium, launchFirefoxWithExtension, requireInCI, waitFor,
  type ChromiumSession, type FirefoxSession, type PageServer,
} from './harness';
import { inClosedRoot } from './bidi';

const RELEASES = path.join(ROOT, 'tests', 'fixtures', 'releases');
const RELEASE_FILES = [...new Set(OUTLET_ARTICLES.flatMap((a) => a.releases))];
const pageOf = (article: OutletArticle) => `/articles-${article.file}${article.file.endsWith('.txt') ? '.html' : ''}`;

interface Entry { verdict: string | null; text: string }

/** Every expectation of the article holds for the entries a check listed. */
function expectEntries(article: OutletArticle, entries: Entry[]) {
  expect(entries.length, article.file).toBe(article.count);
  for (const want of article.quotations) {
    const entry = entries.find((e) => e.text.replace(/\s+/g, ' ').includes(want.words));
    expect(entry, `${article.file}: an entry holding “${want.words}”`).toBeDefined();
    expect([want.verdict].flat(), want.words).toContain(entry!.verdict);
    if (want.speaker) expect(entry!.text, want.words).toContain(want.speaker);
    for (const d of want.differences ?? []) expect(entry!.text, want.words).toContain(`page “${d.page}” — said “${d.original}”`);
    expect(entry!.text.includes('The page names'), `${want.words}: attributed to someone else`).toBe(want.misattributed ?? false);
  }
  if (article.never) for (const e of entries) expect(e.text).not.toMatch(article.never);
}

describe.skipIf(!requireInCI('Chromium with the built extension', chromiumAvailable))('articles in outlet styles, checked in Chromium', () => {
  let server: PageServer;
  let session: ChromiumSession;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;

  beforeAll(async () => {
    session = await launchChromium('otr-chromium-outlets-', { width: 1200, height: 900 });
    ({ server, context, extensionId, worker } = session);
    // The releases the articles quote, imported as a reader would.
    const files = RELEASE_FILES.map((f) => path.join(RELEASES, f));
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Sources' }).waitFor();
    await options.getByLabel('Import files').setInputFiles(files);
    await options.getByRole('button', { name: `Save ${files.length} files to my index` }).click();
    await options.getByRole('status').filter({ hasText: new RegExp(`Done: ${files.length} saved`) }).waitFor({ timeout: 20_000 });
    await options.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  async function checkPage(url: string): Promise<{ page: Page; entries: Entry[] }> {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.bringToFront();
    expect(await worker.evaluate(() => (globalThis as any).otr.onMenuClicked({ menuItemId: 'check-page', frameId: 0 }))).toBe(true);
    const panel = closedRoot(page, 'on-the-record-panel');
    await expect.poll(() => panel.count('.otr-report'), { timeout: 15_000 }).toBe(1);
    const entries = (await panel.eval((r) => [...r.querySelectorAll('.otr-entry')].map((e) => ({ verdict: e.getAttribute('data-verdict'), text: e.textContent ?? '' }))))!;
    return { page, entries };
  }

  for (const article of OUTLET_ARTICLES) {
    it(`page check: ${article.style}`, async () => {
      const { page, entries } = await checkPage(`${server.origin}${pageOf(article)}`);
      await page.screenshot({ path: artifact(`outlet-${article.file.replace(/\.\w+$/, '')}.png`) });
      expectEntries(article, entries);
      await page.close();
    });
  }

  for (const article of OUTLET_ARTICLES.filter((a) => a.file.endsWith('.txt'))) {
    it(`draft check: ${article.style}`, async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/draft.html`);
      await page.locator('#draft-text').fill(fs.readFileSync(path.join(ARTICLES, article.file), 'utf8'));
      await page.getByRole('button', { name: 'Check the quotations' }).click();
      await page.locator('.otr-report').waitFor();
      const entries = await page.locator('.otr-entry').evaluateAll((els) => els.map((e) => ({ verdict: e.getAttribute('data-verdict'), text: e.textContent ?? '' })));
      expectEntries(article, entries);
      await page.close();
    });
  }

  it('made no network request beyond the local test pages', () => {
    expect(session.offsite).toEqual([]);
  });
});

const firefoxBuilt = fs.existsSync(path.join(FIREFOX_EXT, 'manifest.json')) && fs.existsSync(FIREFOX);

describe.skipIf(!requireInCI('firefox-esr with the Firefox build', firefoxBuilt))('articles in outlet styles, checked in Firefox', () => {
  let s: FirefoxSession;

  beforeAll(async () => {
    // System access lets WebDriver BiDi open the extension's own pages (options, popup) in a tab.
    s = await launchFirefoxWithExtension('otr-firefox-outlets-', { systemAccess: true });
    const { context: options } = await s.ff.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab', background: true });
    await s.ff.bidi.send('browsingContext.navigate', { context: options, url: `${FIREFOX_EXT_ORIGIN}/options.html`, wait: 'complete' });
    await waitFor('the import input', () => s.ff.bidi.evaluate<boolean>(options, `!!document.querySelector('input[type=file]')`));
    // The files as the reader's file picker gives them.
    const files = RELEASE_FILES.map((f) => ({ name: f, text: fs.readFileSync(path.join(RELEASES, f), 'utf8') }));
    await s.ff.bidi.evaluate(options, `(() => {
      const dt = new DataTransfer();
      for (const f of ${JSON.stringify(files)}) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
      const input = document.querySelector('input[type=file]');
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    })()`);
    const save = `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Save ${files.length} files to my index')`;
    await waitFor('the save button', () => s.ff.bidi.evaluate<boolean>(options, `!!${save}`), 20_000);
    await s.ff.bidi.evaluate(options, `${save}.click()`);
    await waitFor('the files saved', () => s.ff.bidi.evaluate<boolean>(options, `[...document.querySelectorAll('[role=status]')].some((e) => /Done: ${files.length} saved/.test(e.textContent))`), 20_000);
    await s.ff.bidi.send('browsingContext.close', { context: options });
  });

  afterAll(async () => {
    await s?.close();
  });

  for (const article of OUTLET_ARTICLES) {
    it(`page check: ${article.style}`, async () => {
      await s.ff.bidi.send('browsingContext.navigate', { context: s.context, url: `${s.server.origin}${pageOf(article)}`, wait: 'complete' });
      await s.ff.bidi.send('browsingContext.activate', { context: s.context });
      // The popup's own button, in a background tab: the article stays the active tab, as under the real popup.
      const { context: popup } = await s.ff.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab', background: true });
      await s.ff.bidi.send('browsingContext.navigate', { context: popup, url: `${FIREFOX_EXT_ORIGIN}/popup.html`, wait: 'complete' });
      await waitFor('the popup button', () => s.ff.bidi.evaluate<boolean>(popup, `!!document.getElementById('check-page')`));
      await s.ff.bidi.evaluate(popup, `document.getElementById('check-page').click()`); // the popup closes its tab
      const read = () => inClosedRoot<Entry[]>(s.ff.bidi, s.context, 'on-the-record-panel', `(r) => [...r.querySelectorAll('.otr-entry')].map((e) => ({ verdict: e.getAttribute('data-verdict'), text: e.textContent ?? '' }))`);
      await waitFor('the report', () => inClosedRoot<number>(s.ff.bidi, s.context, 'on-the-record-panel', `(r) => r.querySelectorAll('.otr-report').length`), 15_000);
      const entries = (await read()) ?? [];
      expectEntries(article, entries);
    });
  }
});
