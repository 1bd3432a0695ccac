/** The IndexedDB store: its errors reach the reader as plain messages (blocked, quota, unavailable); its revision and kept index on fake-indexeddb; the real database is exercised in Chromium. */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createIndexedDbStore, DB_NAME, StorageError } from '../../lib/background/releaseStore';
import { releaseId } from '../../core/releaseId';

/** A factory whose open() request fires one event. */
function factory(event: 'blocked' | 'error', error?: { name: string; message: string }): IDBFactory {
  return {
    open() {
      const r: Record<string, unknown> = { error };
      setTimeout(() => (event === 'blocked' ? (r.onblocked as () => void)() : (r.onerror as () => void)()), 0);
      return r as unknown as IDBOpenDBRequest;
    },
  } as unknown as IDBFactory;
}

/** A database whose write transactions abort with `error`. */
function failingWrites(error: { name: string; message: string }): IDBFactory {
  const db = {
    objectStoreNames: { contains: () => true },
    transaction() {
      const tx: Record<string, unknown> = { error };
      tx.objectStore = () => ({
        get() {
          const r: Record<string, unknown> = { result: undefined };
          setTimeout(() => (r.onsuccess as () => void)(), 0);
          return r;
        },
        getKey() {
          const r: Record<string, unknown> = { result: undefined };
          setTimeout(() => (r.onsuccess as () => void)(), 0);
          return r;
        },
        put() {
          setTimeout(() => (tx.onabort as () => void)(), 0);
        },
        delete() {},
      });
      return tx;
    },
  };
  return {
    open() {
      const r: Record<string, unknown> = { result: db };
      setTimeout(() => (r.onsuccess as () => void)(), 0);
      return r as unknown as IDBOpenDBRequest;
    },
  } as unknown as IDBFactory;
}

const release = { id: '0123456789abcdef', added: 1, parsed: { release: { id: '0123456789abcdef', date: '2022-05-17', title: 't' }, statements: [], warnings: [] } };

describe('the imported releases store', () => {
  it('says so when IndexedDB is not available', async () => {
    await expect(createIndexedDbStore(undefined).all()).rejects.toThrow(/not available/);
  });

  it('says so when the database is blocked', async () => {
    const err = await createIndexedDbStore(factory('blocked')).all().catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.message).toMatch(/blocked/);
  });

  it('names a failure to open', async () => {
    await expect(createIndexedDbStore(factory('error', { name: 'UnknownError', message: 'disk' })).all()).rejects.toThrow(/UnknownError: disk/);
  });

  it('reports a full disk as quota exceeded, nothing saved', async () => {
    const store = createIndexedDbStore(failingWrites({ name: 'QuotaExceededError', message: 'quota' }));
    const err = await store.add([release]).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.message).toMatch(/^Nothing was saved: the browser's storage is full \(quota exceeded\)/);
  });
});

describe('the imported releases store on a real IndexedDB (fake-indexeddb, to the spec)', () => {
  const second = { ...release, id: 'fedcba9876543210', parsed: { ...release.parsed, release: { ...release.parsed.release, id: 'fedcba9876543210' } } };

  it('raises the revision with every change, and drops the kept merged index with it', async () => {
    const store = createIndexedDbStore(new IDBFactory());
    expect(await store.revision()).toBe(0);
    expect(await store.readMergedIndex()).toBeNull();
    await store.add([release]);
    expect(await store.revision()).toBe(1);
    await store.saveMergedIndex({ key: 'k1', text: 'the index' });
    expect(await store.readMergedIndex()).toEqual({ key: 'k1', text: 'the index' });
    await store.add([second]);
    expect(await store.revision()).toBe(2);
    expect(await store.readMergedIndex()).toBeNull();
    await store.saveMergedIndex({ key: 'k2', text: 'another' });
    expect(await store.remove('0000000000000000')).toBe(false); // nothing removed: nothing changes
    expect(await store.revision()).toBe(2);
    expect(await store.readMergedIndex()).toEqual({ key: 'k2', text: 'another' });
    expect(await store.remove(release.id)).toBe(true);
    expect(await store.revision()).toBe(3);
    expect(await store.readMergedIndex()).toBeNull();
    expect((await store.all()).map((r) => r.id)).toEqual([second.id]);
  });

  it('opens a database of the first version (releases only) keeping its releases', async () => {
    const idb = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const r = idb.open(DB_NAME, 1);
      r.onupgradeneeded = () => r.result.createObjectStore('releases', { keyPath: 'id' }).put(release);
      r.onsuccess = () => (r.result.close(), resolve());
      r.onerror = () => reject(r.error);
    });
    const store = createIndexedDbStore(idb);
    // Kept, under the id its content has (ids given by files are recomputed on the upgrade to 3).
    expect((await store.all()).map((r) => [r.id, r.added])).toEqual([[releaseId(release.parsed), release.added]]);
    expect(await store.revision()).toBe(0);
    await store.saveMergedIndex({ key: 'k', text: 't' });
    expect(await store.readMergedIndex()).toEqual({ key: 'k', text: 't' });
  });
});
