/**
 * Reading a newsroom's listing page (HTML): which of its links are releases, the date the
 * listing prints beside each, and where the next (older) page is.
 *
 * The heuristic for release links, in order:
 *  1. Links on the same site, resolved against the page (and its <base>), fragment dropped.
 *  2. Never a release: the front page, files (.pdf, images…), numbered listing pages, tag,
 *     category, author, search, feed and legal pages (urls.ts `notARelease`), rel=next/prev/tag links.
 *  3. Links in the page's furniture (header, nav, footer, aside) are left out when the body has any.
 *  4. A link that is another link's address plus a query (`/news/x?print=1` beside `/news/x`) is the same page.
 *  5. The links are grouped by shape (path depth and folders, numbers as one: urls.ts `linkShape`); a
 *     listing repeats one card per release, so the releases are the group with the most links, a link
 *     with a date printed in its card counting twice (cards are dated; menus are not).
 */
import { isoFromMachine, isoFromText } from './dates';
import type { Listing, ReleaseLink } from './types';
import { linkShape, notARelease, pageNumber, resolveLink, sameSite, withoutPageNumber } from './urls';

const FURNITURE = 'header, nav, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';
const NOT_RELEASE_REL = /\b(?:next|prev|previous|tag|category|author|search|alternate|nofollow)\b/i;

interface Candidate {
  a: Element;
  url: string;
  furniture: boolean;
}

/** The address links are resolved against: the page's <base href>, when it has one on the same site. */
function baseOf(doc: Document, pageUrl: string): string {
  const base = resolveLink(doc.querySelector('base[href]')?.getAttribute('href'), pageUrl);
  return base && sameSite(base, pageUrl) ? base : pageUrl;
}

function withoutQuery(url: string): string {
  const u = new URL(url);
  u.search = '';
  return u.href;
}

/** An element's text with a space between its elements' texts ("…county lines</a><span>07 Jun" keeps the words apart). */
function spacedText(el: Element, limit = 2000): string {
  let out = '';
  const walk = (node: Node) => {
    if (out.length > limit) return;
    if (node.nodeType === 3) out += node.textContent ?? '';
    else if (node.nodeType === 1) {
      if (/^(?:script|style|template)$/i.test((node as Element).localName)) return;
      out += ' ';
      for (const child of Array.from(node.childNodes)) walk(child);
      out += ' ';
    }
  };
  walk(el);
  return out.replace(/\s+/g, ' ').trim();
}

/** Where the listing says a release was published: a <time>, an element named for dates, or the card's text. */
function dateInCard(card: Element): string | undefined {
  for (const time of Array.from(card.querySelectorAll('time'))) {
    const date = isoFromMachine(time.getAttribute('datetime')) ?? isoFromText(time.textContent);
    if (date) return date;
  }
  for (const el of Array.from(card.querySelectorAll('[class*="date"], [class*="Date"], [class*="time"], [class*="meta"], [itemprop="datePublished"]'))) {
    const date = isoFromMachine(el.getAttribute('content') ?? el.getAttribute('datetime')) ?? isoFromText(spacedText(el));
    if (date) return date;
  }
  return isoFromText(spacedText(card));
}

/** The release's card: the largest element around the link that holds no link to another release. */
function cardOf(a: Element, url: string, urlOf: Map<Element, string>): Element {
  let card: Element = a;
  for (let p = a.parentElement; p && p.localName !== 'body' && p.localName !== 'html'; p = p.parentElement) {
    const others = Array.from(p.querySelectorAll('a[href]')).some((x) => {
      const u = urlOf.get(x);
      return u !== undefined && u !== url;
    });
    if (others) break;
    card = p;
  }
  return card;
}

/** The release links of a listing page, in the page's order, each with the date its card prints. */
export function releaseLinks(doc: Document, pageUrl: string): ReleaseLink[] {
  const base = baseOf(doc, pageUrl);
  const here = withoutQuery(pageUrl);
  const all: Candidate[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const url = resolveLink(a.getAttribute('href'), base);
    if (!url || !sameSite(url, pageUrl) || url === pageUrl || withoutQuery(url) === here) continue;
    if (NOT_RELEASE_REL.test(a.getAttribute('rel') ?? '')) continue;
    if (notARelease(url)) continue;
    all.push({ a, url, furniture: a.closest(FURNITURE) !== null });
  }
  const body = all.filter((c) => !c.furniture);
  let pool = body.length > 0 ? body : all;
  const plain = new Set(pool.filter((c) => !new URL(c.url).search).map((c) => c.url));
  pool = pool.filter((c) => !new URL(c.url).search || !plain.has(withoutQuery(c.url)));
  if (pool.length === 0) return [];

  const urlOf = new Map(pool.map((c) => [c.a, c.url]));
  const groups = new Map<string, Map<string, ReleaseLink>>();
  for (const c of pool) {
    const shape = linkShape(c.url);
    let group = groups.get(shape);
    if (!group) groups.set(shape, (group = new Map()));
    const known = group.get(c.url);
    if (known?.date) continue;
    const date = dateInCard(cardOf(c.a, c.url, urlOf));
    if (!known) group.set(c.url, { url: c.url, ...(date ? { date } : {}) });
    else if (date) known.date = date;
  }
  let best: Map<string, ReleaseLink> | undefined;
  let bestScore = -1;
  for (const group of groups.values()) {
    const links = [...group.values()];
    const score = links.length + links.filter((l) => l.date).length;
    if (score > bestScore) {
      best = group;
      bestScore = score;
    }
  }
  return best ? [...best.values()] : [];
}

/** "Next", "Older posts", "›", "»": the words and signs a pager uses for the next page. */
const NEXT_TEXT = /^(?:next|next page|older|older (?:posts|news|entries|articles|releases|stories|items)|more (?:news|releases|stories|articles)|load more|show more|view more|see more|previous (?:posts|entries)|[›»→>]+)$/i;
/** A link from a front page to the whole listing, followed when a page has no pager. */
const ALL_TEXT = /^(?:view all|see all|show all|all (?:news|releases|press releases|stories|articles)|(?:view|see|read) (?:all|more) (?:news|releases|press releases|stories)|news archive|more news|all news)\b/i;

/** A link's words, arrows at either end taken off ("Next »" is "Next"; a bare "»" stays). */
function label(a: Element): string {
  const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim() || (a.getAttribute('aria-label') ?? a.getAttribute('title') ?? '').trim();
  return text.replace(/^[\s«‹←<›»→>]+|[\s«‹←<›»→>]+$/g, '') || text;
}

/**
 * The listing's next page (older releases), best first: a rel=next link, a link that says
 * "Next" or "Older", the lowest-numbered page after this one, then a "View all news" link.
 */
export function nextPages(doc: Document, pageUrl: string): string[] {
  const base = baseOf(doc, pageUrl);
  const out: string[] = [];
  const add = (href: string | null | undefined) => {
    const url = resolveLink(href, base);
    if (url && url !== pageUrl && sameSite(url, pageUrl) && !out.includes(url)) out.push(url);
  };
  for (const el of Array.from(doc.querySelectorAll('link[rel][href], a[rel][href]'))) {
    if (/(?:^|\s)next(?:\s|$)/i.test(el.getAttribute('rel') ?? '')) add(el.getAttribute('href'));
  }
  const anchors = Array.from(doc.querySelectorAll('a[href]'));
  for (const a of anchors) {
    // (A short aria-label only: a release titled "Next steps for …" is no pager.)
    const aria = (a.getAttribute('aria-label') ?? '').trim();
    if (NEXT_TEXT.test(label(a)) || (/^(?:next|older)\b/i.test(aria) && aria.split(/\s+/).length <= 3)) add(a.getAttribute('href'));
  }
  // Numbered pages: the lowest number after this page's, among pages of this same listing.
  const current = pageNumber(pageUrl) ?? 1;
  const listing = withoutPageNumber(pageUrl);
  let lowest: { n: number; url: string } | null = null;
  for (const a of anchors) {
    const url = resolveLink(a.getAttribute('href'), base);
    if (!url || !sameSite(url, pageUrl)) continue;
    const n = pageNumber(url);
    if (n === null || n <= current || withoutPageNumber(url) !== listing) continue;
    if (!lowest || n < lowest.n) lowest = { n, url };
  }
  if (lowest) add(lowest.url);
  if (out.length === 0) {
    for (const a of anchors) if (ALL_TEXT.test(label(a))) add(a.getAttribute('href'));
  }
  return out;
}

export function readListing(doc: Document, pageUrl: string): Listing {
  return { kind: 'listing', links: releaseLinks(doc, pageUrl), next: nextPages(doc, pageUrl), children: [] };
}
