/**
 * Least privilege between contexts, in Debian's Chromium: from the content script's own world
 * (the isolated world the extension runs in a web page, reached through the DevTools
 * protocol), the background answers the checks a content script needs and refuses the
 * reader's history, imports, exports and sources, which it answers the extension's own pages.
 * A page that subverted its content script could ask no more than this test does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, requireInCI, waitFor, type ChromiumSession } from './harness';

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
    expect(await ask({ type: 'verify', text: 'These people try to hide what they do online.' })).toMatchObject({ ok: true, answer: { verdict: 'verbatim' } });
    expect(await ask({ type: 'check-page', quotations: [] })).toMatchObject({ ok: true, answers: [] });
    const refused = { ok: false, error: 'this request is answered only to the extension’s own pages' };
    for (const msg of [{ type: 'recent' }, { type: 'clear-recent' }, { type: 'export-sources' }, { type: 'list-sources' }, { type: 'import-save', releases: [] }, { type: 'remove-source', id: 'x' }]) {
      expect(await ask(msg), msg.type).toEqual(refused);
    }

    // The same requests from the extension's own page are answered.
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const recent = await options.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'recent' }));
    expect(recent).toMatchObject({ ok: true, recent: expect.any(Array) });
    // And the check the content script made is in the reader's history, which the page could not read.
    expect((recent as { recent: { text: string }[] }).recent.map((r) => r.text)).toContain('These people try to hide what they do online.');
    await options.close();
    await page.close();
  });
});
