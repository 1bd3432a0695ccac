/**
 * "Check all quotes on this page" and "Check a draft" in Debian's Chromium, on a news-like
 * page written for it: a verbatim quotation in nested markup, an altered figure, words
 * attributed to the wrong person, reported speech, and words nobody in the index said.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserContext, type Page, type Worker } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { artifact, closedRoot, type PageServer, chromiumAvailable, launchChromium, requireInCI, type ChromiumSession } from './harness';

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
    // The standfirst ("Police chiefs say …") reports Bailey in the writer's words.
    ['paraphrase', 'Police chiefs say the internet'],
    ['verbatim', 'The internet is not a safe or anonymous place for abusing children.'],
    ['altered', 'arresting over 600 offenders'],
    ['verbatim', 'These people try to hide what they do online.'],
    ['paraphrase', 'Bailey told reporters'],
    ['not-found', 'Every school in the county'],
    // A sentence around a quoted fragment too short to check alone is read as reported speech.
    ['not-found', 'The scheme was “a good start”, parents said.'],
  ] as const;

  it('finds every quotation from the context menu, badges each with its verdict and lists them in a panel', async () => {
    const page = await openArticle();
    const viaMenu = await worker.evaluate(() => (globalThis as any).otr.onMenuClicked({ menuItemId: 'check-page', frameId: 0 }));
    expect(viaMenu).toBe(true);
    // The panel and the badges have closed shadow roots: read through the DevTools protocol.
    const panel = closedRoot(page, 'on-the-record-panel');
    await expect.poll(() => panel.count('.otr-report')).toBe(1);
    const timing = await panel.eval((r) => {
      const el = r.querySelector<HTMLElement>('[data-check-ms]');
      return `${el?.dataset.checkMs} ms for ${el?.dataset.quotations} quotations`;
    });
    console.log(`[timing] page check: ${timing}`);
    // The page sees the hosts and nothing inside them.
    expect(await page.locator('on-the-record-panel').evaluate((h) => h.shadowRoot)).toBeNull();
    expect(await page.locator('otr-badge').first().evaluate((h) => [h.shadowRoot, h.getAttribute('data-verdict'), h.textContent])).toEqual([null, null, '']);
    const badge = (css: string, i = 0) => closedRoot(page, css, i);

    // The badges, in the page, after each quotation.
    const badges = page.locator('otr-badge');
    expect(await badges.count()).toBe(EXPECTED.length);
    const verdicts: (string | null)[] = [];
    for (let i = 0; i < EXPECTED.length; i++) verdicts.push(await badge('otr-badge', i).eval((r) => r.querySelector('button')?.dataset.verdict ?? null));
    expect(verdicts).toEqual(EXPECTED.map((e) => e[0]));
    // Each badge follows its quotation, inside the paragraph that holds it (nested markup included).
    const parents = await badges.evaluateAll((els) => els.map((e) => e.closest('p')?.id || e.closest('blockquote')?.id || ''));
    expect(parents).toEqual(['p-lede', 'p-verbatim', 'p-altered', 'p-wrong', 'p-reported', 'p-nobody', '']);
    expect(await badge('#p-altered otr-badge').text('button')).toContain('Altered');
    expect(await badge('#p-wrong otr-badge').text('button')).toContain('⚠');
    // Every badge one size whatever its verdict (the page can measure a host, and a width that
    // followed the label would tell it the verdicts), and every label whole inside it, the longest too.
    const sizes = await badges.evaluateAll((els) => els.map((e) => `${e.getBoundingClientRect().width}x${e.getBoundingClientRect().height}`));
    expect(new Set(sizes).size, sizes.join(' ')).toBe(1);
    for (let i = 0; i < EXPECTED.length; i++) {
      expect(await badge('otr-badge', i).eval((r) => { const b = r.querySelector('button')!; return b.scrollWidth <= b.clientWidth; })).toBe(true);
    }
    expect(await badge('otr-badge', 0).eval((r) => { const b = r.querySelector('button')!; const was = b.textContent; b.textContent = '300 Not in the index'; const fits = b.scrollWidth <= b.clientWidth; b.textContent = was; return fits; })).toBe(true);

    // The panel: the summary, then one entry a quotation with the card's details.
    expect(await panel.text('.otr-summary')).toBe(
      '7 quotations, 2 verbatim, 1 altered, 2 paraphrase, 2 not in the index, 1 attributed to someone else',
    );
    const entries = (await panel.eval((r) =>
      [...r.querySelectorAll('.otr-entry')].map((e) => ({
        verdict: e.getAttribute('data-verdict'),
        text: e.textContent ?? '',
        diffs: e.querySelector('.otr-diffs')?.textContent ?? '',
        warn: e.querySelector('.otr-warn')?.textContent ?? null,
      })),
    ))!;
    expect(entries.length).toBe(EXPECTED.length);
    for (let i = 0; i < EXPECTED.length; i++) {
      expect(entries[i]!.verdict).toBe(EXPECTED[i][0]);
      expect(entries[i]!.text).toContain(EXPECTED[i][1]);
    }
    expect(entries[1]!.text).toContain('Chief Constable Simon Bailey');
    expect(entries[1]!.text).toContain('4 Aug 2017');
    expect(entries[2]!.diffs).toMatch(/Figure: page “600” — said “400”/);
    expect(entries[2]!.warn).toBeNull(); // "He" is Simon Bailey, named the paragraph before
    expect(entries[3]!.warn).toBe('The page names Sara Thornton; Deputy Chief Constable Peter Goodman said it.');
    expect(entries[4]!.text).toContain('reported speech');
    expect(entries[5]!.text).toContain('No statement in the index holds these words.');
    // Nothing from the script; a short quoted fragment is checked only as part of its sentence.
    expect(await panel.text('.otr-report')).not.toContain('script string');
    expect(entries[6]!.text).toContain('reported speech');
    await page.screenshot({ path: artifact('page-check.png') });

    // Choosing an entry scrolls to its quotation and opens the card beside it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await panel.click('.otr-entry:nth-of-type(6)');
    const card = closedRoot(page, 'on-the-record-card');
    await expect.poll(() => card.text('.otr-verdict')).toBe('Not in the index');
    const box = await page.locator('#p-nobody otr-badge').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('on-the-record-card').count()).toBe(0);

    // A badge opens the card with that quotation's details (a real click: the badge's box is its button's).
    await page.locator('#p-altered otr-badge').click();
    await expect.poll(() => card.text('.otr-verdict')).toMatch(/^Altered/);
    expect(await card.text('.otr-card')).toContain('400');
    await page.screenshot({ path: artifact('page-check-card.png') });

    // Closing the panel takes the badges away; the page's text is as it was.
    await page.keyboard.press('Escape');
    await panel.click('.otr-x');
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
      '7 quotations, 2 verbatim, 1 altered, 2 paraphrase, 2 not in the index, 1 attributed to someone else',
    );
    expect(await report.locator('.otr-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')))).toEqual([
      'paraphrase', 'verbatim', 'altered', 'verbatim', 'paraphrase', 'not-found', 'not-found',
    ]);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download .md' }).click();
    const file = await (await download).path();
    const md = fs.readFileSync(file, 'utf8');
    expect(md).toMatch(/^# Quotation check: draft\n/);
    expect(md).toContain('- Figure: page “600” — said “400”');
    expect(md).toContain('- **Attribution:** The page names Sara Thornton; Deputy Chief Constable Peter Goodman said it.');
    await page.screenshot({ path: artifact('draft-check.png'), fullPage: true });
    await page.close();
  });

  it('made no network request beyond the local test pages', () => {
    expect(session.offsite).toEqual([]);
  });
});
