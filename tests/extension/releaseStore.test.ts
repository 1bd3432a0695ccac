/** The IndexedDB store's errors reach the reader as plain messages (blocked, quota, unavailable); the real database is exercised in Chromium. */
import { describe, expect, it } from 'vitest';
import { createIndexedDbStore, StorageError } from '../../lib/background/releaseStore';

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
        put() {
          setTimeout(() => (tx.onabort as () => void)(), 0);
        },
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
