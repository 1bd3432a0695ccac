/**
 * Extracts the article of a release page with Mozilla Readability, as the paragraphs
 * the release layout wants. Works on any DOM Document: the page itself (the injected
 * extract script works on a clone), a DOMParser document (a saved .html file in the
 * options page) or linkedom's (the otr command line).
 */
import { Readability } from '@mozilla/readability';
import type { ArticleLike } from '../../core/import/html';
import { isBlock } from '../blocks';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th';
/** A line that begins with a dash in a block quotation is who said it ("— Inspector Jane Doe, Air Operations"), not quoted words. */
const ATTRIBUTION_LINE = /^[—–-]\s*\S/;

function paragraphsOf(root: Element): string[] {
  const out: string[] = [];
  const blocks = Array.from(root.querySelectorAll(BLOCKS));
  for (const el of blocks) {
    // Leaf blocks only: a blockquote holding paragraphs gives its paragraphs.
    if (el.querySelector(BLOCKS)) continue;
    let text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    // A block quotation printed without marks (as government and newsroom pages do) is a quotation.
    if (text && el.closest('blockquote') && !ATTRIBUTION_LINE.test(text) && !/^[“"‘'„«]/.test(text)) text = `“${text}”`;
    if (text) out.push(text);
  }
  if (out.length === 0) {
    const text = (root.textContent ?? '').split(/\n+/).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
    out.push(...text);
  }
  return out;
}

/** An element's text with its blocks on lines of their own ("Published: 3 March 2026" stays apart from the headline above it). */
function linesOf(root: Element): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out.push((child as Text).data);
      else if (child.nodeType === 1) {
        const tag = (child as Element).localName;
        if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') continue;
        const block = isBlock(tag);
        if (block) out.push('\n');
        walk(child);
        if (block) out.push('\n');
      }
      if (out.length > 20000) return;
    }
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Text of the page outside the article, searched for a date when the page states no published time. */
function dateHints(doc: Document): { publishedTime: string | null; dateText: string } {
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const meta =
    doc.querySelector('meta[property="article:published_time"], meta[name="date"], meta[name="dcterms.date"], meta[itemprop="datePublished"]')
      ?.getAttribute('content') ?? null;
  return { publishedTime: meta ?? time, dateText: doc.body ? linesOf(doc.body).slice(0, 20000) : '' };
}

export interface ExtractedArticle extends ArticleLike {
  title: string;
  paragraphs: string[];
  /** The captions of the article's pictures (Readability drops a figure with no picture left in it). */
  captions: string[];
}

/** Captions inside the page's article (or main), read before Readability changes the document. */
function captionsOf(doc: Document): string[] {
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  if (!root) return [];
  return Array.from(root.querySelectorAll('figcaption'))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * A block quotation's <footer> or <cite> names who said it; Readability drops footers as page
 * furniture, so each becomes a paragraph of its own (on the copy being read), written with the
 * dash that marks it as the attribution line.
 */
function keepQuotationFooters(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('blockquote footer, blockquote cite'))) {
    if (el.querySelector(BLOCKS)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const p = doc.createElement('p');
    p.textContent = ATTRIBUTION_LINE.test(text) ? text : `— ${text}`;
    el.replaceWith(p);
  }
}

/** Readability's article, as paragraphs. Readability changes the document it reads: pass a copy you can spare. */
export function extractArticle(doc: Document): ExtractedArticle | null {
  const hints = dateHints(doc);
  const fallbackTitle = (doc.title ?? '').trim();
  // The page's headline: its h1, when the document's title is that headline with the site's name after it.
  const h1 = (doc.querySelector('article h1, main h1, h1')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const captions = captionsOf(doc);
  keepQuotationFooters(doc);
  const article = new Readability<Element>(doc, { serializer: (el) => el as Element }).parse();
  if (!article || !article.content) return null;
  const title = (article.title ?? fallbackTitle).trim();
  return {
    // The page's h1 is its headline; a <title> often carries the site's name, or only the site's.
    title: h1 && h1.length >= 10 ? h1 : title,
    paragraphs: paragraphsOf(article.content),
    captions,
    publishedTime: article.publishedTime ?? hints.publishedTime,
    dateText: hints.dateText,
  };
}
