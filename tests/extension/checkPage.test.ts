import { describe, expect, it } from 'vitest';
import { createService, RECENT_KEY } from '../../lib/background/service';
import { isCheckPageCommand, isTabCommand, MAX_QUOTATIONS, parseRequest } from '../../lib/protocol';
import { serializeIndex } from '../../core';
import { seedIndex } from './fixtures';

function memoryStore() {
  const data = new Map<string, unknown>();
  return { data, get: async (k: string) => data.get(k), set: async (k: string, v: unknown) => void data.set(k, v) };
}

describe('check-page', () => {
  it('checks the shape of a batch: a list of {text, context?}, bounded', () => {
    expect(parseRequest({ type: 'check-page', quotations: [{ text: 'a b c d', context: 'x', extra: 1 }] })).toEqual({
      ok: true,
      request: { type: 'check-page', quotations: [{ text: 'a b c d', context: 'x' }] },
    });
    expect(parseRequest({ type: 'check-page', quotations: [] }).ok).toBe(true);
    expect(parseRequest({ type: 'check-page' }).ok).toBe(false);
    expect(parseRequest({ type: 'check-page', quotations: [{ text: '' }] }).ok).toBe(false);
    expect(parseRequest({ type: 'check-page', quotations: [{ text: 'x', context: 3 }] }).ok).toBe(false);
    expect(parseRequest({ type: 'check-page', quotations: Array(MAX_QUOTATIONS + 1).fill({ text: 'x' }) }).ok).toBe(false);
  });

  it('tells the tab command from the request', () => {
    expect(isCheckPageCommand({ type: 'check-page' })).toBe(true);
    expect(isCheckPageCommand({ type: 'check-page', quotations: [] })).toBe(false);
    expect(isTabCommand({ type: 'check-page' })).toBe(false);
  });

  it('answers every quotation in order, ids their positions, with the attribution check, and keeps no recent checks', async () => {
    const store = memoryStore();
    const svc = createService({ loadIndexSource: () => serializeIndex(seedIndex()), store });
    const r = await svc.receive({
      type: 'check-page',
      quotations: [
        { text: '“The internet is not a safe or anonymous place for abusing children.”', context: 'Chief Constable Simon Bailey said:' },
        { text: '“These people try to hide what they do online.”', context: 'Sara Thornton said: “These people try to hide what they do online.”' },
        { text: '“Every school in the county will get a new safety officer.”' },
      ],
    });
    if (!r.ok || !('answers' in r)) throw new Error('no answers');
    expect(r.answers.map((a) => [a.id, a.verdict])).toEqual([
      [0, 'verbatim'],
      [1, 'verbatim'],
      [2, 'not-found'],
    ]);
    expect(r.answers[0].best?.attribution?.consistent).toBe(true);
    expect(r.answers[1].best?.attribution).toEqual({ names: ['Sara Thornton'], consistent: false });
    expect(store.data.get(RECENT_KEY)).toBeUndefined();
  });
});
