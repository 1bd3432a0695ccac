import { describe, expect, it } from 'vitest';
import type { Match } from '../types';
import { citeMatch, textFragmentLink } from './cite';

const quote = 'The internet is not a safe or anonymous place for abusing children.\nWe are already arresting over 400 offenders each month.';
const m: Match = {
  kind: 'quote',
  speaker: { name: 'Simon Bailey', rank: 'Chief Constable', role: 'NPCC Lead for Child Protection' },
  date: '2017-08-04',
  release: { id: 'r1', date: '2017-08-04', title: 'Online grooming: new funding', organisation: 'NPCC', url: 'https://news.example/item_(2017)' },
  quote,
  span: [0, 56],
  score: 1,
  differences: [],
};

describe('citations', () => {
  it('takes a text fragment’s start and end each within one quoted run, never across an elision', () => {
    // "The internet is … a safe place": the release says "is not a safe": the link must not join the two runs.
    expect(textFragmentLink('https://x.example/a', ['The internet is', 'a safe or anonymous place for abusing children'])).toBe(
      'https://x.example/a#:~:text=The%20internet%20is,place%20for%20abusing%20children',
    );
    expect(textFragmentLink('https://x.example/a#old', ['so-called paedophile hunters, & more'])).toBe('https://x.example/a#:~:text=so%2Dcalled%20paedophile%20hunters%2C%20%26%20more');
  });

  it('quotes the runs checked with “…” between them, notes the page’s version once, and keeps Markdown links whole', () => {
    const c = citeMatch(m, [[0, 15], [40, 66]], 'altered', { pageText: '“The internet is … place for abusing kids”', pageUrl: 'https://paper.example/story', on: new Date('2026-12-02T12:00:00Z') });
    expect(c.words).toBe('The internet is … place for abusing children.');
    expect(c.text).toContain('The page has: “The internet is … place for abusing kids”');
    expect(c.text).not.toContain('““');
    expect(c.text).toMatch(/Checked on 2 Dec 2026 against https:\/\/paper\.example\/story with On the Record\.$/);
    expect(c.markdown).toContain('](https://news.example/item_%282017%29#:~:text=The%20internet%20is,place%20for%20abusing%20children.)');
  });
});
