/**
 * Following a newsroom, in Debian's Chromium: the options page follows the local test newsroom
 * (tests/fixtures/newsroom, on 127.0.0.1), the background crawls it with the same crawler as
 * `otr crawl`, its releases join the index marked with the newsroom and their quotations are
 * then verified; a later update fetches only what is new; unfollowing removes them. Requests go
 * only to the newsroom, with no cookies, and carry nothing the reader checked.
 *
 * In Chromium the test build grants 127.0.0.1 at install (a headless browser shows no permission
 * prompt to accept). In Firefox the build readers install is used: the site's permission is asked
 * for at a real click on Follow, with the prompt answered yes by a preference
 * (extensions.webextOptionalPermissionPrompts), so the whole path runs as a reader's does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startNewsroom, type Newsroom } from '../fixtures/newsroom/server';
import { artifact, chromiumAvailable, clickInFirefox, FIREFOX, FIREFOX_EXT, FIREFOX_EXT_ORIGIN, launchChromium, launchFirefoxWithExtension, requireInCI, waitFor, type ChromiumSession, type FirefoxSession } from './harness';
import fs from 'node:fs';
import path from 'node:path';

describe.skipIf(!requireInCI('Chromium with the built extension', chromiumAvailable))('following a newsroom, in Chromium', () => {
  let session: ChromiumSession;
  let newsroom: Newsroom;
  let options: Page;
  const PRIVATE = 'Marmalade zebra crossings were never mentioned by anyone';

  beforeAll(async () => {
    newsroom = await startNewsroom({ releases: 12, perPage: 5 });
    session = await launchChromium('otr-newsroom-', { width: 1000, height: 900 });
    options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Newsrooms' }).waitFor();
  });
  afterAll(async () => {
    await session?.close();
    await newsroom?.close();
  });

  const ask = (msg: object) => options.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), msg) as Promise<any>;
  const item = () => options.locator('.newsroom-list li').first();

  it('follows the newsroom: every release saved, each marked with it, its quotations found', async () => {
    // Something the reader checked before: it must never travel to the newsroom.
    expect((await ask({ type: 'verify', text: PRIVATE })).answer.verdict).toBe('not-found');

    await options.getByLabel('A newsroom’s address').fill(`${newsroom.origin}/news`);
    await options.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect.poll(() => item().getAttribute('data-status'), { timeout: 90_000 }).toBe('idle');
    expect(await item().textContent()).toMatch(/12 releases · 12 new releases · last updated/);
    // The summary of the index above is redrawn with them.
    await expect.poll(() => options.locator('.statlist').textContent(), { timeout: 20_000 }).toMatch(/Releases\s*14/);
    await item().scrollIntoViewIfNeeded();
    await options.screenshot({ path: artifact('newsroom-followed.png') });

    const newest = newsroom.releases()[0]!;
    const reply = await ask({ type: 'verify', text: newest.quote[0] });
    expect(reply.answer.verdict).toBe('verbatim');
    expect(reply.answer.best.release.source).toBe(`newsroom:${new URL(newsroom.origin).host}`);
    expect(reply.answer.best.release.url).toBe(`${newsroom.origin}/news/${newest.slug}`);
    expect(reply.coverage.releases).toBe(2 + 12);

    // Only the newsroom was asked, politely, with nothing of the reader's.
    expect(session.offsite.every((u) => u.startsWith(newsroom.origin))).toBe(true);
    expect(newsroom.log.length).toBeGreaterThan(12);
    for (const r of newsroom.log) {
      expect(r.cookie, r.path).toBeUndefined();
      expect(r.authorization, r.path).toBeUndefined();
      expect(decodeURIComponent(r.path)).not.toMatch(/marmalade/i);
    }
    expect(newsroom.requests('/news/restricted').length).toBe(0);
  }, 120_000);

  it('a later update fetches only the new releases', async () => {
    const added = newsroom.add(3);
    const before = newsroom.log.length;
    await item().getByRole('button', { name: 'Update now' }).click();
    await expect.poll(() => item().textContent(), { timeout: 60_000 }).toMatch(/15 releases · 3 new releases/);
    const fetched = newsroom.log.slice(before).filter((r) => /^\/news\/[a-z]/.test(r.path) && r.status === 200).map((r) => r.path);
    expect(fetched.sort()).toEqual(added.map((r) => `/news/${r.slug}`).sort());
    expect((await ask({ type: 'verify', text: added[0]!.quote[0] })).answer.verdict).toBe('verbatim');
  }, 90_000);

  it('unfollowing asks, then removes its releases', async () => {
    options.once('dialog', (d) => void d.accept());
    await item().getByRole('button', { name: 'Unfollow' }).click();
    await expect.poll(() => options.locator('.newsroom-list li').count()).toBe(0);
    expect((await ask({ type: 'verify', text: newsroom.releases()[0]!.quote[0] })).answer.verdict).toBe('not-found');
    expect((await ask({ type: 'stats' })).stats.releases).toBe(2);
  }, 60_000);
});

const firefoxAvailable = fs.existsSync(FIREFOX) && fs.existsSync(path.join(FIREFOX_EXT, 'manifest.json'));

describe.skipIf(!requireInCI('firefox-esr with the built extension', firefoxAvailable))('following a newsroom, in Firefox', () => {
  let s: FirefoxSession;
  let newsroom: Newsroom;
  let options: string;

  beforeAll(async () => {
    newsroom = await startNewsroom({ releases: 8, perPage: 5 });
    s = await launchFirefoxWithExtension('otr-newsroom-ff-', { systemAccess: true, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    ({ context: options } = await s.ff.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' }));
    await s.ff.bidi.send('browsingContext.navigate', { context: options, url: `${FIREFOX_EXT_ORIGIN}/options.html`, wait: 'complete' });
  });
  afterAll(async () => {
    await s?.close();
    await newsroom?.close();
  });

  const evaluate = <T>(expression: string) => s.ff.bidi.evaluate<T>(options, expression);

  const click = (css: string) => clickInFirefox(s.ff, options, css);

  it('asks for the site at the click, crawls it with Firefox’s own DOMParser, and finds its quotations', async () => {
    // The page laid out (the index summary above loads after the page): the click lands where it is aimed.
    await waitFor('the options page', () => evaluate<boolean>(`!!document.querySelector('.statlist') && !!document.querySelector('.sources')`));
    // The address typed as a reader types it (an input event Preact hears).
    await evaluate(`(() => { const i = document.querySelector('.newsrooms input[type=url]'); i.value = ${JSON.stringify(`${newsroom.origin}/news`)}; i.dispatchEvent(new Event('input', { bubbles: true })); })()`);
    await click('.newsrooms .row button');
    const line = await waitFor(
      'the newsroom updated',
      async () => {
        const text = await evaluate<string | null>(`document.querySelector('.newsroom-list li[data-status=idle]')?.textContent ?? null`);
        return text && /8 releases/.test(text) ? text : null;
      },
      90_000,
    ).catch(async (e: Error) => {
      throw new Error(`${e.message}: the section says "${await evaluate<string>(`document.querySelector('.newsroom-list')?.textContent ?? ''`)}"; the newsroom was asked for ${newsroom.log.map((r) => `${r.path} ${r.status}`).join(', ') || 'nothing'}`);
    });
    expect(line).toMatch(/8 releases · 8 new releases · last updated/);
    expect(await evaluate<string | null>(`document.querySelector('.newsrooms [role=alert]')?.textContent ?? null`)).toBeNull();
    const newest = newsroom.releases()[0]!;
    const reply = JSON.parse(
      await evaluate<string>(`browser.runtime.sendMessage(${JSON.stringify({ type: 'verify', text: newest.quote[0] })}).then(JSON.stringify)`),
    ) as { answer: { verdict: string; best: { release: { source: string; url: string } } } };
    expect(reply.answer.verdict).toBe('verbatim');
    expect(reply.answer.best.release.source).toBe(`newsroom:${new URL(newsroom.origin).host}`);
    expect(reply.answer.best.release.url).toBe(`${newsroom.origin}/news/${newest.slug}`);
    for (const r of newsroom.log) expect(r.cookie, r.path).toBeUndefined();
    expect(newsroom.requests('/news/restricted').length).toBe(0);
  }, 120_000);
});
