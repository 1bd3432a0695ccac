/**
 * Followed newsrooms: the background crawls each with the same crawler as `otr crawl`
 * (lib/crawl), its pages read with linkedom (a service worker has no DOMParser) and turned into
 * releases the way every import does (lib/import/page.ts), saved in the reader's store marked
 * with the newsroom (`source: "newsroom:<host>"`). Requests go only to the newsroom's own site,
 * with no cookies or credentials, and carry nothing the reader highlighted or checked.
 *
 * What a visit has done is kept in storage after every release (the crawl state), so an update
 * cut short (the worker stopped, the browser closed) resumes where it stopped, and a later update
 * fetches only what is new.
 */
import { DOMParser as XmlParser, parseHTML } from 'linkedom';
import { crawl, type Converted, type ReleasePage, type ReleaseSink } from '../crawl/crawler';
import { emptyState, readState, type CrawlState } from '../crawl/state';
import type { ParseDocument } from '../crawl/types';
import type { RetryPolicy } from '../crawl/retry';
import { pageReleaseText } from '../import/page';
import { parseRelease } from '../../core/parse/parseRelease';
import type { ReleaseStore } from './releaseStore';
import type { KeyValueStore } from './service';
import { NEWSROOM_SOURCE, newsroomProblem } from '../newsroomAddress';
import type { NewsroomView } from '../protocol';

/** A followed newsroom's record, as kept and as the options page shows it (lib/protocol.ts). */
export type Newsroom = NewsroomView;

export const NEWSROOMS_KEY = 'newsrooms';
const stateKey = (url: string) => `newsroom-state:${url}`;
/** Requests a second to one newsroom. */
const RATE = 1;
const parseDocument: ParseDocument = (text, type) =>
  (type === 'text/html' ? parseHTML(text).document : new XmlParser().parseFromString(text, 'text/xml')) as unknown as Document;

/**
 * The browser's fetch follows a redirect itself or answers an opaque one it will not show: the
 * crawler asks for `redirect: 'manual'` to check each hop stays on the site, so a followed
 * redirect is handed back as the 301 it was, to the address it ended at.
 */
export function crawlerFetch(base: typeof fetch): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.redirect !== 'manual') return base(input, init);
    const res = await base(input, { ...init, redirect: 'follow' });
    if (!res.redirected) return res;
    await res.body?.cancel().catch(() => undefined);
    return new Response(null, { status: 301, headers: { location: res.url } });
  }) as typeof fetch;
}

export interface NewsroomsDeps {
  kv: KeyValueStore;
  releases: ReleaseStore;
  fetch: typeof fetch;
  /** The reader's releases changed: the next check merges them again. */
  changed: () => void;
  now?: () => number;
  /** Requests a second to one newsroom (default 1). */
  rate?: number;
  /** How failed requests are tried again (default: the crawler's, four tries with backoff). */
  retry?: RetryPolicy;
}

export function createNewsrooms(deps: NewsroomsDeps) {
  const now = deps.now ?? Date.now;
  const running = new Map<string, Promise<Newsroom>>();
  let listQueue: Promise<unknown> = Promise.resolve();

  async function list(): Promise<Newsroom[]> {
    const raw = await deps.kv.get(NEWSROOMS_KEY);
    return Array.isArray(raw) ? (raw as Newsroom[]) : [];
  }

  /** Runs a change to the list, one at a time (updates and the options page write concurrently). */
  function queued<T>(change: (all: Newsroom[]) => Promise<T>): Promise<T> {
    const p = listQueue.then(async () => change(await list()));
    listQueue = p.catch(() => undefined);
    return p;
  }

  /** Changes one newsroom's record (null: removes it). */
  function edit(url: string, change: (n: Newsroom) => Newsroom | null): Promise<Newsroom | null> {
    return queued(async (all) => {
      const i = all.findIndex((n) => n.url === url);
      if (i < 0) return null;
      const next = change(all[i]!);
      if (next) all[i] = next;
      else all.splice(i, 1);
      await deps.kv.set(NEWSROOMS_KEY, all);
      return next;
    });
  }

  async function follow(url: string, daily: boolean): Promise<Newsroom> {
    const problem = newsroomProblem(url);
    if (problem) throw new Error(`${url}: ${problem}`);
    return queued(async (all) => {
      const known = all.find((n) => n.url === url);
      if (known) return known;
      // Its first update starts at once: shown as running from the moment it is followed.
      const n: Newsroom = { url, host: new URL(url).host, followed: now(), updated: null, releases: 0, added: 0, status: 'updating', message: 'Starting…', daily };
      await deps.kv.set(NEWSROOMS_KEY, [...all, n]);
      return n;
    });
  }

  /** Stops following: the newsroom's releases and its crawl state are removed, each release in its own small transaction. */
  async function unfollow(url: string): Promise<number> {
    const all = await list();
    const n = all.find((x) => x.url === url);
    if (!n) return 0;
    await running.get(url)?.catch(() => undefined);
    const mark = NEWSROOM_SOURCE + n.host;
    const others = all.filter((x) => x.url !== url && x.host === n.host).length;
    let removed = 0;
    if (!others) {
      for (const r of await deps.releases.all()) {
        if (r.parsed.release.source === mark && (await deps.releases.remove(r.id))) removed++;
      }
    }
    await deps.kv.set(stateKey(url), null);
    await edit(url, () => null);
    if (removed) deps.changed();
    return removed;
  }

  async function setDaily(url: string, daily: boolean): Promise<void> {
    await edit(url, (n) => ({ ...n, daily }));
  }

  /** Runs an update (or joins the one running): new releases saved, the record kept current. */
  function update(url: string): Promise<Newsroom> {
    const busy = running.get(url);
    if (busy) return busy;
    const p = runUpdate(url).finally(() => running.delete(url));
    running.set(url, p);
    return p;
  }

  async function runUpdate(url: string): Promise<Newsroom> {
    const n = (await list()).find((x) => x.url === url);
    if (!n) throw new Error(`not following ${url}`);
    let state: CrawlState;
    try {
      state = readState(await deps.kv.get(stateKey(url)));
    } catch {
      state = emptyState();
    }
    const mark = NEWSROOM_SOURCE + n.host;
    let added = 0;
    const sink: ReleaseSink = {
      convert(page: ReleasePage): Converted {
        const name = new URL(page.url).pathname.split('/').filter(Boolean).pop() ?? n.host;
        const text = pageReleaseText(parseHTML(page.html).document as unknown as Document, name, {
          url: page.url,
          ...(page.fallbackDate ? { fallbackDate: page.fallbackDate } : {}),
        });
        // parseRelease gives the id its content has; the mark below is not part of it.
        const release = parseRelease(text.text, name, text.url);
        return { text: text.text, release: { ...release, release: { ...release.release, source: mark } } };
      },
      place: (converted) => converted.release.release.id,
      async write(_place, converted) {
        added += await deps.releases.add([{ id: converted.release.release.id, added: now(), parsed: converted.release }]);
      },
    };
    // The state is kept after each event, at most once a second (and at the end): a stop loses at most the last second, which is fetched again.
    let dirty = false;
    let lastSaved = 0;
    const keep = async (force = false) => {
      if (!dirty || (!force && now() - lastSaved < 1000)) return;
      dirty = false;
      lastSaved = now();
      await deps.kv.set(stateKey(url), state);
    };
    let lastShown = 0;
    await edit(url, (x) => ({ ...x, status: 'updating', message: 'Starting…', progress: { found: 0, fetched: 0, saved: 0, failed: 0 } }));
    try {
      const report = await crawl({
        starts: [url],
        fetch: crawlerFetch(deps.fetch),
        parseDocument,
        sink,
        state,
        rate: deps.rate ?? RATE,
        ...(deps.retry ? { retry: deps.retry } : {}),
        record: () => {
          dirty = true;
          void keep();
        },
        onProgress: (p) => {
          if (now() - lastShown < 1000) return;
          lastShown = now();
          void edit(url, (x) => ({ ...x, message: undefined, progress: { found: p.found, fetched: p.fetched, saved: p.saved, failed: p.failed } }));
        },
      });
      await keep(true);
      if (added) deps.changed();
      const unreachable = report.unreachable[0];
      const saved = Object.values(state.releases).length;
      return (await edit(url, (x) => ({
        ...x,
        status: unreachable ? 'error' : 'idle',
        message: unreachable ? `Could not read ${unreachable.url}: ${unreachable.reason}` : report.failed ? `${report.failed} release pages could not be read` : undefined,
        progress: undefined,
        updated: unreachable ? x.updated : now(),
        added,
        releases: saved,
      })))!;
    } catch (err) {
      await keep(true).catch(() => undefined);
      if (added) deps.changed();
      return (await edit(url, (x) => ({ ...x, status: 'error', message: err instanceof Error ? err.message : String(err), progress: undefined, added })))!;
    }
  }

  /**
   * Starts an update and resolves once the newsroom shows it running (so the page that asked sees
   * "updating" at its next look, and follows the progress), not when it ends.
   */
  async function start(url: string): Promise<void> {
    if (!running.has(url)) await edit(url, (x) => ({ ...x, status: 'updating', message: 'Starting…' }));
    void update(url).catch(() => undefined);
  }

  /** Every followed newsroom marked daily (the alarm), one after another. */
  async function updateDaily(): Promise<void> {
    for (const n of await list()) if (n.daily) await update(n.url).catch(() => undefined);
  }

  /** Updates that were cut short (the worker stopped mid-update) are resumed when the worker starts. */
  async function resumeInterrupted(): Promise<void> {
    for (const n of await list()) if (n.status === 'updating' && !running.has(n.url)) void update(n.url).catch(() => undefined);
  }

  return { list, follow, unfollow, update, start, setDaily, updateDaily, resumeInterrupted };
}

export type Newsrooms = ReturnType<typeof createNewsrooms>;
