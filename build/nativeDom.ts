/**
 * linkedom's two entry points, made of the browser's own DOMParser: what the Firefox build uses
 * in place of linkedom (wxt.config.ts aliases it). Firefox's background is a page and has a
 * DOMParser; Chromium's is a service worker, which has none, so it carries linkedom itself.
 * (linkedom's own innerHTML writes are its parser's, never the browser's, but web-ext lint
 * cannot tell them apart, and the native parser is smaller anyway.)
 */
export const DOMParser = globalThis.DOMParser;

export function parseHTML(html: string): { document: Document } {
  return { document: new globalThis.DOMParser().parseFromString(html, 'text/html') };
}
