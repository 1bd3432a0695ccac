/**
 * The crawl: from each starting address (a listing, a feed or a sitemap) to the release pages it
 * lists, newest first, page after page, each release page fetched once and handed to the sink,
 * which turns it into a release and keeps it. Everything environment-specific is injected: the
 * fetch, the HTML/XML parser, the sink (files in Node, storage in the extension) and where events go.
 *
 * Knowing when to stop: a listing is read to its end the first time. Once a visit has read it to
 * its end (its `completeAt`), a later visit stops at the first page whose releases were all known
 * by then or met earlier in this visit (new releases push old ones down the pages), and asks for
 * pages with the validators of that visit, a 304 meaning nothing on it changed. A visit cut short
 * leaves `completeAt` as it was, so the next one reads on past what the cut visit saved.
 */
import type { ParsedRelease } from '../../core/types';
import { readXmlListing, sitemapReleases } from './feeds';
import { readListing } from './listing';
import { FetchError, PoliteFetch, type Fetched, type PoliteFetchOptions, type Validators } from './politeFetch';
import { Robots, type RobotsRules } from './robots';
import { applyEvent, savedAs, type CrawlEvent, type CrawlState } from './state';
import type { Listing, ParseDocument, ReleaseLink } from './types';
import { sameSite } from './urls';

/** A release page as fetched. */
export interface ReleasePage {
  /** Where the page came from, after redirects. */
  url: string;
  /** The address the listing gave. */
  requested: string;
  html: string;
  /** The date the listing gave: the release's date when the page gives none. */
  fallbackDate?: string;
}

export interface Converted {
  release: ParsedRelease;
  /** The release in the text layout. */
  text: string;
}

/** Where releases go: turning a page into a release, and keeping it. */
export interface ReleaseSink {
  /** The page as a release; throws an Error saying why it is none. */
  convert(page: ReleasePage): Converted | Promise<Converted>;
  /** Where this release will be kept (a free name); nothing is written yet. */
  place(converted: Converted, canonical: string): string;
  /** Keeps the release there, whole or not at all; throws an Error saying why it could not. */
  write(place: string, converted: Converted, canonical: string): void | Promise<void>;
}

export interface Problem {
  url: string;
  reason: string;
}

export interface Progress {
  /** Release pages to fetch, found in listings this visit (not known before). */
  found: number;
  fetched: number;
  saved: number;
  /** Pages that were a release already saved under another address. */
  duplicates: number;
  failed: number;
  /** Addresses robots.txt disallows (never requested). */
  skipped: number;
  /** Releases older than --since, not saved. */
  older: number;
  requests: number;
  /** Release pages still to fetch or being fetched. */
  pending: number;
}

export interface CrawlReport extends Progress {
  failures: Problem[];
  skippedPages: Problem[];
  /** Starting addresses that could not be read at all. */
  unreachable: Problem[];
  /** Conditional requests answered 304. */
  notModified: number;
}

/** How requests are made: PoliteFetch's own options, passed through. */
type FetchOptions = Pick<PoliteFetchOptions, 'fetch' | 'rate' | 'concurrency' | 'retry' | 'maxBytes' | 'timeoutMs' | 'userAgent' | 'sleep' | 'onRetry'>;

export interface CrawlOptions extends FetchOptions {
  starts: string[];
  parseDocument: ParseDocument;
  sink: ReleaseSink;
  state: CrawlState;
  /** Every event, after it is applied to the state: the caller persists it. */
  record?: (ev: CrawlEvent) => void;
  /** ISO date: releases older than this are not fetched, and a listing is read no further than them. */
  since?: string;
  /** Save at most this many releases this visit. */
  max?: number;
  /** Release pages found and not yet dealt with, beyond which listings are read no further for now (default 500). */
  readAhead?: number;
  /** Visits after which a release page that keeps failing is no longer tried. */
  maxTries?: number;
  onProgress?: (p: Progress) => void;
  onRetry?: (url: string, waitMs: number, reason: string) => void;
}

const LISTING_ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5';
/** A listing chain longer than this is a loop or a trap. */
const MAX_LISTING_PAGES = 20_000;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function looksXml(got: Fetched): boolean {
  const head = got.body.slice(0, 512).trimStart();
  return /\bxml\b|rss|atom/i.test(got.contentType) || /^<\?xml/i.test(head) || /^<(?:rss|feed|urlset|sitemapindex)\b/i.test(head);
}

function looksHtml(got: Fetched): boolean {
  if (/html/i.test(got.contentType)) return true;
  return !got.contentType && /^\s*<(?:!doctype html|html|head|body)\b/i.test(got.body.slice(0, 512));
}

export async function crawl(o: CrawlOptions): Promise<CrawlReport> {
  const state = o.state;
  const emit = (ev: CrawlEvent) => {
    applyEvent(state, ev);
    o.record?.(ev);
  };
  const visit = state.visit + 1;
  emit({ e: 'visit', visit });

  const report: CrawlReport = {
    found: 0, fetched: 0, saved: 0, duplicates: 0, failed: 0, skipped: 0, older: 0, requests: 0, pending: 0,
    failures: [], skippedPages: [], unreachable: [], notModified: 0,
  };
  const progress = () => {
    report.requests = fetcher.requests;
    o.onProgress?.({ ...report });
  };
  const { fetch, rate, concurrency, retry, maxBytes, timeoutMs, userAgent, sleep, onRetry } = o;
  const fetcher = new PoliteFetch({ fetch, rate, concurrency, retry, maxBytes, timeoutMs, userAgent, sleep, onRetry });
  const robots = new Robots(fetcher, { cached: (url) => state.robots[url], onRead: (url, copy) => emit({ e: 'robots', url, copy }) });
  const maxTries = o.maxTries ?? 3;

  /** Release addresses met this visit, in any listing. */
  const seen = new Set<string>();
  /** Canonical addresses and ids being saved right now (between deciding and writing). */
  const claimedUrls = new Set<string>();
  const claimedIds = new Set<string>();
  const tasks: Promise<void>[] = [];
  const full = () => o.max !== undefined && report.saved + report.pending >= o.max;
  /** Listings are read ahead of the release pages by this many pages at most, so that memory stays bounded on a large newsroom. */
  const ahead = o.readAhead ?? 500;
  let settled: (() => void)[] = [];
  const room = async () => {
    while (report.pending > ahead) await new Promise<void>((resolve) => settled.push(resolve));
  };

  const fail = (url: string, reason: string, date?: string) => {
    report.failed++;
    report.failures.push({ url, reason });
    emit({ e: 'failed', url, reason, tries: (state.failed[url]?.tries ?? 0) + 1, visit, ...(date ? { date } : {}) });
  };
  const skip = (url: string, reason: string) => {
    report.skipped++;
    report.skippedPages.push({ url, reason });
  };

  /** Fetches one release page and hands it to the sink. */
  const fetchRelease = async (link: ReleaseLink, rules: RobotsRules) => {
    let got: Fetched;
    try {
      got = await fetcher.get(link.url, { allowed: rules.allowed, known: (url) => savedAs(state, url) !== undefined || claimedUrls.has(url) });
    } catch (err) {
      if (err instanceof FetchError && err.kind === 'disallowed') return skip(link.url, err.message);
      return fail(link.url, message(err), link.date);
    }
    if (!got.known) report.fetched++;
    const from = [...new Set([link.url, ...got.redirectedFrom, got.url])];
    // Redirected to a release already saved (an old address of it): not fetched again.
    const finalKnown = savedAs(state, got.url) ?? (claimedUrls.has(got.url) ? got.url : undefined);
    if (finalKnown) {
      report.duplicates++;
      for (const url of from) if (url !== finalKnown) emit({ e: 'alias', url, to: finalKnown });
      return;
    }
    if (got.notModified) return fail(link.url, 'answered 304 to a request that asked for no validators');
    if (!looksHtml(got)) return fail(link.url, `not an HTML page (${got.contentType || 'no content type'})`, link.date);
    let converted: Converted;
    try {
      converted = await o.sink.convert({ url: got.url, requested: link.url, html: got.body, ...(link.date ? { fallbackDate: link.date } : {}) });
    } catch (err) {
      return fail(link.url, message(err), link.date);
    }
    const { release } = converted.release;
    // The page's canonical address, when it names one on its own site; else where it was fetched from.
    const canonical = release.url && sameSite(release.url, got.url) ? release.url : got.url;
    if (release.url !== canonical) converted.release.release.url = canonical;
    const same = savedAs(state, canonical) ?? state.byId[release.id] ?? (claimedUrls.has(canonical) || claimedIds.has(release.id) ? canonical : undefined);
    if (same) {
      report.duplicates++;
      for (const url of [...from, canonical]) if (url !== same) emit({ e: 'alias', url, to: same });
      return;
    }
    if (o.since && release.date < o.since) {
      report.older++;
      return;
    }
    claimedUrls.add(canonical);
    claimedIds.add(release.id);
    try {
      // Known first, then written: a crawl killed between the two finds no file for it and fetches it again.
      const place = o.sink.place(converted, canonical);
      emit({ e: 'saved', url: canonical, id: release.id, file: place, date: release.date, visit, from: from.filter((u) => u !== canonical) });
      try {
        await o.sink.write(place, converted, canonical);
      } catch (err) {
        emit({ e: 'dropped', url: canonical });
        return fail(link.url, message(err), link.date);
      }
      report.saved++;
    } finally {
      claimedUrls.delete(canonical);
      claimedIds.delete(release.id);
    }
  };

  const schedule = (link: ReleaseLink, rules: RobotsRules) => {
    report.found++;
    report.pending++;
    tasks.push(
      fetchRelease(link, rules)
        .catch((err) => fail(link.url, `unexpected error: ${message(err)}`))
        .finally(() => {
          report.pending--;
          const waiting = settled;
          settled = [];
          for (const wake of waiting) wake();
          progress();
        }),
    );
    progress();
  };

  /** Decides what to do with a listing's links; says whether the listing may be read on. */
  const takeLinks = (listing: Listing, rules: RobotsRules, completeAt: number): { caughtUp: boolean; olderReached: boolean; maxReached: boolean } => {
    let caughtUp = listing.links.length > 0;
    let olderReached = false;
    let maxReached = false;
    for (const link of listing.links) {
      const canonical = savedAs(state, link.url);
      const known = canonical ? state.releases[canonical] : undefined;
      const failed = state.failed[link.url];
      const metBefore = seen.has(link.url) || (canonical !== undefined && seen.has(canonical));
      if (!(metBefore || (known && known.visit <= completeAt) || (failed && failed.visit <= completeAt))) caughtUp = false;
      if (metBefore) continue;
      seen.add(link.url);
      if (canonical) {
        seen.add(canonical);
        continue; // saved on an earlier visit: never fetched again
      }
      if (failed && failed.tries >= maxTries) continue;
      if (o.since && link.date && link.date < o.since) {
        olderReached = true;
        report.older++;
        continue;
      }
      if (!rules.allowed(link.url)) {
        skip(link.url, 'disallowed by robots.txt');
        continue;
      }
      if (full()) {
        maxReached = true;
        continue;
      }
      schedule(link, rules);
    }
    return { caughtUp, olderReached, maxReached };
  };

  /** Reads one starting address and the pages after it. */
  const walk = async (start: string) => {
    const rules = await robots.rulesFor(start);
    if (rules.unreachable) return void report.unreachable.push({ url: start, reason: rules.unreachable });
    if (!rules.allowed(start)) return void report.unreachable.push({ url: start, reason: 'robots.txt disallows it' });
    const completeAt = state.starts[start]?.completeAt ?? 0;
    const validators: Record<string, Validators> = {};
    const queue = [start];
    const visited = new Set<string>();
    const sitemapLinks: ReleaseLink[] = [];
    let ended: 'end' | 'stopped' = 'end';
    let pages = 0;
    while (queue.length > 0) {
      await room();
      const url = queue.shift()!;
      if (visited.has(url)) continue;
      visited.add(url);
      if (++pages > MAX_LISTING_PAGES) {
        report.failures.push({ url, reason: `more than ${MAX_LISTING_PAGES} listing pages: stopped here` });
        report.failed++;
        ended = 'stopped';
        break;
      }
      if (url !== start && !rules.allowed(url)) {
        skip(url, 'disallowed by robots.txt');
        continue;
      }
      let got: Fetched;
      try {
        got = await fetcher.get(url, { validators: completeAt > 0 ? state.pages[url] : undefined, accept: LISTING_ACCEPT, priority: 5, allowed: rules.allowed });
      } catch (err) {
        if (err instanceof FetchError && err.kind === 'disallowed') skip(url, err.message);
        else if (url === start) report.unreachable.push({ url, reason: message(err) });
        else {
          report.failed++;
          report.failures.push({ url, reason: `listing page: ${message(err)}` });
        }
        ended = 'stopped';
        if (url === start) return;
        continue;
      }
      progress();
      if (got.notModified) {
        // Unchanged since a visit that read the listing to its end: nothing new on it, nor after it.
        report.notModified++;
        // (A listing's next page is not read: it is queued only after a page is read.)
        validators[url] = state.pages[url] ?? {};
        continue;
      }
      if (got.etag || got.lastModified) validators[url] = { ...(got.etag ? { etag: got.etag } : {}), ...(got.lastModified ? { lastModified: got.lastModified } : {}) };
      let listing: Listing | null = null;
      try {
        if (looksXml(got)) listing = readXmlListing(o.parseDocument(got.body, 'text/xml'), got.url);
        if (!listing && (looksHtml(got) || /xhtml/i.test(got.contentType))) listing = readListing(o.parseDocument(got.body, 'text/html'), got.url);
      } catch (err) {
        listing = null;
        got.contentType += ` (${message(err)})`;
      }
      if (!listing) {
        const reason = `not a listing page, feed or sitemap (${got.contentType || 'no content type'})`;
        if (url === start) return void report.unreachable.push({ url, reason });
        report.failed++;
        report.failures.push({ url, reason });
        ended = 'stopped';
        continue;
      }
      if (listing.kind === 'sitemap-index') {
        // An index can stay the same while its sitemaps change: it is always read afresh.
        delete validators[url];
        queue.push(...listing.children);
        continue;
      }
      // A sitemap (all of an index's sitemaps together) is one unordered list, judged whole at the end.
      if (listing.kind === 'sitemap') {
        sitemapLinks.push(...listing.links);
        continue;
      }
      const { caughtUp, olderReached, maxReached } = takeLinks(listing, rules, completeAt);
      if (maxReached || olderReached) ended = 'stopped';
      if (maxReached || olderReached || (completeAt > 0 && caughtUp)) break;
      const next = listing.next.find((u) => !visited.has(u));
      if (next) queue.unshift(next);
    }
    if (sitemapLinks.length > 0) {
      const { maxReached } = takeLinks({ kind: 'sitemap', links: sitemapReleases(sitemapLinks), next: [], children: [] }, rules, completeAt);
      if (maxReached) ended = 'stopped';
    }
    if (ended === 'end') completed.push({ start, validators });
  };

  const completed: { start: string; validators: Record<string, Validators> }[] = [];
  // Release pages that failed on earlier visits are tried again first.
  for (const [url, f] of Object.entries(state.failed)) {
    if (f.tries >= maxTries || savedAs(state, url) || (o.since && f.date && f.date < o.since) || full()) continue;
    const rules = await robots.rulesFor(url);
    seen.add(url);
    if (rules.allowed(url) && !rules.unreachable) schedule({ url, ...(f.date ? { date: f.date } : {}) }, rules);
  }
  for (const start of o.starts) {
    try {
      await walk(start);
    } catch (err) {
      report.unreachable.push({ url: start, reason: `unexpected error: ${message(err)}` });
    }
  }
  while (tasks.length > 0) await Promise.all(tasks.splice(0));
  // Only now is each listing read to its end with every release on it dealt with.
  for (const { start, validators } of completed) {
    if (Object.keys(validators).length > 0) emit({ e: 'pages', pages: validators });
    emit({ e: 'complete', start, visit });
  }
  progress();
  return report;
}
