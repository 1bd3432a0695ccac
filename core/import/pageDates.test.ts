/**
 * Which date a release page is dated by: its machine date, then a date it labels as published
 * ("Published: …", "Posted on …", a table's "Date:" cell), then the date a listing printed beside
 * it, and only then the first date its text mentions (which may be an incident's). Lines of dates
 * and their labels, and a table's lone field labels, are the page's furniture, not the release.
 */
import { describe, expect, it } from 'vitest';
import { htmlToReleaseText } from './html';

const QUOTE = 'Sergeant Bob Smith said: “Please drive carefully on the coast road this winter.”';
const dateOf = (a: Parameters<typeof htmlToReleaseText>[0]) => htmlToReleaseText(a, 'page.html').split('\n')[0];

describe('the date a release page is dated by', () => {
  it('a labelled published date outranks a date the text mentions', () => {
    expect(dateOf({ title: 'Crash appeal', paragraphs: ['Officers are appealing about incident 0412 of 24 November 2026.', QUOTE], dateText: 'Published: 26 November 2026 · Roads Policing' })).toBe('26 Nov 2026');
    expect(dateOf({ title: 'Crash appeal', paragraphs: ['Posted on Thursday 4 June 2020', 'A crash on 1 June 2020 closed the road.', QUOTE] })).toBe('04 Jun 2020');
  });

  it('a table’s "Date:" cell, its date on the next line, written day first', () => {
    const text = htmlToReleaseText({ title: 'Burglary arrests', paragraphs: ['Date:', '20/11/2026', 'Reference:', 'WM-0412', 'Officers called on 18 November 2026 arrested two men.', QUOTE] }, 'page.html');
    expect(text.split('\n')[0]).toBe('20 Nov 2026');
    expect(text).not.toMatch(/^Date:$|^Reference:$|^20\/11\/2026$/m);
  });

  it('the listing’s date before a date the text merely mentions, after the page’s own', () => {
    expect(dateOf({ title: 'Appeal', paragraphs: ['The incident happened on 24 November 2026.', QUOTE], listedDate: '2026-11-26' })).toBe('26 Nov 2026');
    expect(dateOf({ title: 'Appeal', paragraphs: ['The incident happened on 24 November 2026.', QUOTE], publishedTime: '2026-11-25T09:00:00Z', listedDate: '2026-11-26' })).toBe('25 Nov 2026');
    expect(dateOf({ title: 'Appeal', paragraphs: [QUOTE], listedDate: '2026-11-26' })).toBe('26 Nov 2026');
  });

  it('"the date of the incident was …" is no label', () => {
    expect(dateOf({ title: 'Appeal', paragraphs: ['12 March 2024', 'The date of the incident was 9 March 2024.', QUOTE] })).toBe('12 Mar 2024');
  });

  it('a line of dates and their labels is furniture', () => {
    const text = htmlToReleaseText({ title: 'Patrols', paragraphs: ['14 November 2026 · Last updated 29 November 2026', 'Patrols will run every evening in the town centre.', QUOTE] }, 'page.html');
    expect(text).not.toContain('Last updated');
    expect(text.split('\n')[0]).toBe('14 Nov 2026');
  });
});
