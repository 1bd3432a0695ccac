/**
 * The build's rewrite of Mozilla Readability (build/safeReadability.ts) removes its
 * innerHTML writes and still extracts the same article: the rewritten library and
 * the original, run on the same pages, give the same title, text and markup,
 * including on the paths the rewrite touched (a retry that restores the page, a
 * <noscript> image).
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { rewriteReadability } from '../../build/safeReadability';

const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const file = require.resolve('@mozilla/readability/Readability.js');
const source = fs.readFileSync(file, 'utf8');

type Parsed = { title: string; textContent: string; content: string } | null;
interface Reader {
  parse(): Parsed;
  _attempts: unknown[];
}
type ReadabilityClass = new (doc: unknown, options?: object) => Reader;

const Original = require(file) as ReadabilityClass;
const Rewritten = (() => {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', rewriteReadability(source))(module, module.exports);
  return module.exports as ReadabilityClass;
})();

const pages: [string, string][] = [
  'tests/fixtures/articles/online-abuse.html',
  'tests/fixtures/import/canal-patrols.html',
  'tests/fixtures/import/no-date.html',
  'tests/browser/pages/article.html',
  'tests/browser/pages/canal-release.html',
  'tests/browser/pages/check-article.html',
].map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]);

const paragraph = (i: number) =>
  `<p>Paragraph ${i}: officers from the roads policing unit stopped ${i * 7} drivers on the motorway, and the Chief Constable said the results showed why the operation would continue through the summer months.</p>`;
// A lazy-loading placeholder followed by the real image in <noscript>: the path that copied innerHTML.
const noscriptPage = `<!doctype html><html><head><title>Roads operation results</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Roads operation results</h1>
<div><img data-src="placeholder.gif" class="lazy"></div><noscript><img src="https://example.org/real.jpg" alt="Officers at the roadside"></noscript>
${[1, 2, 3, 4, 5, 6].map(paragraph).join('\n')}
</article><footer>Contact the press office</footer></body></html>`;
// Too little text for the first pass: Readability restores the page and retries with looser rules.
const shortPage = `<!doctype html><html><head><title>Short</title></head><body><div class="sidebar comment">Chief Constable Jane Roe said: “We will keep going.”</div><div><p>Two arrests were made.</p></div></body></html>`;

const cases: [string, string][] = [...pages, ['noscript image', noscriptPage], ['short page', shortPage]];

const DOMS = {
  linkedom: (html: string) => parseHTML(html).document,
  'happy-dom': (html: string) => new new Window().DOMParser().parseFromString(html, 'text/html'),
};

describe('Readability without innerHTML writes (build/safeReadability.ts)', () => {
  it('the rewritten library writes no innerHTML; the original did', () => {
    const writes = /\.innerHTML\s*=(?!=)/g;
    expect(source.match(writes)?.length).toBe(2);
    expect(rewriteReadability(source).match(writes)).toBeNull();
  });

  it('refuses a Readability whose lines changed, so an upgrade cannot ship the writes again unnoticed', () => {
    expect(() => rewriteReadability(source.replace('tmp.innerHTML = noscript.innerHTML;', 'tmp.innerHTML = x;'))).toThrow(/found it 0 times/);
    expect(() => rewriteReadability(source + '\npage.innerHTML = pageCacheHtml;')).toThrow(/found it 2 times/);
  });

  for (const [dom, parse] of Object.entries(DOMS)) {
    it.each(cases)(`${dom}: %s gives the same article as the original`, (_name, html) => {
      const before = new Original(parse(html)).parse();
      const after = new Rewritten(parse(html)).parse();
      expect(after).not.toBeNull();
      expect(after?.title).toBe(before?.title);
      expect(after?.textContent).toBe(before?.textContent);
      expect(after?.content).toBe(before?.content);
    });

    it(`${dom}: the restore path ran (a retry after too little text) and kept the text`, () => {
      const reader = new Rewritten(parse(shortPage));
      const article = reader.parse();
      expect(reader._attempts.length).toBeGreaterThan(0);
      expect(article?.textContent).toContain('Two arrests were made.');
    });

    it(`${dom}: the <noscript> image replaces its placeholder`, () => {
      const article = new Rewritten(parse(noscriptPage)).parse();
      expect(article?.content).toContain('https://example.org/real.jpg');
      expect(article?.content).not.toContain('<noscript');
    });
  }
});
