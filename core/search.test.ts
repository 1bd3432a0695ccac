/** The popup's search: speakers and words of statements, near words through fuse.js, statements through the term lists. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, parseRelease } from './index';
import { createSearch } from './search';
import { tokenize } from './text/tokens';
import { termOf } from './text/terms';

const ROOT = path.resolve(__dirname, '..');
const FILES = [
  ...fs.readdirSync(path.join(ROOT, 'data/releases')).map((f) => path.join(ROOT, 'data/releases', f)),
  ...fs.readdirSync(path.join(ROOT, 'tests/fixtures/releases')).filter((f) => f.endsWith('.txt')).map((f) => path.join(ROOT, 'tests/fixtures/releases', f)),
];
const data = buildIndex(FILES.map((f) => parseRelease(fs.readFileSync(f, 'utf8'), path.basename(f))), '2024-01-01T00:00:00.000Z');
const search = createSearch(data);
const everything = data.statements.length;
const termsOf = (text: string) => new Set(tokenize(text).map(termOf).filter((t): t is string => t !== null));
const textOf = (i: number) => data.statements[i].text;

describe('the popup search', () => {
  it('finds a speaker by surname, or by rank and name: their statements first', () => {
    const hits = search.search('Goodman');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].speaker).toBe('Deputy Chief Constable Peter Goodman');
    const bailey = search.search('Chief Constable Simon Bailey');
    expect(bailey[0].speaker).toBe('Chief Constable Simon Bailey');
    expect(bailey[0].score).toBe(0); // every word held
  });

  it('finds a word in another form, or misspelt by a letter', () => {
    for (const [query, word] of [['knives', 'knife'], ['groming', 'grooming'], ['arrested', 'arrest']]) {
      const hits = search.search(query);
      expect(hits.length, query).toBeGreaterThan(0);
      for (const h of hits) expect(textOf(h.statement).toLowerCase(), query).toContain(word);
    }
  });

  it('takes a word for a word, not for a piece of one ("work" is not "network")', () => {
    for (const h of search.search('work', everything)) expect(textOf(h.statement), textOf(h.statement)).toMatch(/\bwork/i);
  });

  it('puts statements holding every word before those holding some, and matches a figure exactly', () => {
    const hits = search.search('knife crime', everything);
    const full = hits.filter((h) => h.score === 0);
    expect(full.length).toBeGreaterThan(0);
    expect(hits.slice(0, full.length)).toEqual(full);
    // (Held in the text, or in the speaker's name, rank or role: "lead for knife crime".)
    const holds = (i: number) => termsOf(`${textOf(i)} ${data.statements[i].speaker?.role ?? ''}`);
    for (const h of full) for (const t of ['knife', 'crime']) expect(holds(h.statement).has(t), textOf(h.statement)).toBe(true);
    expect(full.some((h) => !termsOf(textOf(h.statement)).has('crime'))).toBe(true);
    const figure = search.search('4,310');
    expect(figure).toHaveLength(1);
    expect(textOf(figure[0].statement)).toContain('4,310');
  });

  it('finds every statement holding a word, as a scan of the texts does (any word of the index)', () => {
    const vocabulary = [...new Set(data.statements.flatMap((s) => tokenize(s.text).filter((t) => !t.num && termOf(t) !== null).map((t) => t.norm)))];
    fc.assert(
      fc.property(fc.constantFrom(...vocabulary), (word) => {
        const term = termOf({ norm: word, num: false })!;
        const scan = data.statements.flatMap((s, i) => (termsOf(s.text).has(term) ? [i] : []));
        const found = new Set(search.search(word, everything).map((h) => h.statement));
        for (const i of scan) expect(found.has(i), `${word}: statement ${i}`).toBe(true);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('gives nothing for nothing: a blank query, no word of the index, or no room', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search('   ')).toEqual([]);
    expect(search.search('zzqxv')).toEqual([]);
    expect(search.search('Goodman', 0)).toEqual([]);
    expect(search.search('police', 3)).toHaveLength(3);
  });

  it('searches an index without a search section the same', () => {
    const { search: _s, ...bare } = data;
    expect(createSearch(bare).search('knife crime')).toEqual(search.search('knife crime'));
  });
});

describe('one speaker, one person', () => {
  const release = (date: string, attribution: string, words: string) =>
    parseRelease([date, `A lead paragraph about ${words} for the test.`, attribution, `“${words} is the quotation of this release.”`].join('\n'), `${date}.txt`);
  const index = buildIndex(
    [
      release('12 Mar 2019', 'CC Jane Doe, NPCC Lead for Roads Policing, said:', 'Alpha'),
      release('14 Apr 2021', 'Chief Constable Jane Doe said:', 'Bravo'),
      release('15 May 2022', 'Dr Jane Doe QPM, chair of the board, said:', 'Charlie'),
      release('16 Jun 2023', 'Chief Constable John Doe said:', 'Delta'),
    ],
    '2024-01-01T00:00:00.000Z',
  );
  const s = createSearch(index);

  it('finds every statement of a person given with and without rank, abbreviated or in full, as one speaker', () => {
    for (const query of ['Jane Doe', 'CC Doe', 'Chief Constable Jane Doe', 'chair of the board']) {
      const hits = s.search(query).filter((h) => index.statements[h.statement].kind === 'quote');
      const texts = hits.map((h) => index.statements[h.statement].text);
      if (query !== 'chair of the board') {
        for (const w of ['Alpha', 'Bravo', 'Charlie']) expect(texts.some((t) => t.startsWith(w)), `${query}: ${w}`).toBe(true);
      } else expect(texts.some((t) => t.startsWith('Alpha') || t.startsWith('Bravo')), query).toBe(true);
    }
    // John Doe is someone else: a search for Jane Doe ranks her statements first.
    const jane = s.search('Jane Doe').filter((h) => index.statements[h.statement].kind === 'quote');
    expect(index.statements[jane[0].statement].text).not.toMatch(/^Delta/);
  });
});
