/**
 * The one typed message protocol of the extension. The content script, the
 * popup, the options page and the background all import it from here.
 *
 * Requests go to the background with `browser.runtime.sendMessage` and are
 * answered with a `Reply`. The background checks every message's sender and
 * shape (`parseRequest`) before doing anything with it.
 *
 * The background sends one message the other way (`tabs.sendMessage`): a
 * `TabCommand` asking the content script of a tab to verify its selection.
 */
import type { Answer, ReleaseInfo, Speaker, StatementKind, Verdict } from '../core/types';
import type { SearchHit } from '../core/search';
import type { ParsedRelease } from '../core/types';
import { releaseProblem } from '../core/import/validate';
import type { ReleasesFile } from '../core/import/releases';
import { MAX_CONTEXT_CHARS, MAX_PASSAGE_CHARS } from '../core/limits';

/** A passage's and a context's limits are the core's (core/limits.ts): the matcher enforces the same. */
export const MAX_TEXT = MAX_PASSAGE_CHARS;
export const MAX_CONTEXT = MAX_CONTEXT_CHARS;
export const MAX_QUERY = 200;
/** Most quotations one `check-page` request may carry. */
export const MAX_QUOTATIONS = 300;

/** One quotation of a page or a draft, as `check-page` sends it: the words to match and the text around them. */
export interface QuotationRequest {
  text: string;
  context?: string;
}

/** What the index holds, said beside "Not in the index" so it can be read for what it is. */
export interface IndexCoverage {
  statements: number;
  releases: number;
  from: string | null;
  to: string | null;
  organisations: string[];
}

export interface IndexStats {
  releases: number;
  statements: number;
  quotations: number;
  speakers: number;
  organisations: string[];
  /** ISO timestamp of the index build. */
  built: string;
  /** ISO dates of the earliest and latest releases. */
  from: string | null;
  to: string | null;
}

export interface StatementView {
  index: number;
  kind: StatementKind;
  speaker: Speaker | null;
  text: string;
  release: ReleaseInfo;
}

export interface RecentCheck {
  /** The checked passage (its first 600 characters), without the page's outer quote marks. */
  text: string;
  /** The answer as it was given (its best match; no candidates), so the popup can open it again. */
  answer?: Answer;
  verdict: Verdict;
  speaker: string | null;
  date: string | null;
  /** Epoch milliseconds of the check. */
  at: number;
  /** The verify request's id, when it had one: a retried request is recorded once. */
  id?: string;
}

/** Request name → its fields and the fields of its successful reply. */
export interface Protocol {
  /** `id`: the asker's name for this request, the same on a retry (the check is recorded once). */
  verify: { req: { text: string; context?: string; id?: string }; res: { answer: Answer; coverage?: IndexCoverage } };
  /** Every quotation of a page or a draft at once; answers in the same order, ids their positions. */
  'check-page': { req: { quotations: QuotationRequest[] }; res: { answers: Answer[] } };
  search: { req: { query: string; limit?: number }; res: { hits: SearchHit[] } };
  statement: { req: { index: number }; res: { statement: StatementView } };
  stats: { req: {}; res: { stats: IndexStats } };
  recent: { req: {}; res: { recent: RecentCheck[] } };
  'clear-recent': { req: {}; res: {} };
  /**
   * Which of these release ids are known already (files are read where they are opened, in the
   * extension page; only their ids travel here): held by the bundled index, or imported before.
   */
  'import-known': { req: { ids: string[] }; res: { bundled: string[]; imported: string[] } };
  /**
   * Saves one batch of releases, all or none (a file travels in batches of at most
   * MAX_IMPORT_RELEASES). `receipt`: the asker's name for the batch, the same on a retry, so a
   * batch saved before the worker stopped is reported saved.
   */
  'import-save': { req: { releases: ParsedRelease[]; receipt?: string }; res: { saved: number; duplicates: number } };
  /** The reader's releases, newest first: at most `limit` (all when absent), and how many there are. */
  'list-sources': { req: { limit?: number }; res: { sources: SourceEntry[]; total: number } };
  'remove-source': { req: { id: string }; res: { removed: boolean } };
  /** One part of the export, from release `from` (oldest first): the file's part and where the next starts (null: the end). */
  'export-sources': { req: { from?: number }; res: { file: ReleasesFile; total: number; next: number | null } };
  /** The followed newsrooms, each with its last update and, while one runs, its progress. */
  'newsroom-list': { req: {}; res: { newsrooms: NewsroomView[] } };
  /** Follows a newsroom (its host permission already granted at the click) and starts its first update. */
  'newsroom-follow': { req: { url: string; daily: boolean }; res: { newsroom: NewsroomView } };
  /** Starts an update now (or reports the one running); answers at once, progress comes through newsroom-list. */
  'newsroom-update': { req: { url: string }; res: {} };
  'newsroom-daily': { req: { url: string; daily: boolean }; res: {} };
  /** Stops following: its releases are removed from the reader's index. */
  'newsroom-unfollow': { req: { url: string }; res: { removed: number } };
}

/** A followed newsroom, as the options page shows it (lib/background/newsrooms.ts keeps it). */
export interface NewsroomView {
  url: string;
  host: string;
  followed: number;
  updated: number | null;
  releases: number;
  added: number;
  status: 'idle' | 'updating' | 'error';
  message?: string;
  progress?: { found: number; fetched: number; saved: number; failed: number };
  daily: boolean;
}

/** Releases in one import-save (about 1 MB a message at 2 KB a release). */
export const MAX_IMPORT_RELEASES = 500;
/** Ids in one import-known. */
export const MAX_KNOWN_IDS = 5000;
/** Releases in one part of an export. */
export const EXPORT_PART = 1000;

/** What an import found already known, by release id. */
export interface KnownReleases {
  /** Ids of releases the bundled index already holds. */
  bundled: ReadonlySet<string>;
  /** Ids of releases the reader has already imported. */
  imported: ReadonlySet<string>;
}

/** One of the reader's imported releases, as the options page lists it. */
export interface SourceEntry {
  release: ReleaseInfo;
  quotations: number;
  statements: number;
  speakers: string[];
  /** Epoch milliseconds when it was added. */
  added: number;
  /** Whether the bundled index holds it too. */
  bundled: boolean;
}

export type RequestType = keyof Protocol;
export type RequestOf<K extends RequestType> = { type: K } & Protocol[K]['req'];
export type Request = { [K in RequestType]: RequestOf<K> }[RequestType];
export type ReplyOf<K extends RequestType> = ({ ok: true } & Protocol[K]['res']) | { ok: false; error: string };
export type Reply = ReplyOf<RequestType>;

/** Background → content script. */
export interface TabCommand {
  type: 'verify-selection';
  /** The selection as the browser reported it (context menu), when known. */
  selectionText?: string;
}

/** Background or popup → content script: check every quotation on the page. */
export interface CheckPageCommand {
  type: 'check-page';
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isOptStr = (v: unknown, max: number) => v === undefined || isStr(v, max);
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Checks a message's shape; returns it typed, or a reason why not. Extra fields are dropped. */
export function parseRequest(msg: unknown): { ok: true; request: Request } | { ok: false; error: string } {
  if (!isObj(msg) || typeof msg.type !== 'string') return { ok: false, error: 'message must be an object with a type' };
  switch (msg.type) {
    case 'verify':
      if (!isStr(msg.text, MAX_TEXT) || msg.text.trim() === '')
        return { ok: false, error: `verify: text must be a non-empty string of at most ${MAX_TEXT} characters` };
      if (!isOptStr(msg.context, MAX_CONTEXT))
        return { ok: false, error: `verify: context must be a string of at most ${MAX_CONTEXT} characters` };
      if (!isOptStr(msg.id, 64)) return { ok: false, error: 'verify: id must be a string of at most 64 characters' };
      return {
        ok: true,
        request: { type: 'verify', text: msg.text, context: msg.context as string | undefined, ...(msg.id === undefined ? {} : { id: msg.id as string }) },
      };
    case 'check-page': {
      const list = msg.quotations;
      if (!Array.isArray(list) || list.length > MAX_QUOTATIONS)
        return { ok: false, error: `check-page: quotations must be a list of at most ${MAX_QUOTATIONS}` };
      const quotations: QuotationRequest[] = [];
      for (const q of list) {
        if (!isObj(q) || !isStr(q.text, MAX_TEXT) || q.text.trim() === '' || !isOptStr(q.context, MAX_CONTEXT))
          return { ok: false, error: `check-page: each quotation needs text (at most ${MAX_TEXT} characters) and an optional context (at most ${MAX_CONTEXT})` };
        quotations.push(q.context === undefined ? { text: q.text } : { text: q.text, context: q.context as string });
      }
      return { ok: true, request: { type: 'check-page', quotations } };
    }
    case 'search':
      if (!isStr(msg.query, MAX_QUERY)) return { ok: false, error: `search: query must be a string of at most ${MAX_QUERY} characters` };
      if (msg.limit !== undefined && !isInt(msg.limit, 1, 100)) return { ok: false, error: 'search: limit must be 1..100' };
      return { ok: true, request: { type: 'search', query: msg.query, limit: msg.limit as number | undefined } };
    case 'statement':
      if (!isInt(msg.index, 0, Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'statement: index must be a whole number' };
      return { ok: true, request: { type: 'statement', index: msg.index } };
    case 'stats':
    case 'recent':
    case 'clear-recent':
      return { ok: true, request: { type: msg.type } };
    case 'list-sources':
      if (msg.limit !== undefined && !isInt(msg.limit, 1, Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'list-sources: limit must be a whole number from 1' };
      return { ok: true, request: { type: 'list-sources', ...(msg.limit === undefined ? {} : { limit: msg.limit }) } };
    case 'export-sources':
      if (msg.from !== undefined && !isInt(msg.from, 0, Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'export-sources: from must be a whole number from 0' };
      return { ok: true, request: { type: 'export-sources', ...(msg.from === undefined ? {} : { from: msg.from }) } };
    case 'newsroom-list':
      return { ok: true, request: { type: 'newsroom-list' } };
    case 'newsroom-follow':
    case 'newsroom-update':
    case 'newsroom-daily':
    case 'newsroom-unfollow': {
      if (!isStr(msg.url, 2000) || !/^https?:\/\/[^\s]+$/i.test(msg.url)) return { ok: false, error: `${msg.type}: url must be an http(s) address` };
      if ((msg.type === 'newsroom-follow' || msg.type === 'newsroom-daily') && typeof msg.daily !== 'boolean') return { ok: false, error: `${msg.type}: daily must be true or false` };
      const url = msg.url;
      if (msg.type === 'newsroom-follow') return { ok: true, request: { type: 'newsroom-follow', url, daily: msg.daily as boolean } };
      if (msg.type === 'newsroom-daily') return { ok: true, request: { type: 'newsroom-daily', url, daily: msg.daily as boolean } };
      return { ok: true, request: { type: msg.type, url } };
    }
    case 'import-known':
      if (!Array.isArray(msg.ids) || msg.ids.length > MAX_KNOWN_IDS || !msg.ids.every((id) => isStr(id, 64)))
        return { ok: false, error: `import-known: ids must be a list of at most ${MAX_KNOWN_IDS} release ids` };
      return { ok: true, request: { type: 'import-known', ids: msg.ids as string[] } };
    case 'import-save': {
      if (!Array.isArray(msg.releases) || msg.releases.length === 0 || msg.releases.length > MAX_IMPORT_RELEASES)
        return { ok: false, error: `import-save: releases must be a list of 1..${MAX_IMPORT_RELEASES}` };
      if (!isOptStr(msg.receipt, 64)) return { ok: false, error: 'import-save: receipt must be a string of at most 64 characters' };
      const bad = msg.releases.findIndex((r) => releaseProblem(r) !== null);
      if (bad >= 0) return { ok: false, error: `import-save: release ${bad + 1}: ${releaseProblem(msg.releases[bad])}` };
      return { ok: true, request: { type: 'import-save', releases: msg.releases as ParsedRelease[], ...(msg.receipt === undefined ? {} : { receipt: msg.receipt as string }) } };
    }
    case 'remove-source':
      if (!isStr(msg.id, 64)) return { ok: false, error: 'remove-source: id must be a string' };
      return { ok: true, request: { type: 'remove-source', id: msg.id } };
    default:
      return { ok: false, error: 'unknown message type' };
  }
}

export function isTabCommand(msg: unknown): msg is TabCommand {
  return isObj(msg) && msg.type === 'verify-selection' && isOptStr(msg.selectionText, MAX_TEXT);
}

export function isCheckPageCommand(msg: unknown): msg is CheckPageCommand {
  return isObj(msg) && msg.type === 'check-page' && !('quotations' in msg);
}

/** The part of runtime.MessageSender the background looks at. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** Only the extension's own pages and content scripts may ask: sender.id must be this extension's id. */
export function isTrustedSender(sender: SenderLike | undefined, extensionId: string): boolean {
  return !!sender && typeof sender.id === 'string' && sender.id === extensionId && extensionId !== '';
}

/**
 * What a content script may ask: to check what the reader selected or the page it runs in.
 * The reader's history (recent checks), imports, exports and sources answer only the
 * extension's own pages, so a page that subverted its content script learns nothing of what
 * the reader checked elsewhere and cannot change the index.
 */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<string> = new Set<RequestType>(['verify', 'check-page']);

/**
 * Who is asking: one of the extension's own pages (its address is inside the extension's
 * origin), a content script (anything else this extension runs), or nobody to answer.
 */
export function senderRole(sender: SenderLike | undefined, extensionId: string, extensionOrigin: string): 'extension-page' | 'content-script' | null {
  if (!isTrustedSender(sender, extensionId)) return null;
  const url = typeof sender!.url === 'string' ? sender!.url : '';
  return extensionOrigin !== '' && url.startsWith(extensionOrigin) ? 'extension-page' : 'content-script';
}

/** Whether a request may be answered for that sender (the request's own shape is checked later). */
export function mayAsk(role: 'extension-page' | 'content-script', msg: unknown): boolean {
  if (role === 'extension-page') return true;
  const type = (msg as { type?: unknown } | null)?.type;
  return typeof type === 'string' && CONTENT_SCRIPT_REQUESTS.has(type);
}

/** Error raised on the asking side when the background answers `ok: false`. */
export class ProtocolError extends Error {}

type Sender = (msg: unknown) => Promise<unknown>;

/**
 * Sends a typed request and returns the typed reply's fields, throwing
 * ProtocolError when the background refuses. `send` is browser.runtime.sendMessage.
 */
export async function request<K extends RequestType>(send: Sender, msg: RequestOf<K>): Promise<Protocol[K]['res']> {
  const reply = (await send(msg)) as ReplyOf<K> | undefined;
  if (!reply || typeof reply !== 'object') throw new ProtocolError('no answer from the extension background');
  if (!reply.ok) throw new ProtocolError(reply.error);
  return reply as Protocol[K]['res'];
}
