import { describe, expect, it } from 'vitest';
import { FetchError, PoliteFetch, USER_AGENT } from './politeFetch';
import { Robots } from './robots';

interface Seen {
  url: string;
  headers: Record<string, string>;
  init: RequestInit;
}

/** A fake fetch answering from a table of functions by address; records what was asked. */
function fakeFetch(routes: Record<string, (n: number) => Response | Error>) {
  const seen: Seen[] = [];
  const counts = new Map<string, number>();
  const fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = String(input);
    seen.push({ url, headers: { ...(init.headers as Record<string, string>) }, init });
    const n = (counts.get(url) ?? 0) + 1;
    counts.set(url, n);
    const route = routes[url];
    if (!route) return new Response('not found', { status: 404 });
    const answer = route(n);
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

function polite(fetch: typeof globalThis.fetch, waits: number[] = [], extra = {}) {
  return new PoliteFetch({ fetch, rate: 0, sleep: async (ms) => void waits.push(ms), retry: { attempts: 3, baseMs: 100, maxWaitMs: 5000 }, ...extra });
}

const html = (body: string, headers: Record<string, string> = {}) => new Response(body, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });

describe('polite requests', () => {
  it('names the project in its User-Agent, sends no credentials and handles redirects itself', async () => {
    const { fetch, seen } = fakeFetch({ 'https://f.example/a': () => html('<p>a</p>') });
    const got = await polite(fetch).get('https://f.example/a');
    expect(got.body).toBe('<p>a</p>');
    expect(seen[0].headers['User-Agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^OnTheRecordBot\/[\d.]+ \(\+https:\/\/github\.com\//);
    expect(seen[0].init.redirect).toBe('manual');
    expect(seen[0].init.credentials).toBe('omit');
    expect(Object.keys(seen[0].headers).some((h) => /cookie|authorization/i.test(h))).toBe(false);
  });

  it('follows a redirect within the site, never off it, and never to an address it may not request', async () => {
    const { fetch, seen } = fakeFetch({
      'https://f.example/old': () => new Response(null, { status: 301, headers: { location: '/new' } }),
      'https://f.example/new': () => html('new'),
      'https://f.example/away': () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/x' } }),
      'https://f.example/secret': () => new Response(null, { status: 302, headers: { location: '/private/x' } }),
      'https://f.example/loop': () => new Response(null, { status: 302, headers: { location: '/loop2' } }),
      'https://f.example/loop2': () => new Response(null, { status: 302, headers: { location: '/loop' } }),
    });
    const p = polite(fetch);
    const got = await p.get('https://f.example/old');
    expect([got.url, got.redirectedFrom]).toEqual(['https://f.example/new', ['https://f.example/old']]);
    await expect(p.get('https://f.example/away')).rejects.toThrow(/off the site, to https:\/\/elsewhere\.example\/x/);
    await expect(p.get('https://f.example/secret', { allowed: (u) => !u.includes('/private/') })).rejects.toMatchObject({ kind: 'disallowed' });
    await expect(p.get('https://f.example/loop')).rejects.toThrow(/too many redirects/);
    // A redirect to a page the caller already has is not followed.
    const before = seen.length;
    const known = await p.get('https://f.example/old', { known: (u) => u === 'https://f.example/new' });
    expect([known.known, known.url, seen.length - before]).toEqual([true, 'https://f.example/new', 1]);
    expect(seen.some((s) => s.url.includes('elsewhere') || s.url.includes('/private/'))).toBe(false);
  });

  it('retries 503 and 429 after the wait Retry-After asks (capped), and network errors with backoff', async () => {
    const waits: number[] = [];
    const { fetch } = fakeFetch({
      'https://f.example/busy': (n) => (n === 1 ? new Response('', { status: 503, headers: { 'retry-after': '2' } }) : html('ok')),
      'https://f.example/slow': (n) => (n === 1 ? new Response('', { status: 429, headers: { 'retry-after': '86400' } }) : html('ok')),
      'https://f.example/flaky': (n) => (n < 3 ? new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }) : html('ok')),
      'https://f.example/down': () => new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }),
      'https://f.example/gone': () => new Response('', { status: 503 }),
    });
    const p = polite(fetch, waits);
    expect((await p.get('https://f.example/busy')).body).toBe('ok');
    expect((await p.get('https://f.example/slow')).body).toBe('ok');
    expect((await p.get('https://f.example/flaky')).body).toBe('ok');
    expect(waits).toEqual([2000, 5000, 100, 200]);
    await expect(p.get('https://f.example/down')).rejects.toThrow('connection refused (after 3 tries)');
    await expect(p.get('https://f.example/gone')).rejects.toThrow('HTTP 503 (after 3 tries)');
  });

  it('sends validators and reads a 304 as unchanged', async () => {
    const { fetch, seen } = fakeFetch({
      'https://f.example/list': () => new Response(null, { status: 304, headers: { etag: '"v1"' } }),
    });
    const got = await polite(fetch).get('https://f.example/list', { validators: { etag: '"v1"', lastModified: 'Thu, 01 Jan 2026 09:00:00 GMT' } });
    expect(got.notModified).toBe(true);
    expect(seen[0].headers['If-None-Match']).toBe('"v1"');
    expect(seen[0].headers['If-Modified-Since']).toBe('Thu, 01 Jan 2026 09:00:00 GMT');
  });

  it('refuses a body over the cap, told or not by Content-Length, and a 404 with its status', async () => {
    const big = 'x'.repeat(2000);
    const { fetch } = fakeFetch({
      'https://f.example/big': () => html(big),
      'https://f.example/told': () => html('small', { 'content-length': '999999' }),
    });
    const p = polite(fetch, [], { maxBytes: 1000 });
    await expect(p.get('https://f.example/big')).rejects.toMatchObject({ kind: 'too-large' });
    await expect(p.get('https://f.example/told')).rejects.toThrow(/too large/);
    const err = await p.get('https://f.example/none').catch((e: FetchError) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).message).toBe('HTTP 404');
  });

  it('keeps to the rate: no more than N requests start in any second', async () => {
    const starts: number[] = [];
    const fetch = (async () => {
      starts.push(Date.now());
      return html('ok');
    }) as typeof globalThis.fetch;
    const p = new PoliteFetch({ fetch, rate: 10 });
    await Promise.all(Array.from({ length: 25 }, (_, i) => p.get(`https://f.example/${i}`)));
    for (let i = 10; i < starts.length; i++) expect(starts[i] - starts[i - 10]).toBeGreaterThanOrEqual(990);
  });
});

describe('robots.txt', () => {
  it('applies its rules; a missing robots.txt allows all; one that cannot be read disallows all', async () => {
    const { fetch } = fakeFetch({
      'https://a.example/robots.txt': () => new Response('User-agent: *\nDisallow: /private/\n\nUser-agent: OnTheRecordBot\nDisallow: /not-for-us/\n', { status: 200 }),
      'https://c.example/robots.txt': () => new Response('', { status: 503 }),
    });
    const robots = new Robots(polite(fetch));
    const a = await robots.rulesFor('https://a.example/news');
    expect(a.allowed('https://a.example/news/x')).toBe(true);
    expect(a.allowed('https://a.example/not-for-us/x')).toBe(false);
    expect(a.allowed('http://www.a.example/not-for-us/x')).toBe(false); // one site, http or https, www or not
    const b = await robots.rulesFor('https://b.example/news'); // 404
    expect(b.allowed('https://b.example/anything')).toBe(true);
    const c = await robots.rulesFor('https://c.example/news');
    expect(c.allowed('https://c.example/news')).toBe(false);
    expect(c.unreachable).toMatch(/robots\.txt could not be read \(HTTP 503/);
  });
});
