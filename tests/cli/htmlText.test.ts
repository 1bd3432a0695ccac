import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../cli/htmlText';

describe('htmlToText', () => {
  it('joins inline markup, breaks blocks into paragraphs, drops scripts, styles and comments', () => {
    const html =
      '<html><head><title>T</title><style>p{}</style></head><body><script>x = "<p>no</p>"</script>' +
      '<p>He said: &ldquo;We <em>will</em> <a href="#">act</a>.&rdquo;</p><!-- hidden --><div>Next<br>line</div></body></html>';
    expect(htmlToText(html)).toBe('T\n\nHe said: “We will act.”\n\nNext\n\nline');
  });

  it('decodes named and numeric references, leaving unknown ones alone', () => {
    expect(decodeEntities('&#8220;a&#x201D; &rsquo; &amp; &nbsp;&bogus; &#0;')).toBe('“a” ’ &  &bogus; \ufffd');
  });
});
