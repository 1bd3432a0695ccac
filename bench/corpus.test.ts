import { describe, expect, it } from 'vitest';
import { generateCorpus, speakerName } from './corpus';
import { generateQueries, KINDS, words } from './queries';
import { parseRelease } from '../core/index';
import { normaliseQuote } from './engines/otr';

const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';

describe('bench corpus generator', () => {
  it('is deterministic for a seed, and differs between seeds', () => {
    const a = generateCorpus({ statements: 300, seed: 7 });
    const b = generateCorpus({ statements: 300, seed: 7 });
    const c = generateCorpus({ statements: 300, seed: 8 });
    expect(b.releases.map((r) => r.text)).toEqual(a.releases.map((r) => r.text));
    expect(c.releases.map((r) => r.text)).not.toEqual(a.releases.map((r) => r.text));
    expect(generateQueries(b, { perKind: 5, seed: 7 })).toEqual(generateQueries(a, { perKind: 5, seed: 7 }));
  });

  it('hits the requested statement count exactly', () => {
    for (const n of [1, 7, 250, 1000]) expect(generateCorpus({ statements: n, seed: 3 }).statements).toHaveLength(n);
  });

  it('writes releases in the layout of the seeds', () => {
    const c = generateCorpus({ statements: 400, seed: 5 });
    for (const r of c.releases) {
      const lines = r.text.trimEnd().split('\n');
      expect(lines[0]).toMatch(new RegExp(`^\\d{2} ${MONTH} (20\\d\\d)$`));
      expect(lines.every((l) => l.trim().length > 0)).toBe(true);
      expect(lines.slice(-3)).toEqual(['Communications office', 'By phone: 0800 538 5058', 'By email: press.office@npcc.police.uk']);
      // A quotation opens every paragraph with “ and closes only the last with ”.
      for (let i = 1; i < lines.length; i++) {
        if (lines[i].startsWith('“') && !lines[i].includes('”')) expect(lines[i + 1].startsWith('“')).toBe(true);
      }
    }
    const years = new Set(c.releases.map((r) => r.date.slice(0, 4)));
    expect(years.size).toBeGreaterThan(12);
  });

  it('parses with the project parser into the statements it generated', () => {
    const c = generateCorpus({ statements: 400, seed: 11 });
    let recovered = 0;
    for (const r of c.releases) {
      const p = parseRelease(r.text, r.source);
      expect(p.release.date).toBe(r.date);
      const got = new Set(p.statements.map((s) => `${s.speaker?.name ?? ''}|${normaliseQuote(s.text)}`));
      for (const id of r.statements) {
        const st = c.statements[id];
        if (got.has(`${speakerName(c, st) ?? ''}|${normaliseQuote(st.text)}`)) recovered++;
      }
    }
    expect(recovered / c.statements.length).toBeGreaterThan(0.98);
  });

  it('makes queries of every kind, 5–40 words, each traceable to its statement', () => {
    const c = generateCorpus({ statements: 600, seed: 2 });
    const qs = generateQueries(c, { perKind: 8, seed: 2 });
    for (const kind of KINDS) expect(qs.filter((q) => q.kind === kind)).toHaveLength(8);
    const corpusText = ' ' + c.statements.map((s) => words(s.text).join(' ')).join(' | ') + ' ';
    for (const q of qs) {
      const n = q.text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
      expect(n).toBeGreaterThanOrEqual(5);
      expect(n).toBeLessThanOrEqual(40);
      if (q.kind === 'not_found' || q.kind === 'topical' || q.kind === 'other_occasion') expect(q.expected).toBeNull();
      else expect(q.expected).not.toBeNull();
      if (q.kind === 'verbatim') {
        const w = words(q.text).join(' ');
        expect(words(c.statements[q.expected!].text).join(' ')).toContain(w);
        expect(corpusText.indexOf(w)).toBe(corpusText.lastIndexOf(w));
      }
      if (q.kind === 'not_found' || q.kind === 'topical' || q.kind === 'other_occasion') expect(corpusText).not.toContain(words(q.text).join(' '));
      // A changed figure: the page's words are not the statement's, and differ from them only in one place.
      if (q.kind === 'figure_forms' || q.kind === 'figure_only') {
        const said = words(c.statements[q.expected!].text).join(' ');
        expect(said).not.toContain(words(q.text).join(' '));
      }
    }
  });
});
