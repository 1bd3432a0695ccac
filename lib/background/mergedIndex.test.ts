/** The merged index kept beside the imported releases: used while nothing has changed, merged again otherwise. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMatcher, parseRelease, type IndexData } from '../../core';
import { createMemoryReleaseStore, type ReleaseStore } from './releaseStore';
import { mergedIndex } from './mergedIndex';
import { seedIndex } from '../../tests/extension/fixtures';

const root = path.resolve(__dirname, '../..');
const canal = parseRelease(fs.readFileSync(path.join(root, 'tests/fixtures/import/canal-patrols.txt'), 'utf8'), 'canal-patrols.txt');
const roads = parseRelease(fs.readFileSync(path.join(root, 'tests/fixtures/releases/dev-roads-2018.txt'), 'utf8'), 'roads.txt');
const CANAL_QUOTE = 'Our officers will be out every night between six and midnight';
const ROADS_QUOTE = 'one driver distracted by a phone is one too many';

const stored = (p: typeof canal) => ({ id: p.release.id, added: 1, parsed: p });
/** The store, with its `all` counted: a start that reads the releases merged them. */
function counted(store: ReleaseStore) {
  const all = vi.fn(store.all);
  return { store: { ...store, all } as ReleaseStore, all };
}
const verdict = (data: IndexData, text: string) => createMatcher(data).match(text).verdict;
/** Lets the write that follows a merge happen. */
const kept = () => new Promise((r) => setTimeout(r, 5));

describe('the merged index', () => {
  const bundled = seedIndex();

  it('is the bundled index itself when the reader has imported nothing, and nothing is kept', async () => {
    const store = createMemoryReleaseStore();
    expect(await mergedIndex(bundled, store)).toBe(bundled);
    await kept();
    expect(await store.readMergedIndex()).toBeNull();
  });

  it('is merged on the first start and kept; the next start loads the kept one without reading the releases', async () => {
    const memory = createMemoryReleaseStore();
    await memory.add([stored(canal)]);
    const first = counted(memory);
    const merged = await mergedIndex(bundled, first.store);
    expect(first.all).toHaveBeenCalledTimes(1);
    expect(verdict(merged, CANAL_QUOTE)).toBe('verbatim');
    await kept();
    expect((await memory.readMergedIndex())?.key).toBe(`${bundled.built} 1`);

    const next = counted(memory);
    const loaded = await mergedIndex(bundled, next.store);
    expect(next.all).not.toHaveBeenCalled();
    expect(loaded).toEqual(merged);
  });

  it('is merged again after the releases change, or with another bundled index', async () => {
    const memory = createMemoryReleaseStore();
    await memory.add([stored(canal)]);
    await mergedIndex(bundled, memory);
    await kept();
    await memory.add([stored(roads)]);
    const afterAdd = counted(memory);
    expect(verdict(await mergedIndex(bundled, afterAdd.store), ROADS_QUOTE)).toBe('verbatim');
    expect(afterAdd.all).toHaveBeenCalledTimes(1);
    await kept();

    await memory.remove(canal.release.id);
    const afterRemove = counted(memory);
    expect(verdict(await mergedIndex(bundled, afterRemove.store), CANAL_QUOTE)).toBe('not-found');
    expect(afterRemove.all).toHaveBeenCalledTimes(1);
    await kept();

    const rebuilt = counted(memory);
    await mergedIndex({ ...bundled, built: '2030-01-01T00:00:00.000Z' }, rebuilt.store);
    expect(rebuilt.all).toHaveBeenCalledTimes(1);
  });

  it('is merged again when the kept one does not load, and kept again', async () => {
    const memory = createMemoryReleaseStore();
    await memory.add([stored(canal)]);
    await memory.saveMergedIndex({ key: `${bundled.built} 1`, text: '{"format":"on-the-record/index","version":3}' });
    const start = counted(memory);
    expect(verdict(await mergedIndex(bundled, start.store), CANAL_QUOTE)).toBe('verbatim');
    expect(start.all).toHaveBeenCalledTimes(1);
    await kept();
    const next = counted(memory);
    expect(verdict(await mergedIndex(bundled, next.store), CANAL_QUOTE)).toBe('verbatim');
    expect(next.all).not.toHaveBeenCalled();
  });

  it('never keeps an index under a revision that misses a change made while it was merged', async () => {
    const memory = createMemoryReleaseStore();
    await memory.add([stored(canal)]);
    // The releases are read, then a change lands before anything else is: had the revision been
    // read after the releases, the index made of the old releases would be kept under the new one.
    const racing: ReleaseStore = {
      ...memory,
      all: async () => {
        const before = await memory.all();
        await memory.add([stored(roads)]);
        return before;
      },
    };
    await mergedIndex(bundled, racing);
    await kept();
    const next = counted(memory);
    expect(verdict(await mergedIndex(bundled, next.store), ROADS_QUOTE)).toBe('verbatim');
    expect(next.all).toHaveBeenCalledTimes(1);
  });

  it('still merges when the kept one cannot be read', async () => {
    const memory = createMemoryReleaseStore();
    await memory.add([stored(canal)]);
    const failing: ReleaseStore = { ...memory, readMergedIndex: () => Promise.reject(new Error('disk')) };
    expect(verdict(await mergedIndex(bundled, failing), CANAL_QUOTE)).toBe('verbatim');
  });
});
