/**
 * One way to import releases, for every surface that does (the options page's files and pasted
 * text, the popup's "Add this page"): a file is read where it is opened, in the extension page,
 * with the core; the background is asked only which releases it knows already; releases travel
 * to it in batches, each saved all or none. So an export of any size reads back, and an import
 * cut short (the worker stopped, the page closed) leaves whole releases saved and can be run
 * again: what was saved is recognised.
 */
import { readImport, importKind } from '../../core/import/releases';
import { htmlToReleaseText, type ArticleLike } from '../../core/import/html';
import type { ParsedRelease } from '../../core/types';
import { MAX_IMPORT_RELEASES, MAX_KNOWN_IDS, type KnownReleases, type Protocol, type RequestOf, type RequestType } from '../protocol';
import { pageReleaseText } from './page';

/** Sends a typed request to the background (lib/client.ts's `ask`; a fake in tests). */
export type Ask = <K extends RequestType>(msg: RequestOf<K>) => Promise<Protocol[K]['res']>;

/** A file's releases. A saved page (.html) has its article extracted here (DOMParser and Readability). Throws ReleaseParseError. */
export function readImportFile(name: string, text: string, url?: string): ParsedRelease[] {
  if (importKind(name) !== 'html') return readImport(name, text, url);
  const page = pageReleaseText(new DOMParser().parseFromString(text, 'text/html'), name, url ? { url } : {});
  // Parsed as the text it became; named by the file the reader chose.
  return readImport(`${name}.txt`, page.text, page.url).map((r) => ({ ...r, release: { ...r.release, source: name } }));
}

/** The release of an article extracted from the page being read ("Add this page"), named by its address. */
export function readArticle(article: ArticleLike, url: string): ParsedRelease[] {
  let name = 'page';
  try {
    const u = new URL(url);
    name = (u.hostname + u.pathname).replace(/\/+$/, '').slice(0, 200) || 'page';
  } catch {
    /* keep "page" */
  }
  return readImport(name.replace(/\.(json|otr|x?html?)$/i, ''), htmlToReleaseText(article, name), /^https?:\/\//i.test(url) ? url : undefined);
}

function* batches<T>(list: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}

/** Lets the page paint between batches. */
export const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Which of the releases the bundled index or the reader's imports already hold. */
export async function knownReleases(ask: Ask, releases: readonly ParsedRelease[]): Promise<KnownReleases> {
  const bundled = new Set<string>();
  const imported = new Set<string>();
  for (const ids of batches([...new Set(releases.map((r) => r.release.id))], MAX_KNOWN_IDS)) {
    const r = await ask({ type: 'import-known', ids });
    r.bundled.forEach((id) => bundled.add(id));
    r.imported.forEach((id) => imported.add(id));
  }
  return { bundled, imported };
}

export interface SaveProgress {
  done: number;
  total: number;
  saved: number;
}

const receiptId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/**
 * Saves releases in batches. Each batch is one transaction, named by a receipt so that a batch
 * sent again after the worker stopped is counted as saved, not as already kept. Throws on the
 * first batch that fails, after reporting the batches saved before it.
 */
export async function saveReleases(
  ask: Ask,
  releases: readonly ParsedRelease[],
  onProgress?: (p: SaveProgress) => void,
  signal?: AbortSignal,
): Promise<{ saved: number; duplicates: number }> {
  let saved = 0;
  let done = 0;
  for (const batch of batches(releases, MAX_IMPORT_RELEASES)) {
    signal?.throwIfAborted();
    const r = await ask({ type: 'import-save', releases: batch, receipt: receiptId() });
    saved += r.saved;
    done += batch.length;
    onProgress?.({ done, total: releases.length, saved });
    await breathe();
  }
  return { saved, duplicates: releases.length - saved };
}
