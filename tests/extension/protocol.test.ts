import { describe, expect, it } from 'vitest';
import { isTabCommand, isTrustedSender, MAX_TEXT, parseRequest, ProtocolError, request } from '../../lib/protocol';

describe('the message protocol', () => {
  it('accepts well-formed requests and drops extra fields', () => {
    expect(parseRequest({ type: 'verify', text: 'some words', context: 'around', extra: 1 })).toEqual({
      ok: true,
      request: { type: 'verify', text: 'some words', context: 'around' },
    });
    expect(parseRequest({ type: 'verify', id: 'k3x9', text: 'some words' })).toEqual({ ok: true, request: { type: 'verify', id: 'k3x9', text: 'some words' } });
    expect(parseRequest({ type: 'search', query: 'Bailey' })).toMatchObject({ ok: true });
    expect(parseRequest({ type: 'statement', index: 3 })).toMatchObject({ ok: true });
    expect(parseRequest({ type: 'stats' })).toMatchObject({ ok: true });
  });

  it.each([
    ['not an object', 'verify'],
    ['no type', {}],
    ['unknown type', { type: 'eval', code: '1' }],
    ['empty text', { type: 'verify', text: '   ' }],
    ['text too long', { type: 'verify', text: 'x'.repeat(MAX_TEXT + 1) }],
    ['text not a string', { type: 'verify', text: ['a'] }],
    ['context not a string', { type: 'verify', text: 'a b', context: 5 }],
    ['id not a string', { type: 'verify', text: 'a b', id: 7 }],
    ['id too long', { type: 'verify', text: 'a b', id: 'x'.repeat(65) }],
    ['fractional index', { type: 'statement', index: 1.5 }],
    ['negative index', { type: 'statement', index: -1 }],
    ['bad limit', { type: 'search', query: 'a', limit: 1000 }],
    ['array', [{ type: 'stats' }]],
    ['null', null],
  ])('refuses %s', (_what, msg) => {
    const r = parseRequest(msg);
    expect(r.ok).toBe(false);
  });

  it('trusts only this extension as sender', () => {
    expect(isTrustedSender({ id: 'abc' }, 'abc')).toBe(true);
    expect(isTrustedSender({ id: 'other' }, 'abc')).toBe(false);
    expect(isTrustedSender({}, 'abc')).toBe(false);
    expect(isTrustedSender(undefined, 'abc')).toBe(false);
    expect(isTrustedSender({ id: '' }, '')).toBe(false);
  });

  it('recognises the tab command', () => {
    expect(isTabCommand({ type: 'verify-selection' })).toBe(true);
    expect(isTabCommand({ type: 'verify-selection', selectionText: 5 })).toBe(false);
    expect(isTabCommand({ type: 'verify' })).toBe(false);
  });

  it('turns refusals into errors on the asking side', async () => {
    await expect(request(async () => ({ ok: false, error: 'nope' }), { type: 'stats' })).rejects.toThrow(ProtocolError);
    await expect(request(async () => undefined, { type: 'stats' })).rejects.toThrow(/no answer/);
    await expect(request(async () => ({ ok: true, recent: [] }), { type: 'recent' })).resolves.toEqual({ ok: true, recent: [] });
  });
});
