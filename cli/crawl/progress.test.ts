import { describe, expect, it } from 'vitest';
import { progressLine, progressOut } from './progress';

const p = { found: 120, fetched: 40, saved: 38, duplicates: 1, failed: 1, skipped: 0, older: 0, requests: 45, pending: 80 };

describe('crawl progress', () => {
  it('says found, fetched, saved, failed, the rate and the time left', () => {
    expect(progressLine(p, 20_000)).toBe('found 120 · fetched 40 · saved 38 · failed 1 · duplicates 1 · 2.0 releases/s · about 40 s left');
  });

  it('redraws one line on a terminal, at most ten times a second', () => {
    let t = 0;
    const out: string[] = [];
    const progress = progressOut({ write: (s: string) => out.push(s), isTTY: true, columns: 200 }, 10_000, () => t);
    for (t = 0; t < 1000; t += 10) progress.update(p);
    progress.end();
    expect(out.length).toBeLessThanOrEqual(11);
    expect(out.every((s) => s.startsWith('\r\x1b[2K') && !s.includes('\n'))).toBe(true);
  });

  it('elsewhere writes a plain line every ten seconds at most, and no carriage return', () => {
    let t = 0;
    const out: string[] = [];
    const progress = progressOut({ write: (s: string) => out.push(s), isTTY: false }, 10_000, () => t);
    for (t = 0; t <= 30_000; t += 100) progress.update(p);
    progress.end();
    expect(out.length).toBe(3);
    expect(out.join('')).not.toContain('\r');
  });
});
