/**
 * Requests as a polite crawler makes them: a User-Agent naming the project and its address,
 * no cookies or credentials, at most `rate` requests a second to a site (p-queue, a rolling
 * window) with a few in flight, 429/503/network errors retried (retry.ts), redirects followed
 * by hand and only within the site, conditional requests (ETag, Last-Modified), and bodies
 * capped in size. Works with any WHATWG fetch: Node's, or the extension's.
 */
import PQueue from 'p-queue';
import { DEFAULT_RETRY, retryAfterMs, retryableStatus, retryDelay, type RetryPolicy } from './retry';
import { sameSite, siteOf } from './urls';

export const USER_AGENT = 'OnTheRecordBot/0.1 (+https://github.com/on-the-record/on-the-record)';
/** The name robots.txt rules are matched against. */
export const ROBOTS_AGENT = 'OnTheRecordBot';
/** A release page or listing is tens of kilobytes; a body larger than this is not one. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface Fetched extends Validators {
  /** The address the body came from, after redirects. */
  url: string;
  status: number;
  /** A 304: the page is as it was when the validators were given; there is no body. */
  notModified: boolean;
  contentType: string;
  body: string;
  /** The addresses redirected from, in order. */
  redirectedFrom: string[];
  /** Set when a redirect led to an address the caller already has (`known`): it was not requested, and there is no body. */
  known?: boolean;
}

/** A request that did not give a page, with the reason in words. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
    readonly kind: 'http' | 'network' | 'too-large' | 'off-site' | 'disallowed' | 'redirects' = 'http',
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export interface PoliteFetchOptions {
  fetch: typeof fetch;
  /** Requests a second to one site; 0 for no limit. */
  rate: number;
  /** Requests in flight to one site at a time. */
  concurrency?: number;
  retry?: RetryPolicy;
  maxBytes?: number;
  timeoutMs?: number;
  userAgent?: string;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Told of every request made (each try and each redirect is one). */
  onRequest?: (url: string) => void;
  /** Told of a retry and the wait before it. */
  onRetry?: (url: string, waitMs: number, reason: string) => void;
}

export interface GetOptions {
  validators?: Validators;
  accept?: string;
  /** Higher runs first among requests waiting for the same site. */
  priority?: number;
  /** Asked before each redirect is followed: a disallowed address is never requested. */
  allowed?: (url: string) => boolean;
  /** Asked before each redirect is followed: an address the caller already has is not requested again. */
  known?: (url: string) => boolean;
}

interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The text of a body, in the charset the response names (UTF-8 when it names none the platform knows). */
function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export class PoliteFetch {
  private readonly queues = new Map<string, PQueue>();
  private readonly opts: Required<Omit<PoliteFetchOptions, 'onRequest' | 'onRetry'>> & Pick<PoliteFetchOptions, 'onRequest' | 'onRetry'>;
  /** Requests made so far (tries and redirects included). */
  requests = 0;

  constructor(opts: PoliteFetchOptions) {
    if (!(opts.rate >= 0) || !Number.isFinite(opts.rate)) throw new RangeError(`rate must be a number of requests a second, or 0 for no limit (got ${opts.rate})`);
    this.opts = {
      concurrency: 4,
      retry: DEFAULT_RETRY,
      maxBytes: MAX_BODY_BYTES,
      timeoutMs: 30_000,
      userAgent: USER_AGENT,
      sleep: sleepFor,
      now: Date.now,
      // An option given as undefined keeps its default.
      ...(Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as PoliteFetchOptions),
    };
  }

  /** The site's queue: at most `rate` starts in any rolling second (p-queue's strict window). */
  private queueFor(site: string): PQueue {
    let queue = this.queues.get(site);
    if (!queue) {
      queue = this.makeQueue(this.opts.rate > 0 ? 1000 / this.opts.rate : 0);
      this.queues.set(site, queue);
    }
    return queue;
  }

  private makeQueue(msPerRequest: number): PQueue {
    const concurrency = this.opts.concurrency;
    if (msPerRequest <= 0) return new PQueue({ concurrency });
    // 2.5 a second is 2 in every 800 ms; half a second's worth is 1 in every 2 s. The window is 2%
    // longer than the rate asks, so that requests bunched on the way (a slow network, a busy
    // machine) still reach the site no faster than the rate.
    const cap = Math.max(1, Math.floor(1000 / msPerRequest));
    return new PQueue({ concurrency, intervalCap: cap, interval: Math.ceil(cap * msPerRequest * 1.02), strict: true });
  }

  /** Spaces a site's requests at least `ms` apart (robots.txt's Crawl-delay), when that is slower than the rate. */
  slowDown(url: string, ms: number): void {
    const current = this.opts.rate > 0 ? 1000 / this.opts.rate : 0;
    if (ms > current) this.queues.set(siteOf(url), this.makeQueue(ms));
  }

  /** One request, made when the site's queue allows, its body read (capped) inside the slot. */
  private once(url: string, headers: Record<string, string>, priority: number): Promise<Answer> {
    return this.queueFor(siteOf(url)).add(
      async () => {
        this.requests++;
        this.opts.onRequest?.(url);
        const res = await this.opts.fetch(url, {
          method: 'GET',
          headers,
          redirect: 'manual',
          credentials: 'omit',
          signal: AbortSignal.timeout(this.opts.timeoutMs),
        });
        if (res.status < 200 || res.status >= 300) {
          await res.body?.cancel().catch(() => undefined);
          return { status: res.status, headers: res.headers, body: '' };
        }
        return { status: res.status, headers: res.headers, body: await this.readBody(url, res) };
      },
      { priority },
    ) as Promise<Answer>;
  }

  private async readBody(url: string, res: Response): Promise<string> {
    const max = this.opts.maxBytes;
    const tooLarge = () => new FetchError(url, `response too large (over ${Math.round(max / 1024 / 1024)} MB)`, 'too-large');
    if (Number(res.headers.get('content-length') ?? 0) > max) {
      await res.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }
    if (!res.body) return '';
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return decode(bytes, res.headers.get('content-type') ?? '');
  }

  /** One address, retried as the policy says: the last answer, or a FetchError for a network failure. */
  private async withRetries(url: string, headers: Record<string, string>, priority: number): Promise<Answer> {
    for (let attempt = 1; ; attempt++) {
      let answer: Answer | null = null;
      let reason: string;
      try {
        answer = await this.once(url, headers, priority);
        if (!retryableStatus(answer.status)) return answer;
        reason = `HTTP ${answer.status}`;
      } catch (err) {
        if (err instanceof FetchError) throw err;
        reason = networkReason(err);
      }
      const wait = retryDelay(this.opts.retry, attempt, answer ? retryAfterMs(answer.headers.get('retry-after'), this.opts.now()) : null);
      if (wait === null) {
        if (answer) return answer;
        throw new FetchError(url, `${reason} (after ${attempt} ${attempt === 1 ? 'try' : 'tries'})`, 'network');
      }
      this.opts.onRetry?.(url, wait, reason);
      await this.opts.sleep(wait);
    }
  }

  /** GETs a page, following redirects within its site. Throws a FetchError for anything but a page or a 304. */
  async get(url: string, options: GetOptions = {}): Promise<Fetched> {
    const redirectedFrom: string[] = [];
    let current = url;
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = { 'User-Agent': this.opts.userAgent, Accept: options.accept ?? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' };
      // Validators belong to the address they were given for, not to where it redirects.
      if (hop === 0 && options.validators?.etag) headers['If-None-Match'] = options.validators.etag;
      if (hop === 0 && options.validators?.lastModified) headers['If-Modified-Since'] = options.validators.lastModified;
      const answer = await this.withRetries(current, headers, options.priority ?? 0);
      const { status } = answer;
      if (status >= 300 && status < 400 && status !== 304) {
        const location = answer.headers.get('location');
        if (!location) throw new FetchError(current, `HTTP ${status} redirect without a Location`, 'http', status);
        let target: string;
        try {
          const u = new URL(location, current);
          u.hash = '';
          target = u.href;
        } catch {
          throw new FetchError(current, `HTTP ${status} redirect to a malformed address (${location.slice(0, 100)})`, 'http', status);
        }
        if (!/^https?:$/.test(new URL(target).protocol) || !sameSite(target, url)) {
          throw new FetchError(current, `redirected off the site, to ${target}`, 'off-site', status);
        }
        if (hop + 1 > MAX_REDIRECTS || target === current || redirectedFrom.includes(target)) {
          throw new FetchError(url, `too many redirects (or a loop) from ${url}`, 'redirects', status);
        }
        if (options.allowed && !options.allowed(target)) {
          throw new FetchError(target, `redirected to an address robots.txt disallows (${target})`, 'disallowed', status);
        }
        redirectedFrom.push(current);
        if (options.known?.(target)) return { url: target, status, notModified: false, contentType: '', body: '', redirectedFrom, known: true };
        current = target;
        continue;
      }
      const base = { url: current, status, contentType: answer.headers.get('content-type') ?? '', redirectedFrom };
      const validators = { ...(answer.headers.get('etag') ? { etag: answer.headers.get('etag')! } : {}), ...(answer.headers.get('last-modified') ? { lastModified: answer.headers.get('last-modified')! } : {}) };
      if (status === 304) return { ...base, notModified: true, body: '', ...validators };
      if (status >= 200 && status < 300) return { ...base, notModified: false, body: answer.body, ...validators };
      throw new FetchError(current, retryableStatus(status) ? `HTTP ${status} (after ${this.opts.retry.attempts} tries)` : `HTTP ${status}`, 'http', status);
    }
  }
}

/** A network failure in words: "connection refused (127.0.0.1:9)", "timed out", "unknown host". */
function networkReason(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timed out';
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown host';
  if (code === 'ECONNRESET') return 'connection reset';
  return `network error${code ? ` (${code})` : e?.cause?.message ? ` (${e.cause.message})` : e?.message ? ` (${e.message})` : ''}`;
}
