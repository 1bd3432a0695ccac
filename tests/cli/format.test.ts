/** The readable answer of `otr match`. */
import { describe, expect, it } from 'vitest';
import { describe as describeAnswer, type Answer, type Match } from '../../core/index';
import { formatAnswer } from '../../cli/format';

const release = { id: 'r1', date: '2017-08-04', title: 'The Home Secretary has announced an extra £20 million.', organisation: 'NPCC', source: '004.txt' };
const quote = 'The internet is not a safe or anonymous place for abusing children.\nWe are already arresting over 400 offenders.';

const best: Match = {
  kind: 'quote',
  speaker: { name: 'Simon Bailey', rank: 'Chief Constable', role: 'National Policing Lead for Child Protection' },
  date: '2017-08-04',
  release,
  quote,
  span: [68, 112],
  score: 0.9,
  differences: [{ type: 'number', page: 'four hundred', original: '400' }],
  notes: [{ type: 'elision', page: '…', original: 'In collaboration' }],
  attribution: { names: ['Sara Thornton'], consistent: false },
  verdict: 'altered',
};

const later: Match = { ...best, date: '2018-01-02', release: { ...release, id: 'r2', source: 'later.txt' }, verdict: 'verbatim' };

describe('formatAnswer', () => {
  it('shows verdict, speaker, date, release, the marked quotation, differences, notes, attribution and other candidates', () => {
    const answer: Answer = { id: null, verdict: 'altered', best, candidates: [best, later] };
    const text = formatAnswer(answer, { color: false });
    expect(text).toMatch(/^ALTERED/);
    expect(text).toContain('Chief Constable Simon Bailey, National Policing Lead for Child Protection');
    expect(text).toContain('4 Aug 2017 (2017-08-04)');
    expect(text).toContain('The Home Secretary has announced an extra £20 million. (NPCC)');
    expect(text).toContain('  The internet is not a safe or anonymous place for abusing children.\n  »We are already arresting over 400 offenders.«');
    expect(text).toContain('Figure: page “four hundred” — said “400”');
    expect(text).toContain('Words left out (…)');
    expect(text).toContain('MISMATCH: The page names Sara Thornton; Chief Constable Simon Bailey said it.');
    expect(text).toMatch(/Also in the index:\n  2018-01-02  verbatim  Chief Constable Simon Bailey: .*\(later\.txt\)/);
    expect(text.match(/2017-08-04  altered/g)).toBeNull(); // the best is not listed again
    expect(text).not.toContain('\x1b[');
  });

  it('uses ANSI emphasis instead of »« when colour is on', () => {
    const text = formatAnswer({ id: null, verdict: 'altered', best, candidates: [] }, { color: true });
    expect(text).toContain('\x1b[1;4mWe are already');
    expect(text).not.toContain('»');
  });

  it('names narrative as the release’s own words', () => {
    const narrative: Match = { ...best, kind: 'narrative', speaker: null, attribution: undefined, differences: [], notes: [] };
    const text = formatAnswer({ id: null, verdict: 'verbatim', best: narrative, candidates: [] }, { color: false });
    // The card's own words for who said it: one description for every surface.
    expect(text).toContain(`Speaker      ${describeAnswer({ id: null, verdict: 'verbatim', best: narrative, candidates: [] }).who}`);
    expect(text).toContain('NPCC (its own words)');
    expect(text).toContain('Statement:');
  });

  it('survives an out-of-range span', () => {
    const text = formatAnswer({ id: null, verdict: 'verbatim', best: { ...best, span: [-5, 10_000] }, candidates: [] }, { color: false });
    expect(text).toContain('»The internet');
  });

  it('shows the reason of an invalid answer and nothing else', () => {
    expect(formatAnswer({ id: null, verdict: 'invalid', reason: 'empty passage', best: null, candidates: [] }, { color: false })).toBe(
      'CANNOT CHECK THIS SELECTION\nempty passage\n',
    );
  });
});

