/**
 * Following a newsroom, in the background's own code (lib/background/newsrooms.ts) against the
 * local test newsroom, with Node's fetch and linkedom as in Chromium's worker: releases saved
 * once, marked with the newsroom; an update cut short (the network gone mid-visit) keeps what it
 * saved and the next one fetches only the rest; unfollowing removes them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createNewsrooms } from '../../lib/background/newsrooms';
import { createMemoryReleaseStore } from '../../lib/background/releaseStore';
import { startNewsroom, type Newsroom } from '../fixtures/newsroom/server';

function kv() {
  const data = new Map<string, unknown>();
  return { data, get: async (k: string) => structuredClone(data.get(k)), set: async (k: string, v: unknown) => void data.set(k, structuredClone(v)) };
}

let newsroom: Newsroom | undefined;
afterEach(async () => {
  await newsroom?.close();
  newsroom = undefined;
});

describe('followed newsrooms in the background', () => {
  it('saves each release once, resumes a cut-short update without fetching a saved page again, and unfollows', async () => {
    const room = (newsroom = await startNewsroom({ releases: 10, perPage: 4 }));
    const store = createMemoryReleaseStore();
    const keys = kv();
    let changes = 0;
    // The network goes after four release pages (every later request fails, retries too).
    let pagesLeft = 4;
    let online = true;
    const fetchFn: typeof fetch = async (input, init) => {
      const url = String(input);
      if (/\/news\/[a-z]/.test(new URL(url).pathname) && online && --pagesLeft < 0) online = false;
      if (!online) throw new TypeError('network error');
      return fetch(input, init);
    };
    // No rate limit and one try: the politeness is the crawler's own tests'; this is about what is kept.
    const rooms = createNewsrooms({ kv: keys, releases: store, fetch: fetchFn, changed: () => changes++, rate: 0, retry: { attempts: 1, baseMs: 0, maxWaitMs: 0 } });
    const url = `${newsroom.origin}/news`;
    await rooms.follow(url, true);
    const cut = await rooms.update(url);
    const savedFirst = (await store.all()).length;
    expect(savedFirst).toBeGreaterThan(0);
    expect(savedFirst).toBeLessThan(10);
    expect(cut.releases).toBe(savedFirst);
    expect(changes).toBeGreaterThan(0);
    const fetchedFirst = new Set(newsroom.log.filter((r) => r.status === 200 && /^\/news\/[a-z]/.test(r.path)).map((r) => r.path));

    // The network back: the next update fetches only what the cut one did not save.
    online = true;
    pagesLeft = Infinity;
    const before = newsroom.log.length;
    const done = await rooms.update(url);
    expect(done.status).toBe('idle');
    expect(done.releases).toBe(10);
    const all = await store.all();
    expect(all.length).toBe(10);
    expect(all.every((r) => r.parsed.release.source === `newsroom:${new URL(room.origin).host}`)).toBe(true);
    const again = newsroom.log.slice(before).filter((r) => r.status === 200 && /^\/news\/[a-z]/.test(r.path)).map((r) => r.path);
    for (const p of again) expect(fetchedFirst.has(p), `${p} fetched again`).toBe(false);
    expect(again.length).toBe(10 - savedFirst);
    for (const r of newsroom.log) expect(r.cookie).toBeUndefined();

    expect(await rooms.unfollow(url)).toBe(10);
    expect(await store.all()).toEqual([]);
    expect(await rooms.list()).toEqual([]);
  }, 60_000);

  it('refuses an address that is not http(s)', async () => {
    const rooms = createNewsrooms({ kv: kv(), releases: createMemoryReleaseStore(), fetch, changed: () => undefined });
    await expect(rooms.follow('ftp://news.example/', true)).rejects.toThrow(/only an http or https address/);
    await expect(rooms.follow('not an address', true)).rejects.toThrow(/not an address/);
  });
});
