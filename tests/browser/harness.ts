/**
 * Shared pieces of the real-browser tests: the local page server, a throwaway
 * profile directory, Chromium with the built extension, and text selection.
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromiumArgs';
import { launchFirefox, type Firefox } from './bidi';

export const ROOT = path.resolve(__dirname, '../..');
export const PAGES = path.join(__dirname, 'pages');
/** The test build (`npm run build:test`): the production build plus the worker's test hook (entrypoints/background.ts). */
export const CHROME_EXT = path.join(ROOT, '.output/chrome-mv3-test');
export const FIREFOX_EXT = path.join(ROOT, '.output/firefox-mv2');
export const ARTIFACTS = path.join(ROOT, 'test-results');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface PageServer {
  origin: string;
  /** Every path the server was asked for. */
  requests: string[];
  close(): Promise<void>;
}

export const ARTICLES = path.join(ROOT, 'tests', 'fixtures', 'articles');

/**
 * The article fixtures as pages: /articles-<name>.html is tests/fixtures/articles/<name>.html
 * as written, and /articles-<name>.txt.html a plain-text article laid out as a news page
 * (headline, then one paragraph a line). Null for any other name.
 */
function articlePage(name: string): string | null {
  const m = /^articles-(.+)$/.exec(name);
  if (!m) return null;
  if (fs.existsSync(path.join(ARTICLES, m[1])) && m[1].endsWith('.html')) return fs.readFileSync(path.join(ARTICLES, m[1]), 'utf8');
  const txt = m[1].replace(/\.html$/, '');
  if (!txt.endsWith('.txt') || !fs.existsSync(path.join(ARTICLES, txt))) return null;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const [headline, ...rest] = fs.readFileSync(path.join(ARTICLES, txt), 'utf8').split(/\n+/).filter((l) => l.trim());
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(headline)} | The Northmarch Courier</title></head><body>` +
    `<nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article><h1>${esc(headline)}</h1>${rest.map((p) => `<p>${esc(p)}</p>`).join('')}</article></main>` +
    `<footer>© The Northmarch Courier</footer></body></html>`;
}

export async function servePages(): Promise<PageServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const name = path.basename(url.pathname);
    const page = articlePage(name);
    if (page !== null) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    const file = path.join(PAGES, name);
    if (!name.endsWith('.html') || !fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    // A page may come with headers of its own (a Content-Security-Policy): pages/<name>.headers.json.
    const extra = fs.existsSync(`${file}.headers.json`) ? (JSON.parse(fs.readFileSync(`${file}.headers.json`, 'utf8')) as Record<string, string>) : {};
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...extra });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A directory for browser profiles, removed by `dispose`. */
export function tempDir(prefix: string): { dir: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}


/**
 * Selects text in the page, from the first occurrence of `from` to the end of
 * the first occurrence of `to` after it, across elements (links, emphasis,
 * paragraphs). Runs in the page; returns the selected string.
 */
export function selectBetweenScript(rootSelector: string, from: string, to: string): string {
  return `(() => {
    const root = document.querySelector(${JSON.stringify(rootSelector)});
    if (!root) throw new Error('no element ' + ${JSON.stringify(rootSelector)});
    const nodes = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
    const s = all.indexOf(${JSON.stringify(from)});
    if (s < 0) throw new Error('start not found');
    const e0 = all.indexOf(${JSON.stringify(to)}, s);
    if (e0 < 0) throw new Error('end not found');
    const e = e0 + ${JSON.stringify(to)}.length;
    const at = (pos, isEnd) => {
      for (const [n, off] of nodes) {
        const end = off + n.data.length;
        if (isEnd ? off < pos && pos <= end : off <= pos && pos < end) return [n, pos - off];
      }
      throw new Error('position outside the text');
    };
    const [sn, so] = at(s, false);
    const [en, eo] = at(e, true);
    sn.parentElement.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(sn, so);
    range.setEnd(en, eo);
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return sel.toString();
  })()`;
}

/** Chromium with the built extension, the local page server and a throwaway profile. */
export interface ChromiumSession {
  server: PageServer;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Requests that went anywhere but the local pages and the extension itself. */
  offsite: string[];
  /** Requests the service worker made. */
  fromWorker: string[];
  /** A scratch directory, removed with the profile. */
  dir: string;
  close(): Promise<void>;
}

export async function launchChromium(profilePrefix: string, viewport: { width: number; height: number }): Promise<ChromiumSession> {
  const server = await servePages();
  const profiles = tempDir(profilePrefix);
  const context = await chromium.launchPersistentContext(path.join(profiles.dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS(CHROME_EXT),
    viewport,
  });
  const offsite: string[] = [];
  const fromWorker: string[] = [];
  const local = [server.origin + '/', 'chrome-extension://', 'data:', 'blob:'];
  context.on('request', (r) => {
    const url = r.url();
    if (r.serviceWorker()) fromWorker.push(url);
    if (!local.some((p) => url.startsWith(p))) offsite.push(url);
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    server,
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    offsite,
    fromWorker,
    dir: profiles.dir,
    async close() {
      await context.close();
      await server.close();
      profiles.dispose();
    },
  };
}

/** Whether Chromium and the built extension are here to test. */
export const chromiumAvailable = fs.existsSync(CHROMIUM) && fs.existsSync(path.join(CHROME_EXT, 'manifest.json'));

/**
 * On a developer's machine a missing browser skips its tests; in CI (CI=true) it is a
 * failure, so that a green run always means the extension ran in both browsers.
 */
export function requireInCI(what: string, present: boolean): boolean {
  if (!present && process.env.CI) throw new Error(`${what} is missing in CI: .ci/run installs it (apt-get install chromium firefox-esr) and builds the extension`);
  return present;
}

/**
 * Test-only access to the extension's closed shadow roots (the button, the card, the
 * page check's badges and panel), through the DevTools protocol. A page's own scripts
 * cannot do this: `host.shadowRoot` is null for them. The functions run in an isolated
 * world of the test's own (Page.createIsolatedWorld), so a page that replaced its
 * built-ins does not see them called. Each call looks the host up afresh (for polling).
 */
export interface ClosedRoot {
  /** Runs `fn(root, arg)` against the host's closed shadow root; null when there is no such host. */
  eval<T, A = undefined>(fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T | null>;
  /** The text of the first element matching `css` in the root; null when there is none. */
  text(css: string): Promise<string | null>;
  /** How many elements in the root match `css` (0 when there is no host). */
  count(css: string): Promise<number>;
  /** The box of the first element matching `css`, in the top page's viewport, scrolled into view first. */
  box(css: string): Promise<{ x: number; y: number; width: number; height: number } | null>;
  /** A real (trusted) mouse click at the middle of the first element matching `css`. */
  click(css: string): Promise<void>;
}

type Cdp = { send(method: string, params?: Record<string, unknown>): Promise<any> };
const sessions = new WeakMap<Page, Promise<{ cdp: Cdp; worlds: Map<string, number> }>>();

function sessionOf(page: Page) {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page).then((cdp) => ({ cdp: cdp as unknown as Cdp, worlds: new Map<string, number>() }));
    sessions.set(page, s);
  }
  return s;
}

interface FrameTree { frame: { id: string; loaderId: string }; childFrames?: FrameTree[] }

/** `host`: a CSS selector for the host element, in any frame; `index`: which of the matches. */
export function closedRoot(page: Page, host: string, index = 0): ClosedRoot {
  async function root(): Promise<{ cdp: Cdp; objectId: string } | null> {
    const { cdp, worlds } = await sessionOf(page);
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: FrameTree };
    const frames: FrameTree['frame'][] = [];
    const walk = (t: FrameTree) => {
      frames.push(t.frame);
      t.childFrames?.forEach(walk);
    };
    walk(frameTree);
    for (const frame of frames) {
      const key = `${frame.id}:${frame.loaderId}`;
      try {
        let contextId = worlds.get(key);
        if (contextId === undefined) {
          contextId = (await cdp.send('Page.createIsolatedWorld', { frameId: frame.id, worldName: 'otr-test' })).executionContextId as number;
          worlds.set(key, contextId);
        }
        const found = await cdp.send('Runtime.evaluate', { expression: `document.querySelectorAll(${JSON.stringify(host)})[${index}] ?? null`, contextId });
        if (found.result?.subtype !== 'node') continue;
        const { node } = await cdp.send('DOM.describeNode', { objectId: found.result.objectId, depth: 1, pierce: true });
        const shadow = (node.shadowRoots as { backendNodeId: number; shadowRootType: string }[] | undefined)?.[0];
        if (!shadow) continue;
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, executionContextId: contextId });
        return { cdp, objectId: object.objectId as string };
      } catch {
        // The frame navigated or went away while we looked: its world is gone.
        worlds.delete(key);
      }
    }
    return null;
  }

  async function call<T>(fn: string, arg: unknown, byValue = true): Promise<{ cdp: Cdp; result: any } | null> {
    const r = await root();
    if (!r) return null;
    const out = await r.cdp.send('Runtime.callFunctionOn', {
      objectId: r.objectId,
      functionDeclaration: `function (arg) { return (${fn})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: byValue,
      awaitPromise: true,
    });
    if (out.exceptionDetails) throw new Error(`in the closed root of ${host}: ${out.exceptionDetails.exception?.description ?? out.exceptionDetails.text}`);
    return { cdp: r.cdp, result: out.result as T };
  }

  async function box(css: string) {
    const r = await call(`(root, css) => root.querySelector(css)`, css, false);
    if (!r || r.result.subtype !== 'node') return null;
    await r.cdp.send('DOM.scrollIntoViewIfNeeded', { objectId: r.result.objectId });
    const { quads } = (await r.cdp.send('DOM.getContentQuads', { objectId: r.result.objectId })) as { quads: number[][] };
    const q = quads[0];
    if (!q) return null;
    const xs = [q[0]!, q[2]!, q[4]!, q[6]!];
    const ys = [q[1]!, q[3]!, q[5]!, q[7]!];
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  }

  return {
    async eval<T, A>(fn: (root: ShadowRoot, arg: A) => T, arg?: A) {
      const r = await call<{ value?: T }>(fn.toString(), arg ?? null);
      return r ? ((r.result.value ?? null) as T | null) : null;
    },
    async text(css) {
      const r = await call<{ value?: string | null }>(`(root, css) => root.querySelector(css)?.textContent ?? null`, css);
      return r?.result.value ?? null;
    },
    async count(css) {
      const r = await call<{ value?: number }>(`(root, css) => root.querySelectorAll(css).length`, css);
      return r?.result.value ?? 0;
    },
    box,
    async click(css) {
      const b = await box(css);
      if (!b || !b.width) throw new Error(`no visible ${css} in the closed root of ${host}`);
      await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    },
  };
}

/** Firefox (over WebDriver BiDi) with the extension installed, the test pages served, and its first tab. */
export interface FirefoxSession {
  ff: Firefox;
  server: PageServer;
  /** The first browsing context (tab). */
  context: string;
  close(): Promise<void>;
}

/** The add-on id of the Firefox build (wxt.config.ts, browser_specific_settings.gecko.id). */
export const FIREFOX_ADDON_ID = 'on-the-record@otr.invalid';
/** The extension's moz-extension:// host, fixed through the profile (pref extensions.webextensions.uuids). */
export const FIREFOX_EXT_UUID = '6f1c2d3e-0a4b-4c5d-8e6f-7a8b9c0d1e2f';
export const FIREFOX_EXT_ORIGIN = `moz-extension://${FIREFOX_EXT_UUID}`;
/** The XUL id Firefox gives a contextMenus item of the extension in the browser window (ext-menus.js). */
export const FIREFOX_MENU_ITEM = (id: string) => `${FIREFOX_ADDON_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-menuitem-_${id}`;

/**
 * `systemAccess`: launch with --remote-allow-system-access, which lets WebDriver BiDi navigate to and
 * evaluate in moz-extension:// pages (popup.html) and evaluate in the browser window
 * (browsingContext.getTree with 'moz:scope': 'chrome'), e.g. to activate a context-menu item.
 */
export async function launchFirefoxWithExtension(profilePrefix: string, opts: { systemAccess?: boolean; prefs?: Record<string, string | number | boolean> } = {}): Promise<FirefoxSession> {
  const server = await servePages();
  const profiles = tempDir(profilePrefix);
  const ff = await launchFirefox(FIREFOX, path.join(profiles.dir, 'profile'), {
    prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXT_UUID }), ...opts.prefs },
    args: opts.systemAccess ? ['--remote-allow-system-access'] : [],
  });
  await ff.bidi.send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXT } });
  const tree = await ff.bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
  return {
    ff,
    server,
    context: tree.contexts[0]!.context,
    async close() {
      await ff.stop();
      await server.close();
      profiles.dispose();
    },
  };
}

/**
 * A real click (WebDriver BiDi input: a trusted event, user input to the page) at the middle of
 * the element `css` finds in `context`, aimed only once the element is really there and is what
 * the point hits (a page lays itself out as its parts load).
 */
export async function clickInFirefox(ff: Firefox, context: string, css: string): Promise<void> {
  const box = JSON.parse(
    await waitFor(css, () =>
      ff.bidi.evaluate<string>(
        context,
        `(() => { const e = document.querySelector(${JSON.stringify(css)}); if (!e) return null; e.scrollIntoView({ block: 'center' }); const r = e.getBoundingClientRect(); const x = r.x + r.width / 2, y = r.y + r.height / 2; return e.contains(document.elementFromPoint(x, y)) ? JSON.stringify({ x, y }) : null; })()`,
      ),
    ),
  ) as { x: number; y: number };
  await ff.bidi.send('input.performActions', {
    context,
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x: Math.round(box.x), y: Math.round(box.y) }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }],
  });
}

/** Polls `fn` until it gives a value (WebDriver BiDi has no auto-waiting locators). */
export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
