/** What the crawler's parts hand each other. Plain data, the same in Node and in the extension. */

/** Turns a response body into a DOM document: linkedom in Node, DOMParser in a page. */
export type ParseDocument = (text: string, type: 'text/html' | 'text/xml') => Document;

/** A link to a release as a listing, feed or sitemap gives it. */
export interface ReleaseLink {
  url: string;
  /** ISO date (YYYY-MM-DD) the listing gives beside the link, if any: the release's date when its page has none. */
  date?: string;
}

export type ListingKind = 'listing' | 'feed' | 'sitemap' | 'sitemap-index';

/** What one listing page, feed or sitemap holds. */
export interface Listing {
  kind: ListingKind;
  /** Release links in the order the page gives them (newest first on a listing or feed). */
  links: ReleaseLink[];
  /** The next page of the same listing (older releases), best first. */
  next: string[];
  /** A sitemap index's sitemaps. */
  children: string[];
}
