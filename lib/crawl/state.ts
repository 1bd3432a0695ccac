/**
 * What a crawl remembers between runs, and how each thing it learns changes it. The state is
 * plain JSON; every change is an event, so a Node crawl can append events to a journal as they
 * happen (and survive being killed between any two) and replay them, and the extension can keep
 * them in storage. Applying an event twice changes nothing more than applying it once.
 */
import type { Validators } from './politeFetch';
import type { RobotsCopy } from './robots';

export const STATE_VERSION = 1;

export interface SavedRelease {
  /** The release's content id (core releaseId). */
  id: string;
  /** Where it was saved (a path inside the output folder, or a storage key). */
  file: string;
  /** ISO date of the release. */
  date: string;
  /** The visit it was saved in. */
  visit: number;
}

export interface FailedRelease {
  reason: string;
  /** Visits it has failed in. */
  tries: number;
  /** The last visit it failed in. */
  visit: number;
  /** The date the listing gave for it. */
  date?: string;
}

export interface CrawlState {
  version: typeof STATE_VERSION;
  /** The last visit begun (a visit is one run of the crawler over its starting addresses). */
  visit: number;
  /** Releases saved, by canonical address. */
  releases: Record<string, SavedRelease>;
  /** Other addresses of saved releases (a print view, an old address that redirects, the listing's link) → canonical address. */
  aliases: Record<string, string>;
  /** Content id → canonical address: the same release under an address never seen before is still known. */
  byId: Record<string, string>;
  /** Validators of listing pages, feeds and sitemaps, as of the last visit that read their listing to its end. */
  pages: Record<string, Validators>;
  robots: Record<string, RobotsCopy>;
  /** Starting addresses: the last visit that read the listing to its end (0: none yet). */
  starts: Record<string, { completeAt: number }>;
  /** Release pages that could not be saved, tried again on later visits. */
  failed: Record<string, FailedRelease>;
}

export type CrawlEvent =
  | { e: 'visit'; visit: number }
  | { e: 'saved'; url: string; id: string; file: string; date: string; visit: number; from?: string[] }
  | { e: 'alias'; url: string; to: string }
  | { e: 'failed'; url: string; reason: string; tries: number; visit: number; date?: string }
  /** A saved release whose file is gone (or whose write failed): no longer known. */
  | { e: 'dropped'; url: string }
  | { e: 'pages'; pages: Record<string, Validators> }
  | { e: 'robots'; url: string; copy: RobotsCopy }
  | { e: 'complete'; start: string; visit: number };

export function emptyState(): CrawlState {
  return { version: STATE_VERSION, visit: 0, releases: {}, aliases: {}, byId: {}, pages: {}, robots: {}, starts: {}, failed: {} };
}

/** Applies one event to the state, in place. */
export function applyEvent(state: CrawlState, ev: CrawlEvent): void {
  switch (ev.e) {
    case 'visit':
      state.visit = Math.max(state.visit, ev.visit);
      break;
    case 'saved': {
      state.releases[ev.url] = { id: ev.id, file: ev.file, date: ev.date, visit: ev.visit };
      state.byId[ev.id] = ev.url;
      delete state.aliases[ev.url];
      delete state.failed[ev.url];
      for (const from of ev.from ?? []) {
        if (from !== ev.url) state.aliases[from] = ev.url;
        delete state.failed[from];
      }
      break;
    }
    case 'alias':
      if (ev.url !== ev.to) state.aliases[ev.url] = ev.to;
      delete state.failed[ev.url];
      break;
    case 'failed':
      state.failed[ev.url] = { reason: ev.reason, tries: ev.tries, visit: ev.visit, ...(ev.date ? { date: ev.date } : {}) };
      break;
    case 'dropped': {
      const saved = state.releases[ev.url];
      delete state.releases[ev.url];
      if (saved && state.byId[saved.id] === ev.url) delete state.byId[saved.id];
      for (const [from, to] of Object.entries(state.aliases)) if (to === ev.url) delete state.aliases[from];
      break;
    }
    case 'pages':
      Object.assign(state.pages, ev.pages);
      break;
    case 'robots':
      state.robots[ev.url] = ev.copy;
      break;
    case 'complete':
      state.starts[ev.start] = { completeAt: Math.max(state.starts[ev.start]?.completeAt ?? 0, ev.visit) };
      break;
  }
}

/** The canonical address of a saved release known by `url` (itself or an alias), or undefined. */
export function savedAs(state: CrawlState, url: string): string | undefined {
  if (state.releases[url]) return url;
  const to = state.aliases[url];
  return to && state.releases[to] ? to : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A state read back from storage, checked: a record of the wrong shape is dropped rather than
 * trusted (the worst it costs is fetching a release again). Throws on a state of another version.
 */
export function readState(value: unknown): CrawlState {
  if (!isObject(value)) throw new Error('not a crawl state (expected a JSON object)');
  if (value.version !== STATE_VERSION) throw new Error(`crawl state of version ${String(value.version)}; this otr reads version ${STATE_VERSION}`);
  const state = emptyState();
  state.visit = typeof value.visit === 'number' && Number.isInteger(value.visit) && value.visit >= 0 ? value.visit : 0;
  const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 4096;
  const validators = (v: unknown) =>
    isObject(v) ? { ...(str(v.etag) ? { etag: v.etag } : {}), ...(str(v.lastModified) ? { lastModified: v.lastModified } : {}) } : null;
  for (const [url, r] of Object.entries(isObject(value.releases) ? value.releases : {})) {
    if (isObject(r) && str(r.id) && str(r.file) && str(r.date) && typeof r.visit === 'number') {
      state.releases[url] = { id: r.id, file: r.file, date: r.date, visit: r.visit };
      state.byId[r.id] = url;
    }
  }
  for (const [from, to] of Object.entries(isObject(value.aliases) ? value.aliases : {})) if (str(to)) state.aliases[from] = to;
  for (const [url, v] of Object.entries(isObject(value.pages) ? value.pages : {})) {
    const read = validators(v);
    if (read) state.pages[url] = read;
  }
  for (const [url, v] of Object.entries(isObject(value.robots) ? value.robots : {})) {
    if (isObject(v) && typeof v.text === 'string') state.robots[url] = { text: v.text, ...validators(v) };
  }
  for (const [url, v] of Object.entries(isObject(value.starts) ? value.starts : {})) {
    if (isObject(v) && typeof v.completeAt === 'number') state.starts[url] = { completeAt: v.completeAt };
  }
  for (const [url, v] of Object.entries(isObject(value.failed) ? value.failed : {})) {
    if (isObject(v) && str(v.reason) && typeof v.tries === 'number' && typeof v.visit === 'number') {
      state.failed[url] = { reason: v.reason, tries: v.tries, visit: v.visit, ...(str(v.date) ? { date: v.date } : {}) };
    }
  }
  return state;
}

/** Reads one journal line back as an event, or null when it is no event (a line cut short by a kill). */
export function readEvent(line: string): CrawlEvent | null {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isObject(v) || typeof v.e !== 'string') return null;
  const s = (k: string) => typeof v[k] === 'string';
  const n = (k: string) => typeof v[k] === 'number';
  switch (v.e) {
    case 'visit':
      return n('visit') ? (v as CrawlEvent) : null;
    case 'saved':
      return s('url') && s('id') && s('file') && s('date') && n('visit') && (v.from === undefined || (Array.isArray(v.from) && v.from.every((f) => typeof f === 'string'))) ? (v as CrawlEvent) : null;
    case 'alias':
      return s('url') && s('to') ? (v as CrawlEvent) : null;
    case 'failed':
      return s('url') && s('reason') && n('tries') && n('visit') ? (v as CrawlEvent) : null;
    case 'dropped':
      return s('url') ? (v as CrawlEvent) : null;
    case 'pages':
      return isObject(v.pages) ? (v as CrawlEvent) : null;
    case 'robots':
      return s('url') && isObject(v.copy) && typeof v.copy.text === 'string' ? (v as CrawlEvent) : null;
    case 'complete':
      return s('start') && n('visit') ? (v as CrawlEvent) : null;
    default:
      return null;
  }
}
