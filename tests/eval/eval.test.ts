/** Every public evaluation case must come out right (npm run eval, in process). */
import { describe, expect, it } from 'vitest';
import { runEval, scoreCase, type EvalCase } from '../../scripts/eval';
import type { Answer, Match } from '../../core/index';

describe('evaluation', () => {
  it('gets every case in tests/eval/*.jsonl right', () => {
    const { results, figures } = runEval();
    expect(figures.cases).toBeGreaterThan(0);
    const failures = results.filter((r) => r.failures.length).map((r) => `${r.case.id}: ${r.failures.join('; ')}`);
    expect(failures).toEqual([]);
    expect(figures.falseMatches[0]).toBe(0);
  });
});

describe('scoreCase', () => {
  const match = (over: Partial<Match>): Match =>
    ({ kind: 'quote', speaker: { name: 'Simon Bailey', rank: null, role: null }, date: '2017-08-04', quote: 'q', span: [0, 1], score: 1, differences: [], release: { id: 'r', date: '2017-08-04', title: 't' }, ...over }) as Match;
  const answer = (verdict: Answer['verdict'], best: Match | null, candidates: Match[] = []): Answer => ({ id: 'x', verdict, best, candidates });
  const c = (expect: EvalCase['expect']): EvalCase => ({ id: 'x', text: 't', expect });

  it('matches the speaker as a case-insensitive part of the name', () => {
    expect(scoreCase(c({ verdict: ['verbatim'], speaker: 'bailey', date: '2017-08-04' }), answer('verbatim', match({}))).failures).toEqual([]);
    const r = scoreCase(c({ verdict: ['verbatim'], speaker: 'Goodman', date: '2017-08-04' }), answer('verbatim', match({})));
    expect(r.failures).toEqual(['speaker: expected "Goodman", got "Simon Bailey"']);
    expect(r.sourceRight).toBe(false);
  });

  it('takes a null speaker to mean narrative', () => {
    const e = c({ verdict: ['verbatim'], speaker: null, date: '2017-08-04' });
    expect(scoreCase(e, answer('verbatim', match({ speaker: null, kind: 'narrative' }))).failures).toEqual([]);
    expect(scoreCase(e, answer('verbatim', match({}))).failures).toEqual(['speaker: expected narrative (no speaker), got "Simon Bailey"']);
    expect(scoreCase(e, answer('not-found', null)).sourceRight).toBe(false);
  });

  it('counts a verbatim or altered verdict on a case that expects no match as a false match', () => {
    const e = c({ verdict: ['not-found', 'paraphrase'] });
    expect(scoreCase(e, answer('paraphrase', match({}))).falseMatch).toBe(false);
    const r = scoreCase(e, answer('altered', match({})));
    expect(r.falseMatch).toBe(true);
    expect(r.failures).toEqual(['verdict: expected not-found or paraphrase, got altered']);
    expect(r.sourceRight).toBeUndefined();
  });

  it('checks attribution and a later repeat among the candidates', () => {
    const e = c({ verdict: ['verbatim'], attribution: 'mismatch', also_date: '2019-01-01' });
    const best = match({ attribution: { names: ['Sara Thornton'], consistent: false } });
    expect(scoreCase(e, answer('verbatim', best, [best, match({ date: '2019-01-01' })])).failures).toEqual([]);
    expect(scoreCase(e, answer('verbatim', match({}), [])).failures).toEqual([
      'attribution: expected mismatch, got no attribution check',
      'also_date: expected a candidate dated 2019-01-01, got candidates dated []',
    ]);
  });
});
