/**
 * The record cannot be forged: a file that gives a genuine release's id to other words (a
 * changed figure) is read with the id its own content has, in either order, through the core,
 * `otr index` and the extension's save; two releases never shadow each other; a duplicate id in
 * an index file is refused; releases kept before ids were recomputed are rekeyed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { buildIndex, createMatcher, exportReleases, parseRelease, readImport, ReleaseParseError, serializeIndex, type ParsedRelease } from '../../core';
import { createService } from '../../lib/background/service';
import { createIndexedDbStore, createMemoryReleaseStore, DB_NAME } from '../../lib/background/releaseStore';
import { otr, tempDir } from '../cli/run';
import { readImportFile } from '../../lib/import/pipeline';
import { seedIndex } from './fixtures';

const root = path.resolve(__dirname, '../..');
const canalText = fs.readFileSync(path.join(root, 'tests/fixtures/import/canal-patrols.txt'), 'utf8');
const genuine = parseRelease(canalText, 'canal-patrols.txt');
const TRUE_WORDS = 'Our officers will be out every night between six and midnight';

/** The genuine release's id on other words: its figures changed. */
function forgery(): ParsedRelease {
  const changed = genuine.statements.map((s) => ({ ...s, text: s.text.replace('six and midnight', 'nine and midnight') }));
  expect(changed.some((s, i) => s.text !== genuine.statements[i].text)).toBe(true);
  return { ...genuine, statements: changed };
}
const forgedFile = () => JSON.stringify(exportReleases([forgery()]));

describe('a forged releases file', () => {
  it('is read with the id its content has, and a warning', () => {
    const [read] = readImport('forged.json', forgedFile());
    expect(genuine.release.id).toMatch(/^[0-9a-f]{16}$/);
    expect(read.release.id).not.toBe(genuine.release.id);
    expect(read.warnings.map((w) => w.kind)).toContain('id-recomputed');
    // The same release read from its text and from an honest export has one id.
    expect(readImport('honest.json', JSON.stringify(exportReleases([genuine])))[0].release.id).toBe(genuine.release.id);
  });

  for (const order of ['genuine first', 'forgery first'] as const) {
    it(`never shadows the genuine release (${order})`, () => {
      const [forged] = readImport('forged.json', forgedFile());
      const releases = order === 'genuine first' ? [genuine, forged] : [forged, genuine];
      const m = createMatcher(buildIndex(releases));
      const a = m.match(TRUE_WORDS);
      expect(a.verdict).toBe('verbatim');
      expect(a.best?.release.id).toBe(genuine.release.id);
    });
  }

  it('a duplicate id in an index file is an error', () => {
    const idx = serializeIndex(buildIndex([genuine]));
    // Two releases claiming one id: the header's release ids column repeated.
    const header = JSON.parse(idx.slice(0, idx.indexOf('\n')));
    expect(Array.isArray(header.releases.id)).toBe(true);
    const forgedIdx = serializeIndex(buildIndex([genuine, readImport('f.json', forgedFile())[0]]));
    const h2 = JSON.parse(forgedIdx.slice(0, forgedIdx.indexOf('\n')));
    h2.releases.id[1] = h2.releases.id[0];
    const tampered = JSON.stringify(h2) + forgedIdx.slice(forgedIdx.indexOf('\n'));
    let err: unknown;
    try {
      readImport('tampered.otr', tampered);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReleaseParseError);
    expect(String((err as Error).message)).toMatch(/has the id of release 1/);
  });
});

/**
 * An index whose text lengths are shifted between two statements but add up: every layout check
 * passes, and the statements would be read with each other's words. `by` characters move from
 * the first statement with a following one to the next.
 */
function shiftedIndex(by: number): string {
  const idx = serializeIndex(buildIndex([genuine]));
  const cut = idx.indexOf('\n');
  const header = JSON.parse(idx.slice(0, cut));
  const lengths: number[] = header.statements.textLength;
  expect(lengths.length).toBeGreaterThan(1);
  lengths[0] -= by;
  lengths[1] += by;
  return JSON.stringify(header) + idx.slice(cut);
}

describe('an index file with shifted text lengths', () => {
  const refusal = /index is damaged: statement [01]'s text does not begin and end where it did when the index was built/;

  it('is refused by the core, with what is wrong', () => {
    // Sound, it reads; shifted by a full stop, a word or letters, either way, it is refused.
    expect(readImport('sound.otr', serializeIndex(buildIndex([genuine])))).toHaveLength(1);
    for (const by of [1, 6, -3]) expect(() => readImport('shifted.otr', shiftedIndex(by))).toThrow(refusal);
  });

  it('is refused without its word streams too (every index otr index builds has them)', () => {
    const idx = shiftedIndex(3);
    const cut = idx.indexOf('\n');
    const header = JSON.parse(idx.slice(0, cut));
    const textsLength = header.statements.textLength.reduce((a: number, b: number) => a + b, 0);
    delete header.search;
    const bare = JSON.stringify(header) + idx.slice(cut, cut + 1 + textsLength);
    expect(() => readImport('bare.otr', bare)).toThrow(/index has no word streams to hold its texts against/);
  });

  it('is refused by the extension\'s import, which reads files where they are opened', () => {
    let err: unknown;
    try {
      readImportFile('shifted.otr', shiftedIndex(6));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReleaseParseError);
    expect(String((err as Error).message)).toMatch(/shifted\.otr/);
    expect(String((err as Error).message)).toMatch(refusal);
  });

  it('is refused by otr index --strict, which writes nothing', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'shifted.otr'), shiftedIndex(6));
    const out = path.join(dir, 'i.otr');
    const r = otr(['index', '--strict', path.join(dir, 'shifted.otr'), '--out', out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(refusal);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('otr index with a forged file', () => {
  for (const order of ['genuine first', 'forgery first'] as const) {
    it(`keeps both releases, the true words verbatim to the genuine one (${order})`, () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'canal-patrols.txt'), canalText);
      fs.writeFileSync(path.join(dir, 'forged.json'), forgedFile());
      const files = order === 'genuine first' ? ['canal-patrols.txt', 'forged.json'] : ['forged.json', 'canal-patrols.txt'];
      const out = path.join(dir, 'i.otr');
      const r = otr(['index', ...files.map((f) => path.join(dir, f)), '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).toMatch(/id in the file that its content does not have/);
      const m = otr(['match', '--index', out, '--json', TRUE_WORDS]);
      const a = JSON.parse(m.stdout);
      expect(a.verdict).toBe('verbatim');
      expect(a.best.release.id).toBe(genuine.release.id);
      expect(a.best.release.source).toBe('canal-patrols.txt');
    });
  }
});

describe('the extension saving a forged release', () => {
  const memory = () => {
    const data = new Map<string, unknown>();
    return { get: async (k: string) => data.get(k), set: async (k: string, v: unknown) => void data.set(k, v) };
  };

  for (const order of ['genuine first', 'forgery first'] as const) {
    it(`saves both under their own ids, and the true words stay verbatim (${order})`, async () => {
      const releases = createMemoryReleaseStore();
      const svc = createService({ loadIndexSource: () => serializeIndex(seedIndex()), store: memory(), releases, now: () => 1 });
      // The page sends the forgery with the genuine id, as a hostile options page or file would.
      const steps = order === 'genuine first' ? [genuine, forgery()] : [forgery(), genuine];
      for (const r of steps) {
        const reply = (await svc.receive({ type: 'import-save', releases: [r] })) as { ok: boolean; saved: number };
        expect(reply).toMatchObject({ ok: true, saved: 1 });
      }
      expect((await releases.all()).map((r) => r.id).sort()).toEqual([genuine.release.id, readImport('f.json', forgedFile())[0].release.id].sort());
      const a = (await svc.receive({ type: 'verify', text: TRUE_WORDS })) as { answer: { verdict: string; best: { release: { id: string } } } };
      expect(a.answer.verdict).toBe('verbatim');
      expect(a.answer.best.release.id).toBe(genuine.release.id);
    });
  }

  it('rekeys releases kept before ids were recomputed (database version 2 → 3)', async () => {
    const factory = new IDBFactory();
    // A version-2 database holding the genuine release under a wrong id.
    await new Promise<void>((resolve, reject) => {
      const r = factory.open(DB_NAME, 2);
      r.onupgradeneeded = () => {
        r.result.createObjectStore('releases', { keyPath: 'id' });
        r.result.createObjectStore('meta');
        r.transaction!.objectStore('releases').put({ id: '0123456789abcdef', added: 5, parsed: { ...genuine, release: { ...genuine.release, id: '0123456789abcdef' } } });
      };
      r.onsuccess = () => (r.result.close(), resolve());
      r.onerror = () => reject(r.error);
    });
    const kept = await createIndexedDbStore(factory).all();
    expect(kept.map((r) => [r.id, r.parsed.release.id, r.added])).toEqual([[genuine.release.id, genuine.release.id, 5]]);
  });
});
