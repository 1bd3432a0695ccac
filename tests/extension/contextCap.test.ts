// @vitest-environment happy-dom
/**
 * The extension's limits are the core's (issue 17): the selection's context is cut to
 * MAX_CONTEXT_CHARS before it is sent, and the background's verify refuses a longer one (and
 * answers one at the limit, however hostile, within the core's bound).
 */
import { describe, expect, it } from 'vitest';
import { contextOf } from '../../lib/content/selection';
import { createService } from '../../lib/background/service';
import { MAX_CONTEXT, MAX_TEXT, parseRequest } from '../../lib/protocol';
import { MAX_CONTEXT_CHARS, MAX_PASSAGE_CHARS } from '../../core/limits';
import { serializeIndex } from '../../core';
import { seedIndex } from './fixtures';

const quote = 'The internet is not a safe or anonymous place for abusing children.';

describe('the extension’s context limit', () => {
  it('is the core’s, and so is its passage limit', () => {
    expect(MAX_CONTEXT).toBe(MAX_CONTEXT_CHARS);
    expect(MAX_TEXT).toBe(MAX_PASSAGE_CHARS);
  });

  it('cuts the selection’s context to the limit, keeping the selection and the name before it', () => {
    const long = 'and the officers went on with their work '.repeat(500);
    document.body.innerHTML = `<article>
      <p>Chief Constable Jane Doe said: ${long}</p>
      <p id="q">Chief Constable Simon Bailey said: “${quote}” ${long}</p>
    </article>`;
    const text = document.getElementById('q')!.firstChild!;
    const range = document.createRange();
    const at = text.textContent!.indexOf('The internet');
    range.setStart(text, at);
    range.setEnd(text, at + quote.length);
    const ctx = contextOf(range, quote);
    expect(ctx.length).toBeGreaterThan(MAX_CONTEXT_CHARS / 2);
    expect(ctx.length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS);
    expect(ctx).toContain(`Simon Bailey said: “${quote}”`);
  });

  it('is applied to verify: a longer context is refused, one at the limit answered within the bound', async () => {
    const svc = createService({ loadIndexSource: () => serializeIndex(seedIndex()), store: { get: async () => undefined, set: async () => undefined } });
    const over = 'Simon Bailey '.repeat(Math.ceil((MAX_CONTEXT_CHARS + 1) / 13)).slice(0, MAX_CONTEXT_CHARS + 1);
    expect(parseRequest({ type: 'verify', text: quote, context: over }).ok).toBe(false);
    expect(parseRequest({ type: 'check-page', quotations: [{ text: quote, context: over }] }).ok).toBe(false);
    const refused = await svc.receive({ type: 'verify', text: quote, context: over });
    expect(refused.ok).toBe(false);
    const atLimit = over.slice(0, MAX_CONTEXT_CHARS);
    const t0 = performance.now();
    const r = await svc.receive({ type: 'verify', text: quote, context: atLimit });
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(r.ok && 'answer' in r && r.answer.verdict).toBe('verbatim');
  });
});
