/**
 * The content script's and pages' sender when the service worker goes away:
 * one retry after a lost connection, a timeout on every attempt, clear errors.
 * The fake sender plays the ways Chromium reports a stopped worker.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reliable, RELOADED, STOPPED, TIMED_OUT } from '../../lib/reliableSend';
import { request } from '../../lib/protocol';

const OK = { ok: true, stats: { releases: 1 } };

/** A sender answering from a script: each entry is one attempt's outcome. */
function fakeSender(...outcomes: Array<() => Promise<unknown>>) {
  const calls: unknown[] = [];
  const send = vi.fn((msg: unknown) => {
    calls.push(msg);
    const next = outcomes.shift();
    if (!next) throw new Error('more attempts than expected');
    return next();
  });
  return { send, calls };
}

const lost = (message: string) => () => Promise.reject(new Error(message));
const never = () => new Promise<never>(() => undefined);

afterEach(() => vi.useRealTimers());

describe('reliable(): a request when the background goes away', () => {
  it('answers at once when the background answers', async () => {
    const { send } = fakeSender(async () => OK);
    await expect(reliable(send)({ type: 'stats' })).resolves.toEqual(OK);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['Could not establish connection. Receiving end does not exist.'],
    ['A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received'],
  ])('retries once after "%s" and returns the second answer', async (message) => {
    const { send, calls } = fakeSender(lost(message), async () => OK);
    await expect(reliable(send)({ type: 'stats' })).resolves.toEqual(OK);
    expect(calls).toEqual([{ type: 'stats' }, { type: 'stats' }]);
  });

  it('retries once after an empty reply (the polyfill\'s "message port closed")', async () => {
    const { send } = fakeSender(async () => undefined, async () => OK);
    await expect(reliable(send)({ type: 'stats' })).resolves.toEqual(OK);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('fails with a clear error after the second lost connection, not a third attempt', async () => {
    const { send } = fakeSender(lost('Could not establish connection.'), async () => undefined);
    await expect(reliable(send)({ type: 'stats' })).rejects.toThrow(STOPPED);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('does not retry when the extension was reloaded under the page', async () => {
    const { send } = fakeSender(lost('Extension context invalidated.'));
    await expect(reliable(send)({ type: 'stats' })).rejects.toThrow(RELOADED);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('times out a request that never answers, without asking again', async () => {
    vi.useFakeTimers();
    const { send } = fakeSender(never);
    const p = reliable(send, 1000)({ type: 'stats' });
    const settled = vi.fn();
    p.then(settled, settled);
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await expect(p).rejects.toThrow(TIMED_OUT);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives the retry a timeout of its own: a retry that hangs still ends', async () => {
    vi.useFakeTimers();
    const { send } = fakeSender(lost('The message port closed before a response was received.'), never);
    const p = reliable(send, 1000)({ type: 'stats' });
    const outcome = p.catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await outcome).toBe(TIMED_OUT);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('leaves no timer behind once answered', async () => {
    vi.useFakeTimers();
    const { send } = fakeSender(async () => OK);
    await reliable(send, 1000)({ type: 'stats' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps the background\'s own refusal as it is (no retry)', async () => {
    const { send } = fakeSender(async () => ({ ok: false, error: 'verify: text must be a non-empty string' }));
    await expect(request(reliable(send), { type: 'stats' })).rejects.toThrow('verify: text must be a non-empty string');
    expect(send).toHaveBeenCalledTimes(1);
  });
});
