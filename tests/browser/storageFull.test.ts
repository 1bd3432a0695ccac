/**
 * Storage full is recoverable, in Debian's Chromium: with the extension's quota set through the
 * DevTools protocol to a little more than it uses, an import of a large export stops with
 * "storage is full", keeps the batches saved before it whole, and says how many; the options
 * page says how much is used and what to do; Remove still works, and frees room.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parseRelease } from '../../core';
import { withContentId } from '../../core/releaseId';
import { exportReleases } from '../../core/import/releases';
import { artifact, chromiumAvailable, launchChromium, requireInCI, ROOT, type ChromiumSession } from './harness';

type Cdp = { send(method: string, params?: Record<string, unknown>): Promise<any> };

describe.skipIf(!requireInCI('Chromium with the built extension', chromiumAvailable))('storage full, in Chromium', () => {
  let session: ChromiumSession;
  let options: Page;

  beforeAll(async () => {
    session = await launchChromium('otr-quota-', { width: 1000, height: 900 });
    options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Sources' }).waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('an import that fills the storage stops cleanly, and Remove frees it', async () => {
    const canal = fs.readFileSync(path.join(ROOT, 'tests/fixtures/import/canal-patrols.txt'), 'utf8');
    const base = parseRelease(canal, 'canal.txt');
    // 3,000 releases, about 8 MB: far more than the quota below lets in.
    const releases = Array.from({ length: 3000 }, (_, i) =>
      withContentId({ ...base, release: { ...base.release, title: `${base.release.title} (${i})` }, statements: base.statements.map((st) => ({ ...st, text: `${st.text} ${'Padding words. '.repeat(40)}${i}` })) }),
    );
    const file = path.join(session.dir, 'big-export.json');
    fs.writeFileSync(file, JSON.stringify(exportReleases(releases)));

    const cdp = (await session.context.newCDPSession(options)) as unknown as Cdp;
    const origin = `chrome-extension://${session.extensionId}`;
    const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 3 * 1024 * 1024 });

    await options.getByLabel('Import files').setInputFiles(file);
    await options.getByRole('button', { name: 'Save 1 file to my index' }).click();
    const item = options.locator('.import-item').first();
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 60_000 }).toBe('error');
    const message = (await item.getByRole('alert').textContent()) ?? '';
    expect(message).toMatch(/storage is full/);
    // The batches before the failure are whole and counted; the rest can be added after freeing room.
    const saved = Number(/Stopped after saving (\d+) of 3000 releases/.exec(message)?.[1] ?? 'NaN');
    expect(saved).toBeGreaterThan(0);
    expect(saved % 500).toBe(0);
    await expect.poll(() => options.locator('.sources').textContent()).toMatch(new RegExp(`The newest 200 of ${saved}|Remove`));
    await expect.poll(() => options.locator('#storage-use').textContent()).toMatch(/used of the .* allows the extension/);

    // Remove works at the quota (the kept merged index is freed first), again and again.
    const listed = () => options.locator('.source-list li');
    const total = async () => {
      const text = (await options.locator('.sources').textContent()) ?? '';
      const m = /The newest \d+ of (\d+)\./.exec(text);
      return m ? Number(m[1]) : await listed().count();
    };
    await expect.poll(total).toBe(saved);
    await item.scrollIntoViewIfNeeded();
    await options.screenshot({ path: artifact('storage-full.png') });
    for (let i = 1; i <= 3; i++) {
      await listed().first().getByRole('button', { name: /^Remove/ }).click();
      await expect.poll(total).toBe(saved - i);
    }
    // No error from any removal (the section's own alert line stays empty).
    expect(await options.locator('.sources > p.error').count()).toBe(0);
  }, 180_000);
});
