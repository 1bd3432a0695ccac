// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../core/check/findQuotations';
import { pageText, rangeOf } from './pageCheck';

describe('the page text and its map back to the DOM', () => {
  it('joins inline markup, breaks at blocks, leaves out scripts, and maps each quotation to its range', () => {
    document.body.innerHTML =
      '<script>var x = "not a quotation at all, only a script";</script>' +
      '<p id="a">Chief Constable <a href="#">Simon Bailey</a> said: <span>“The internet is <em>not</em> a safe\n   place for <b>abusing children</b>.”</span></p>' +
      '<div hidden>“Hidden words are not on the page at all.”</div>' +
      '<p>He told reporters that paedophile hunters should leave it to the police.</p>';
    const { text, segments } = pageText(document.body);
    expect(text).not.toContain('script');
    expect(text).not.toContain('Hidden');
    const found = findQuotations(text);
    expect(found.map((q) => q.kind)).toEqual(['quoted', 'reported']);
    expect(found[0].context).toContain('Simon Bailey');
    const range = rangeOf(segments, found[0].start, found[0].end)!;
    expect(range.toString().replace(/\s+/g, ' ')).toBe('“The internet is not a safe place for abusing children.”');
    expect(rangeOf(segments, found[1].start, found[1].end)!.toString()).toBe(
      'He told reporters that paedophile hunters should leave it to the police.',
    );
  });
});
