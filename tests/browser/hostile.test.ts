/**
 * Hostile pages, in Debian's Chromium: the Verify quote button and the card keep
 * working on a page that replaces the built-ins, styles every element with
 * !important, forbids everything with its Content Security Policy, holds the
 * quotation in nested frames or shadow roots, is contenteditable, or has 50,000
 * paragraphs; and a release whose words look like HTML or script is shown as
 * text, never run.
 *
 * Text is selected the way a reader does it (a triple click on the paragraph),
 * not by a script in the page: the hostile pages break the built-ins such a
 * script would need. Firefox (over WebDriver BiDi) gets the core cases; its
 * test scripts run in a sandbox realm, out of reach of the page's replacements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { artifact, closedRoot, type ClosedRoot, FIREFOX, FIREFOX_EXT, servePages, tempDir, type PageServer, chromiumAvailable, launchChromium, requireInCI, type ChromiumSession, launchFirefoxWithExtension, type FirefoxSession, waitFor } from './harness';
import { inClosedRoot, type Firefox } from './bidi';

/** Where the button is looked for: the page, or the frame holding the selection. */
type Scope = Pick<Page, 'locator'> | FrameLocator;

describe.skipIf(!requireInCI('Chromium with the built extension', chromiumAvailable))('hostile pages in Chromium', () => {
  let server: PageServer;
  let session: ChromiumSession;
  let context: BrowserContext;
  let extensionId: string;
  /** Dialogs (alert, confirm…) any page opened. */
  const dialogs: string[] = [];

  beforeAll(async () => {
    session = await launchChromium('otr-hostile-', { width: 1100, height: 900 });
    ({ server, context, extensionId } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  async function open(name: string): Promise<Page> {
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(`${name}: ${d.message()}`);
      void d.dismiss();
    });
    // goto waits for the load event; the content script runs at document_idle, just after.
    await page.goto(`${server.origin}/${name}`);
    await page.waitForTimeout(150);
    return page;
  }

  /**
   * Triple-clicks the paragraph, clicks Verify quote (the mouse, at its host's box: the shadow
   * root is closed), waits for the card's verdict; returns the card, read through the
   * DevTools protocol in whichever frame holds it.
   */
  async function verify(page: Page, scope: Scope, paragraph: Locator, label: string): Promise<ClosedRoot> {
    const t0 = Date.now();
    await paragraph.click({ clickCount: 3 });
    const button = scope.locator('on-the-record-button');
    await button.waitFor({ state: 'visible' });
    const t1 = Date.now();
    await button.click();
    const card = closedRoot(page, 'on-the-record-card');
    await expect.poll(() => card.text('.otr-verdict')).toBeTruthy();
    console.log(`[hostile] ${label}: selection to button ${t1 - t0} ms, click to card ${Date.now() - t1} ms`);
    return card;
  }

  /** The colour of one pixel of a screenshot, read back through a canvas in a blank page. */
  async function pixelAt(png: Buffer, x: number, y: number): Promise<[number, number, number]> {
    const blank = await context.newPage();
    const rgb = await blank.evaluate(
      async ({ src, x, y }) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const g = canvas.getContext('2d')!;
        g.drawImage(img, 0, 0);
        return [...g.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)];
      },
      { src: `data:image/png;base64,${png.toString('base64')}`, x, y },
    );
    await blank.close();
    return rgb as [number, number, number];
  }

  async function expectBailey(card: ClosedRoot) {
    expect(await card.text('.otr-verdict')).toBe('Verbatim');
    const text = (await card.text('.otr-card')) ?? '';
    expect(text).toContain('Simon Bailey');
    expect(text).toContain('4 Aug 2017');
  }

  it('works on a page that replaced Array, JSON, Function, Promise and DOM built-ins, without calling them', async () => {
    const page = await open('hostile-globals.html');
    // (Read as attributes: page.evaluate itself needs the built-ins this page broke.)
    expect(await page.locator('html').getAttribute('data-hostile-ready')).toBe('true');
    const card = await verify(page, page, page.locator('#q1 p'), 'replaced built-ins');
    await expectBailey(card);
    // The content script runs in its own world: not one of the page's replacements was called.
    expect(await page.locator('html').getAttribute('data-hostile-calls')).toBeNull();
    await page.screenshot({ path: artifact('hostile-globals.png') });
    await page.close();
  });

  it('works on a page that styles every element with !important, and the card keeps its own look', async () => {
    const page = await open('hostile-styles.html');
    // The page's rules do reach its own elements.
    expect(await page.locator('#q1 p').evaluate((p) => getComputedStyle(p).fontSize)).toBe('30px');
    const card = await verify(page, page, page.locator('#q1 p'), '!important everywhere');
    await expectBailey(card);
    const host = await page.locator('on-the-record-card').evaluate((h) => {
      const s = getComputedStyle(h);
      return { transform: s.transform, opacity: s.opacity, filter: s.filter, position: s.position };
    });
    expect(host).toEqual({ transform: 'none', opacity: '1', filter: 'none', position: 'absolute' });
    const look = await card.eval((r) => {
      const s = getComputedStyle(r.querySelector('.otr-card')!);
      return { fontSize: s.fontSize, textTransform: s.textTransform, fontStyle: s.fontStyle };
    });
    expect(look).toEqual({ fontSize: '14px', textTransform: 'none', fontStyle: 'normal' });
    const box = (await card.box('.otr-card'))!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1100);
    // Drawn in its own colours: the Verbatim dot is its green (#1a7f37), not
    // hue-rotated and faded by the page's filter and opacity on <html>.
    const dot = (await card.box('.otr-dot'))!;
    const shot = await page.screenshot({ path: artifact('hostile-styles.png') });
    const [r, g, b] = await pixelAt(shot, dot.x + dot.width / 2, dot.y + dot.height / 2);
    expect(Math.abs(r - 0x1a) + Math.abs(g - 0x7f) + Math.abs(b - 0x37)).toBeLessThan(30);
    // The page's ::backdrop rule does not cover the page behind the card.
    const [br, bg] = await pixelAt(shot, 1090, 890);
    expect(br - bg).toBeLessThan(100);
    await page.close();
  });

  it('works on a page whose Content Security Policy forbids every script, style and request', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${server.origin}/hostile-csp.html`);
    expect(response!.headers()['content-security-policy']).toContain("style-src 'none'");
    await page.waitForTimeout(150);
    // The policy is in force: the page's own inline style is refused.
    expect(await page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = 'body { color: rgb(1, 2, 3) }';
      document.head.append(s);
      return getComputedStyle(document.body).color;
    })).not.toBe('rgb(1, 2, 3)');
    const card = await verify(page, page, page.locator('#q1 p'), 'strict CSP');
    await expectBailey(card);
    await page.screenshot({ path: artifact('hostile-csp.png') });
    await page.close();
  });

  it('works in a same-origin frame inside a frame, and in a srcdoc frame', async () => {
    const page = await open('hostile-frames.html');
    const inner = page.frameLocator('#outer').frameLocator('#inner');
    const card = await verify(page, inner, inner.locator('#q1 p'), 'nested frame');
    await expectBailey(card);
    await page.screenshot({ path: artifact('hostile-frames.png') });
    await page.keyboard.press('Escape');

    const srcdoc = page.frameLocator('#inline');
    const card2 = await verify(page, srcdoc, srcdoc.locator('#q1 p'), 'srcdoc frame');
    await expectBailey(card2);
    await page.close();
  });

  it('works when the quotation is inside nested open shadow roots', async () => {
    const page = await open('hostile-shadow.html');
    // Playwright's locators pierce open shadow roots: this is the paragraph two roots deep.
    const paragraph = page.locator('news-story story-quote #q1 p');
    expect(await paragraph.evaluate((p) => (p.getRootNode() as ShadowRoot).host.tagName)).toBe('STORY-QUOTE');
    const card = await verify(page, page, paragraph, 'nested shadow roots');
    await expectBailey(card);
    await page.screenshot({ path: artifact('hostile-shadow.png') });
    await page.close();
  });

  it('works in a contenteditable editor and leaves its text as it was', async () => {
    const page = await open('hostile-editable.html');
    const before = await page.locator('#editor').innerHTML();
    const card = await verify(page, page, page.locator('#q1 p'), 'contenteditable');
    await expectBailey(card);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('on-the-record-card').count()).toBe(0);
    expect(await page.locator('#editor').innerHTML()).toBe(before);
    await page.close();
  });

  it('works on a page of 50,000 paragraphs, the quotation near the end', async () => {
    const page = await open('hostile-long.html');
    expect(await page.locator('body').getAttribute('data-paragraphs')).toBe('50000');
    const card = await verify(page, page, page.locator('#q1'), '50,000 paragraphs');
    await expectBailey(card);
    // The card is beside the selection, far down the page, inside the view.
    const box = (await card.box('.otr-card'))!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(900);
    await page.screenshot({ path: artifact('hostile-long.png') });
    await page.close();
  });

  describe('a release whose words look like HTML and script', () => {
    const RELEASE = [
      '1 Mar 2023',
      "Warning about fake <b>police</b> texts <img src=x onerror='window.__otrPwned=3;alert(3)'>",
      'Officers are warning residents about text messages that pretend to come from the force.',
      'Detective Inspector Jane Marlow, of the Economic Crime Unit, said:',
      "“Never follow a link such as <img src=x onerror='window.__otrPwned=1;alert(1)'> or <script>window.__otrPwned=2</script> in a text message that claims to come from the police. We will never ask for your bank details.”",
    ].join('\n');

    it('is imported and listed with its title as text', async () => {
      const options = await context.newPage();
      options.on('dialog', (d) => {
        dialogs.push(`options: ${d.message()}`);
        void d.dismiss();
      });
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.getByRole('textbox', { name: /Or paste a release/ }).fill(RELEASE);
      await options.getByRole('button', { name: 'Preview' }).click();
      await expect.poll(() => options.locator('.import-item').textContent()).toContain('Jane Marlow');
      await options.getByRole('button', { name: 'Save 1 file to my index' }).click();
      await expect.poll(() => options.locator('.source-list li').count()).toBe(1);
      expect(await options.locator('.source-list').textContent()).toContain("Warning about fake <b>police</b> texts <img src=x onerror='window.__otrPwned=3;alert(3)'>");
      expect(await options.locator('.source-list b, .source-list img, .source-list script').count()).toBe(0);
      expect(await options.evaluate('window.__otrPwned')).toBeUndefined();
      await options.close();
    });

    it('is shown in the card literally, and nothing in it runs', async () => {
      const page = await open('hostile-markup.html');
      const card = await verify(page, page, page.locator('#q1 p'), 'markup in a release');
      expect(await card.text('.otr-verdict')).toBe('Verbatim');
      const text = (await card.text('.otr-card')) ?? '';
      expect(text).toContain('Jane Marlow');
      expect(text).toContain('1 Mar 2023');
      const quote = (await card.text('.otr-quote')) ?? '';
      expect(quote).toContain("<img src=x onerror='window.__otrPwned=1;alert(1)'>");
      expect(quote).toContain('<script>window.__otrPwned=2</script>');
      // No element was made of it, in the card or the page; no handler ran, no dialog opened.
      expect(await card.count('img, script, b')).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
      await page.waitForTimeout(200);
      expect(await page.evaluate('window.__otrPwned')).toBeUndefined();
      await page.screenshot({ path: artifact('hostile-markup-card.png'), clip: (await card.box('.otr-card'))! });
      await page.close();
    });

    it('is found by the popup search as text', async () => {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await popup.getByRole('searchbox', { name: 'Search the index' }).fill('Marlow');
      const hit = popup.locator('.hit').first();
      await hit.waitFor();
      await hit.click();
      await popup.locator('.detail').waitFor();
      expect(await popup.locator('.detail').textContent()).toContain('<script>window.__otrPwned=2</script>');
      expect(await popup.locator('.detail img, .detail script').count()).toBe(0);
      expect(await popup.evaluate('window.__otrPwned')).toBeUndefined();
      await popup.close();
    });
  });

  describe('a page script that tries to drive the button and read the card', () => {
    /** The worker's view: verify requests it received (its `receive` wrapped) and the recent checks it stored. */
    async function worker() {
      return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    }
    async function watchRequests() {
      await (await worker()).evaluate(async () => {
        const g = globalThis as unknown as { otr: { service: { receive: (m: unknown) => unknown } }; verifies?: number; realReceive?: unknown };
        await (globalThis as any).chrome.storage.local.set({ recentChecks: [] });
        g.verifies = 0;
        const real = (g.realReceive ??= g.otr.service.receive) as (m: unknown) => unknown;
        g.otr.service.receive = (m: unknown) => {
          if ((m as { type?: string })?.type === 'verify') g.verifies!++;
          return real(m);
        };
      });
    }
    const seen = async () =>
      (await worker()).evaluate(async () => ({
        verifies: (globalThis as { verifies?: number }).verifies,
        recent: ((await (globalThis as any).chrome.storage.local.get('recentChecks')).recentChecks as unknown[]).length,
      }));

    /** Everything the page's own world can read: its markup, its text, every root it can open, and a select-all of the page (which reaches into closed roots: the card is not selectable). */
    const pageCanRead = (page: Page) =>
      page.evaluate(() => {
        const roots = [...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean) as ShadowRoot[];
        const captured = (window as unknown as { __roots: [string, string, ShadowRoot][] }).__roots;
        const kept = getSelection()!.rangeCount ? getSelection()!.getRangeAt(0) : null;
        // (As a page script would: a find moves the selection to the page's text, then select all.)
        (window as unknown as { find(text: string): boolean }).find('Bailey');
        document.execCommand('selectAll');
        const selected = getSelection()!.toString();
        getSelection()!.removeAllRanges();
        if (kept) getSelection()!.addRange(kept);
        return [document.documentElement.outerHTML, document.body.innerText, selected, ...roots.map((r) => r.innerHTML), ...captured.map((c) => c[2].innerHTML)].join('\n');
      });

    it('gets no answer: closed roots, synthetic events ignored, nothing asked of the background', async () => {
      const page = await open('hostile-driver.html');
      await watchRequests();
      // The page selects the quotation itself and waits for the button, as any script may.
      const attack = await page.evaluate(async () => {
        const p = document.querySelector('#q1 p')!;
        const range = document.createRange();
        range.selectNodeContents(p);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
        let host: HTMLElement | null = null;
        for (let i = 0; i < 100 && !host?.getBoundingClientRect().width; i++) {
          await new Promise((r) => setTimeout(r, 30));
          host = document.querySelector('on-the-record-button');
        }
        if (!host) return null;
        const b = host.getBoundingClientRect();
        const x = b.x + b.width / 2;
        const y = b.y + b.height / 2;
        // What is under the button's middle, as the page sees it.
        const atPoint = document.elementFromPoint(x, y) as HTMLElement;
        const at = { clientX: x, clientY: y, bubbles: true, composed: true, cancelable: true, button: 0, view: window };
        for (const t of new Set([host, atPoint])) {
          t.dispatchEvent(new PointerEvent('pointerdown', at));
          t.dispatchEvent(new MouseEvent('mousedown', at));
          t.dispatchEvent(new PointerEvent('pointerup', at));
          t.dispatchEvent(new MouseEvent('mouseup', at));
          t.dispatchEvent(new MouseEvent('click', at));
          t.click();
          t.focus();
          for (const key of ['Enter', ' ']) {
            t.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
            t.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
          }
        }
        // The shortcut's keys, sent to the page: only the browser's command runs the shortcut.
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'V', code: 'KeyV', altKey: true, shiftKey: true, bubbles: true }));
        await new Promise((r) => setTimeout(r, 1500));
        const captured = (window as unknown as { __roots: unknown[] }).__roots.length;
        return { box: [b.width, b.height], atPoint: atPoint.localName, shadowRoot: host.shadowRoot === null ? null : 'open', captured };
      });
      // The button was shown and found: the page reached it, and got nothing through it.
      expect(attack).not.toBeNull();
      expect(attack!.box[0]).toBeGreaterThan(40);
      expect(attack!.atPoint).toBe('on-the-record-button');
      expect(attack!.shadowRoot).toBeNull();
      expect(attack!.captured).toBe(0);
      expect(await page.locator('on-the-record-card').count()).toBe(0);
      expect(await seen()).toEqual({ verifies: 0, recent: 0 });
      const readable = await pageCanRead(page);
      for (const answer of ['Verbatim', 'Bailey', '4 Aug 2017', 'Chief Constable']) expect(readable).not.toContain(answer);

      // Even a script holding the closed root (this test's own world, through the DevTools
      // protocol) cannot press the button: its clicks are not trusted.
      const button = closedRoot(page, 'on-the-record-button');
      expect(
        await button.eval((r) => {
          const b = r.querySelector('button')!;
          b.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
          b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          b.click();
          return b.textContent;
        }),
      ).toBe('Verify quote');
      await page.waitForTimeout(1000);
      expect(await page.locator('on-the-record-card').count()).toBe(0);
      expect(await seen()).toEqual({ verifies: 0, recent: 0 });
      await page.screenshot({ path: artifact('hostile-driver-ignored.png') });

      // The reader's own click, on the same button: the card, one request, one recent check.
      await page.locator('on-the-record-button').click();
      const card = closedRoot(page, 'on-the-record-card');
      await expect.poll(() => card.text('.otr-verdict')).toBe('Verbatim');
      await expectBailey(card);
      expect(await seen()).toEqual({ verifies: 1, recent: 1 });
      await page.screenshot({ path: artifact('hostile-driver-reader-click.png') });
      // The page still reads nothing of it, and cannot press its controls or dismiss it.
      expect(await page.evaluate(() => document.querySelector('on-the-record-card')!.shadowRoot)).toBeNull();
      const after = await pageCanRead(page);
      for (const answer of ['Verbatim', 'Bailey', '4 Aug 2017', 'Chief Constable']) expect(after).not.toContain(answer);
      await page.evaluate(() => {
        const host = document.querySelector('on-the-record-card') as HTMLElement;
        host.click();
        host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      });
      // Synthetic clicks on the card's own controls (given the root) do nothing either.
      await card.eval((r) => (r.querySelector('.otr-close') as HTMLButtonElement).click());
      await page.waitForTimeout(300);
      expect(await card.text('.otr-verdict')).toBe('Verbatim');
      // The reader's Esc closes it.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('on-the-record-card').count()).toBe(0);
      await page.close();
    });
  });

  it('shows the button on a page whose first script stops every selection event', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/hostile-suppress.html`);
    const card = await verify(page, page, page.locator('#q1 p'), 'selection events stopped');
    await expectBailey(card);
    // The page's listeners did run, and stopped the events for everyone after them.
    expect(Number(await page.evaluate(() => document.documentElement.dataset.stopped))).toBeGreaterThan(0);
    await page.close();
  });

  it('stays on when a page forges and replays every notice a content script listens to', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/hostile-lifecycle.html#${extensionId}`);
    // Let the page forge for a while, after the content script has started.
    await expect.poll(() => page.evaluate(() => Number(document.documentElement.dataset.forged ?? 0))).toBeGreaterThan(500);
    const card = await verify(page, page, page.locator('#q1 p'), 'forged lifecycle notices');
    await expectBailey(card);
    await page.screenshot({ path: artifact('hostile-lifecycle.png') });
    await page.close();
  });

  it('opened no dialog and made no network request on any of these pages', () => {
    expect(dialogs).toEqual([]);
    expect(session.offsite).toEqual([]);
  });
});

const firefoxAvailable = fs.existsSync(path.join(FIREFOX_EXT, 'manifest.json')) && fs.existsSync(FIREFOX);

describe.skipIf(!requireInCI('firefox-esr with the Firefox build', firefoxAvailable))('hostile pages in Firefox (firefox-esr, WebDriver BiDi)', () => {
  let session: FirefoxSession;
  let server: PageServer;
  let ff: Firefox;
  let context: string;

  beforeAll(async () => {
    session = await launchFirefoxWithExtension('otr-hostile-ff-');
    ({ server, ff, context } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Evaluates in a sandbox realm: the same DOM, none of the page's replaced built-ins. */
  async function inSandbox<T>(expression: string): Promise<T | null> {
    const target = { context, sandbox: 'otr-test' };
    const r = await ff.bidi.send<{ type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } }>('script.evaluate', { expression, target, awaitPromise: false });
    if (r.type !== 'success') throw new Error(`evaluate failed: ${r.exceptionDetails?.text}`);
    return (r.result?.value ?? null) as T | null;
  }

  /** Selects the whole of an element (an expression), as a triple click would, then presses Verify quote; returns the card's verdict and text. */
  async function verify(file: string, element: string): Promise<{ verdict: string; text: string }> {
    await ff.bidi.send('browsingContext.navigate', { context, url: `${server.origin}/${file}`, wait: 'complete' });
    await new Promise((r) => setTimeout(r, 150));
    const selected = await inSandbox<string>(`(() => {
      const el = ${element};
      el.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.selectNodeContents(el);
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
      return sel.toString();
    })()`);
    expect(selected).toContain('The internet is not a safe');
    // The button's host is the button's box: the page sees that much (its shadow root is closed).
    const box = JSON.parse(
      await waitFor('the Verify quote button', () =>
        inSandbox<string>(`(() => {
          const r = document.querySelector('on-the-record-button')?.getBoundingClientRect();
          return r && r.width ? JSON.stringify({ x: r.x + r.width / 2, y: r.y + r.height / 2 }) : null;
        })()`),
      ),
    ) as { x: number; y: number };
    await ff.bidi.send('input.performActions', {
      context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', x: Math.round(box.x), y: Math.round(box.y) },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ] }],
    });
    // The card, through WebDriver BiDi (its closed shadow root serialized for the test).
    const inCard = <T>(fn: string) => inClosedRoot<T>(ff.bidi, context, 'on-the-record-card', fn);
    const verdict = await waitFor('the card', () => inCard<string>(`(r) => r.querySelector('.otr-verdict')?.textContent || null`));
    expect(await inSandbox(`document.querySelector('on-the-record-card').shadowRoot`)).toBeNull();
    return { verdict, text: (await inCard<string>(`(r) => r.querySelector('.otr-card').textContent`)) ?? '' };
  }

  it('works on the page that replaced the built-ins, without calling them', async () => {
    const r = await verify('hostile-globals.html', `document.querySelector('#q1 p')`);
    expect(r.verdict).toBe('Verbatim');
    expect(r.text).toContain('Chief Constable Simon Bailey');
    expect(await inSandbox(`document.documentElement.getAttribute('data-hostile-ready')`)).toBe('true');
    expect(await inSandbox(`document.documentElement.getAttribute('data-hostile-calls')`)).toBeNull();
    const shot = await ff.bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context });
    fs.writeFileSync(artifact('firefox-hostile-globals.png'), Buffer.from(shot.data, 'base64'));
  });

  it('works on the page whose Content Security Policy forbids everything', async () => {
    const r = await verify('hostile-csp.html', `document.querySelector('#q1 p')`);
    expect(r.verdict).toBe('Verbatim');
    expect(r.text).toContain('Simon Bailey');
  });

  it('works inside nested open shadow roots', async () => {
    const r = await verify('hostile-shadow.html', `document.querySelector('news-story').shadowRoot.querySelector('story-quote').shadowRoot.querySelector('#q1 p')`);
    expect(r.verdict).toBe('Verbatim');
    expect(r.text).toContain('Simon Bailey');
  });

  it('works on the page that styles every element with !important', async () => {
    // (Firefox still draws a filter on <html> over the top layer: the card is tinted there, unlike in Chromium.)
    const r = await verify('hostile-styles.html', `document.querySelector('#q1 p')`);
    expect(r.verdict).toBe('Verbatim');
    const shot = await ff.bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context });
    fs.writeFileSync(artifact('firefox-hostile-styles.png'), Buffer.from(shot.data, 'base64'));
  });

  it('shows the card on a page whose first script stops every selection event', async () => {
    const r = await verify('hostile-suppress.html', `document.querySelector('#q1 p')`);
    expect(r.verdict).toBe('Verbatim');
  });

  it('stays on when a page forges and replays every notice a content script listens to', async () => {
    // Firefox's runtime.id is the add-on id (wxt.config.ts): the page knows it.
    const r = await verify('hostile-lifecycle.html#on-the-record@otr.invalid', `document.querySelector('#q1 p')`);
    expect(r.verdict).toBe('Verbatim');
    expect(Number(await inSandbox(`document.documentElement.dataset.forged`))).toBeGreaterThan(100);
  });
});
