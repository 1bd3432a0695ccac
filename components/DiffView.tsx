/**
 * The page's words against what was said, inline, from the matcher's own alignment (the
 * answer's segments): the page's words struck in red, what was said in green, as on every surface.
 */
import type { Segment } from '../core/types';

function Page(props: { text: string }) {
  return (
    <del class="otr-page">
      <span class="otr-sr">the page has: </span>
      {props.text}
    </del>
  );
}

function Said(props: { text: string }) {
  return (
    <ins class="otr-said">
      <span class="otr-sr">was said: </span>
      {props.text}
    </ins>
  );
}

export function DiffView(props: { segments: Segment[] }) {
  return (
    <p class="otr-diff">
      {props.segments.map((p, k) => {
        const sep = k > 0 ? ' ' : '';
        switch (p.type) {
          case 'same':
            return <span key={k}>{sep + p.page}</span>;
          case 'spelling':
            return (
              <span key={k} class="otr-spelling" title={`The release spells it “${p.original}”`}>
                {sep + p.page}
              </span>
            );
          case 'replaced':
          case 'inserted':
          case 'omitted':
          case 'number':
            return (
              <span key={k} class={p.type === 'number' ? 'otr-chg otr-fig' : 'otr-chg'}>
                {sep}
                {p.page ? <Page text={p.page} /> : null}
                {p.page && p.original ? ' ' : null}
                {p.original ? <Said text={p.original} /> : <span class="otr-sr"> (not in the original)</span>}
                {p.type === 'number' ? <span class="otr-tag">figure changed</span> : null}
              </span>
            );
          case 'elision':
            return (
              <span key={k} class="otr-elided" title={`Left out: ${p.original}`}>
                {sep + p.page}
                <span class="otr-sr"> (left out: {p.original})</span>
              </span>
            );
          case 'insertion':
            return (
              <span key={k} class="otr-editorial" title={p.original ? `In place of: ${p.original}` : 'Editorial insertion'}>
                {sep + p.page}
              </span>
            );
          case 'framing':
            return (
              <span key={k} class="otr-framing" title="The page’s own words around the quotation">
                {sep + p.page}
              </span>
            );
        }
      })}
    </p>
  );
}
