/**
 * The MV3 service worker's lifecycle in Debian's Chromium: the worker is stopped
 * while it holds a Verify quote request, and the card still gets its answer (the
 * content script sends the request once more, which wakes a fresh worker that
 * rebuilds its index); a worker that never answers ends in a clear error on the
 * card, not a card that never comes.
 *
 * To hold a request in flight deterministically, the test replaces the running
 * worker's `service.receive` (reachable as `otr.service` in the worker's own
 * scope) with one that never settles. A stopped worker restarts from its script,
 * so the replacement dies with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { artifact, closedRoot, selectBetweenScript, type PageServer, chromiumAvailable, launchChromium, requireInCI, type ChromiumSession } from './harness';
import { TIMED_OUT } from '../../lib/reliableSend';

describe.skipIf(!requireInCI('Chromium with the built extension', chromiumAvailable))('the service worker stopped mid-request, in Chromium', () => {
  let server: PageServer;
  let session: ChromiumSession;
  let context: BrowserContext;

  beforeAll(async () => {
    session = await launchChromium('otr-lifecycle-', { width: 1000, height: 800 });
    ({ server, context } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  /** The running worker (waking it if needed), with its `receive` replaced by one that never answers. */
  async function hangWorker(): Promise<Worker> {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate(() => {
      const g = globalThis as unknown as { otr: { service: { receive: unknown } }; held?: number };
      g.held = 0;
      g.otr.service.receive = () => {
        g.held!++;
        return new Promise(() => undefined);
      };
    });
    return worker;
  }

  async function watchWorkers(page: Page): Promise<{ cdp: CDPSession; states: string[] }> {
    const cdp = await context.newCDPSession(page);
    const states: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string }[] }) => {
      for (const v of e.versions) states.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    return { cdp, states };
  }

  async function openAndAsk(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.origin}/article.html`);
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.evaluate(selectBetweenScript('#q1', 'The internet is not', 'abusing children.'));
    const button = page.locator('on-the-record-button');
    await button.waitFor({ state: 'visible' });
    // A real click at the button's box (its shadow root is closed).
    await button.click();
    return page;
  }

  it('answers a request whose worker was stopped while holding it (sent again to a fresh worker)', async () => {
    const worker = await hangWorker();
    const page = await openAndAsk();
    // The request reached the worker and is held there: no card yet.
    await expect.poll(() => worker.evaluate(() => (globalThis as { held?: number }).held)).toBe(1);
    expect(await page.locator('on-the-record-card').count()).toBe(0);

    const { cdp, states } = await watchWorkers(page);
    const stoppedAt = Date.now();
    await cdp.send('ServiceWorker.stopAllWorkers');

    // The card, read through the DevTools protocol (closed to the page).
    const card = closedRoot(page, 'on-the-record-card');
    await expect.poll(() => card.text('.otr-verdict'), { timeout: 10_000 }).toBeTruthy();
    console.log(`[lifecycle] card ${Date.now() - stoppedAt} ms after the worker was stopped mid-request`);
    expect(await card.text('.otr-verdict')).toBe('Verbatim');
    expect(await card.text('.otr-card')).toContain('Simon Bailey');
    expect(states).toContain('stopped');
    expect(states.lastIndexOf('running')).toBeGreaterThan(states.indexOf('stopped'));
    // The fresh worker built its index again, and is not the patched one.
    const fresh = context.serviceWorkers()[0]!;
    expect(await fresh.evaluate(() => (globalThis as unknown as { otr: { service: { loaded: boolean } } }).otr.service.loaded)).toBe(true);
    expect(await fresh.evaluate(() => (globalThis as { held?: number }).held)).toBeUndefined();
    await page.screenshot({ path: artifact('lifecycle-card-after-stop.png'), clip: (await card.box('.otr-card'))! });
    await page.close();
  });

  it('shows a clear error, not an endless wait, when the worker never answers', async () => {
    await hangWorker();
    const page = await openAndAsk();
    const card = closedRoot(page, 'on-the-record-card');
    // The content script's timeout is 15 s.
    await expect.poll(() => card.text('.otr-verdict'), { timeout: 25_000 }).toBeTruthy();
    expect(await card.text('.otr-verdict')).toBe('Could not check');
    expect(await card.text('.otr-card')).toContain(TIMED_OUT);
    await page.screenshot({ path: artifact('lifecycle-card-timeout.png'), clip: (await card.box('.otr-card'))! });
    await page.close();
  }, 40_000);
});
