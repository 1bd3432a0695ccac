/** What the parser understood of a release, shown before anything is saved: date, speakers, quotations, narrative. */
import type { ParsedRelease, Speaker } from '../core/types';
import { formatDate } from '../core/citation';
import { describeSpeaker } from '../core/speakers';
import { formatWarning } from '../core/parse/warnings';

function who(s: Speaker | null): string {
  return s ? describeSpeaker(s) : 'Unknown speaker';
}

export function ReleasePreview(props: { release: ParsedRelease; note?: string }) {
  const { release: r, statements, warnings } = props.release;
  const quotes = statements.filter((s) => s.kind === 'quote');
  const narrative = statements.filter((s) => s.kind === 'narrative');
  const speakers = [...new Set(quotes.map((q) => who(q.speaker)))];
  return (
    <article class="preview" aria-label={`Preview: ${r.title}`}>
      <p class="preview-head">
        <strong class="preview-date">{formatDate(r.date)}</strong> · <bdi class="otr-title">{r.title}</bdi>
        {r.organisation ? <span class="muted"> · <bdi>{r.organisation}</bdi></span> : null}
      </p>
      {r.url ? (
        <p class="small muted">
          {/^https?:\/\//i.test(r.url) ? r.url : null}
        </p>
      ) : null}
      {props.note ? <p class="small note">{props.note}</p> : null}
      <p class="small">
        {quotes.length} {quotes.length === 1 ? 'quotation' : 'quotations'} · {narrative.length} narrative · Speakers:{' '}
        {speakers.length
          ? speakers.map((name, i) => (
              <span key={i}>
                {i ? '; ' : ''}
                <bdi>{name}</bdi>
              </span>
            ))
          : 'none'}
      </p>
      <details>
        <summary class="small">Everything understood</summary>
        <ol class="preview-statements">
          {statements.map((s, i) => (
            <li key={i} class={s.kind === 'quote' ? 'pv-quote' : 'pv-narrative'}>
              <bdi class="pv-who">{s.kind === 'quote' ? who(s.speaker) : 'Narrative'}</bdi>
              <span class="small muted"> (line {s.line})</span>
              <bdi class="pv-text">{s.kind === 'quote' ? `“${s.text.replace(/\n/g, ' ¶ ')}”` : s.text}</bdi>
            </li>
          ))}
        </ol>
        {warnings.length ? (
          <ul class="small muted">
            {warnings.map((w, i) => (
              <li key={i}>Note: {formatWarning(w)}</li>
            ))}
          </ul>
        ) : null}
      </details>
    </article>
  );
}
