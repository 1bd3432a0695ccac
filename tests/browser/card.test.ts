/**
 * The result card as a keyboard and screen reader user meets it, in Debian's Chromium: a
 * figure written in words is the same figure; focus stays inside the card until it is closed;
 * Esc brings the reader back to the selection; the citation buttons are in view at 900 px;
 * and every colour of the card reads at 4.5:1 or better, in the light and the dark scheme.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { artifact, chromiumAvailable, closedRoot, launchChromium, requireInCI, selectBetweenScript, type ChromiumSession, type ClosedRoot, type PageServer } from './harness';

describe.skipIf(!requireInCI('Chromium with the built extension', chromiumAvailable))('the result card in Chromium: figures, keyboard, contrast', () => {
  let server: PageServer;
  let session: ChromiumSession;
  let context: BrowserContext;

  beforeAll(async () => {
    session = await launchChromium('otr-chromium-card-', { width: 1100, height: 900 });
    ({ server, context } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  async function open(scheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.origin}/card-keys.html`);
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(100);
    return page;
  }

  async function verify(page: Page, root: string, from: string, to: string): Promise<ClosedRoot> {
    await page.evaluate(selectBetweenScript(root, from, to));
    const button = page.locator('on-the-record-button');
    await button.waitFor({ state: 'visible' });
    await button.click();
    const card = closedRoot(page, 'on-the-record-card');
    await expect.poll(() => card.text('.otr-verdict'), { timeout: 10_000 }).toBeTruthy();
    return card;
  }

  /** Which element has focus: inside the card (its closed root's active element) or in the page. */
  const focusIn = (page: Page, card: ClosedRoot) =>
    Promise.all([
      page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? null),
      card.eval((r) => {
        const a = r.activeElement as HTMLElement | null;
        return a ? `${a.tagName.toLowerCase()}:${a.textContent?.trim().slice(0, 30) ?? ''}` : null;
      }),
    ]);

  it('a figure in words is the figure: one changed word, no changed figure, and the citation words as said', async () => {
    const page = await open();
    const card = await verify(page, '#words', 'We are already', 'each month.');
    expect(await card.text('.otr-verdict')).toBe('Altered (1 difference)');
    expect(await card.count('.otr-tag')).toBe(0);
    expect(await card.text('.otr-diff del.otr-page')).toContain('protecting');
    expect(await card.text('.otr-diff ins.otr-said')).toContain('safeguarding');
    // "four hundred" is shown as the page's own words, not as a change.
    expect(await card.eval((r) => [...r.querySelectorAll('.otr-diff del, .otr-diff ins')].some((e) => /four hundred|400/.test(e.textContent ?? '')))).toBe(false);
    await page.screenshot({ path: artifact('card-figure-in-words.png'), clip: (await card.box('.otr-card'))! });
    await page.close();
  });

  it('keeps focus inside while open, and Esc closes it and returns the reader to the selection', async () => {
    const page = await open();
    const card = await verify(page, '#tab', 'The internet is not', 'abusing children');
    const buttons = await card.count('button, a[href]');
    expect(buttons).toBeGreaterThanOrEqual(3);
    const seen = new Set<string>();
    for (let i = 0; i < buttons + 2; i++) {
      await page.keyboard.press('Tab');
      const [pageActive, cardActive] = await focusIn(page, card);
      expect(pageActive).toBe('on-the-record-card');
      expect(cardActive).not.toBeNull();
      seen.add(cardActive!);
    }
    expect(seen.size).toBe(buttons);
    await page.keyboard.press('Shift+Tab');
    expect((await focusIn(page, card))[0]).toBe('on-the-record-card');
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('on-the-record-card').count()).toBe(0);
    // Back at the selection: the paragraph that holds it has focus, the words are still selected, and the page did not jump.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab');
    expect(await page.evaluate(() => String(getSelection()))).toBe('The internet is not a safe or anonymous place for abusing children');
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await page.close();
  });

  it('shows the citation buttons without scrolling at 900 px, with no scroll box inside the card', async () => {
    const page = await open();
    const card = await verify(page, '#tab', 'The internet is not', 'abusing children');
    const actions = (await card.box('.otr-actions'))!;
    const cardBox = (await card.box('.otr-card'))!;
    expect(actions.y + actions.height).toBeLessThanOrEqual(900);
    expect(actions.y + actions.height).toBeLessThanOrEqual(cardBox.y + cardBox.height);
    const innerScroll = await card.eval((r) =>
      [...r.querySelectorAll('.otr-card *')].filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight).length,
    );
    expect(innerScroll).toBe(0);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`reads at 4.5:1 or better in the ${scheme} scheme: every verdict colour, the hint, the page's words and what was said`, async () => {
      const page = await open(scheme);
      const card = await verify(page, '#words', 'We are already', 'each month.');
      const ratios = await card.eval((r) => {
        const lum = (c: string) => {
          const [red, green, blue] = c.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
        };
        const ratio = (fg: string, bg: string) => {
          const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
          return (a + 0.05) / (b + 0.05);
        };
        const cardEl = r.querySelector<HTMLElement>('.otr-card')!;
        const bg = getComputedStyle(cardEl).backgroundColor;
        const out: Record<string, number> = {};
        // Each tone the verdict line can take, on this card.
        for (const tone of ['verbatim', 'altered', 'paraphrase', 'not-found', 'invalid', 'warning']) {
          cardEl.className = `otr-card otr-t-${tone}`;
          out[`verdict ${tone}`] = ratio(getComputedStyle(r.querySelector('.otr-verdict')!).color, bg);
        }
        cardEl.className = 'otr-card otr-t-altered';
        out.hint = ratio(getComputedStyle(r.querySelector('.otr-hint')!).color, bg);
        for (const css of ['.otr-diff del.otr-page', '.otr-diff ins.otr-said']) {
          const s = getComputedStyle(r.querySelector(css)!);
          out[css] = ratio(s.color, s.backgroundColor);
        }
        return out;
      });
      console.log(`[contrast ${scheme}] ${Object.entries(ratios!).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
      for (const [what, r] of Object.entries(ratios!)) expect(r, `${scheme}: ${what}`).toBeGreaterThanOrEqual(4.5);
      await page.screenshot({ path: artifact(`card-${scheme}-scheme.png`), clip: (await card.box('.otr-card'))! });
      await page.close();
    });
  }
});
