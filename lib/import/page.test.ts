/** A release page as a reader reads it: shapes a blind trial of a newsroom written by other hands brought in. */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { parseRelease } from '../../core/parse/parseRelease';
import { pageReleaseText } from './page';

const page = (body: string) => parseHTML(`<html><head><title>Drone team finds missing walker</title></head><body><main><article><h1>Drone team finds missing walker</h1>${body}</article></main></body></html>`).document as unknown as Document;

describe('a release page as release text', () => {
  it('keeps a block quotation’s footer, who said it, as its own line', () => {
    const { text } = pageReleaseText(
      page(`<p>Published: 3 March 2026</p><p>A missing walker was found on the moor on Sunday by the force's drone unit after a four-hour search in poor weather.</p>
<blockquote><p>“The crew flew in conditions that would have grounded us two years ago, and the thermal camera picked him out within minutes.”</p><footer>— Inspector Beatrix Calloway-Hume, Air Operations</footer></blockquote>
<p>The walker was taken to hospital as a precaution and has since been discharged.</p>`),
      'drone.html',
    );
    expect(text).toMatch(/^— Inspector Beatrix Calloway-Hume, Air Operations$/m);
    const quote = parseRelease(text, 'drone.html').statements.find((s) => s.kind === 'quote');
    expect(quote?.speaker).toMatchObject({ name: 'Beatrix Calloway-Hume', rank: 'Inspector' });
    expect(text.split('\n')[0]).toBe('03 Mar 2026');
  });
});
