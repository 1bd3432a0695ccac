import { describe, expect, it } from 'vitest';
import { createService, RECENT_KEY, RECENT_MAX } from '../../lib/background/service';
import { serializeIndex } from '../../core';
import { seedIndex } from './fixtures';

function memoryStore() {
  const data = new Map<string, unknown>();
  return { data, get: async (k: string) => data.get(k), set: async (k: string, v: unknown) => void data.set(k, v) };
}

describe('the background service', () => {
  const json = serializeIndex(seedIndex());

  it('loads the index lazily, once', async () => {
    let reads = 0;
    const svc = createService({ loadIndexSource: () => (reads++, json), store: memoryStore() });
    expect(svc.loaded).toBe(false);
    expect(reads).toBe(0);
    await svc.receive({ type: 'stats' });
    await svc.receive({ type: 'verify', text: 'The internet is not a safe or anonymous place for abusing children.' });
    await svc.receive({ type: 'search', query: 'Goodman' });
    expect(svc.loaded).toBe(true);
    expect(svc.loads).toBe(1);
    expect(reads).toBe(1);
  });

  it('answers a verify request with the matcher’s answer and remembers the check', async () => {
    const store = memoryStore();
    const svc = createService({ loadIndexSource: () => json, store, now: () => 42 });
    const r = await svc.receive({
      type: 'verify',
      text: '“The internet is not a safe or anonymous place for abusing children.”',
      context: 'Chief Constable Simon Bailey said:',
    });
    expect(r.ok).toBe(true);
    if (!r.ok || !('answer' in r)) throw new Error('no answer');
    expect(r.answer.verdict).toBe('verbatim');
    expect(r.answer.best?.speaker?.name).toBe('Simon Bailey');
    expect(r.answer.best?.date).toBe('2017-08-04');
    const recent = await svc.receive({ type: 'recent' });
    expect(recent).toMatchObject({ ok: true, recent: [{ verdict: 'verbatim', speaker: 'Chief Constable Simon Bailey', date: '2017-08-04', at: 42 }] });
  });

  it('keeps at most the last checks, newest first, and clears them', async () => {
    const store = memoryStore();
    const svc = createService({ loadIndexSource: () => json, store });
    await Promise.all(
      Array.from({ length: RECENT_MAX + 5 }, (_, i) => svc.receive({ type: 'verify', text: `words nobody said number ${i}` })),
    );
    const list = store.data.get(RECENT_KEY) as { text: string }[];
    expect(list).toHaveLength(RECENT_MAX);
    expect(list[0]!.text).toBe(`words nobody said number ${RECENT_MAX + 4}`);
    await svc.receive({ type: 'clear-recent' });
    expect(await svc.receive({ type: 'recent' })).toEqual({ ok: true, recent: [] });
  });

  it('records a retried verify once: a fresh worker given the same request id after the first saved it', async () => {
    const store = memoryStore();
    const text = 'The internet is not a safe or anonymous place for abusing children.';
    // The first worker answers and records the check, then stops before its reply arrives;
    // the content script sends the same message (same id) again, to a fresh worker on the same storage.
    const first = createService({ loadIndexSource: () => json, store, now: () => 1 });
    expect((await first.receive({ type: 'verify', id: 'req-1', text })).ok).toBe(true);
    const fresh = createService({ loadIndexSource: () => json, store, now: () => 2 });
    const again = await fresh.receive({ type: 'verify', id: 'req-1', text });
    expect(again.ok && 'answer' in again && again.answer.verdict).toBe('verbatim');
    let list = store.data.get(RECENT_KEY) as { id?: string; at: number }[];
    expect(list.map((e) => [e.id, e.at])).toEqual([['req-1', 1]]);
    // The same words checked again (a new id, or none) move to the top: no repeats in the list.
    await fresh.receive({ type: 'verify', id: 'req-2', text: `“${text}”` });
    await fresh.receive({ type: 'verify', text: 'We are already arresting over 400 offenders and safeguarding over 500 children each month.' });
    await fresh.receive({ type: 'verify', text });
    list = store.data.get(RECENT_KEY) as { id?: string; at: number }[];
    expect(list.map((e) => e.id)).toEqual([undefined, undefined]);
    // Without the page's quote marks (the popup adds its own), and with the answer to open again.
    const stored = store.data.get(RECENT_KEY) as { text: string; answer?: { verdict: string; best: unknown; candidates: unknown[] } }[];
    expect(stored[0]!.text).toBe(text);
    expect(stored[0]!.answer?.verdict).toBe('verbatim');
    expect(stored[0]!.answer?.best).toBeTruthy();
    expect(stored[0]!.answer?.candidates).toEqual([]);
    // Concurrent copies of one request in one worker are recorded once too.
    const svc = createService({ loadIndexSource: () => json, store: memoryStore() });
    await Promise.all([1, 2, 3].map(() => svc.receive({ type: 'verify', id: 'req-3', text })));
    const recent = await svc.receive({ type: 'recent' });
    expect(recent.ok && 'recent' in recent && recent.recent.length).toBe(1);
  });

  it('searches, shows a statement in full with its release, and counts the index', async () => {
    const svc = createService({ loadIndexSource: () => json, store: memoryStore() });
    const s = await svc.receive({ type: 'search', query: 'Goodman' });
    if (!s.ok || !('hits' in s)) throw new Error('no hits');
    expect(s.hits[0]).toMatchObject({ speaker: 'Deputy Chief Constable Peter Goodman', date: '2014-10-03' });
    const st = await svc.receive({ type: 'statement', index: s.hits[0]!.statement });
    expect(st).toMatchObject({ ok: true, statement: { release: { date: '2014-10-03' }, speaker: { name: 'Peter Goodman' } } });
    expect(await svc.receive({ type: 'statement', index: 9999 })).toEqual({ ok: false, error: 'no such statement' });
    const stats = await svc.receive({ type: 'stats' });
    expect(stats).toMatchObject({ ok: true, stats: { releases: 2, from: '2014-10-03', to: '2017-08-04', built: '2026-01-02T03:04:05.000Z' } });
  });

  it('refuses malformed messages and reports a missing or broken index clearly', async () => {
    const svc = createService({ loadIndexSource: () => json, store: memoryStore() });
    expect(await svc.receive({ type: 'verify' })).toMatchObject({ ok: false });
    expect(await svc.receive('stats')).toMatchObject({ ok: false });
    const none = createService({ loadIndexSource: () => null, store: memoryStore() });
    expect(await none.receive({ type: 'stats' })).toMatchObject({ ok: false, error: expect.stringMatching(/npm run index/) });
    const broken = createService({ loadIndexSource: () => '{"format":"something else"}', store: memoryStore() });
    const r = await broken.receive({ type: 'stats' });
    expect(r.ok).toBe(false);
  });
});
