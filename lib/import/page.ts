/**
 * One way to turn a release page into a release's text, for every place that does it: the
 * options page and the popup (a DOMParser document), `otr index page.html` and `otr crawl`
 * (a linkedom document). The article is extracted with Readability; the page's address is its
 * canonical link or og:url; the release text is the layout the parser reads.
 */
import { ReleaseParseError } from '../../core/parse/errors';
import { htmlToReleaseText } from '../../core/import/html';
import { extractArticle } from './article';

export interface PageOptions {
  /** The page's address, used when the page names none of its own (canonical link, og:url). */
  url?: string;
  /** ISO date (YYYY-MM-DD) to date the release by when the page gives no date at all (the date a listing printed beside it). */
  fallbackDate?: string;
}

/** The page's own address, when it tells it (canonical link or og:url). */
export function canonicalUrl(doc: Document): string | undefined {
  const href =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '';
  return /^https?:\/\//i.test(href.trim()) ? href.trim() : undefined;
}

/**
 * The release text of a page and its address. Throws a ReleaseParseError naming `name` when
 * the page holds no article or no date.
 */
export function pageReleaseText(doc: Document, name: string, opts: PageOptions = {}): { text: string; url?: string } {
  const url = canonicalUrl(doc) ?? opts.url;
  const article = extractArticle(doc);
  if (!article) throw new ReleaseParseError([{ file: name, line: 1, reason: 'no article found in the page' }]);
  // The page's own published date comes first; the listing's date before a date its text merely mentions (core/import/html.ts).
  const dated = opts.fallbackDate ? { ...article, listedDate: opts.fallbackDate } : article;
  return { text: htmlToReleaseText(dated, name), ...(url ? { url } : {}) };
}
