/**
 * When to ask again: 429 (too many requests), 502, 503, 504 and network errors are retried,
 * after the wait the server asks for (Retry-After, in seconds or as an HTTP date) or else
 * an exponential backoff; every wait is capped, and a request is tried a bounded number of times.
 */

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The first backoff when the server gives no Retry-After; doubled each time. */
  baseMs: number;
  /** No wait is longer than this, whatever the server asks (a server asking for an hour gets this). */
  maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 1000, maxWaitMs: 60_000 };

/** Statuses that say "not now" rather than "no". */
export function retryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/**
 * The wait a Retry-After header asks for, in milliseconds: a number of seconds, or an HTTP date
 * (a date in the past is no wait). Null when there is no header or it is neither.
 */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse reads the IMF-fixdate form and its older forms.
  if (!/[a-z]/i.test(value)) return null;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

/**
 * How long to wait before try number `attempt + 1`, after try `attempt` (1-based) failed in a way
 * worth retrying; null when the tries are used up.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfter: number | null): number | null {
  if (attempt >= policy.attempts) return null;
  const wait = retryAfter ?? policy.baseMs * 2 ** (attempt - 1);
  return Math.min(Math.max(0, wait), policy.maxWaitMs);
}
