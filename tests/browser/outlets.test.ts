/**
 * The articles written in UK outlets' styles (tests/fixtures/articles/outlets.ts), checked in
 * Debian's Chromium as a reader would: the releases they quote imported in the options page,
 * then "Check all quotes on this page" on each article served as a news page, and the plain-text
 * article pasted into "Check a draft". The same expectations as `otr check`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { OUTLET_ARTICLES, type OutletArticle } from '../fixtures/articles/outlets';
import { ARTICLES, ROOT, artifact, chromiumAvailable, closedRoot, launchChromium, requireInCI, type ChromiumSession, type PageServer } from './harness';

const RELEASES = path.join(ROOT, 'tests', 'fixtures', 'releases');

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
    const files = [...new Set(OUTLET_ARTICLES.flatMap((a) => a.releases))].map((f) => path.join(RELEASES, f));
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Sources' }).waitFor();
    await options.getByLabel('Import files').setInputFiles(files);
    await options.getByRole('button', { name: `Save ${files.length} files to my index` }).click();
    await expect.poll(() => options.getByRole('status').last().textContent(), { timeout: 20_000 }).toMatch(new RegExp(`Done: ${files.length} saved`));
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
      const { page, entries } = await checkPage(`${server.origin}/articles-${article.file}${article.file.endsWith('.txt') ? '.html' : ''}`);
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
