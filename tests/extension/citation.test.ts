import { describe, expect, it } from 'vitest';
import { citationMarkdown, citationText, formatDate, isSafeUrl, timeAgo } from '../../core/citation';
import type { ReleaseInfo, Speaker } from '../../core/types';

const speaker: Speaker = { name: 'Simon Bailey', rank: 'Chief Constable', role: 'National Police Chiefs Council Lead for Child Protection' };
const release: ReleaseInfo = { id: 'x', date: '2017-08-04', title: 'Extra £20 million to combat online grooming', organisation: 'NPCC' };

describe('dates and citations', () => {
  it('formats dates as the card shows them', () => {
    expect(formatDate('2017-08-04')).toBe('4 Aug 2017');
    expect(formatDate('2014-10-03')).toBe('3 Oct 2014');
    expect(formatDate('garbage')).toBe('garbage');
  });
  it('says how long ago', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(timeAgo('2017-08-04', now)).toBe('9 years ago');
    expect(timeAgo('2026-11-23', now)).toBe('today');
    expect(timeAgo('2026-11-20', now)).toBe('3 days ago');
    expect(timeAgo('2026-06-01', now)).toBe('5 months ago');
    expect(timeAgo('2025-11-23', now)).toBe('1 year ago');
  });
  it('cites speaker, role, organisation, date, title and url', () => {
    expect(citationText({ speaker, release })).toBe(
      'Chief Constable Simon Bailey, National Police Chiefs Council Lead for Child Protection (NPCC), 4 Aug 2017. "Extra £20 million to combat online grooming".',
    );
    const withUrl = { ...release, url: 'https://www.npcc.police.uk/news/x' };
    expect(citationText({ speaker, release: withUrl })).toMatch(/ https:\/\/www\.npcc\.police\.uk\/news\/x$/);
    expect(citationMarkdown({ speaker, release: withUrl })).toBe(
      '**Chief Constable Simon Bailey**, National Police Chiefs Council Lead for Child Protection (NPCC), 4 Aug 2017. [*Extra £20 million to combat online grooming*](https://www.npcc.police.uk/news/x)',
    );
    expect(citationText({ speaker: null, release })).toMatch(/^NPCC \(NPCC\), 4 Aug 2017/);
  });
  it('names a rank in full, an unnamed spokesperson by description, and never credits an unattributed quotation to the organisation', () => {
    expect(citationText({ kind: 'quote', speaker: { name: 'Jo Bloggs', rank: 'T/ACC', role: null, honorific: 'Dr' }, release })).toMatch(/^Temporary Assistant Chief Constable Dr Jo Bloggs \(NPCC\)/);
    expect(citationText({ kind: 'quote', speaker: { name: null, rank: null, role: 'spokesman', organisation: 'ACPO' }, release })).toMatch(/^ACPO spokesman \(NPCC\), 4 Aug 2017/);
    expect(citationText({ kind: 'quote', speaker: null, release })).toMatch(/^Unknown speaker \(NPCC\), 4 Aug 2017/);
    expect(citationMarkdown({ kind: 'quote', speaker: null, release })).toMatch(/^\*\*Unknown speaker\*\*/);
  });
  it('escapes Markdown and links only http(s)', () => {
    const hostile = { ...release, title: 'A [link](javascript:alert(1)) *bold*', url: 'javascript:alert(1)' };
    const md = citationMarkdown({ speaker, release: hostile });
    expect(md).not.toMatch(/[^\\]\]\(javascript/);
    expect(md).toContain('\\[link\\]');
    expect(isSafeUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeUrl('https://example.org/')).toBe(true);
    expect(isSafeUrl(undefined)).toBe(false);
  });
});
