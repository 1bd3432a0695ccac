/**
 * Mozilla Readability (bundled in extract.js and the options page) writes
 * `innerHTML` twice. Neither write parses anything but markup the same document
 * already held, but each is an HTML parse of page-derived text, and `web-ext lint`
 * rightly warns about both. This rewrite replaces them with DOM copies, which
 * parse nothing at all:
 *
 * 1. `grabArticle` snapshots the page as a string (`page.innerHTML`) and, when a
 *    pass finds too little text, restores it (`page.innerHTML = pageCacheHtml`)
 *    to try again with looser rules. A deep clone of the page taken at the same
 *    moment, copied back in, restores the same nodes (JS expandos such as
 *    `node.readability` are dropped either way, as a reparse drops them).
 * 2. `_unwrapNoscriptImages` copies a `<noscript>` holding a single image into a
 *    scratch `<div>` (`tmp.innerHTML = noscript.innerHTML`). It only gets there
 *    when `_isSingleImage(noscript)` found element children (a document parsed
 *    with scripting off); cloning those children gives the same `<img>`.
 *
 * The rewrite is exact text: if a Readability upgrade changes these lines the
 * build fails here, rather than shipping the writes again unnoticed.
 */
import type { Plugin } from 'vite';

const REWRITES: [from: string, to: string][] = [
  ['var pageCacheHtml = page.innerHTML;', 'var pageCacheHtml = page.cloneNode(true);'],
  [
    'page.innerHTML = pageCacheHtml;',
    'while (page.firstChild) page.removeChild(page.firstChild);' +
      ' for (var otrCopy = pageCacheHtml.cloneNode(true); otrCopy.firstChild; ) page.appendChild(otrCopy.firstChild);',
  ],
  [
    'tmp.innerHTML = noscript.innerHTML;',
    'for (var otrChild = noscript.firstChild; otrChild; otrChild = otrChild.nextSibling) tmp.appendChild(otrChild.cloneNode(true));',
  ],
];

/** Readability.js with its innerHTML writes replaced by DOM copies; throws if a line to rewrite is missing or repeated. */
export function rewriteReadability(code: string): string {
  let out = code;
  for (const [from, to] of REWRITES) {
    const count = out.split(from).length - 1;
    if (count !== 1) throw new Error(`safeReadability: expected "${from}" once in Readability.js, found it ${count} times`);
    out = out.replace(from, () => to);
  }
  return out;
}

export const READABILITY_FILE = /[\\/]node_modules[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/;

/** The Vite plugin: applies `rewriteReadability` to Readability.js wherever it is bundled. */
export function safeReadability(): Plugin {
  return {
    name: 'otr-safe-readability',
    enforce: 'pre',
    transform(code, id) {
      if (!READABILITY_FILE.test(id.split('?')[0])) return null;
      return { code: rewriteReadability(code), map: null };
    },
  };
}
