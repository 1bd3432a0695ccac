/** The page's words against the original's, inline, as a word diff. */
import type { DiffPart } from '../lib/wordDiff';

export function DiffView(props: { parts: DiffPart[] }) {
  return (
    <p class="otr-diff">
      {props.parts.map((p, k) => {
        const sep = k > 0 ? ' ' : '';
        switch (p.op) {
          case 'same':
            return <span key={k}>{sep + p.text}</span>;
          case 'change':
            return (
              <span key={k} class={p.figure ? 'otr-chg otr-fig' : 'otr-chg'}>
                {sep}
                {p.page ? (
                  <ins>
                    <span class="otr-sr">page says: </span>
                    {p.page}
                  </ins>
                ) : null}
                {p.page && p.original ? ' ' : null}
                {p.original ? (
                  <del>
                    <span class="otr-sr">{p.page ? 'was said: ' : 'page drops: '}</span>
                    {p.original}
                  </del>
                ) : null}
                {p.figure ? <span class="otr-tag">figure changed</span> : null}
              </span>
            );
          case 'elided':
            return (
              <span key={k} class="otr-elided" title={`Left out: ${p.original}`}>
                {sep + p.page}
                <span class="otr-sr"> (left out: {p.original})</span>
              </span>
            );
          case 'editorial':
            return (
              <span key={k} class="otr-editorial" title={p.original ? `In place of: ${p.original}` : 'Editorial insertion'}>
                {sep + p.page}
              </span>
            );
        }
      })}
    </p>
  );
}
