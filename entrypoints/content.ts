/**
 * The content script every page gets: small, and idle until the reader selects
 * text. It shows the Verify quote button, asks the background, and loads the
 * card (entrypoints/card.ts) the first time one is needed.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ExtensionContext } from '../lib/content/extensionContext';
import { isCheckPageCommand, isTabCommand, request } from '../lib/protocol';
import { reliable } from '../lib/reliableSend';
import { countWords, DEFAULT_SETTINGS, loadSettings, SETTINGS_KEY, normalizeSettings, siteDisabled, type Settings } from '../lib/settings';
import { readSelection, type SelectionInfo } from '../lib/content/selection';
import { CARD_MODULE_FILE, cardModuleOf, type CardModule } from '../lib/content/cardModule';

export default defineContentScript({
  matches: ['<all_urls>'],
  // In frames too (embedded articles, srcdoc frames): a frame's script is as idle as the top one's.
  allFrames: true,
  matchAboutBlank: true,
  // Before any script of the page: its listeners (below) then come first on the window, and a
  // page's own capture listener that stops the reader's mouseup cannot keep the button away.
  runAt: 'document_start',
  // WXT's own context can be switched off by any page (see lib/content/extensionContext.ts): unused.
  main() {
    startContent(new ExtensionContext('content'));
  },
});

/** The browser's own extension API, present in content scripts in Chromium and Firefox alike. */
declare const chrome: { runtime: { getURL(path: string): string } };

type Ui = CardModule;

const BUTTON_HOST = 'on-the-record-button';
// The host is the button's box (--x, --y: its place in the page), so the page sees
// where it is and nothing else: the shadow root is closed.
const BUTTON_CSS = `:host{all:initial!important;position:absolute!important;left:var(--x)!important;top:var(--y)!important;z-index:2147483646!important;display:block!important}
button{display:block;white-space:nowrap;font:600 12px/1 system-ui,sans-serif;color:#ffffff;background:#1f3a5f;border:1px solid #ffffff;border-radius:14px;padding:6px 10px;box-shadow:0 2px 8px rgba(0,0,0,.35);cursor:pointer}
button:hover{background:#0b57d0}button:focus-visible{outline:2px solid #0b57d0;outline-offset:2px}`;

function startContent(ctx: ExtensionContext) {
  let settings: Settings | null = null;
  let settingsLoading: Promise<Settings> | null = null;
  let host: HTMLElement | null = null;
  let button: HTMLButtonElement | null = null;
  let timer = 0;
  let ui: Promise<Ui> | null = null;
  let cardOpen = false;
  // Open shadow roots on the path of the last mouseup outside our button: where a selection may be.
  let roots: ShadowRoot[] = [];
  // Retried once if the service worker stops mid-request; never waits forever
  // (15 s for one passage, a minute for a page of up to 300 quotations).
  const sendRaw = (m: unknown) => browser.runtime.sendMessage(m);
  const send = reliable(sendRaw);
  const sendPage = reliable(sendRaw, 60_000);

  const getSettings = () =>
    (settingsLoading ??= loadSettings()
      .catch(() => DEFAULT_SETTINGS)
      .then((s) => (settings = s)));

  function hideButton() {
    if (button) button.style.display = 'none';
  }

  function ensureButton(): HTMLButtonElement {
    if (button && host?.isConnected) return button;
    host = document.createElement(BUTTON_HOST);
    // Closed: a page script cannot reach the button or read anything through it.
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = BUTTON_CSS;
    button = document.createElement('button');
    button.type = 'button';
    // (Its text is its accessible name: no aria-label to say it twice.)
    button.textContent = 'Verify quote';
    button.title = 'Verify quote with On the Record (Alt+Shift+V)';
    // Keep the page's selection: a click would otherwise clear it.
    button.addEventListener('mousedown', (e) => e.preventDefault());
    // Only the reader's own click: a page's synthetic event (isTrusted false) asks nothing.
    button.addEventListener('click', (e) => {
      e.preventDefault();
      if (e.isTrusted) void verify(null);
    });
    shadow.append(style, button);
    document.documentElement.append(host);
    return button;
  }

  async function check() {
    const s = settings ?? (await getSettings());
    const info = readSelection(roots);
    if (cardOpen || !info || !info.rect || !s.buttonEnabled || siteDisabled(s, location.hostname) || countWords(info.text) < s.minWords) {
      hideButton();
      return;
    }
    if (isInsideOurUi()) return;
    const b = ensureButton();
    b.style.display = '';
    const x = Math.min(info.rect.right + scrollX + 6, scrollX + document.documentElement.clientWidth - 120);
    // Below the selection, or above it at the bottom of the window.
    const y = (info.rect.bottom + 40 > innerHeight ? info.rect.top - 32 : info.rect.bottom + 6) + scrollY;
    host!.style.setProperty('--x', `${Math.max(scrollX + 4, x)}px`, 'important');
    host!.style.setProperty('--y', `${y}px`, 'important');
  }

  function isInsideOurUi(): boolean {
    const a = document.activeElement;
    return !!a && (a === host || a.localName === 'on-the-record-card');
  }

  function schedule() {
    clearTimeout(timer);
    timer = window.setTimeout(() => void check(), 120);
  }

  /** The card and the page check, card.js's default export, the first time either is needed. */
  function loadUi(): Promise<Ui> {
    // Written as `chrome.runtime.getURL(…)`, the global itself, not the imported `browser`
    // (which the bundler renames): web-ext lint accepts a dynamic import only of that
    // call, whose URL is always inside the extension's own package, never the page's.
    ui ??= import(/* @vite-ignore */ chrome.runtime.getURL('/' + CARD_MODULE_FILE)).then(cardModuleOf);
    ui.catch(() => (ui = null));
    return ui;
  }

  async function verify(fallbackText: string | null) {
    let info: SelectionInfo | null = readSelection(roots);
    if (!info && fallbackText) info = { text: fallbackText.trim(), context: '', rect: null };
    if (!info) return;
    const startedAt = performance.now();
    cardOpen = true;
    hideButton();
    const loaded = Promise.all([
      // The id is sent again with a retry: the background records the check once.
      request(send, { type: 'verify', id: Math.random().toString(36).slice(2), text: info.text, context: info.context }).then(
        (r) => ({ answer: r.answer, coverage: r.coverage, error: undefined }),
        (e: unknown) => ({ answer: null, coverage: undefined, error: e instanceof Error ? e.message : String(e) }),
      ),
      loadUi(),
    ]);
    loaded.catch(() => (cardOpen = false));
    const [reply, { card }] = await loaded;
    try {
      await card.open({
        ctx,
        answer: reply.answer,
        error: reply.error,
        coverage: reply.coverage,
        pageText: info.text,
        rect: info.rect,
        startedAt,
        onClose: () => {
          cardOpen = false;
        },
      });
    } catch (e) {
      cardOpen = false;
      throw e;
    }
    cardOpen = true;
    hideButton();
  }

  /** Every quotation on the page, checked at once (popup button, context menu). */
  async function checkAll() {
    const { pageCheck } = await loadUi();
    await pageCheck.checkPage({ ctx, check: async (quotations) => (await request(sendPage, { type: 'check-page', quotations })).answers });
  }

  // Idle until the reader selects something: a few cheap listeners, nothing else.
  // Each event first asks whether the extension is still there: a copy left behind by an update ends itself.
  // On the window, capturing, registered before the page's scripts run: first of all listeners.
  const first = { capture: true };
  ctx.addEventListener(window, 'selectionchange', () => ctx.alive && schedule(), first);
  ctx.addEventListener(window, 'mouseup', (e) => {
    if (!ctx.alive) return;
    if (e.target !== host) roots = e.composedPath().filter((n): n is ShadowRoot => n instanceof ShadowRoot);
    schedule();
  }, first);
  ctx.addEventListener(window, 'keyup', () => ctx.alive && schedule(), first);
  const onMessage = (msg: unknown) => {
    if (!ctx.alive) return undefined;
    if (isCheckPageCommand(msg)) return checkAll().then(() => true, () => false);
    if (!isTabCommand(msg)) return undefined;
    void verify(msg.selectionText ?? null);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SETTINGS_KEY]) settings = normalizeSettings(changes[SETTINGS_KEY].newValue);
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.storage.onChanged.removeListener(onStorage);
    host?.remove();
  });
}
