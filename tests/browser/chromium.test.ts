/**
 * The built extension in Debian's Chromium (playwright-core, headless), against
 * local news-like pages: highlight and verify, the context menu and shortcut
 * handlers, the popup's search, Copy citation, the service worker stopped and
 * woken, and no network request leaving the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserContext, type Page, type Worker } from 'playwright-core';
import { artifact, closedRoot, selectBetweenScript, type ClosedRoot, type PageServer, chromiumAvailable, launchChromium, requireInCI, type ChromiumSession } from './harness';

describe.skipIf(!requireInCI('Chromium with the built extension', chromiumAvailable))('the extension in Chromium', () => {
  let server: PageServer;
  let session: ChromiumSession;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;

  beforeAll(async () => {
    session = await launchChromium('otr-chromium-', { width: 1100, height: 900 });
    ({ server, context, extensionId, worker } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  async function openArticle(name = 'article.html'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.origin}/${name}`);
    // The content script runs at document_idle.
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(100);
    return page;
  }

  /** The Verify quote button's host: its box is the button's (the shadow root itself is closed). */
  const buttonOf = (page: Page) => page.locator('on-the-record-button');

  /** The card, read through the DevTools protocol (its shadow root is closed to the page); null until it shows. */
  async function cardShown(page: Page, timeout = 10_000): Promise<ClosedRoot> {
    const card = closedRoot(page, 'on-the-record-card');
    await expect.poll(() => card.text('.otr-verdict'), { timeout }).toBeTruthy();
    expect((await card.box('.otr-card'))!.width).toBeGreaterThan(200);
    return card;
  }

  /** Selects, clicks Verify quote with the mouse, waits for the card; returns the card and prints the time. */
  async function verify(page: Page, root: string, from: string, to: string, label: string): Promise<ClosedRoot> {
    await page.evaluate(selectBetweenScript(root, from, to));
    const button = buttonOf(page);
    await button.waitFor({ state: 'visible' });
    const t0 = Date.now();
    // A real mouse click at the button's box (Playwright's CDP input: a trusted event).
    await button.click();
    const card = await cardShown(page);
    const wall = Date.now() - t0;
    const ms = () => card.eval((r) => r.querySelector('[data-click-to-card-ms]')?.getAttribute('data-click-to-card-ms') ?? null);
    await expect.poll(ms).not.toBeNull();
    console.log(`[timing] ${label}: click to card on screen ${await ms()} ms in the page (${wall} ms as Playwright saw it)`);
    return card;
  }

  /** A screenshot of the card alone. */
  async function shoot(page: Page, card: ClosedRoot, name: string) {
    await page.screenshot({ path: artifact(name), clip: (await card.box('.otr-card'))! });
  }

  it('verifies a quotation with a link and emphasis inside it: Verbatim, Simon Bailey, 4 Aug 2017', async () => {
    const page = await openArticle();
    const card = await verify(page, '#q1', 'The internet is not', 'sexual abuse of children.', 'verbatim (cold)');
    await expect.poll(() => card.text('.otr-verdict')).toBe('Verbatim');
    const text = (await card.text('.otr-card')) ?? '';
    expect(text).toContain('Simon Bailey');
    expect(text).toContain('Chief Constable');
    expect(text).toContain('4 Aug 2017');
    expect(text).toMatch(/years? ago/);
    // The matched words are marked in the full quotation.
    expect(await card.text('.otr-quote mark')).toContain('The internet is not a safe or anonymous place');
    // The button steps aside while the card is open.
    expect(await buttonOf(page).isVisible()).toBe(false);
    // Focus moved into the card; the card fits the viewport.
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('on-the-record-card');
    const box = await card.box('.otr-card');
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1100);
    await shoot(page, card, 'card-verbatim.png');
    await page.screenshot({ path: artifact('page-with-card.png') });
    // Esc closes it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('on-the-record-card').count()).toBe(0);
    // A new selection brings the button back.
    await page.evaluate(selectBetweenScript('#q1', 'In collaboration with', 'more than ever before'));
    await buttonOf(page).waitFor({ state: 'visible' });
    await page.close();
  });

  it('verifies a quotation split over two paragraphs: Peter Goodman, 3 Oct 2014', async () => {
    const page = await openArticle();
    const card = await verify(page, 'article', 'We are reviewing our capability', 'at the heart of policing.', 'two paragraphs');
    await expect.poll(() => card.text('.otr-verdict')).toBe('Verbatim');
    const text = (await card.text('.otr-card')) ?? '';
    expect(text).toContain('Peter Goodman');
    expect(text).toContain('3 Oct 2014');
    expect(text).toContain('National Policing Lead for Cyber-crime');
    await page.close();
  });

  it('shows the differences of an altered quotation, the changed figure flagged', async () => {
    const page = await openArticle();
    const card = await verify(page, '#q2', 'We are already arresting', 'children each month', 'altered');
    await expect.poll(() => card.text('.otr-verdict')).toBe('Altered: a figure changed (said 400, the page has 600)');
    const text = (await card.text('.otr-card')) ?? '';
    expect(text).toContain('Simon Bailey');
    expect(text).toContain('4 Aug 2017');
    // The page's words struck, what was said beside them: as in the panel and the draft report.
    expect(await card.text('.otr-diff del.otr-page')).toContain('600');
    expect(await card.text('.otr-diff ins.otr-said')).toContain('400');
    expect(text).toContain('figure changed');
    await shoot(page, card, 'card-altered.png');
    await page.close();
  });

  it('says plainly when the index does not hold the passage', async () => {
    const page = await openArticle();
    const card = await verify(page, '#q4', 'Officers will patrol', 'visitors safe.', 'not in the index');
    await expect.poll(() => card.text('.otr-verdict')).toBe('Not in the index');
    expect(await card.count('.otr-who')).toBe(0);
    // What was searched, so "not in the index" reads for what it is.
    expect(await card.text('.otr-coverage')).toBe('Searched 5 statements in 2 releases dated 3 Oct 2014 to 4 Aug 2017 from ACPO, NPCC.');
    await shoot(page, card, 'card-not-found.png');
    await page.close();
  });

  it('warns when the page names someone else as the speaker', async () => {
    const page = await openArticle('dark.html');
    const card = await verify(page, '#q5', 'If any member of the public', 'their local police', 'misattributed');
    const text = (await card.text('.otr-card')) ?? '';
    expect(text).toContain('Simon Bailey');
    // The warning is in the verdict line (and its colour), not below a green verdict.
    expect(await card.text('.otr-verdict')).toMatch(/^Verbatim — but the page names Sara Thornton; .*Simon Bailey said it$/);
    expect(await card.eval((r) => r.querySelector('.otr-card')!.className)).toContain('otr-t-warning');
    await page.screenshot({ path: artifact('card-dark-page.png') });
    await page.close();
  });

  it('keeps the card inside a short window: above a selection at its bottom, over it when neither side has room', async () => {
    const page = await openArticle();
    /** Selects #q1 with its bottom `fromBottom` px above the window's bottom; returns the selection's box. */
    const selectAt = (fromBottom: number) =>
      page.evaluate((fromBottom) => {
        const el = document.querySelector('#q1 p')!;
        window.scrollBy(0, el.getBoundingClientRect().bottom - (innerHeight - fromBottom));
        const range = document.createRange();
        range.selectNodeContents(el);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        const r = range.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      }, fromBottom);
    const within = (b: { y: number; height: number } | null, h: number) => {
      expect(b).not.toBeNull();
      expect(b!.height).toBeGreaterThan(20);
      expect(b!.y).toBeGreaterThanOrEqual(0);
      expect(b!.y + b!.height).toBeLessThanOrEqual(h);
    };

    // 420 px high, the selection at the bottom: the button and the card go above it.
    await page.setViewportSize({ width: 1000, height: 420 });
    const sel = await selectAt(10);
    expect(sel.bottom).toBeGreaterThan(380);
    const button = buttonOf(page);
    await button.waitFor({ state: 'visible' });
    within(await button.boundingBox(), 420);
    await button.click();
    const card = await cardShown(page);
    expect(await card.text('.otr-verdict')).toBe('Verbatim');
    const box = await card.box('.otr-card');
    within(box, 420);
    expect(box!.height).toBeGreaterThan(200);
    expect(box!.y + box!.height).toBeLessThanOrEqual(sel.top);
    // It scrolls inside itself: the whole card is there, below its fold.
    expect(await card.eval((r) => { const c = r.querySelector<HTMLElement>('.otr-card')!; return c.scrollHeight > c.clientHeight; })).toBe(true);
    await page.screenshot({ path: artifact('card-short-window-above.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('on-the-record-card').count()).toBe(0);

    // 260 px high, the selection in the middle: no room either side, the card covers it, inside the window.
    await page.setViewportSize({ width: 1000, height: 260 });
    await selectAt(80);
    await button.waitFor({ state: 'visible' });
    within(await button.boundingBox(), 260);
    await button.click();
    const small = await cardShown(page);
    within(await small.box('.otr-card'), 260);
    expect(await small.text('.otr-card')).toContain('Simon Bailey');
    await page.screenshot({ path: artifact('card-short-window-over.png') });
    await page.close();
  });

  it('opens the card from the context-menu and keyboard-shortcut handlers', async () => {
    const page = await openArticle();
    await page.bringToFront();
    await page.evaluate(selectBetweenScript('#q1', 'The internet is not', 'abusing children.'));
    const viaMenu = await worker.evaluate(() =>
      (globalThis as any).otr.onMenuClicked({ menuItemId: 'verify-quote', frameId: 0, selectionText: 'ignored' }),
    );
    expect(viaMenu).toBe(true);
    let card = await cardShown(page);
    expect(await card.text('.otr-card')).toContain('Simon Bailey');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('on-the-record-card').count()).toBe(0);

    await page.evaluate(selectBetweenScript('article', 'We are reviewing', 'digital world.'));
    const viaShortcut = await worker.evaluate(() => (globalThis as any).otr.onCommand('verify-selection'));
    expect(viaShortcut).toBe(true);
    card = await cardShown(page);
    expect(await card.text('.otr-card')).toContain('Peter Goodman');
    // The menu item exists (update rejects for an unknown id).
    expect(await worker.evaluate(() => (globalThis as any).chrome.contextMenus.update('verify-quote', {}).then(() => true, () => false))).toBe(true);
    await page.close();
  });

  it('copies a citation as plain text and Markdown', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await openArticle();
    const card = await verify(page, '#q1', 'The internet is not', 'abusing children.', 'copy citation');
    await card.click('.otr-actions .otr-btn:first-child');
    await expect.poll(() => card.text('.otr-status')).toBe('Citation copied');
    const plain = await page.evaluate(() => navigator.clipboard.readText());
    // The words checked, as the release gives them, under the speaker's name; the release's lead is not.
    expect(plain.split('\n')[0]).toBe('“The internet is not a safe or anonymous place for abusing children.”');
    expect(plain).toContain('— Chief Constable Simon Bailey, National Police Chiefs Council Lead for Child Protection (NPCC), 4 Aug 2017. Release: ');
    expect(plain).toMatch(new RegExp(`Checked on \\d+ \\w+ \\d{4} against ${server.origin}/article\\.html with On the Record\\.$`));
    await card.click('.otr-btn[aria-label="Copy citation as Markdown"]');
    await expect.poll(() => card.text('.otr-status')).toBe('Markdown citation copied');
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md).toContain('**Chief Constable Simon Bailey**');
    console.log(`[citation] ${plain}\n[citation md] ${md}`);
    await page.close();
  });

  it('searches the index from the popup and opens a statement in full', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect.poll(() => page.locator('.stats').textContent()).toMatch(/statements from \d+ releases, built/);
    await page.getByRole('searchbox', { name: 'Search the index' }).fill('Goodman');
    const hit = page.locator('.hit').first();
    await hit.waitFor();
    expect(await hit.textContent()).toContain('Peter Goodman');
    expect(await hit.textContent()).toContain('3 Oct 2014');
    await page.screenshot({ path: artifact('popup-search.png') });
    await hit.click();
    const detail = page.locator('.detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('National Policing Lead for Cyber-crime');
    expect(await detail.locator('.otr-quote').textContent()).toContain('There has been an exponential rise');
    await page.screenshot({ path: artifact('popup-statement.png') });
    await page.getByRole('button', { name: '← Back to results' }).click();
    await page.getByRole('searchbox', { name: 'Search the index' }).fill('');
    // The recent checks made by the tests above.
    await expect.poll(() => page.locator('.recent li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifact('popup-recent.png') });
    await page.close();
  });

  it('answers the next check after the service worker was stopped', async () => {
    const page = await openArticle();
    let card = await verify(page, '#q1', 'The internet is not', 'abusing children.', 'before stop');
    expect(await card.text('.otr-card')).toContain('Simon Bailey');
    await page.keyboard.press('Escape');

    const cdp = await context.newCDPSession(page);
    const states: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string }[] }) => {
      for (const v of e.versions) states.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => states.includes('stopped')).toBe(true);

    card = await verify(page, 'article', 'We are reviewing', 'heart of policing.', 'after the worker was stopped (index reloaded)');
    await expect.poll(() => card.text('.otr-verdict')).toBe('Verbatim');
    expect(await card.text('.otr-card')).toContain('Peter Goodman');
    expect(states.lastIndexOf('running')).toBeGreaterThan(states.indexOf('stopped'));
    await page.close();
  });

  it('follows the options: the button off, a longer shortest selection, a site where it stays off', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect.poll(() => options.locator('.statlist').textContent()).toContain('Releases');
    expect(await options.locator('.statlist').textContent()).toMatch(/3 Oct 2014 to 4 Aug 2017/);
    await options.screenshot({ path: artifact('options.png') });
    const button = buttonOf;

    const checkbox = options.getByRole('checkbox', { name: 'Show the button beside a selection' });
    await checkbox.uncheck();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Saved');
    const page = await openArticle();
    await page.bringToFront();
    await page.evaluate(selectBetweenScript('#q1', 'The internet is not', 'abusing children.'));
    await page.waitForTimeout(400);
    expect(await button(page).isVisible()).toBe(false);
    await checkbox.check();
    await page.bringToFront();
    await page.evaluate(selectBetweenScript('#q1', 'The internet is not', 'safe or'));
    await button(page).waitFor({ state: 'visible' });

    await options.getByRole('spinbutton').fill('8');
    await options.getByRole('spinbutton').blur();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Saved');
    await page.bringToFront();
    await page.evaluate(selectBetweenScript('#q1', 'The internet is not', 'safe or'));
    await page.waitForTimeout(400);
    expect(await button(page).isVisible()).toBe(false);
    await options.getByRole('spinbutton').fill('4');
    await options.getByRole('spinbutton').blur();

    await options.getByRole('textbox', { name: /Sites where the button stays off/ }).fill('127.0.0.1');
    await options.getByRole('textbox', { name: /Sites where the button stays off/ }).blur();
    await expect.poll(() => options.getByRole('textbox', { name: /Sites where the button stays off/ }).inputValue()).toBe('127.0.0.1');
    await page.bringToFront();
    await page.evaluate(selectBetweenScript('#q1', 'The internet is not', 'abusing children.'));
    await page.waitForTimeout(400);
    expect(await button(page).isVisible()).toBe(false);
    await options.getByRole('textbox', { name: /Sites where the button stays off/ }).fill('');
    await options.getByRole('textbox', { name: /Sites where the button stays off/ }).blur();
    await page.close();
    await options.close();
  });

  it('made no network request beyond the local test pages', async () => {
    expect(session.offsite).toEqual([]);
    expect(session.fromWorker).toEqual([]);
    expect(server.requests.every((p) => p.endsWith('.html'))).toBe(true);
  });
});
