/**
 * The reader's imported releases, kept in IndexedDB (they survive browser restarts
 * and extension updates). A small promise wrapper; every error (quota, a blocked or
 * unavailable database) is rejected with a message a reader can act on, never swallowed.
 */
import type { ParsedRelease } from '../../core/types';
import { withContentId } from '../../core/releaseId';

export interface StoredRelease {
  /** The release's content id (the key: the same release is kept once). */
  id: string;
  /** Epoch milliseconds when it was first added. */
  added: number;
  parsed: ParsedRelease;
}

export interface ReleaseStore {
  all(): Promise<StoredRelease[]>;
  /** Which of these ids are kept. */
  has(ids: readonly string[]): Promise<string[]>;
  /**
   * Adds releases in one transaction: all are saved or none. A release already kept is left as it
   * is. Returns how many were new. With a `receipt` (the asker's name for this batch), the count is
   * recorded in the same transaction, and the same receipt again returns it without writing: a batch
   * sent twice (the worker stopped before it replied) is reported as saved, not as "already kept".
   */
  add(releases: StoredRelease[], receipt?: string): Promise<number>;
  /** Removes one release. Frees the kept merged index first, so a full storage can always be emptied. */
  remove(id: string): Promise<boolean>;
  /** A number that goes up, in the same transaction, whenever `add` or `remove` changes the releases (0 before any). */
  revision(): Promise<number>;
  /** The merged index file the background kept (lib/background/mergedIndex.ts) and the key it was kept under; null when none. */
  readMergedIndex(): Promise<KeptIndex | null>;
  /** Keeps one merged index file, replacing any other. (`add` and `remove` drop it: it no longer holds the releases.) */
  saveMergedIndex(kept: KeptIndex): Promise<void>;
}

export interface KeptIndex {
  key: string;
  text: string;
}

export const DB_NAME = 'on-the-record';
/** 2: a `meta` store beside the releases (the revision, the merged index). 3: ids recomputed from each release's content. */
export const DB_VERSION = 3;
const STORE = 'releases';
const META = 'meta';
const REVISION = 'revision';
const MERGED = 'merged-index';
const RECEIPTS = 'receipts';
/** Receipts kept (newest first): enough for every batch of an import in flight, from a few tabs. */
const RECEIPTS_KEPT = 200;

interface Receipt {
  id: string;
  saved: number;
}

export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageError';
  }
}

function describe(err: unknown, doing: string): StorageError {
  const e = err as { name?: string; message?: string } | null;
  const name = e?.name ?? '';
  if (name === 'QuotaExceededError') return new StorageError(`${doing}: the browser's storage is full (quota exceeded). Remove some imported releases or free space, then try again.`);
  return new StorageError(`${doing}: the browser's storage failed (${name || 'error'}${e?.message ? `: ${e.message}` : ''}).`);
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/**
 * done(tx), listened to from the start: a transaction may abort (a full disk) while a change
 * still waits on one of its requests, and the abort must not go unheard.
 */
function settled(tx: IDBTransaction): Promise<void> {
  const finished = done(tx);
  finished.catch(() => undefined); // (awaited by the caller; this only keeps an early abort from being reported as unhandled)
  return finished;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('the transaction was aborted', 'AbortError'));
  });
}

export function createIndexedDbStore(factory: IDBFactory | undefined = globalThis.indexedDB): ReleaseStore {
  let db: Promise<IDBDatabase> | null = null;

  function open(): Promise<IDBDatabase> {
    if (db) return db;
    db = new Promise<IDBDatabase>((resolve, reject) => {
      if (!factory) return reject(new StorageError("The browser's storage (IndexedDB) is not available here."));
      let r: IDBOpenDBRequest;
      try {
        r = factory.open(DB_NAME, DB_VERSION);
      } catch (err) {
        return reject(describe(err, 'Cannot open the imported releases'));
      }
      r.onupgradeneeded = (e) => {
        if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE, { keyPath: 'id' });
        if (!r.result.objectStoreNames.contains(META)) r.result.createObjectStore(META);
        // Before 3, a release kept the id its file gave it: rekey each by its content, in the upgrade's own
        // transaction (all or nothing), and drop the kept merged index, which held the old ids.
        if (e.oldVersion > 0 && e.oldVersion < 3) {
          const tx = r.transaction!;
          const store = tx.objectStore(STORE);
          store.openCursor().onsuccess = (ev) => {
            const cursor = (ev.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return;
            const kept = cursor.value as StoredRelease;
            const own = withContentId(kept.parsed);
            if (own.release.id !== kept.id) {
              cursor.delete();
              store.put({ ...kept, id: own.release.id, parsed: own });
            }
            cursor.continue();
          };
          tx.objectStore(META).delete(MERGED);
        }
      };
      r.onsuccess = () => {
        const d = r.result;
        d.onversionchange = () => {
          d.close();
          db = null;
        };
        resolve(d);
      };
      r.onerror = () => reject(describe(r.error, 'Cannot open the imported releases'));
      r.onblocked = () => reject(new StorageError('Cannot open the imported releases: the database is blocked by another copy of the extension. Close its other pages and try again.'));
    });
    db.catch(() => (db = null));
    return db;
  }

  return {
    async all() {
      const d = await open();
      try {
        const tx = d.transaction(STORE, 'readonly');
        return (await req(tx.objectStore(STORE).getAll())) as StoredRelease[];
      } catch (err) {
        throw describe(err, 'Cannot read the imported releases');
      }
    },
    async has(ids) {
      const d = await open();
      try {
        const store = d.transaction(STORE, 'readonly').objectStore(STORE);
        const found = await Promise.all(ids.map((id) => req(store.getKey(id))));
        return ids.filter((_, i) => found[i] !== undefined);
      } catch (err) {
        throw describe(err, 'Cannot read the imported releases');
      }
    },
    async add(releases, receipt) {
      const d = await open();
      try {
        const tx = d.transaction([STORE, META], 'readwrite');
        const finished = settled(tx);
        const store = tx.objectStore(STORE);
        const meta = tx.objectStore(META);
        const receipts = receipt ? (((await req(meta.get(RECEIPTS))) as Receipt[] | undefined) ?? []) : [];
        const earlier = receipts.find((r) => r.id === receipt);
        if (earlier) {
          await finished;
          return earlier.saved;
        }
        const keys = await Promise.all(releases.map((r) => req(store.getKey(r.id))));
        const fresh = releases.filter((_, i) => keys[i] === undefined);
        for (const r of fresh) store.put(r);
        if (fresh.length) await changed(tx);
        if (receipt) meta.put([{ id: receipt, saved: fresh.length }, ...receipts].slice(0, RECEIPTS_KEPT), RECEIPTS);
        await finished;
        return fresh.length;
      } catch (err) {
        throw describe(err, 'Nothing was saved');
      }
    },
    async remove(id) {
      const d = await open();
      try {
        if ((await req(d.transaction(STORE, 'readonly').objectStore(STORE).getKey(id))) === undefined) return false;
        // The kept merged index is the largest thing stored and is made again when needed:
        // deleting it first, on its own, frees room for the removal's own small write.
        const free = d.transaction(META, 'readwrite');
        free.objectStore(META).delete(MERGED);
        await done(free);
        const tx = d.transaction([STORE, META], 'readwrite');
        const finished = settled(tx);
        const store = tx.objectStore(STORE);
        const had = (await req(store.getKey(id))) !== undefined;
        store.delete(id);
        if (had) await changed(tx);
        await finished;
        return had;
      } catch (err) {
        throw describe(err, 'Cannot remove the release');
      }
    },
    async revision() {
      const d = await open();
      try {
        return ((await req(d.transaction(META, 'readonly').objectStore(META).get(REVISION))) as number | undefined) ?? 0;
      } catch (err) {
        throw describe(err, 'Cannot read the imported releases');
      }
    },
    async readMergedIndex() {
      const d = await open();
      try {
        const kept = (await req(d.transaction(META, 'readonly').objectStore(META).get(MERGED))) as KeptIndex | undefined;
        return kept && typeof kept.key === 'string' && typeof kept.text === 'string' ? kept : null;
      } catch (err) {
        throw describe(err, 'Cannot read the kept index');
      }
    },
    async saveMergedIndex(kept) {
      const d = await open();
      try {
        const tx = d.transaction(META, 'readwrite');
        tx.objectStore(META).put({ key: kept.key, text: kept.text }, MERGED);
        await done(tx);
      } catch (err) {
        throw describe(err, 'Cannot keep the index');
      }
    },
  };
}

/** Within a change's transaction: the revision goes up, and the merged index (made of the releases before) goes. */
async function changed(tx: IDBTransaction): Promise<void> {
  const meta = tx.objectStore(META);
  const revision = ((await req(meta.get(REVISION))) as number | undefined) ?? 0;
  meta.put(revision + 1, REVISION);
  meta.delete(MERGED);
}

/** An in-memory store with the same behaviour (tests; and a fallback nobody relies on). */
export function createMemoryReleaseStore(initial: StoredRelease[] = []): ReleaseStore & { failNext?: Error } {
  const map = new Map(initial.map((r) => [r.id, r]));
  let revision = 0;
  let merged: KeptIndex | null = null;
  const changed = () => {
    revision++;
    merged = null;
  };
  const receipts = new Map<string, number>();
  const s: ReleaseStore & { failNext?: Error } = {
    async all() {
      return [...map.values()];
    },
    async has(ids) {
      return ids.filter((id) => map.has(id));
    },
    async add(releases, receipt) {
      if (s.failNext) {
        const e = s.failNext;
        s.failNext = undefined;
        throw e;
      }
      if (receipt && receipts.has(receipt)) return receipts.get(receipt)!;
      const fresh = releases.filter((r) => !map.has(r.id));
      for (const r of fresh) map.set(r.id, r);
      if (fresh.length) changed();
      if (receipt) receipts.set(receipt, fresh.length);
      return fresh.length;
    },
    async remove(id) {
      const had = map.delete(id);
      if (had) changed();
      return had;
    },
    async revision() {
      return revision;
    },
    async readMergedIndex() {
      return merged;
    },
    async saveMergedIndex(kept) {
      merged = { ...kept };
    },
  };
  return s;
}
