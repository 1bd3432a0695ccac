/**
 * The background's listeners: messages (sender and shape checked), the
 * context-menu item and the keyboard shortcut. Registered synchronously when the
 * worker starts, so a request that wakes a stopped worker is still answered.
 */
import { browser, type Browser } from 'wxt/browser';
import { mayAsk, MAX_TEXT, senderRole, type CheckPageCommand, type Reply, type TabCommand } from '../protocol';
import { createService, type Service } from './service';
import { createIndexedDbStore } from './releaseStore';
import { createNewsrooms } from './newsrooms';

export const DAILY_ALARM = 'newsrooms-daily';

export const MENU_ID = 'verify-quote';
export const MENU_TITLE = 'Verify quote with On the Record';
export const COMMAND = 'verify-selection';
export const PAGE_MENU_ID = 'check-page';
export const PAGE_MENU_TITLE = 'Check all quotes on this page';

type Tab = Browser.tabs.Tab;

export interface BackgroundHandlers {
  service: Service;
  /** Asks the content script of a tab to verify its selection (context menu and shortcut). */
  verifyInTab(tabId: number, frameId?: number, selectionText?: string): Promise<boolean>;
  /** Asks the content script of a tab to check every quotation on its page. */
  checkPageInTab(tabId: number): Promise<boolean>;
  onMenuClicked(info: { menuItemId: string | number; frameId?: number; selectionText?: string }, tab?: Tab): Promise<boolean>;
  onCommand(command: string, tab?: Tab): Promise<boolean>;
}

export function startBackground(loadIndexSource: () => string | null | undefined): BackgroundHandlers {
  const kv = {
    async get(key: string) {
      return (await browser.storage.local.get(key))[key];
    },
    async set(key: string, value: unknown) {
      await browser.storage.local.set({ [key]: value });
    },
  };
  // The reader's imported releases: opened on first use, never at start.
  const releases = createIndexedDbStore();
  const service = createService({
    loadIndexSource,
    releases,
    store: kv,
    newsrooms: (changed) => createNewsrooms({ kv, releases, fetch: (input, init) => fetch(input, init), changed }),
  });

  // Followed newsrooms: a daily update (the reader chooses it per newsroom), and an update the
  // worker was stopped in the middle of carried on when it starts again.
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY_ALARM) void service.newsrooms?.updateDaily();
  });
  void browser.alarms
    ?.get(DAILY_ALARM)
    .then(async (a) => {
      if (!a) await browser.alarms.create(DAILY_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 60 });
    })
    .catch(() => undefined);
  void service.newsrooms?.resumeInterrupted().catch(() => undefined);

  // The extension's own origin ("chrome-extension://id/", "moz-extension://uuid/"): its pages' addresses start with it.
  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((msg: unknown, sender) => {
    // Only this extension's own pages and content scripts are answered, each only what it needs.
    const role = senderRole(sender, browser.runtime.id, extensionOrigin);
    if (!role) return undefined;
    if (!mayAsk(role, msg)) return Promise.resolve<Reply>({ ok: false, error: 'this request is answered only to the extension’s own pages' });
    return service.receive(msg);
  });

  async function verifyInTab(tabId: number, frameId?: number, selectionText?: string): Promise<boolean> {
    const cmd: TabCommand = { type: 'verify-selection', ...(selectionText ? { selectionText: selectionText.slice(0, MAX_TEXT) } : {}) };
    try {
      await browser.tabs.sendMessage(tabId, cmd, frameId !== undefined ? { frameId } : undefined);
      return true;
    } catch {
      // A frame without the content script (it runs in every frame, but not in one
      // loaded before the install): the top frame shows the card for the words the browser reported.
      if (frameId && selectionText) {
        try {
          await browser.tabs.sendMessage(tabId, cmd, { frameId: 0 });
          return true;
        } catch {
          /* fall through */
        }
      }
      // No content script in that tab (a browser page, or a tab opened before the install).
      return false;
    }
  }

  async function checkPageInTab(tabId: number): Promise<boolean> {
    const cmd: CheckPageCommand = { type: 'check-page' };
    try {
      await browser.tabs.sendMessage(tabId, cmd, { frameId: 0 });
      return true;
    } catch {
      return false;
    }
  }

  async function activeTab(): Promise<Tab | undefined> {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  }

  async function onMenuClicked(info: { menuItemId: string | number; frameId?: number; selectionText?: string }, tab?: Tab) {
    if (info.menuItemId !== MENU_ID && info.menuItemId !== PAGE_MENU_ID) return false;
    const t = tab?.id !== undefined ? tab : await activeTab();
    if (t?.id === undefined) return false;
    if (info.menuItemId === PAGE_MENU_ID) return checkPageInTab(t.id);
    return verifyInTab(t.id, info.frameId, info.selectionText);
  }

  async function onCommand(command: string, tab?: Tab) {
    if (command !== COMMAND) return false;
    const t = tab?.id !== undefined ? tab : await activeTab();
    if (t?.id === undefined) return false;
    return verifyInTab(t.id);
  }

  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  browser.commands?.onCommand?.addListener((command: string, tab?: Tab) => void onCommand(command, tab));

  // Menus are (re)created at every start: cheap, and right after an update too.
  browser.contextMenus
    .removeAll()
    .then(() => {
      browser.contextMenus.create({ id: MENU_ID, title: MENU_TITLE, contexts: ['selection'] });
      browser.contextMenus.create({ id: PAGE_MENU_ID, title: PAGE_MENU_TITLE, contexts: ['page'] });
    })
    .catch(() => undefined);

  return { service, verifyInTab, checkPageInTab, onMenuClicked, onCommand };
}
