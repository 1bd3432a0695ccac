/**
 * Addresses as the crawler sees them: which site a link belongs to, which links are never
 * releases (assets, feeds, tag pages, the site's own furniture), and a listing's page number.
 */

/** The site an address belongs to: its host without a leading "www.", with its port. http and https are one site. */
export function siteOf(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  return u.hostname.replace(/^www\./i, '').toLowerCase() + (u.port ? `:${u.port}` : '');
}

/** The host as a folder name: no "www.", no port (a port is no part of a newsroom's name). */
export function hostFolder(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  return u.hostname.replace(/^www\./i, '').toLowerCase().replace(/[^a-z0-9.-]/g, '_');
}

/** Whether two addresses are of one site; false when either is no address at all (a page's malformed canonical link). */
export function sameSite(a: string | URL, b: string | URL): boolean {
  try {
    return siteOf(a) === siteOf(b);
  } catch {
    return false;
  }
}

/** An absolute http(s) address without its fragment, or null for anything else (mailto:, javascript:, a malformed href). */
export function resolveLink(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (!trimmed || /^(?:mailto|tel|javascript|data|sms|ftp):/i.test(trimmed)) return null;
  let u: URL;
  try {
    u = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password) return null; // an address carrying credentials is never followed
  u.hash = '';
  return u.href;
}

/** Files that are never a release page. */
const ASSET = /\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|csv|zip|gz|rar|7z|jpe?g|png|gif|webp|svg|ico|bmp|tiff?|mp[34]|m4a|wav|mov|avi|webm|css|js|mjs|json|xml|rss|atom|ics|txt|woff2?|ttf|eot)$/i;

/**
 * Path words that mark a page about many releases or about the site, never one release:
 * tag and category pages, authors, search, feeds, accounts, the site's legal pages.
 */
const NOT_RELEASE = new Set([
  't', 'tag', 'tags', 'category', 'categories', 'topic', 'topics', 'theme', 'themes', 'author', 'authors', 'search',
  'login', 'logout', 'signin', 'sign-in', 'register', 'account', 'feed', 'feeds', 'rss', 'atom', 'subscribe', 'unsubscribe',
  'contact', 'contact-us', 'about', 'about-us', 'cookies', 'cookie-policy', 'privacy', 'privacy-policy', 'accessibility',
  'terms', 'terms-and-conditions', 'sitemap', 'share', 'print', 'wp-admin', 'wp-login.php', 'cdn-cgi', 'assets', 'static',
  'media-library', 'images', 'img', 'downloads', 'page', 'calendar', 'events', 'jobs', 'careers',
]);

/** Query parameters a listing numbers its pages with. */
const PAGE_PARAMS = ['page', 'p', 'pg', 'paged', 'pagenum', 'pageno', 'pn', 'pagenumber'];

/** The page number an address gives (`?page=3`, `/page/3/`), or null when it names none. */
export function pageNumber(url: string): number | null {
  const u = new URL(url);
  for (const name of PAGE_PARAMS) {
    const v = u.searchParams.get(name);
    if (v !== null && /^\d{1,6}$/.test(v)) return Number(v);
  }
  const m = /\/page\/(\d{1,6})\/?$/i.exec(u.pathname);
  return m ? Number(m[1]) : null;
}

/** The address with its page number taken out: pages of one listing share it. */
export function withoutPageNumber(url: string): string {
  const u = new URL(url);
  for (const name of PAGE_PARAMS) u.searchParams.delete(name);
  u.pathname = u.pathname.replace(/\/page\/\d{1,6}\/?$/i, '/');
  return u.href;
}

/**
 * Why an address on the site cannot be a release page, or null when it could be one:
 * the site's front page, a file, a numbered listing page, a tag/category/author/search page.
 */
export function notARelease(url: string): string | null {
  const u = new URL(url);
  const segments = u.pathname.split('/').filter(Boolean).map((s) => decodeURIComponentSafe(s).toLowerCase());
  if (segments.length === 0) return 'the front page';
  if (ASSET.test(u.pathname)) return 'a file, not a page';
  if (pageNumber(url) !== null) return 'a listing page';
  if (segments.some((s) => NOT_RELEASE.has(s))) return 'a page about the site or many releases';
  return null;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A link's shape: its path's depth and folders with numbers taken out, so that
 * `/news/2024/05/slug` and `/news/2023/11/other` share one, and `/news/t/arrests` has another.
 * Release links on a listing share a shape; the site's other links mostly do not.
 */
export function linkShape(url: string): string {
  const u = new URL(url);
  const segments = u.pathname.split('/').filter(Boolean);
  const folders = segments.slice(0, -1).map((s) => (/^\d+$/.test(s) ? '#' : s.toLowerCase()));
  // A query that identifies the page (`article.php?id=12`) is part of the shape: its parameter names.
  const params = [...u.searchParams.keys()].sort().join('&');
  return `${segments.length}:/${folders.join('/')}${params ? `?${params}` : ''}`;
}
