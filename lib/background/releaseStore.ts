/**
 * The reader's imported releases, kept in IndexedDB (they survive browser restarts
 * and extension updates). A small promise wrapper; every error (quota, a blocked or
 * unavailable database) is rejected with a message a reader can act on, never swallowed.
 */
import type { ParsedRelease } from '../../core/types';

export interface StoredRelease {
  /** The release's content id (the key: the same release is kept once). */
  id: string;
  /** Epoch milliseconds when it was first added. */
  added: number;
  parsed: ParsedRelease;
}

export interface ReleaseStore {
  all(): Promise<StoredRelease[]>;
  /** Adds releases in one transaction: all are saved or none. A release already kept keeps its first `added`. */
  add(releases: StoredRelease[]): Promise<void>;
  remove(id: string): Promise<boolean>;
}

export const DB_NAME = 'on-the-record';
export const DB_VERSION = 1;
const STORE = 'releases';

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
      r.onupgradeneeded = () => {
        if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE, { keyPath: 'id' });
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
    async add(releases) {
      const d = await open();
      try {
        const tx = d.transaction(STORE, 'readwrite');
        const store = tx.objectStore(STORE);
        for (const r of releases) {
          const existing = (await req(store.get(r.id))) as StoredRelease | undefined;
          store.put(existing ? { ...r, added: existing.added } : r);
        }
        await done(tx);
      } catch (err) {
        throw describe(err, 'Nothing was saved');
      }
    },
    async remove(id) {
      const d = await open();
      try {
        const tx = d.transaction(STORE, 'readwrite');
        const store = tx.objectStore(STORE);
        const had = (await req(store.getKey(id))) !== undefined;
        store.delete(id);
        await done(tx);
        return had;
      } catch (err) {
        throw describe(err, 'Cannot remove the release');
      }
    },
  };
}

/** An in-memory store with the same behaviour (tests; and a fallback nobody relies on). */
export function createMemoryReleaseStore(initial: StoredRelease[] = []): ReleaseStore & { failNext?: Error } {
  const map = new Map(initial.map((r) => [r.id, r]));
  const s: ReleaseStore & { failNext?: Error } = {
    async all() {
      return [...map.values()];
    },
    async add(releases) {
      if (s.failNext) {
        const e = s.failNext;
        s.failNext = undefined;
        throw e;
      }
      for (const r of releases) map.set(r.id, map.has(r.id) ? { ...r, added: map.get(r.id)!.added } : r);
    },
    async remove(id) {
      return map.delete(id);
    },
  };
  return s;
}
