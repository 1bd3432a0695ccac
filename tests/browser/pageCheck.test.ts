/**
 * "Check all quotes on this page" and "Check a draft" in Debian's Chromium, on a news-like
 * page written for it: a verbatim quotation in nested markup, an altered figure, words
 * attributed to the wrong person, reported speech, and words nobody in the index said.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserContext, type Page, type Worker } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { artifact, type PageServer, chromiumAvailable, launchChromium, requireInCI, type ChromiumSession } from './harness';

describe.skipIf(!requireInCI('Chromium with the built extension', chromiumAvailable))('checking a whole page or a draft in Chromium', () => {
  let server: PageServer;
  let session: ChromiumSession;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;

  beforeAll(async () => {
    session = await launchChromium('otr-chromium-check-', { width: 1200, height: 900 });
    ({ server, context, extensionId, worker } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  async function openArticle(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.origin}/check-article.html`);
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(100);
    await page.bringToFront();
    return page;
  }

  const EXPECTED = [
    ['verbatim', 'The internet is not a safe or anonymous place for abusing children.'],
    ['altered', 'arresting over 600 offenders'],
    ['verbatim', 'These people try to hide what they do online.'],
    ['paraphrase', 'Bailey told reporters'],
    ['not-found', 'Every school in the county'],
  ] as const;

  it('finds every quotation from the context menu, badges each with its verdict and lists them in a panel', async () => {
    const page = await openArticle();
    const viaMenu = await worker.evaluate(() => (globalThis as any).otr.onMenuClicked({ menuItemId: 'check-page', frameId: 0 }));
    expect(viaMenu).toBe(true);
    const panel = page.locator('on-the-record-panel .otr-report');
    await panel.waitFor({ state: 'visible' });
    const host = page.locator('on-the-record-panel');
    console.log(`[timing] page check: ${await host.getAttribute('data-check-ms')} ms for ${await host.getAttribute('data-quotations')} quotations`);

    // The badges, in the page, after each quotation.
    const badges = page.locator('otr-badge');
    expect(await badges.count()).toBe(EXPECTED.length);
    expect(await badges.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.verdict))).toEqual(EXPECTED.map((e) => e[0]));
    // Each badge follows its quotation, inside the paragraph that holds it (nested markup included).
    const parents = await badges.evaluateAll((els) => els.map((e) => e.closest('p')?.id || e.closest('blockquote')?.id || ''));
    expect(parents).toEqual(['p-verbatim', 'p-altered', 'p-wrong', 'p-reported', 'p-nobody']);
    expect(await page.locator('#p-altered otr-badge').evaluate((b) => b.shadowRoot!.textContent)).toContain('Altered');
    expect(await page.locator('#p-wrong otr-badge').evaluate((b) => b.shadowRoot!.textContent)).toContain('⚠');

    // The panel: the summary, then one entry a quotation with the card's details.
    expect(await panel.locator('.otr-summary').textContent()).toBe(
      '5 quotations, 2 verbatim, 1 altered, 1 paraphrase, 1 not in the index, 1 attributed to someone else',
    );
    const entries = panel.locator('.otr-entry');
    expect(await entries.count()).toBe(EXPECTED.length);
    for (let i = 0; i < EXPECTED.length; i++) {
      expect(await entries.nth(i).getAttribute('data-verdict')).toBe(EXPECTED[i][0]);
      expect(await entries.nth(i).textContent()).toContain(EXPECTED[i][1]);
    }
    expect(await entries.nth(0).textContent()).toContain('Chief Constable Simon Bailey');
    expect(await entries.nth(0).textContent()).toContain('4 Aug 2017');
    expect(await entries.nth(1).locator('.otr-diffs').textContent()).toMatch(/Figure: page “600” — said “400”/);
    expect(await entries.nth(1).locator('.otr-warn').count()).toBe(0); // "He" is Simon Bailey, named the paragraph before
    expect(await entries.nth(2).locator('.otr-warn').textContent()).toContain('The article names Sara Thornton; the release names Peter Goodman');
    expect(await entries.nth(3).textContent()).toContain('reported speech');
    expect(await entries.nth(4).textContent()).toContain('Nothing in the index is like these words.');
    // Nothing from the script, and no badge for a short scare quote.
    expect(await panel.textContent()).not.toContain('script string');
    expect(await panel.textContent()).not.toContain('a good start');
    await page.screenshot({ path: artifact('page-check.png') });

    // Choosing an entry scrolls to its quotation and opens the card beside it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await entries.nth(4).click();
    const card = page.locator('on-the-record-card .otr-card');
    await card.waitFor({ state: 'visible' });
    expect(await card.textContent()).toMatch(/Not in the index/);
    const box = await page.locator('#p-nobody otr-badge').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    await page.keyboard.press('Escape');

    // A badge opens the card with that quotation's details.
    await page.locator('#p-altered otr-badge').evaluate((b) => (b.shadowRoot!.querySelector('button') as HTMLButtonElement).click());
    await card.waitFor({ state: 'visible' });
    expect(await card.textContent()).toContain('Altered');
    expect(await card.textContent()).toContain('400');
    await page.screenshot({ path: artifact('page-check-card.png') });

    // Closing the panel takes the badges away; the page's text is as it was.
    await page.keyboard.press('Escape');
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('otr-badge').count()).toBe(0);
    expect(await page.locator('on-the-record-panel').count()).toBe(0);
    expect(await page.locator('#p-altered').textContent()).toBe(
      'He said the force was “arresting over 600 offenders and safeguarding over 500 children each month”, a figure that has risen sharply.',
    );
    await page.close();
  });

  it('offers the page check in the popup and the context menu', async () => {
    expect(await worker.evaluate(() => (globalThis as any).chrome.contextMenus.update('check-page', {}).then(() => true, () => false))).toBe(true);
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Check all quotes on this page' }).waitFor();
    expect(await popup.locator('#check-draft').getAttribute('href')).toBe('/draft.html');
    await popup.screenshot({ path: artifact('popup-check-buttons.png') });
    await popup.close();
  });

  it('checks a pasted draft and exports the report as Markdown', async () => {
    const article = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'articles', 'online-abuse.txt'), 'utf8');
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/draft.html`);
    await page.locator('#draft-text').fill(article);
    await page.getByRole('button', { name: 'Check the quotations' }).click();
    const report = page.locator('.otr-report');
    await report.waitFor();
    // The bundled index holds the seed releases only: Commander Desai's words are not in it.
    expect(await report.locator('.otr-summary').textContent()).toBe(
      '6 quotations, 2 verbatim, 1 altered, 1 paraphrase, 2 not in the index, 1 attributed to someone else',
    );
    expect(await report.locator('.otr-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')))).toEqual([
      'verbatim', 'altered', 'verbatim', 'paraphrase', 'not-found', 'not-found',
    ]);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download .md' }).click();
    const file = await (await download).path();
    const md = fs.readFileSync(file, 'utf8');
    expect(md).toMatch(/^# Quotation check: draft\n/);
    expect(md).toContain('- **Figure changed:** page “600” — original “400”');
    expect(md).toContain('- **Attribution:** the article names Sara Thornton; the release names Peter Goodman');
    await page.screenshot({ path: artifact('draft-check.png'), fullPage: true });
    await page.close();
  });

  it('made no network request beyond the local test pages', () => {
    expect(session.offsite).toEqual([]);
  });
});
