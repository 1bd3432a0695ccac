/**
 * What the background does with a request: the index loaded once, lazily, on
 * the first request (and again after the browser restarts the worker), the
 * matcher, the popup's search, index statistics and the recent checks.
 */
import { createMatcher, loadIndex, speakerKey, speakerName, type IndexData, type Matcher } from '../../core';
import { stripOuterQuotes } from '../../core/text/quoteMarks';
import { withContentId } from '../../core/releaseId';
import { clip, flat } from '../../core/text/clip';
import { exportReleases } from '../../core/import/releases';
import type { ParsedRelease } from '../../core/types';
import type { ReleaseStore } from './releaseStore';
import type { Newsrooms } from './newsrooms';
import { mergedIndex } from './mergedIndex';
import { createSearch, type IndexSearch } from '../../core/search';
import {
  EXPORT_PART,
  parseRequest,
  type IndexCoverage,
  type IndexStats,
  type RecentCheck,
  type Reply,
  type Request,
  type SourceEntry,
  type StatementView,
} from '../protocol';

export const RECENT_KEY = 'recentChecks';
export const RECENT_MAX = 20;

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface ServiceDeps {
  /** The bundled index file's text; null when the build has none. */
  loadIndexSource: () => string | null | undefined;
  store: KeyValueStore;
  /** The reader's imported releases (IndexedDB in the extension); none when absent. */
  releases?: ReleaseStore;
  /** Followed newsrooms (the extension's background); none when absent. */
  newsrooms?: (changed: () => void) => Newsrooms;
  now?: () => number;
}

interface Loaded {
  data: IndexData;
  matcher: Matcher;
  search: IndexSearch | null;
  stats: IndexStats | null;
  coverage: IndexCoverage | null;
}

export interface Service {
  /** Validates a message's shape and answers it. Never throws: errors come back as `{ ok: false }`. */
  receive(msg: unknown): Promise<Reply>;
  /** Whether the index has been loaded in this worker's life (for tests and diagnostics). */
  readonly loaded: boolean;
  /** How many times the index was parsed in this worker's life. */
  readonly loads: number;
  /** The followed newsrooms (for the daily alarm and resuming at start); null when not available here. */
  readonly newsrooms: Newsrooms | null;
}

function computeStats(data: IndexData): IndexStats {
  const speakers = new Set<string>();
  const orgs = new Set<string>();
  let quotations = 0;
  for (const s of data.statements) {
    if (s.kind === 'quote') quotations++;
    if (s.speaker) speakers.add(speakerKey(s.speaker));
  }
  let from: string | null = null;
  let to: string | null = null;
  for (const r of data.releases) {
    if (r.organisation) orgs.add(r.organisation);
    if (!from || r.date < from) from = r.date;
    if (!to || r.date > to) to = r.date;
  }
  return {
    releases: data.releases.length,
    statements: data.statements.length,
    quotations,
    speakers: speakers.size,
    organisations: [...orgs].sort(),
    built: data.built,
    from,
    to,
  };
}


export function createService(deps: ServiceDeps): Service {
  const now = deps.now ?? Date.now;
  let state: Loaded | null = null;
  let loading: Promise<Loaded> | null = null;
  let bundled: IndexData | null = null;
  let generation = 0;
  let loads = 0;
  let recentQueue: Promise<unknown> = Promise.resolve();

  function loadBundled(): IndexData {
    if (bundled) return bundled;
    const source = deps.loadIndexSource();
    if (source === null || source === undefined || source === '')
      throw new Error('This build carries no index: run `npm run index`, then build the extension again.');
    bundled = loadIndex(source);
    loads++;
    return bundled;
  }

  /** The bundled index merged with the reader's releases; rebuilt after they change. */
  function ensure(): Promise<Loaded> {
    if (state) return Promise.resolve(state);
    if (loading) return loading;
    const gen = generation;
    const p = (async () => {
      const base = loadBundled();
      let data = base;
      let failed = false;
      try {
        if (deps.releases) data = await mergedIndex(base, deps.releases);
      } catch {
        // Matching goes on with the bundled index; the Sources section reports the error (list-sources).
        failed = true;
      }
      const loaded: Loaded = { data, matcher: createMatcher(data), search: null, stats: null, coverage: null };
      if (gen === generation && !failed) state = loaded;
      return loaded;
    })();
    loading = p;
    p.catch(() => undefined).finally(() => {
      if (loading === p) loading = null;
    });
    return p;
  }

  /** The reader's releases changed: the next request merges them again. */
  function invalidate() {
    generation++;
    state = null;
    loading = null;
  }

  let newsroomsOf: Newsrooms | null = null;
  function newsrooms(): Newsrooms {
    if (!deps.newsrooms) throw new Error('newsrooms are not available here');
    newsroomsOf ??= deps.newsrooms(invalidate);
    return newsroomsOf;
  }

  function releasesStore(): ReleaseStore {
    if (!deps.releases) throw new Error('imported releases are not available here');
    return deps.releases;
  }

  async function readRecent(): Promise<RecentCheck[]> {
    const raw = await deps.store.get(RECENT_KEY);
    return Array.isArray(raw) ? (raw as RecentCheck[]).slice(0, RECENT_MAX) : [];
  }

  function remember(entry: RecentCheck): Promise<unknown> {
    recentQueue = recentQueue
      .then(async () => {
        const list = await readRecent();
        // A retry of a request a stopped worker had already recorded: once is enough.
        if (entry.id !== undefined && list.some((e) => e.id === entry.id)) return;
        // The same passage checked again moves to the top: no repeats.
        const key = (t: string) => flat(t).toLowerCase();
        const rest = list.filter((e) => key(e.text) !== key(entry.text));
        await deps.store.set(RECENT_KEY, [entry, ...rest].slice(0, RECENT_MAX));
      })
      .catch(() => undefined);
    return recentQueue;
  }

  async function answer(req: Request): Promise<Reply> {
    switch (req.type) {
      case 'verify': {
        const s = await ensure();
        const answer = s.matcher.match(req.text, { context: req.context });
        const best = answer.best;
        await remember({
          text: clip(stripOuterQuotes(req.text), 600),
          answer: { ...answer, candidates: [] },
          verdict: answer.verdict,
          speaker: best?.speaker ? speakerName(best.speaker) : best ? best.release.organisation ?? null : null,
          date: best?.date ?? null,
          at: now(),
          ...(req.id === undefined ? {} : { id: req.id }),
        });
        s.stats ??= computeStats(s.data);
        const { statements, releases, from, to, organisations } = s.stats;
        s.coverage ??= { statements, releases, from, to, organisations };
        return { ok: true, answer, coverage: s.coverage };
      }
      case 'check-page': {
        const s = await ensure();
        const answers = req.quotations.map((q, id) => {
          const a = s.matcher.match(q.text, q.context === undefined ? { id } : { context: q.context, id });
          return { ...a, id };
        });
        return { ok: true, answers };
      }
      case 'search': {
        const s = await ensure();
        s.search ??= createSearch(s.data);
        return { ok: true, hits: s.search.search(req.query, req.limit ?? 20) };
      }
      case 'statement': {
        const s = await ensure();
        const st = s.data.statements[req.index];
        const release = st ? s.data.releases[st.release] : undefined;
        if (!st || !release) return { ok: false, error: 'no such statement' };
        const statement: StatementView = { index: req.index, kind: st.kind, speaker: st.speaker, text: st.text, release };
        return { ok: true, statement };
      }
      case 'stats': {
        const s = await ensure();
        s.stats ??= computeStats(s.data);
        return { ok: true, stats: s.stats };
      }
      case 'recent':
        await recentQueue;
        return { ok: true, recent: await readRecent() };
      case 'clear-recent':
        await recentQueue;
        await deps.store.set(RECENT_KEY, []);
        return { ok: true };
      case 'import-known': {
        const inBundle = new Set(loadBundled().releases.map((r) => r.id));
        return {
          ok: true,
          bundled: req.ids.filter((id) => inBundle.has(id)),
          imported: deps.releases ? await deps.releases.has(req.ids) : [],
        };
      }
      case 'import-save': {
        const store = releasesStore();
        const at = now();
        const unique = new Map<string, ParsedRelease>();
        // Ids are the records' own, recomputed here: whatever the page sent, no release can take another's id.
        for (const r of req.releases.map(withContentId)) if (!unique.has(r.release.id)) unique.set(r.release.id, r);
        const saved = await store.add(
          [...unique.values()].map((parsed) => ({ id: parsed.release.id, added: at, parsed })),
          req.receipt,
        );
        if (saved) invalidate();
        return { ok: true, saved, duplicates: req.releases.length - saved };
      }
      case 'list-sources': {
        const inBundle = new Set(loadBundled().releases.map((r) => r.id));
        const all = await releasesStore().all();
        all.sort((a, b) => b.added - a.added || b.parsed.release.date.localeCompare(a.parsed.release.date));
        const sources: SourceEntry[] = all.slice(0, req.limit ?? all.length).map(({ parsed, added }) => ({
          release: parsed.release,
          statements: parsed.statements.length,
          quotations: parsed.statements.filter((st) => st.kind === 'quote').length,
          speakers: [...new Set(parsed.statements.flatMap((st) => (st.speaker ? [speakerName(st.speaker)] : [])))],
          added,
          bundled: inBundle.has(parsed.release.id),
        }));
        return { ok: true, sources, total: all.length };
      }
      case 'remove-source': {
        const removed = await releasesStore().remove(req.id);
        if (removed) invalidate();
        return { ok: true, removed };
      }
      case 'newsroom-list':
        return { ok: true, newsrooms: await newsrooms().list() };
      case 'newsroom-follow': {
        const newsroom = await newsrooms().follow(req.url, req.daily);
        await newsrooms().start(req.url);
        return { ok: true, newsroom };
      }
      case 'newsroom-update':
        await newsrooms().start(req.url);
        return { ok: true };
      case 'newsroom-daily':
        await newsrooms().setDaily(req.url, req.daily);
        return { ok: true };
      case 'newsroom-unfollow':
        return { ok: true, removed: await newsrooms().unfollow(req.url) };
      case 'export-sources': {
        const all = await releasesStore().all();
        all.sort((a, b) => a.added - b.added || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const from = req.from ?? 0;
        const part = all.slice(from, from + EXPORT_PART).map((r) => r.parsed);
        const next = from + EXPORT_PART < all.length ? from + EXPORT_PART : null;
        return { ok: true, file: exportReleases(part, new Date(now()).toISOString()), total: all.length, next };
      }
    }
  }

  return {
    async receive(msg: unknown): Promise<Reply> {
      const parsed = parseRequest(msg);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      try {
        return await answer(parsed.request);
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    },
    get loaded() {
      return state !== null;
    },
    get loads() {
      return loads;
    },
    get newsrooms() {
      return deps.newsrooms ? newsrooms() : null;
    },
  };
}
