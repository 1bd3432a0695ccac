/**
 * Releases in the shapes real newsrooms publish (tests/fixtures/releases/shape-*): each
 * fixture's expectation (tests/fixtures/expectations/) says every statement it must give,
 * with kind, speaker (name, full rank, role, organisation), its first and last words; the
 * date, the title, what must stay out of matching, and the warnings it must raise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandRank } from '../../core/parse/ranks';
import type { ParsedRelease, Statement } from '../../core/types';
import { parseFile } from '../../cli/readReleases';

const ROOT = path.resolve(__dirname, '../..');
const RELEASES = path.join(ROOT, 'tests/fixtures/releases');
const EXPECTATIONS = path.join(ROOT, 'tests/fixtures/expectations');

interface ExpectedStatement {
  kind: 'quote' | 'narrative';
  start: string;
  end?: string;
  speaker?: { name: string | null; rank?: string | null; roleIncludes?: string; organisation?: string };
}
interface Expectation {
  date: string;
  title?: string;
  statements: ExpectedStatement[];
  notIndexed?: string[];
  warnings?: string[];
}

/** Words only, folded: quote marks, dashes and spacing differ between a fixture and its expectation. */
const words = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[’']/g, "'")
    .replace(/'(?!\p{L})|(?<!\p{L})'/gu, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'£%.]+/gu, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function describeStatement(s: Statement): string {
  const who = s.speaker ? JSON.stringify(s.speaker) : 'no speaker';
  return `${s.kind} (line ${s.line}, ${who}): ${s.text.slice(0, 70)}…`;
}

const files = fs
  .readdirSync(EXPECTATIONS)
  .filter((n) => n.endsWith('.json'))
  .sort();

describe('releases in real newsroom shapes', () => {
  it('there is a fixture for every expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(16);
  });

  for (const file of files) {
    const base = file.replace(/\.json$/, '');
    it(base, () => {
      const exp = JSON.parse(fs.readFileSync(path.join(EXPECTATIONS, file), 'utf8')) as Expectation;
      const name = ['.txt', '.html', '.htm'].map((e) => base + e).find((n) => fs.existsSync(path.join(RELEASES, n)));
      expect(name, `a release file for ${file}`).toBeDefined();
      const [r]: ParsedRelease[] = parseFile(name!, fs.readFileSync(path.join(RELEASES, name!), 'utf8'));
      const got = r.statements;
      const listing = got.map(describeStatement).join('\n');

      expect(r.release.date).toBe(exp.date);
      if (exp.title) expect(words(r.release.title)).toBe(words(exp.title));
      expect(got.length, `statements:\n${listing}`).toBe(exp.statements.length);
      exp.statements.forEach((e, i) => {
        const s = got[i];
        const where = `statement ${i + 1}: ${describeStatement(s)}`;
        expect(s.kind, where).toBe(e.kind);
        expect(words(s.text).startsWith(words(e.start)), `${where}\n  should start: ${e.start}`).toBe(true);
        if (e.end) expect(words(s.text).endsWith(words(e.end)), `${where}\n  should end: ${e.end}`).toBe(true);
        if (e.kind === 'narrative') {
          expect(s.speaker, where).toBeNull();
          return;
        }
        if (!e.speaker) return;
        expect(s.speaker, where).not.toBeNull();
        expect(s.speaker!.name, where).toBe(e.speaker.name);
        if (e.speaker.rank !== undefined) expect(s.speaker!.rank ? expandRank(s.speaker!.rank) : null, where).toBe(e.speaker.rank);
        if (e.speaker.roleIncludes) expect((s.speaker!.role ?? '').toLowerCase(), where).toContain(e.speaker.roleIncludes.toLowerCase());
        if (e.speaker.organisation) expect(s.speaker!.organisation, where).toBe(e.speaker.organisation);
      });
      const all = words(got.map((s) => s.text).join('\n'));
      for (const phrase of exp.notIndexed ?? []) expect(all, `"${phrase}" must stay out of matching`).not.toContain(words(phrase));
      const kinds = new Set(r.warnings.map((w) => w.kind));
      for (const k of exp.warnings ?? []) expect([...kinds], `warning ${k}`).toContain(k);
    });
  }
});
