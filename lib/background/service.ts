/**
 * What the background does with a request: the index loaded once, lazily, on
 * the first request (and again after the browser restarts the worker), the
 * matcher, the popup's search, index statistics and the recent checks.
 */
import { createMatcher, loadIndex, type IndexData, type Matcher } from '../../core';
import { createSearch, type IndexSearch } from '../../core/search';
import {
  parseRequest,
  type IndexStats,
  type RecentCheck,
  type Reply,
  type Request,
  type StatementView,
} from '../protocol';

export const RECENT_KEY = 'recentChecks';
export const RECENT_MAX = 20;

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface ServiceDeps {
  /** The bundled index: its JSON text (or parsed data); null when the build has none. */
  loadIndexSource: () => string | unknown | null | undefined;
  store: KeyValueStore;
  now?: () => number;
}

interface Loaded {
  data: IndexData;
  matcher: Matcher;
  search: IndexSearch | null;
  stats: IndexStats | null;
}

export interface Service {
  /** Validates a message's shape and answers it. Never throws: errors come back as `{ ok: false }`. */
  receive(msg: unknown): Promise<Reply>;
  /** Whether the index has been loaded in this worker's life (for tests and diagnostics). */
  readonly loaded: boolean;
  /** How many times the index was parsed in this worker's life. */
  readonly loads: number;
}

function computeStats(data: IndexData): IndexStats {
  const speakers = new Set<string>();
  const orgs = new Set<string>();
  let quotations = 0;
  for (const s of data.statements) {
    if (s.kind === 'quote') quotations++;
    if (s.speaker) speakers.add(s.speaker.name.toLowerCase());
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

/** The passage, shortened at a word boundary with an ellipsis. */
function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return (sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:.]+$/, '') + '…';
}

export function createService(deps: ServiceDeps): Service {
  const now = deps.now ?? Date.now;
  let state: Loaded | null = null;
  let loads = 0;
  let recentQueue: Promise<unknown> = Promise.resolve();

  function ensure(): Loaded {
    if (state) return state;
    const source = deps.loadIndexSource();
    if (source === null || source === undefined || source === '')
      throw new Error('This build carries no index: run `npm run index`, then build the extension again.');
    const data = loadIndex(source);
    loads++;
    state = { data, matcher: createMatcher(data), search: null, stats: null };
    return state;
  }

  async function readRecent(): Promise<RecentCheck[]> {
    const raw = await deps.store.get(RECENT_KEY);
    return Array.isArray(raw) ? (raw as RecentCheck[]).slice(0, RECENT_MAX) : [];
  }

  function remember(entry: RecentCheck): Promise<unknown> {
    recentQueue = recentQueue
      .then(async () => {
        const list = await readRecent();
        await deps.store.set(RECENT_KEY, [entry, ...list].slice(0, RECENT_MAX));
      })
      .catch(() => undefined);
    return recentQueue;
  }

  async function answer(req: Request): Promise<Reply> {
    switch (req.type) {
      case 'verify': {
        const s = ensure();
        const answer = s.matcher.match(req.text, { context: req.context });
        const best = answer.best;
        await remember({
          text: clip(req.text, 160),
          verdict: answer.verdict,
          speaker: best?.speaker?.name ?? (best ? best.release.organisation ?? null : null),
          date: best?.date ?? null,
          at: now(),
        });
        return { ok: true, answer };
      }
      case 'check-page': {
        const s = ensure();
        const answers = req.quotations.map((q, id) => {
          const a = s.matcher.match(q.text, q.context === undefined ? { id } : { context: q.context, id });
          return { ...a, id };
        });
        return { ok: true, answers };
      }
      case 'search': {
        const s = ensure();
        s.search ??= createSearch(s.data);
        return { ok: true, hits: s.search.search(req.query, req.limit ?? 20) };
      }
      case 'statement': {
        const s = ensure();
        const st = s.data.statements[req.index];
        const release = st ? s.data.releases[st.release] : undefined;
        if (!st || !release) return { ok: false, error: 'no such statement' };
        const statement: StatementView = { index: req.index, kind: st.kind, speaker: st.speaker, text: st.text, release };
        return { ok: true, statement };
      }
      case 'stats': {
        const s = ensure();
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
  };
}
