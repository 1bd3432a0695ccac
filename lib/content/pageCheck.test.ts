// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../core/check/findQuotations';
import { copyRoot, pageText, rangeOf } from './pageCheck';

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

  it('reads the copy, not the furniture: the one main or article, and no nav, aside, cookie banner, advert or "Most read"', () => {
    document.body.innerHTML =
      '<div class="cookie-banner"><p>“Accept all cookies to get the best experience on our website,” says the privacy team.</p></div>' +
      '<nav><a href="#">Home</a></nav>' +
      '<main><article><h1>Police step up patrols</h1>' +
      '<p>Chief Constable Jane Doe said: “Officers will patrol every night this week.”</p>' +
      '<div class="ad-slot"><p>“Buy one mattress and get a second one completely free,” the advert said.</p></div>' +
      '<aside class="most-read"><p>“I won the lottery twice and nobody believed me,” says pensioner</p></aside>' +
      '<div role="complementary"><p>“Sign up to our newsletter for the best stories every day,” we said.</p></div>' +
      '</article></main>' +
      '<footer><p>“Every word on this site is copyright,” the lawyers said.</p></footer>';
    expect(copyRoot(document).tagName).toBe('MAIN');
    const { text } = pageText(copyRoot(document));
    expect(findQuotations(text).map((q) => q.text)).toEqual(['“Officers will patrol every night this week.”']);
  });
});
