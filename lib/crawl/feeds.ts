/**
 * Feeds and sitemaps: RSS (<item><link><pubDate>), Atom (<entry><link href><published|updated>,
 * a rel="next" page), sitemaps (<url><loc><lastmod>) and sitemap indexes (<sitemap><loc>).
 * Read from an XML document, so a namespace prefix (dc:date, atom:link) is matched by local name.
 */
import { isoFromMachine, isoFromText } from './dates';
import type { Listing, ReleaseLink } from './types';
import { linkShape, notARelease, resolveLink, sameSite } from './urls';

/** The element's local name, lower case, whatever its prefix. */
function nameOf(el: Element): string {
  return (el.localName ?? el.tagName).toLowerCase().replace(/^.*:/, '');
}

function childrenNamed(el: Element, ...names: string[]): Element[] {
  return Array.from(el.children).filter((c) => names.includes(nameOf(c)));
}

function firstText(el: Element, ...names: string[]): string | undefined {
  for (const name of names) {
    const c = childrenNamed(el, name)[0];
    const t = c?.textContent?.trim();
    if (t) return t;
  }
  return undefined;
}

function descendants(root: Element, name: string): Element[] {
  return Array.from(root.querySelectorAll('*')).filter((e) => nameOf(e) === name);
}

function dateOf(el: Element, ...names: string[]): string | undefined {
  const raw = firstText(el, ...names);
  return isoFromMachine(raw) ?? isoFromText(raw);
}

/** The kind of XML document this is, from its root element, or null when it is none the crawler reads. */
export function xmlKind(doc: Document): 'rss' | 'atom' | 'sitemap' | 'sitemap-index' | null {
  const root = doc.documentElement;
  if (!root) return null;
  const name = nameOf(root);
  if (name === 'rss' || name === 'rdf') return 'rss';
  if (name === 'feed') return 'atom';
  if (name === 'urlset') return 'sitemap';
  if (name === 'sitemapindex') return 'sitemap-index';
  return null;
}

/** The release links of a feed or sitemap, kept to the feed's own site; null when the document is no feed or sitemap. */
export function readXmlListing(doc: Document, docUrl: string): Listing | null {
  const kind = xmlKind(doc);
  const root = doc.documentElement;
  if (!kind || !root) return null;
  const links: ReleaseLink[] = [];
  const seen = new Set<string>();
  const add = (href: string | undefined, date: string | undefined) => {
    const url = resolveLink(href, docUrl);
    if (!url || seen.has(url) || !sameSite(url, docUrl)) return;
    seen.add(url);
    links.push({ url, ...(date ? { date } : {}) });
  };

  if (kind === 'rss') {
    for (const item of descendants(root, 'item')) {
      const guid = childrenNamed(item, 'guid')[0];
      const permalink = guid && guid.getAttribute('isPermaLink') !== 'false' ? guid.textContent?.trim() : undefined;
      add(firstText(item, 'link') ?? permalink, dateOf(item, 'pubdate', 'date', 'published', 'issued'));
    }
    return { kind: 'feed', links, next: atomNext(root, docUrl), children: [] };
  }
  if (kind === 'atom') {
    for (const entry of childrenNamed(root, 'entry')) {
      const candidates = childrenNamed(entry, 'link');
      const link =
        candidates.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate' && /html/i.test(l.getAttribute('type') ?? 'text/html')) ?? candidates[0];
      add(link?.getAttribute('href') ?? undefined, dateOf(entry, 'published', 'issued', 'created', 'updated'));
    }
    return { kind: 'feed', links, next: atomNext(root, docUrl), children: [] };
  }
  if (kind === 'sitemap-index') {
    const children: string[] = [];
    for (const sm of childrenNamed(root, 'sitemap')) {
      const url = resolveLink(firstText(sm, 'loc'), docUrl);
      if (url && sameSite(url, docUrl) && !children.includes(url)) children.push(url);
    }
    return { kind: 'sitemap-index', links: [], next: [], children };
  }
  for (const entry of childrenNamed(root, 'url')) {
    const loc = firstText(entry, 'loc');
    const url = resolveLink(loc, docUrl);
    // A sitemap lists the whole site: its front page, listings and tag pages are not releases.
    if (!url || notARelease(url)) continue;
    add(url, dateOf(entry, 'lastmod'));
  }
  return { kind: 'sitemap', links, next: [], children: [] };
}

/**
 * The release pages among a sitemap's pages (all the sitemaps of an index together): those of
 * the shapes most of it shares (a fifth of its links or more: releases are most of a newsroom's
 * pages), and never a page whose address is the folder of others (`/news` beside `/news/x` is
 * their listing). So one-off pages (/our-work, /news) are not fetched as releases.
 */
export function sitemapReleases(links: ReleaseLink[]): ReleaseLink[] {
  const folders = new Set<string>();
  for (const l of links) {
    const u = new URL(l.url);
    const parts = u.pathname.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) folders.add(`${u.origin}/${parts.slice(0, i).join('/')}`);
  }
  const pages = links.filter((l) => !folders.has(l.url.replace(/\/$/, '')));
  const count = new Map<string, number>();
  for (const l of pages) count.set(linkShape(l.url), (count.get(linkShape(l.url)) ?? 0) + 1);
  const least = pages.length <= 2 ? 1 : Math.max(2, pages.length / 5);
  return pages.filter((l) => count.get(linkShape(l.url))! >= least);
}

/** A paged feed's next page (RFC 5005: <link rel="next">). */
function atomNext(root: Element, docUrl: string): string[] {
  const out: string[] = [];
  for (const link of descendants(root, 'link')) {
    if ((link.getAttribute('rel') ?? '') !== 'next') continue;
    const url = resolveLink(link.getAttribute('href'), docUrl);
    if (url && sameSite(url, docUrl) && url !== docUrl) out.push(url);
  }
  return out;
}
