/**
 * An export of the extension's largest archive reads back through `otr index`: 20,000 releases
 * (about 40 MB, past the 5 MB a release file may be) become an index holding every one, with the
 * ids their content gives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIndex, parseRelease } from '../../core';
import { withContentId } from '../../core/releaseId';
import { exportReleases } from '../../core/import/releases';
import { otr, ROOT } from './run';

describe('otr index on an export of 20,000 releases', () => {
  it('reads every release back', () => {
    const base = parseRelease(fs.readFileSync(path.join(ROOT, 'tests/fixtures/import/canal-patrols.txt'), 'utf8'), 'canal.txt');
    const releases = Array.from({ length: 20_000 }, (_, i) =>
      withContentId({ ...base, release: { ...base.release, title: `${base.release.title} (${i})` }, statements: base.statements.map((st) => ({ ...st, text: `${st.text} Item ${i}.` })) }),
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otr-export-'));
    try {
      const file = path.join(dir, 'on-the-record-releases.json');
      fs.writeFileSync(file, JSON.stringify(exportReleases(releases), null, 2));
      expect(fs.statSync(file).size).toBeGreaterThan(5 * 1024 * 1024);
      const out = path.join(dir, 'back.otr');
      const r = otr(['index', '--strict', file, '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const back = loadIndex(fs.readFileSync(out, 'utf8'));
      expect(back.releases.length).toBe(20_000);
      expect(new Set(back.releases.map((x) => x.id))).toEqual(new Set(releases.map((x) => x.release.id)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
