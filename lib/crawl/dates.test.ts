import { describe, expect, it } from 'vitest';
import { isoFromText } from './dates';

describe('dates as listings print them', () => {
  const now = Date.UTC(2026, 11, 2, 12);
  it('recent dates, counted back from now', () => {
    expect(isoFromText('Today', now)).toBe('2026-12-02');
    expect(isoFromText('Yesterday', now)).toBe('2026-12-01');
    expect(isoFromText('2 days ago', now)).toBe('2026-11-30');
    expect(isoFromText('5 hours ago', now)).toBe('2026-12-02');
    expect(isoFromText('a week ago', now)).toBe('2026-11-25');
  });
  it('written dates as before, and nothing for no date', () => {
    expect(isoFromText('14 Nov 2026', now)).toBe('2026-11-14');
    expect(isoFromText('Read more', now)).toBeUndefined();
    expect(isoFromText('2 days of action', now)).toBeUndefined();
  });
});
