/**
 * Through `otr match --jsonl`, end to end: over an index `otr index` built of the releases in
 * real newsroom shapes, the opening words of every quotation an expectation lists come back
 * from that release with the speaker (name, full rank, role, organisation), date and kind it says.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandRank } from '../../core/parse/ranks';
import { FIXTURES, ROOT, otr, tempDir } from './run';

interface Expected {
  date: string;
  statements: { kind: 'quote' | 'narrative'; start: string; speaker?: { name: string | null; rank?: string | null; roleIncludes?: string; organisation?: string } }[];
}

const EXPECTATIONS = path.join(ROOT, 'tests/fixtures/expectations');

describe('otr match --json on releases in real newsroom shapes', () => {
  it('gives each quotation its speaker, rank, role, date and kind', () => {
    const dir = tempDir();
    const index = path.join(dir, 'shapes.otr');
    const built = otr(['index', FIXTURES, '--strict', '--out', index]);
    expect(built.code, built.stderr).toBe(0);

    const cases: { id: string; text: string; date: string; st: Expected['statements'][number] }[] = [];
    for (const file of fs.readdirSync(EXPECTATIONS).filter((n) => n.endsWith('.json')).sort()) {
      const exp = JSON.parse(fs.readFileSync(path.join(EXPECTATIONS, file), 'utf8')) as Expected;
      exp.statements.forEach((st, i) => {
        // An opening of at least six words: what a reader would highlight.
        if (st.start.split(/\s+/).length >= 6) cases.push({ id: `${file}#${i}`, text: st.start, date: exp.date, st });
      });
    }
    expect(cases.length).toBeGreaterThan(60);
    const input = cases.map((c) => JSON.stringify({ id: c.id, text: c.text })).join('\n') + '\n';
    const run = otr(['match', '--jsonl', '--index', index], input);
    expect(run.code, run.stderr).toBe(0);
    const answers = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(answers).toHaveLength(cases.length);

    const wrong: string[] = [];
    answers.forEach((a, i) => {
      const { id, date, st } = cases[i];
      const best = a.best;
      const fail = (what: string) => wrong.push(`${id} (“${cases[i].text}”): ${what}`);
      if (a.verdict !== 'verbatim' || !best) return fail(`verdict ${a.verdict}`);
      if (best.date !== date) fail(`date ${best.date}, expected ${date}`);
      if (best.kind !== st.kind) fail(`kind ${best.kind}, expected ${st.kind}`);
      if (st.kind === 'narrative' || !st.speaker) return;
      const sp = best.speaker ?? { name: undefined };
      if (sp.name !== st.speaker.name) fail(`speaker ${JSON.stringify(sp.name)}, expected ${JSON.stringify(st.speaker.name)}`);
      if (st.speaker.rank !== undefined && (sp.rank ? expandRank(sp.rank) : null) !== st.speaker.rank) fail(`rank ${sp.rank}, expected ${st.speaker.rank}`);
      if (st.speaker.roleIncludes && !(sp.role ?? '').toLowerCase().includes(st.speaker.roleIncludes.toLowerCase())) fail(`role ${JSON.stringify(sp.role)}, expected it to hold "${st.speaker.roleIncludes}"`);
      if (st.speaker.organisation && sp.organisation !== st.speaker.organisation) fail(`organisation ${sp.organisation}, expected ${st.speaker.organisation}`);
    });
    expect(wrong).toEqual([]);
  });
});
