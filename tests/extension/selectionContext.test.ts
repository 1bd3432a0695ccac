// @vitest-environment happy-dom
/** The context sent with a selection: its paragraph and the one before, never the one after. */
import { describe, expect, it } from 'vitest';
import { contextOf } from '../../lib/content/selection';

describe('the context of a selection', () => {
  it('holds the paragraph before and the selection’s own, not the next one', () => {
    document.body.innerHTML = `<article>
      <p>Chief Constable Jane Doe said:</p>
      <p id="q">“Officers will patrol every night this week.”</p>
      <p>Mr John Smith, the council leader, said he welcomed the move.</p>
    </article>`;
    const text = document.getElementById('q')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 1);
    range.setEnd(text, 20);
    const ctx = contextOf(range, 'Officers will patrol');
    expect(ctx).toContain('Jane Doe said');
    expect(ctx).toContain('Officers will patrol every night');
    expect(ctx).not.toContain('John Smith');
  });
});
