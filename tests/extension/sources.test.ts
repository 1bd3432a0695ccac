/** The background's imported releases: preview, save (all or nothing), list, remove, export, and matching with them. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService } from '../../lib/background/service';
import { createMemoryReleaseStore, StorageError } from '../../lib/background/releaseStore';
import { parseRequest } from '../../lib/protocol';
import { parseRelease, serializeIndex } from '../../core';
import { seedIndex } from './fixtures';

const root = path.resolve(__dirname, '../..');
const canal = fs.readFileSync(path.join(root, 'tests/fixtures/import/canal-patrols.txt'), 'utf8');
const broken = fs.readFileSync(path.join(root, 'tests/fixtures/import/broken.txt'), 'utf8');
const QUOTE = 'Our officers will be out every night between six and midnight';

function memoryStore() {
  const data = new Map<string, unknown>();
  return { data, get: async (k: string) => data.get(k), set: async (k: string, v: unknown) => void data.set(k, v) };
}

function setup() {
  const releases = createMemoryReleaseStore();
  const svc = createService({ loadIndexSource: () => serializeIndex(seedIndex()), store: memoryStore(), releases, now: () => 1000 });
  return { svc, releases };
}

async function ok(svc: ReturnType<typeof setup>['svc'], msg: unknown) {
  const r = (await svc.receive(msg)) as any;
  expect(r.ok, r.error).toBe(true);
  return r;
}

describe('imported releases in the background', () => {
  it('previews without saving, saves, then matches the new quotation', async () => {
    const { svc } = setup();
    const before = await ok(svc, { type: 'verify', text: QUOTE });
    expect(before.answer.verdict).toBe('not-found');
    const { preview } = await ok(svc, { type: 'import-preview', name: 'canal-patrols.txt', text: canal });
    expect(preview.releases[0].release.date).toBe('2022-05-17');
    expect(preview.bundled).toEqual([]);
    expect((await ok(svc, { type: 'list-sources' })).sources).toEqual([]);
    const saved = await ok(svc, { type: 'import-save', releases: preview.releases });
    expect(saved).toMatchObject({ saved: 1, duplicates: 0 });
    const after = await ok(svc, { type: 'verify', text: QUOTE });
    expect(after.answer.verdict).toBe('verbatim');
    expect(after.answer.best.speaker.name).toBe('Alice Fenwick');
    expect(svc.loads).toBe(1); // the bundled index is parsed once; only the merge is redone
    const stats = await ok(svc, { type: 'stats' });
    expect(stats.stats.releases).toBe(seedIndex().releases.length + 1);
  });

  it('keeps the same release once and recognises one the bundle holds', async () => {
    const { svc } = setup();
    const { preview } = await ok(svc, { type: 'import-preview', name: 'a.txt', text: canal });
    await ok(svc, { type: 'import-save', releases: preview.releases });
    const again = await ok(svc, { type: 'import-preview', name: 'b.txt', text: canal });
    expect(again.preview.imported).toEqual([preview.releases[0].release.id]);
    expect(await ok(svc, { type: 'import-save', releases: again.preview.releases })).toMatchObject({ saved: 0, duplicates: 1 });
    expect((await ok(svc, { type: 'list-sources' })).sources).toHaveLength(1);
    const seedText = fs.readFileSync(path.join(root, 'data/releases/000_d0c768d28ef181f6.txt'), 'utf8');
    const seed = await ok(svc, { type: 'import-preview', name: 'seed.txt', text: seedText });
    expect(seed.preview.bundled).toEqual([seed.preview.releases[0].release.id]);
  });

  it('a bad file is refused with file and line and changes nothing', async () => {
    const { svc } = setup();
    const r = (await svc.receive({ type: 'import-preview', name: 'broken.txt', text: broken })) as any;
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^broken\.txt:2: "30 Feb 2023" is not a real date/);
    expect((await ok(svc, { type: 'list-sources' })).sources).toEqual([]);
  });

  it('refuses a malformed release in import-save', () => {
    const good = parseRelease(canal, 'a.txt');
    expect(parseRequest({ type: 'import-save', releases: [good] }).ok).toBe(true);
    const bad = parseRequest({ type: 'import-save', releases: [{ ...good, release: { ...good.release, date: 'soon' } }] });
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/release 1: its date/) });
    expect(parseRequest({ type: 'import-save', releases: [] }).ok).toBe(false);
    expect(parseRequest({ type: 'import-preview', name: 'x', text: 'y', url: 'javascript:x' }).ok).toBe(false);
  });

  it('reports a storage error and keeps the index as it was', async () => {
    const { svc, releases } = setup();
    releases.failNext = new StorageError("Nothing was saved: the browser's storage is full (quota exceeded).");
    const r = (await svc.receive({ type: 'import-save', releases: [parseRelease(canal, 'a.txt')] })) as any;
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/quota exceeded/) });
    expect((await ok(svc, { type: 'verify', text: QUOTE })).answer.verdict).toBe('not-found');
  });

  it('removes, exports, and the export imports again', async () => {
    const { svc } = setup();
    const a = parseRelease(canal, 'canal.txt');
    await ok(svc, { type: 'import-save', releases: [a] });
    const { file } = await ok(svc, { type: 'export-sources' });
    expect(file).toMatchObject({ format: 'on-the-record/releases', version: 1, releases: [a] });
    expect(await ok(svc, { type: 'remove-source', id: a.release.id })).toMatchObject({ removed: true });
    expect((await ok(svc, { type: 'verify', text: QUOTE })).answer.verdict).toBe('not-found');
    const back = await ok(svc, { type: 'import-preview', name: 'export.json', text: JSON.stringify(file) });
    expect(back.preview.releases).toEqual([a]);
    await ok(svc, { type: 'import-save', releases: back.preview.releases });
    expect((await ok(svc, { type: 'verify', text: QUOTE })).answer.verdict).toBe('verbatim');
  });
});
