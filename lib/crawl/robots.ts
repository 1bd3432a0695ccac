/**
 * robots.txt, read once a site per crawl with robots-parser. As RFC 9309 says: a robots.txt
 * that is missing (4xx) allows everything; one that cannot be read (5xx or a network failure,
 * after the retries) disallows everything, since the site's wishes are unknown.
 * Crawl-delay, when the file gives one, slows the site's queue.
 */
import robotsParser from 'robots-parser';
import { FetchError, ROBOTS_AGENT, type PoliteFetch, type Validators } from './politeFetch';
import { siteOf } from './urls';

/** No wait between requests longer than this, whatever Crawl-delay says. */
const MAX_CRAWL_DELAY_MS = 30_000;

export interface RobotsRules {
  /** Whether the rules let the crawler request this address. */
  allowed(url: string): boolean;
  /** Set when robots.txt could not be read and the whole site is off limits. */
  unreachable?: string;
}

export interface RobotsCopy extends Validators {
  text: string;
}

export interface RobotsOptions {
  agent?: string;
  /** A copy kept from a previous crawl: sent as a conditional request, used again on a 304. */
  cached?: (robotsUrl: string) => RobotsCopy | undefined;
  /** Told of a robots.txt read afresh, to keep. */
  onRead?: (robotsUrl: string, copy: RobotsCopy) => void;
}

export class Robots {
  private readonly sites = new Map<string, Promise<RobotsRules>>();

  constructor(
    private readonly fetcher: PoliteFetch,
    private readonly opts: RobotsOptions = {},
  ) {}

  /** The rules for the site of `url`, fetched on first use. */
  rulesFor(url: string): Promise<RobotsRules> {
    const site = siteOf(url);
    let rules = this.sites.get(site);
    if (!rules) {
      rules = this.read(new URL('/robots.txt', url).href);
      this.sites.set(site, rules);
    }
    return rules;
  }

  private async read(robotsUrl: string): Promise<RobotsRules> {
    const agent = this.opts.agent ?? ROBOTS_AGENT;
    const cached = this.opts.cached?.(robotsUrl);
    let text: string;
    try {
      const got = await this.fetcher.get(robotsUrl, { validators: cached, accept: 'text/plain,*/*;q=0.5', priority: 10 });
      if (got.notModified && cached) text = cached.text;
      else {
        text = got.body;
        this.opts.onRead?.(robotsUrl, { text, ...(got.etag ? { etag: got.etag } : {}), ...(got.lastModified ? { lastModified: got.lastModified } : {}) });
      }
    } catch (err) {
      if (err instanceof FetchError && err.status !== undefined && ((err.status >= 400 && err.status < 500) || err.kind === 'off-site')) {
        return { allowed: () => true }; // no robots.txt: no rules
      }
      const reason = `robots.txt could not be read (${err instanceof Error ? err.message : String(err)}), so the site is not crawled`;
      return { allowed: () => false, unreachable: reason };
    }
    const parser = robotsParser(robotsUrl, text);
    const origin = new URL(robotsUrl).origin;
    const delay = parser.getCrawlDelay(agent);
    if (typeof delay === 'number' && delay > 0) this.fetcher.slowDown(robotsUrl, Math.min(delay * 1000, MAX_CRAWL_DELAY_MS));
    return {
      // robots-parser answers only for its own origin: http and https of one site share the rules.
      allowed: (url) => {
        const u = new URL(url);
        return parser.isAllowed(origin + u.pathname + u.search, agent) !== false;
      },
    };
  }
}
