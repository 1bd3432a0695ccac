import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serializeIndex } from '../../core';
import { seedIndex } from './fixtures';

// fake-browser does not implement these two; stub what the wiring touches.
function stubMissingApis() {
  const b = fakeBrowser as unknown as Record<string, any>;
  b.contextMenus = {
    removeAll: vi.fn(async () => undefined),
    create: vi.fn(),
    onClicked: { addListener: vi.fn() },
  };
  b.commands = { onCommand: { addListener: vi.fn() } };
}

describe('the background wiring', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    stubMissingApis();
  });

  async function start() {
    const { startBackground } = await import('../../lib/background/wiring');
    return startBackground(() => serializeIndex(seedIndex()));
  }

  function ask(msg: unknown, sender: unknown): Promise<any> {
    return new Promise((resolve) => {
      const returned = fakeBrowser.runtime.onMessage.trigger(msg, sender as any, resolve);
      void Promise.resolve(returned).then((r: any) => (Array.isArray(r) ? Promise.all(r) : r)).then((r: any) => resolve(Array.isArray(r) ? r[0] : r));
    });
  }
  const extensionPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html'), tab: { id: 2 } });
  const contentScript = { id: fakeBrowser.runtime.id, url: 'https://news.example/story', tab: { id: 1 } };

  it('answers this extension’s pages everything, and its content scripts only their checks', async () => {
    await start();
    expect(await ask({ type: 'stats' }, extensionPage())).toMatchObject({ ok: true, stats: { releases: 2 } });
    expect(await ask({ type: 'recent' }, extensionPage())).toMatchObject({ ok: true });
    expect(await ask({ type: 'verify', text: 'These people try to hide what they do online.' }, contentScript)).toMatchObject({ ok: true, answer: { verdict: 'verbatim' } });
    expect(await ask({ type: 'check-page', quotations: [] }, contentScript)).toMatchObject({ ok: true });
    // What the reader checked elsewhere, their imports, exports and sources: never to a content script.
    for (const type of ['recent', 'clear-recent', 'export-sources', 'list-sources', 'stats', 'search']) {
      expect(await ask({ type, query: 'x' }, contentScript), type).toEqual({ ok: false, error: 'this request is answered only to the extension’s own pages' });
    }
    expect(await ask({ type: 'import-save', releases: [] }, contentScript)).toMatchObject({ ok: false });
    expect(await ask({ type: 'remove-source', id: 'x' }, { ...contentScript, url: undefined })).toMatchObject({ ok: false });
  });

  it('ignores messages from other extensions', async () => {
    const handlers = await start();
    const results = await fakeBrowser.runtime.onMessage.trigger({ type: 'stats' }, { id: 'someone-else' } as any, () => undefined);
    expect(([] as unknown[]).concat(results).filter((r) => r !== undefined)).toEqual([]);
    expect(handlers.service.loaded).toBe(false);
  });

  it('creates the context-menu item for selections', async () => {
    await start();
    const b = fakeBrowser as unknown as Record<string, any>;
    await vi.waitFor(() => expect(b.contextMenus.create).toHaveBeenCalled());
    expect(b.contextMenus.create).toHaveBeenCalledWith({ id: 'verify-quote', title: 'Verify quote with On the Record', contexts: ['selection'] });
  });

  it('sends the context-menu click and the shortcut to the tab’s content script', async () => {
    const handlers = await start();
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, msg: unknown) => {
      sent.push([tabId, msg]);
    }) as any);
    expect(await handlers.onMenuClicked({ menuItemId: 'verify-quote', frameId: 0, selectionText: 'some words' }, { id: 7 } as any)).toBe(true);
    expect(await handlers.onCommand('verify-selection', { id: 8 } as any)).toBe(true);
    expect(await handlers.onCommand('something-else', { id: 8 } as any)).toBe(false);
    expect(await handlers.onMenuClicked({ menuItemId: 'other' }, { id: 7 } as any)).toBe(false);
    expect(sent).toEqual([
      [7, { type: 'verify-selection', selectionText: 'some words' }],
      [8, { type: 'verify-selection' }],
    ]);
  });
});
