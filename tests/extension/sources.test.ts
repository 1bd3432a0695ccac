/**
 * Importing, end to end except the browser: files read by the extension page's pipeline
 * (lib/import/pipeline.ts), the background asked which releases it knows and sent batches to
 * save (each all or nothing, with a receipt), listed, removed, exported in parts and read back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService } from '../../lib/background/service';
import { IDBFactory } from 'fake-indexeddb';
import { createIndexedDbStore, createMemoryReleaseStore, StorageError } from '../../lib/background/releaseStore';
import { EXPORT_PART, MAX_IMPORT_RELEASES, parseRequest, type Protocol, type RequestOf, type RequestType } from '../../lib/protocol';
import { knownReleases, readImportFile, saveReleases, type Ask } from '../../lib/import/pipeline';
import { parseRelease, serializeIndex, type ParsedRelease } from '../../core';
import { withContentId } from '../../core/releaseId';
import { RELEASES_FORMAT, RELEASES_VERSION } from '../../core/import/releases';
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

/** The same on a real IndexedDB (fake-indexeddb, to the spec), where the store's own transactions are what is tested. */
function setupOnIndexedDb() {
  const releases = createIndexedDbStore(new IDBFactory());
  const svc = createService({ loadIndexSource: () => serializeIndex(seedIndex()), store: memoryStore(), releases, now: () => 1000 });
  return { svc, releases };
}

async function ok(svc: ReturnType<typeof setup>['svc'], msg: unknown) {
  const r = (await svc.receive(msg)) as any;
  expect(r.ok, r.error).toBe(true);
  return r;
}

/** The extension page's `ask`, answered by the service (as lib/client.ts does through the browser). */
function asker(svc: ReturnType<typeof setup>['svc']): Ask & { sent: unknown[] } {
  const sent: unknown[] = [];
  const ask = async <K extends RequestType>(msg: RequestOf<K>): Promise<Protocol[K]['res']> => {
    sent.push(msg);
    const r = (await svc.receive(msg)) as { ok: boolean; error?: string };
    if (!r.ok) throw new Error(r.error);
    return r as unknown as Protocol[K]['res'];
  };
  return Object.assign(ask, { sent });
}

/** `n` different releases, made from one by changing its title and words (ids recomputed from the content). */
function manyReleases(n: number): ParsedRelease[] {
  const base = parseRelease(canal, 'canal.txt');
  return Array.from({ length: n }, (_, i) =>
    withContentId({
      ...base,
      release: { ...base.release, title: `${base.release.title} (${i})`, source: `r${i}.txt` },
      statements: base.statements.map((st) => ({ ...st, text: `${st.text} Item ${i}.` })),
    }),
  );
}

/** An export's parts, joined as the options page joins them into one file. */
async function exportAll(ask: Ask) {
  const releases: ParsedRelease[] = [];
  for (let from: number | null = 0; from !== null; ) {
    const part: { file: { releases: ParsedRelease[] }; next: number | null } = await ask({ type: 'export-sources', from });
    releases.push(...part.file.releases);
    from = part.next;
  }
  return { format: RELEASES_FORMAT, version: RELEASES_VERSION, exported: '2026-12-02T00:00:00.000Z', releases };
}

describe('imported releases in the background', () => {
  it('previews without saving, saves, then matches the new quotation', async () => {
    const { svc } = setup();
    const ask = asker(svc);
    const before = await ok(svc, { type: 'verify', text: QUOTE });
    expect(before.answer.verdict).toBe('not-found');
    const releases = readImportFile('canal-patrols.txt', canal);
    expect(releases[0].release.date).toBe('2022-05-17');
    const known = await knownReleases(ask, releases);
    expect([...known.bundled, ...known.imported]).toEqual([]);
    expect((await ok(svc, { type: 'list-sources' })).sources).toEqual([]);
    expect(await saveReleases(ask, releases)).toEqual({ saved: 1, duplicates: 0 });
    const after = await ok(svc, { type: 'verify', text: QUOTE });
    expect(after.answer.verdict).toBe('verbatim');
    expect(after.answer.best.speaker.name).toBe('Alice Fenwick');
    expect(svc.loads).toBe(1); // the bundled index is parsed once; only the merge is redone
    const stats = await ok(svc, { type: 'stats' });
    expect(stats.stats.releases).toBe(seedIndex().releases.length + 1);
    // Only ids travelled to ask what is known; the file's text never did.
    expect(JSON.stringify(ask.sent)).not.toContain('Fenwick said');
  });

  it('keeps the same release once and recognises one the bundle holds', async () => {
    const { svc } = setup();
    const ask = asker(svc);
    const first = readImportFile('a.txt', canal);
    await saveReleases(ask, first);
    const again = readImportFile('b.txt', canal);
    expect([...(await knownReleases(ask, again)).imported]).toEqual([first[0].release.id]);
    expect(await saveReleases(ask, again)).toEqual({ saved: 0, duplicates: 1 });
    expect((await ok(svc, { type: 'list-sources' })).sources).toHaveLength(1);
    const seedText = fs.readFileSync(path.join(root, 'data/releases/000_d0c768d28ef181f6.txt'), 'utf8');
    const seed = readImportFile('seed.txt', seedText);
    expect([...(await knownReleases(ask, seed)).bundled]).toEqual([seed[0].release.id]);
  });

  it('a bad file is refused with file and line and changes nothing', async () => {
    const { svc } = setup();
    expect(() => readImportFile('broken.txt', broken)).toThrow(/^broken\.txt:2: "30 Feb 2023" is not a real date/);
    expect((await ok(svc, { type: 'list-sources' })).sources).toEqual([]);
  });

  it('refuses a malformed release in import-save', () => {
    const good = parseRelease(canal, 'a.txt');
    expect(parseRequest({ type: 'import-save', releases: [good] }).ok).toBe(true);
    const bad = parseRequest({ type: 'import-save', releases: [{ ...good, release: { ...good.release, date: 'soon' } }] });
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/release 1: its date/) });
    expect(parseRequest({ type: 'import-save', releases: [] }).ok).toBe(false);
    expect(parseRequest({ type: 'import-save', releases: Array(MAX_IMPORT_RELEASES + 1).fill(good) }).ok).toBe(false);
    expect(parseRequest({ type: 'import-save', releases: [good], receipt: 'x'.repeat(65) }).ok).toBe(false);
    expect(parseRequest({ type: 'import-known', ids: [42] }).ok).toBe(false);
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
    const ask = asker(svc);
    const a = parseRelease(canal, 'canal.txt');
    await ok(svc, { type: 'import-save', releases: [a] });
    const file = await exportAll(ask);
    expect(file.releases).toEqual([a]);
    expect(await ok(svc, { type: 'remove-source', id: a.release.id })).toMatchObject({ removed: true });
    expect((await ok(svc, { type: 'verify', text: QUOTE })).answer.verdict).toBe('not-found');
    const back = readImportFile('export.json', JSON.stringify(file));
    expect(back).toEqual([a]);
    await saveReleases(ask, back);
    expect((await ok(svc, { type: 'verify', text: QUOTE })).answer.verdict).toBe('verbatim');
  });

  it('an export of 20,000 releases reads back whole, in batches', async () => {
    const { svc } = setup();
    const ask = asker(svc);
    const releases = manyReleases(20_000);
    const progress: number[] = [];
    expect(await saveReleases(ask, releases, (p) => progress.push(p.done))).toEqual({ saved: 20_000, duplicates: 0 });
    expect(progress.length).toBe(Math.ceil(20_000 / MAX_IMPORT_RELEASES));
    expect(progress.at(-1)).toBe(20_000);
    const text = JSON.stringify(await exportAll(ask), null, 2);
    expect(text.length).toBeGreaterThan(2_000_000); // past the old limit of one message
    const list = await ok(svc, { type: 'list-sources', limit: 200 });
    expect(list.sources).toHaveLength(200);
    expect(list.total).toBe(20_000);
    expect(ask.sent.filter((m) => (m as { type: string }).type === 'export-sources')).toHaveLength(20_000 / EXPORT_PART);

    // Into a fresh background: every release, the same ids, each once.
    const fresh = setup();
    const back = readImportFile('on-the-record-releases.json', text);
    expect(back.map((r) => r.release.id).sort()).toEqual(releases.map((r) => r.release.id).sort());
    expect(await saveReleases(asker(fresh.svc), back)).toEqual({ saved: 20_000, duplicates: 0 });
    expect((await fresh.releases.all()).length).toBe(20_000);
  }, 120_000);

  it('reports truly: a batch sent again after the worker stopped is saved once and reported saved; two tabs saving at once each report their own', async () => {
    const { svc, releases } = setupOnIndexedDb();
    const batch = manyReleases(3);
    const first = await ok(svc, { type: 'import-save', releases: batch, receipt: 'tab-1-batch-1' });
    // The same batch again (the reply was lost when the worker stopped): the receipt tells.
    expect(await ok(svc, { type: 'import-save', releases: batch, receipt: 'tab-1-batch-1' })).toEqual(first);
    expect(first).toMatchObject({ saved: 3, duplicates: 0 });
    // Two tabs, overlapping files, at the same time: what each reports adds up to what was kept.
    const overlap = manyReleases(8);
    const [a, b] = await Promise.all([
      saveReleases(asker(svc), overlap.slice(0, 6)),
      saveReleases(asker(svc), overlap.slice(2, 8)),
    ]);
    expect(a.saved + b.saved).toBe(8 - 3);
    expect(a.saved + a.duplicates).toBe(6);
    expect(b.saved + b.duplicates).toBe(6);
    expect((await releases.all()).length).toBe(8);
  });
});
