/**
 * Least privilege between contexts, in Debian's Chromium and firefox-esr: from the content
 * script's own world, the background answers the checks a content script needs and refuses the
 * reader's history, imports, exports and sources, which it answers the extension's own pages.
 * A page that subverted its content script could ask no more than this test does.
 *
 * Chromium: the isolated world the extension runs in a web page, reached through the DevTools
 * protocol. Firefox: code the options page injects into the page with tabs.executeScript runs
 * in the same sandbox as the extension's content script there, so its messages reach the
 * background as the content script's do. Injecting needs the page's site: it is granted as a
 * reader grants it, at a real click on Follow (a newsroom on the same host), with the
 * permission prompt answered yes by a preference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { startNewsroom, type Newsroom } from '../fixtures/newsroom/server';
import { chromiumAvailable, clickInFirefox, FIREFOX, FIREFOX_EXT, FIREFOX_EXT_ORIGIN, launchChromium, launchFirefoxWithExtension, requireInCI, waitFor, type ChromiumSession, type FirefoxSession } from './harness';

/** What a content script may ask and is answered, and what it is refused. */
const CHECKED = 'These people try to hide what they do online.';
const REFUSED = { ok: false, error: 'this request is answered only to the extension’s own pages' };
const FORBIDDEN = [{ type: 'recent' }, { type: 'clear-recent' }, { type: 'export-sources' }, { type: 'list-sources' }, { type: 'import-save', releases: [] }, { type: 'remove-source', id: 'x' }, { type: 'newsroom-list' }];

type Cdp = { send(method: string, params?: Record<string, unknown>): Promise<any>; on(event: string, fn: (e: any) => void): void };

describe.skipIf(!requireInCI('Chromium with the built extension', chromiumAvailable))('what the background answers to whom, in Chromium', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await launchChromium('otr-privilege-', { width: 1000, height: 800 });
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Runs `expression` in the content script's world of the page's top frame. */
  async function inContentScript(page: Page, expression: string): Promise<unknown> {
    const cdp = (await page.context().newCDPSession(page)) as unknown as Cdp;
    const contexts: { id: number; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const world = await waitFor('the content script’s world', async () =>
      contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'On the Record'),
    );
    const out = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
    if (out.exceptionDetails) throw new Error(out.exceptionDetails.exception?.description ?? out.exceptionDetails.text);
    return out.result.value;
  }

  it('gives a content script its checks and nothing of the reader’s', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.server.origin}/article.html`);
    const ask = (msg: object) => inContentScript(page, `chrome.runtime.sendMessage(${JSON.stringify(msg)})`);

    // The world is the content script's: it can reach the extension at all.
    expect(await ask({ type: 'verify', text: CHECKED })).toMatchObject({ ok: true, answer: { verdict: 'verbatim' } });
    expect(await ask({ type: 'check-page', quotations: [] })).toMatchObject({ ok: true, answers: [] });
    for (const msg of FORBIDDEN) expect(await ask(msg), msg.type).toEqual(REFUSED);

    // The same requests from the extension's own page are answered.
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const recent = await options.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'recent' }));
    expect(recent).toMatchObject({ ok: true, recent: expect.any(Array) });
    // And the check the content script made is in the reader's history, which the page could not read.
    expect((recent as { recent: { text: string }[] }).recent.map((r) => r.text)).toContain(CHECKED);
    await options.close();
    await page.close();
  });
});

const firefoxAvailable = fs.existsSync(FIREFOX) && fs.existsSync(path.join(FIREFOX_EXT, 'manifest.json'));

describe.skipIf(!requireInCI('firefox-esr with the built extension', firefoxAvailable))('what the background answers to whom, in Firefox', () => {
  let s: FirefoxSession;
  let newsroom: Newsroom;

  beforeAll(async () => {
    newsroom = await startNewsroom({ releases: 1 });
    s = await launchFirefoxWithExtension('otr-privilege-ff-', { systemAccess: true, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  });
  afterAll(async () => {
    await s?.close();
    await newsroom?.close();
  });

  it('gives a content script its checks and nothing of the reader’s', async () => {
    const article = `${s.server.origin}/article.html`;
    await s.ff.bidi.send('browsingContext.navigate', { context: s.context, url: article, wait: 'complete' });
    const { context: options } = await s.ff.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await s.ff.bidi.send('browsingContext.navigate', { context: options, url: `${FIREFOX_EXT_ORIGIN}/options.html`, wait: 'complete' });
    const inOptions = <T>(expression: string) => s.ff.bidi.evaluate<T>(options, expression);

    // The page's host granted as a reader grants it: Follow pressed for a newsroom on that host.
    // (The page laid out, the index summary above loaded: the click lands where it is aimed.)
    await waitFor('the options page', () => inOptions<boolean>(`!!document.querySelector('.statlist') && !!document.querySelector('.sources') && !!document.querySelector('.newsrooms input[type=url]')`));
    await inOptions(`(() => { const i = document.querySelector('.newsrooms input[type=url]'); i.value = ${JSON.stringify(`${newsroom.origin}/news`)}; i.dispatchEvent(new Event('input', { bubbles: true })); })()`);
    await clickInFirefox(s.ff, options, '.newsrooms .row button');
    // (A match pattern has no port: the grant is the host's.)
    const host = `http://${new URL(s.server.origin).hostname}/*`;
    expect(new URL(newsroom.origin).hostname).toBe(new URL(s.server.origin).hostname);
    await waitFor('the page’s host granted', () => inOptions<boolean>(`browser.permissions.contains({ origins: [${JSON.stringify(host)}] })`), 20_000);

    /** The replies to `messages`, sent one after another from the content script's sandbox in the article's tab. */
    const fromContentScript = async (messages: object[]) => {
      const code = `(async () => { const out = []; for (const m of ${JSON.stringify(messages)}) out.push(await browser.runtime.sendMessage(m)); return JSON.stringify(out); })()`;
      const json = await inOptions<string>(
        `browser.tabs.query({}).then((tabs) => browser.tabs.executeScript(tabs.find((t) => t.url === ${JSON.stringify(article)}).id, { code: ${JSON.stringify(code)} })).then(([result]) => result)`,
      );
      return JSON.parse(json) as unknown[];
    };

    const [verified, pageChecked, ...refused] = await fromContentScript([{ type: 'verify', text: CHECKED }, { type: 'check-page', quotations: [] }, ...FORBIDDEN]);
    // The sandbox is the content script's: it reaches the extension, and is answered its checks.
    expect(verified).toMatchObject({ ok: true, answer: { verdict: 'verbatim' } });
    expect(pageChecked).toMatchObject({ ok: true, answers: [] });
    FORBIDDEN.forEach((msg, i) => expect(refused[i], msg.type).toEqual(REFUSED));

    // The options page is answered the same requests, and holds the check the content script made.
    const recent = JSON.parse(await inOptions<string>(`browser.runtime.sendMessage({ type: 'recent' }).then(JSON.stringify)`)) as { ok: boolean; recent: { text: string }[] };
    expect(recent.ok).toBe(true);
    expect(recent.recent.map((r) => r.text)).toContain(CHECKED);
  }, 90_000);
});
