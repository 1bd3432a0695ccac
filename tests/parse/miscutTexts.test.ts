/**
 * The check that refuses an index file whose text lengths were shifted (core/index/textCheck.ts),
 * held against the parser's real output: every statement the parser writes, from every release
 * shape in the fixtures and from a generated archive, passes it; and every shift of one statement's
 * end into the next, by 1 to 12 characters either way, is caught (or leaves both texts as they
 * were, which is no shift).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, parseRelease, type IndexData, type ParsedRelease } from '../../core';
import { firstMiscutText } from '../../core/index/textCheck';
import { generateCorpus } from '../../bench/corpus';

const root = path.resolve(__dirname, '../..');
const textsIn = (dir: string) =>
  fs
    .readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.txt') && f !== 'broken.txt')
    .map((f) => parseRelease(fs.readFileSync(path.join(root, dir, f), 'utf8'), f));

const fixtures: ParsedRelease[] = [...textsIn('tests/fixtures/releases'), ...textsIn('data/releases'), ...textsIn('tests/fixtures/import')];
const generated: ParsedRelease[] = generateCorpus({ statements: 3000, seed: 7 }).releases.map((r) => parseRelease(r.text, r.source));

/** The index as a file with statement d's end moved into statement d + 1 by `by` characters (back, when negative): texts re-cut, streams as built. */
function shifted(index: IndexData, d: number, by: number): IndexData {
  const all = index.statements.map((s) => s.text).join('');
  const lengths = index.statements.map((s) => s.text.length);
  lengths[d] -= by;
  lengths[d + 1] += by;
  let at = 0;
  const statements = index.statements.map((s, i) => ({ ...s, text: all.slice(at, (at += lengths[i])) }));
  return { ...index, statements };
}

describe('a shifted text is caught; a text as the parser wrote it is not', () => {
  it('passes every statement the parser writes', () => {
    expect(fixtures.length).toBeGreaterThan(20);
    expect(firstMiscutText(buildIndex(fixtures))).toBe(-1);
    expect(firstMiscutText(buildIndex(generated))).toBe(-1);
  });

  it('catches every shift between neighbouring statements, by 1 to 12 characters either way', () => {
    let tried = 0;
    // One release at a time: the check reads every statement of the index it is given.
    for (const release of [...fixtures, ...generated.slice(0, 40)]) {
      const index = buildIndex([release]);
      for (let d = 0; d + 1 < index.statements.length; d++) {
        for (let by = -12; by <= 12; by++) {
          if (by === 0 || index.statements[d].text.length < by || index.statements[d + 1].text.length < -by) continue;
          const moved = shifted(index, d, by);
          tried++;
          const where = `${release.release.source} statement ${d} shifted by ${by}: ${JSON.stringify(moved.statements[d].text.slice(-20))} | ${JSON.stringify(moved.statements[d + 1].text.slice(0, 20))}`;
          expect(firstMiscutText(moved), where).toSatisfy((at: number) => at === d || at === d + 1);
        }
      }
    }
    expect(tried).toBeGreaterThan(1000);
  });

  it('without word streams, still catches a shift of punctuation alone at a text\'s ends', () => {
    const index = buildIndex(fixtures);
    const bare: IndexData = { ...index, search: undefined };
    const d = index.statements.findIndex((s, i) => s.text.endsWith('.') && !s.text.endsWith('..') && i + 1 < index.statements.length);
    expect(d).toBeGreaterThanOrEqual(0);
    expect(firstMiscutText(shifted(bare, d, 1))).toBe(d + 1);
  });
});
