// @vitest-environment happy-dom
/** The popup's "Add this page to my index": extract in the active tab, preview, save; errors shown. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { browser } from 'wxt/browser';
import { createService } from '../../lib/background/service';
import { createMemoryReleaseStore } from '../../lib/background/releaseStore';
import { serializeIndex } from '../../core';
import { seedIndex } from '../../tests/extension/fixtures';

const svc = vi.hoisted(() => ({ current: null as null | { receive(m: unknown): Promise<any> } }));
vi.mock('../../lib/client', () => ({
  ask: async (msg: unknown) => {
    const r = await svc.current!.receive(msg);
    if (!r.ok) throw new Error(r.error);
    return r;
  },
}));
import { AddPage } from './AddPage';

const article = {
  title: 'New patrols to keep canal towpaths safe',
  publishedTime: '2022-05-17T09:30:00+01:00',
  paragraphs: [
    'New patrols to keep canal towpaths safe',
    'Officers will patrol the canal towpaths every evening this summer.',
    'Superintendent Alice Fenwick, Head of Neighbourhood Policing, said:',
    '“People should be able to walk along the canal in the evening without feeling afraid.”',
  ],
};

async function settle() {
  for (let i = 0; i < 10; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
}

describe('Add this page to my index', () => {
  let host: HTMLElement;
  let store: ReturnType<typeof createMemoryReleaseStore>;
  beforeEach(() => {
    store = createMemoryReleaseStore();
    svc.current = createService({ loadIndexSource: () => serializeIndex(seedIndex()), store: { get: async () => undefined, set: async () => undefined }, releases: store });
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  function mockTab(url: string, result: unknown) {
    vi.spyOn(browser.tabs, 'query').mockImplementation((async () => [{ id: 7, url }]) as never);
    const exec = vi.fn().mockResolvedValue([{ result }]);
    (browser as unknown as { scripting: unknown }).scripting = { executeScript: exec };
    return exec;
  }

  it('extracts the page in the active tab only, previews it and saves it with its address', async () => {
    const url = 'https://news.northshire-police.example/releases/canal-patrols';
    const exec = mockTab(url, { article, url, title: 'x' });
    act(() => render(<AddPage />, host));
    act(() => (host.querySelector('#add-page') as HTMLButtonElement).click());
    await settle();
    expect(exec).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/extract.js'] });
    expect(host.textContent).toContain('17 May 2022');
    expect(host.textContent).toContain('Superintendent Alice Fenwick, Head of Neighbourhood Policing');
    expect(await store.all()).toEqual([]);
    act(() => (host.querySelector('#add-page-save') as HTMLButtonElement).click());
    await settle();
    expect(host.querySelector('#add-page-result')?.textContent).toContain('Added to your index.');
    const [saved] = await store.all();
    expect(saved.parsed.release).toMatchObject({ url, title: 'New patrols to keep canal towpaths safe', date: '2022-05-17' });
  });

  it('says why when the page has no date, and when it is not a web page', async () => {
    mockTab('https://example.org/about', { article: { ...article, publishedTime: null, paragraphs: ['About us', 'We keep people safe.'] }, url: 'https://example.org/about', title: 'About' });
    act(() => render(<AddPage />, host));
    act(() => (host.querySelector('#add-page') as HTMLButtonElement).click());
    await settle();
    expect(host.querySelector('[role=alert]')?.textContent).toMatch(/no publication date found/);

    host = document.createElement('div');
    document.body.append(host);
    const exec = mockTab('chrome://settings', null);
    act(() => render(<AddPage />, host));
    act(() => (host.querySelector('#add-page') as HTMLButtonElement).click());
    await settle();
    expect(exec).not.toHaveBeenCalled();
    expect(host.querySelector('[role=alert]')?.textContent).toMatch(/Only a web page/);
  });

  it('reports a storage error when saving', async () => {
    const url = 'https://news.example/r';
    mockTab(url, { article, url, title: 'x' });
    store.failNext = new Error("Nothing was saved: the browser's storage is full (quota exceeded).");
    act(() => render(<AddPage />, host));
    act(() => (host.querySelector('#add-page') as HTMLButtonElement).click());
    await settle();
    act(() => (host.querySelector('#add-page-save') as HTMLButtonElement).click());
    await settle();
    expect(host.querySelector('[role=alert]')?.textContent).toMatch(/Not saved: .*quota exceeded/);
  });
});
