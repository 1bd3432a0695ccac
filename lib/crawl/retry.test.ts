import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryAfterMs, retryDelay, retryableStatus } from './retry';

describe('retry policy', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');

  it('reads Retry-After in seconds or as an HTTP date; a past date is no wait; anything else is none', () => {
    expect(retryAfterMs('5', now)).toBe(5000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Thu, 01 Jan 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-3', now)).toBeNull();
  });

  it('waits what the server asks, capped; else backs off exponentially; gives up after the tries', () => {
    const policy = { attempts: 4, baseMs: 1000, maxWaitMs: 60_000 };
    expect(retryDelay(policy, 1, 2500)).toBe(2500);
    expect(retryDelay(policy, 1, 3_600_000)).toBe(60_000);
    expect([1, 2, 3].map((a) => retryDelay(policy, a, null))).toEqual([1000, 2000, 4000]);
    expect(retryDelay(policy, 4, null)).toBeNull();
    expect(retryDelay({ ...policy, attempts: 1 }, 1, 10)).toBeNull();
    expect(DEFAULT_RETRY.attempts).toBeGreaterThan(1);
  });

  it('retries 429 and the 5xx that mean "not now", not other errors', () => {
    expect([429, 502, 503, 504].every(retryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 500].some(retryableStatus)).toBe(false);
  });
});
