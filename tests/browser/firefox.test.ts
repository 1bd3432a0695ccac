/**
 * The Firefox build: `web-ext lint` finds no errors and no warnings, and the extension, loaded
 * in Debian's firefox-esr over WebDriver BiDi, verifies a highlighted quotation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { artifact, FIREFOX, FIREFOX_EXT, ROOT, selectBetweenScript, type PageServer, requireInCI, launchFirefoxWithExtension, type FirefoxSession, waitFor } from './harness';
import { inClosedRoot, type Firefox } from './bidi';

const built = fs.existsSync(path.join(FIREFOX_EXT, 'manifest.json'));

describe.skipIf(!requireInCI('the Firefox build', built))('the Firefox build', () => {
  // No warnings either (issue 7): the card is imported as `chrome.runtime.getURL(…)` (entrypoints/content.ts)
  // and Readability's innerHTML writes are rewritten to DOM copies (build/safeReadability.ts).
  it('passes web-ext lint with no errors and no warnings', () => {
    let out: string;
    try {
      out = execFileSync(path.join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', FIREFOX_EXT, '--output', 'json', '--no-config-discovery'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      // web-ext exits non-zero when it finds errors; the report is still on stdout.
      out = (e as { stdout?: string }).stdout ?? '';
    }
    const report = JSON.parse(out.slice(out.indexOf('{'))) as {
      errors: { code: string; message: string; file?: string }[];
      warnings: { code: string; message: string; file?: string }[];
    };
    console.log(`[web-ext lint] ${report.errors.length} errors, ${report.warnings.length} warnings` + report.warnings.map((w) => `\n  ${w.code} ${w.file ?? ''}: ${w.message}`).join(''));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  });
});

describe.skipIf(!requireInCI('firefox-esr with the Firefox build', built && fs.existsSync(FIREFOX)))('the extension in Firefox (firefox-esr, WebDriver BiDi)', () => {
  let session: FirefoxSession;
  let server: PageServer;
  let ff: Firefox;
  let context: string;

  beforeAll(async () => {
    session = await launchFirefoxWithExtension('otr-firefox-');
    ({ server, ff, context } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  // The button's host is the button's box, all the page can see of it (its shadow root is closed).
  const buttonBox = `(() => {
    const h = document.querySelector('on-the-record-button');
    if (!h || h.shadowRoot) return null;
    const r = h.getBoundingClientRect();
    return r.width ? JSON.stringify({ x: r.x + r.width / 2, y: r.y + r.height / 2 }) : null;
  })()`;
  /** Read through WebDriver BiDi (the card's closed shadow root serialized for the test). */
  const inCard = <T>(fn: string) => inClosedRoot<T>(ff.bidi, context, 'on-the-record-card', fn);
  const cardText = () => inCard<string>(`(r) => r.querySelector('.otr-card')?.textContent`);
  const verdict = () => inCard<string>(`(r) => r.querySelector('.otr-verdict')?.textContent`);

  async function verify(file: string, root: string, from: string, to: string, label: string): Promise<{ text: string; verdict: string }> {
    await ff.bidi.send('browsingContext.navigate', { context, url: `${server.origin}/${file}`, wait: 'complete' });
    await new Promise((r) => setTimeout(r, 150));
    await ff.bidi.evaluate(context, selectBetweenScript(root, from, to));
    const box = JSON.parse(await waitFor('the Verify quote button', () => ff.bidi.evaluate<string>(context, buttonBox))) as { x: number; y: number };
    expect(await inClosedRoot(ff.bidi, context, 'on-the-record-button', `(r) => { const b = r.querySelector('button'); return b.getAttribute('aria-label') ?? b.textContent; }`)).toBe('Verify quote');
    const t0 = Date.now();
    await ff.bidi.send('input.performActions', {
      context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: Math.round(box.x), y: Math.round(box.y) },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    const text = await waitFor('the card', cardText);
    const wall = Date.now() - t0;
    const inPage = await waitFor('the timing', () => inCard<string>(`(r) => r.querySelector('[data-click-to-card-ms]')?.getAttribute('data-click-to-card-ms')`));
    console.log(`[timing] firefox ${label}: click to card on screen ${inPage} ms in the page (${wall} ms seen over BiDi)`);
    // The page's own script sees the host and nothing in it.
    expect(await ff.bidi.evaluate(context, `document.querySelector('on-the-record-card').shadowRoot`)).toBeNull();
    return { text, verdict: (await verdict()) ?? '' };
  }

  it('verifies a highlighted quotation with nested markup: Verbatim, Simon Bailey, 4 Aug 2017', async () => {
    const r = await verify('article.html', '#q1', 'The internet is not', 'sexual abuse of children.', 'verbatim');
    expect(r.verdict).toBe('Verbatim');
    expect(r.text).toContain('Chief Constable Simon Bailey');
    expect(r.text).toContain('4 Aug 2017');
    const shot = await ff.bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context });
    fs.writeFileSync(artifact('firefox-card.png'), Buffer.from(shot.data, 'base64'));
  });

  it('shows an altered quotation and a passage the index does not hold', async () => {
    const altered = await verify('article.html', '#q2', 'We are already arresting', 'children each month', 'altered');
    expect(altered.verdict).toBe('Altered: a figure changed (said 400, the page has 600)');
    expect(altered.text).toContain('figure changed');
    const none = await verify('article.html', '#q4', 'Officers will patrol', 'visitors safe.', 'not in the index');
    expect(none.verdict).toBe('Not in the index');
    expect(none.text).toContain('Searched 5 statements in 2 releases dated 3 Oct 2014 to 4 Aug 2017 from ACPO, NPCC.');
  });
});
