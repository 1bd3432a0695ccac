import { describe, expect, it } from 'vitest';
import { applyEvent, emptyState, readEvent, readState, savedAs, type CrawlEvent } from './state';

const events: CrawlEvent[] = [
  { e: 'visit', visit: 1 },
  { e: 'saved', url: 'https://f.example/news/a', id: 'id-a', file: 'f.example/2024/2024-01-01-a.txt', date: '2024-01-01', visit: 1, from: ['https://f.example/news/a?print=1'] },
  { e: 'alias', url: 'https://f.example/news/9001', to: 'https://f.example/news/a' },
  { e: 'failed', url: 'https://f.example/news/b', reason: 'HTTP 404', tries: 1, visit: 1, date: '2024-01-02' },
  { e: 'pages', pages: { 'https://f.example/news': { etag: '"x"' } } },
  { e: 'robots', url: 'https://f.example/robots.txt', copy: { text: 'User-agent: *\nDisallow: /x', lastModified: 'Thu, 01 Jan 2026 09:00:00 GMT' } },
  { e: 'complete', start: 'https://f.example/news', visit: 1 },
];

describe('crawl state', () => {
  it('learns saved releases with their other addresses, failures, validators and finished listings', () => {
    const s = emptyState();
    for (const ev of events) applyEvent(s, ev);
    expect(savedAs(s, 'https://f.example/news/a?print=1')).toBe('https://f.example/news/a');
    expect(savedAs(s, 'https://f.example/news/9001')).toBe('https://f.example/news/a');
    expect(savedAs(s, 'https://f.example/news/b')).toBeUndefined();
    expect(s.byId['id-a']).toBe('https://f.example/news/a');
    expect(s.starts['https://f.example/news'].completeAt).toBe(1);
    expect(s.failed['https://f.example/news/b'].tries).toBe(1);
  });

  it('gives the same state when a journal is replayed onto a snapshot that already holds it', () => {
    const once = emptyState();
    for (const ev of events) applyEvent(once, ev);
    const twice = readState(JSON.parse(JSON.stringify(once)));
    for (const ev of events) applyEvent(twice, ev);
    expect(twice).toEqual(once);
  });

  it('forgets a dropped release and its aliases; a save clears its failure', () => {
    const s = emptyState();
    for (const ev of events) applyEvent(s, ev);
    applyEvent(s, { e: 'saved', url: 'https://f.example/news/b', id: 'id-b', file: 'b.txt', date: '2024-01-02', visit: 2 });
    expect(s.failed['https://f.example/news/b']).toBeUndefined();
    applyEvent(s, { e: 'dropped', url: 'https://f.example/news/a' });
    expect(savedAs(s, 'https://f.example/news/a')).toBeUndefined();
    expect(savedAs(s, 'https://f.example/news/9001')).toBeUndefined();
    expect(s.byId['id-a']).toBeUndefined();
  });

  it('reads back only what has the right shape; a journal line cut short is no event', () => {
    expect(() => readState({ version: 99 })).toThrow(/version 99/);
    expect(() => readState('x')).toThrow(/not a crawl state/);
    const s = readState({ version: 1, visit: 3, releases: { good: { id: 'i', file: 'f.txt', date: '2024-01-01', visit: 1 }, bad: { id: 5 } }, aliases: { x: 7 } });
    expect(Object.keys(s.releases)).toEqual(['good']);
    expect(s.aliases).toEqual({});
    const line = JSON.stringify(events[1]);
    expect(readEvent(line)).toEqual(events[1]);
    expect(readEvent(line.slice(0, line.length - 3))).toBeNull();
    expect(readEvent('{"e":"saved","url":"u"}')).toBeNull();
    expect(readEvent('{"e":"unknown"}')).toBeNull();
  });
});
