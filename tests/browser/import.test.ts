/**
 * Importing releases through the options page, in Debian's Chromium: a saved release
 * page is previewed, saved, listed, and a quotation from it is then verified on a
 * local news page; a bad file is refused with its reason and leaves the index as it
 * was; the imported release survives a restart of the service worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserContext, type Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { htmlToReleaseText, parseRelease } from '../../core';
import { artifact, CHROME_EXT, closedRoot, ROOT, selectBetweenScript, type PageServer, chromiumAvailable, launchChromium, requireInCI, type ChromiumSession } from './harness';

const IMPORT = path.join(ROOT, 'tests', 'fixtures', 'import');

describe.skipIf(!requireInCI('Chromium with the built extension', chromiumAvailable))('importing releases in Chromium', () => {
  let server: PageServer;
  let session: ChromiumSession;
  let context: BrowserContext;
  let extensionId: string;

  beforeAll(async () => {
    session = await launchChromium('otr-import-', { width: 1000, height: 900 });
    ({ server, context, extensionId } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  async function verdictOn(label: string): Promise<{ verdict: string; text: string; page: Page }> {
    const page = await context.newPage();
    await page.goto(`${server.origin}/canal-news.html`);
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(100);
    await page.evaluate(selectBetweenScript('#q1', 'People should be able', 'without feeling afraid.'));
    const button = page.locator('on-the-record-button');
    await button.waitFor({ state: 'visible' });
    // A real click at the button's box; the card is read through the DevTools protocol (its shadow root is closed).
    await button.click();
    const card = closedRoot(page, 'on-the-record-card');
    await expect.poll(() => card.text('.otr-verdict')).toBeTruthy();
    await page.screenshot({ path: artifact(`import-card-${label}.png`), clip: (await card.box('.otr-card'))! });
    return { verdict: (await card.text('.otr-verdict')) ?? '', text: (await card.text('.otr-card')) ?? '', page };
  }

  async function openOptions(): Promise<Page> {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Sources' }).waitFor();
    await expect.poll(() => options.locator('.sources').textContent()).toMatch(/None yet|Remove/);
    return options;
  }

  it('the extractor "Add this page" injects reads the release on a page: title, date, paragraphs, not the navigation', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/canal-release.html`);
    // The built script, as scripting.executeScript({files: ['/extract.js']}) runs it; its value is the result.
    const code = fs.readFileSync(path.join(CHROME_EXT, 'extract.js'), 'utf8');
    const out = (await page.evaluate(code)) as { article: { title: string; paragraphs: string[]; publishedTime: string }; url: string };
    expect(out.url).toBe(`${server.origin}/canal-release.html`);
    expect(out.article.title).toBe('New patrols to keep canal towpaths safe');
    expect(out.article.publishedTime).toMatch(/^2022-05-17/);
    expect(out.article.paragraphs.join('\n')).not.toMatch(/Careers|social media/);
    // The page is left as it was.
    expect(await page.locator('nav a').count()).toBe(4);
    const release = parseRelease(htmlToReleaseText(out.article, 'page'), 'page', out.url);
    expect(release.release.date).toBe('2022-05-17');
    expect(release.statements.filter((s) => s.kind === 'quote').map((s) => s.speaker?.name)).toEqual(['Alice Fenwick', 'Tom Hale']);
    await page.close();
  });

  it('the quotation is not in the bundled index before the import', async () => {
    const { verdict, page } = await verdictOn('before');
    expect(verdict).toBe('Not in the index');
    await page.close();
  });

  it('imports a saved release page and a bad file: preview, per-file results, only the good file saved', async () => {
    const options = await openOptions();
    await options.getByLabel('Import files').setInputFiles([path.join(IMPORT, 'canal-patrols.html'), path.join(IMPORT, 'broken.txt')]);
    const items = options.locator('.import-item');
    await expect.poll(() => items.count()).toBe(2);
    await options.getByRole('button', { name: 'Save 1 file to my index' }).waitFor();
    // The preview: date, speakers, quotations, narrative.
    const good = items.nth(0);
    expect(await good.textContent()).toContain('17 May 2022');
    expect(await good.textContent()).toContain('Superintendent Alice Fenwick, Head of Neighbourhood Policing');
    expect(await good.textContent()).toMatch(/2 quotations · \d+ narrative/);
    const bad = items.nth(1);
    expect(await bad.getAttribute('data-status')).toBe('error');
    expect(await bad.getByRole('alert').textContent()).toMatch(/broken\.txt:2: "30 Feb 2023" is not a real date/);
    expect(await options.locator('progress').getAttribute('value')).toBe('2');
    await options.screenshot({ path: artifact('import-preview.png'), fullPage: true });
    // Nothing saved before the reader confirms.
    expect(await options.locator('.source-list li').count()).toBe(0);

    await options.getByRole('button', { name: 'Save 1 file to my index' }).click();
    await expect.poll(() => options.getByRole('status').last().textContent()).toMatch(/Done: 1 saved, 0 already kept, 1 not saved/);
    await expect.poll(() => options.locator('.source-list li').count()).toBe(1);
    expect(await options.locator('.source-list').textContent()).toContain('New patrols to keep canal towpaths safe');
    await expect.poll(() => options.locator('.statlist').textContent()).toMatch(/to 17 May 2022/);
    await options.screenshot({ path: artifact('import-saved.png'), fullPage: true });
    await options.close();
  });

  it('then verifies a quotation from the imported release on a news page', async () => {
    const { verdict, text, page } = await verdictOn('after');
    expect(verdict).toBe('Verbatim');
    expect(text).toContain('Alice Fenwick');
    expect(text).toContain('17 May 2022');
    await page.screenshot({ path: artifact('import-news-page.png') });
    await page.close();
  });

  it('a bad file alone leaves the index as it was; the same release again is kept once', async () => {
    const options = await openOptions();
    await options.getByLabel('Import files').setInputFiles([path.join(IMPORT, 'no-date.html')]);
    await expect.poll(() => options.locator('.import-item [role=alert]').textContent()).toMatch(/no-date\.html:1: no publication date/);
    expect(await options.getByRole('button', { name: /Save/ }).count()).toBe(0);
    await options.getByRole('button', { name: 'Close' }).click();
    await options.getByLabel('Import files').setInputFiles([path.join(IMPORT, 'canal-patrols.txt')]);
    await expect.poll(() => options.locator('.import-item').textContent()).toContain('Already in your imported releases');
    await options.getByRole('button', { name: 'Save 1 file to my index' }).click();
    await expect.poll(() => options.getByRole('status').last().textContent()).toMatch(/0 saved, 1 already kept/);
    expect(await options.locator('.source-list li').count()).toBe(1);
    await options.close();
    const { verdict, page } = await verdictOn('after-bad');
    expect(verdict).toBe('Verbatim');
    await page.close();
  });

  it('keeps the imported release when the service worker restarts, then removes it', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/canal-news.html`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.close();
    const again = await verdictOn('after-restart');
    expect(again.verdict).toBe('Verbatim');
    await again.page.close();

    const options = await openOptions();
    await options.getByRole('button', { name: 'Remove New patrols to keep canal towpaths safe' }).click();
    await expect.poll(() => options.locator('.sources').textContent()).toContain('None yet');
    await options.close();
    const after = await verdictOn('removed');
    expect(after.verdict).toBe('Not in the index');
    await after.page.close();
  });

  it('pastes a release, exports the imported releases as JSON and imports the export again', async () => {
    const options = await openOptions();
    const text = fs.readFileSync(path.join(ROOT, 'tests/fixtures/releases/dev-fraud-2020.txt'), 'utf8');
    await options.getByRole('textbox', { name: /Or paste a release/ }).fill(text);
    await options.getByRole('textbox', { name: /Its address/ }).fill('https://news.example.org/fraud');
    await options.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => options.locator('.import-item').textContent()).toContain('pasted text');
    expect(await options.locator('.preview').textContent()).toContain('https://news.example.org/fraud');
    await options.getByRole('button', { name: 'Save 1 file to my index' }).click();
    await expect.poll(() => options.locator('.source-list li').count()).toBe(1);

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export as JSON' }).click()]);
    const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(exported).toMatchObject({ format: 'on-the-record/releases', version: 1 });
    expect(exported.releases).toHaveLength(1);
    expect(exported.releases[0].release.url).toBe('https://news.example.org/fraud');

    await options.locator('.source-list').getByRole('button', { name: /^Remove/ }).click();
    await expect.poll(() => options.locator('.sources').textContent()).toContain('None yet');
    const file = path.join(session.dir, 'export.json');
    fs.writeFileSync(file, JSON.stringify(exported));
    await options.getByLabel('Import files').setInputFiles([file]);
    await options.getByRole('button', { name: 'Save 1 file to my index' }).click();
    await expect.poll(() => options.locator('.source-list li').count()).toBe(1);
    expect(await options.locator('.source-list').textContent()).toContain(exported.releases[0].release.title);
    await options.screenshot({ path: artifact('import-export-roundtrip.png'), fullPage: true });
    await options.close();
  });
});
