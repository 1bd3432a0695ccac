/** Pieces shared by the result card and the popup: who said it, when, in which release; the quotation; citations. */
import { useState } from 'preact/hooks';
import type { ReleaseInfo, Speaker, StatementKind } from '../core/types';
import { whoSaid } from '../core/speakers';
import { formatDate, timeAgo } from '../core/citation';
import type { Citation } from '../core/present/cite';
import { copyText } from './clipboard';
import { NEWSROOM_SOURCE } from '../lib/newsroomAddress';

export function SpeakerBlock(props: { kind: StatementKind; speaker: Speaker | null; release: ReleaseInfo; date?: string; now?: Date }) {
  const { speaker, release } = props;
  const date = props.date ?? release.date;
  const ago = timeAgo(date, props.now);
  return (
    <div class="otr-who">
      <p class="otr-name"><bdi>{whoSaid(props.kind, speaker, release.organisation)}</bdi></p>
      {speaker?.role && speaker.name !== null ? <p class="otr-role"><bdi>{speaker.role}</bdi></p> : null}
      <p class="otr-when">
        <time dateTime={date}>{formatDate(date)}</time>
        {ago ? <span class="otr-ago"> · {ago}</span> : null}
      </p>
      <p class="otr-release">
        <bdi class="otr-title">{release.title}</bdi>
        {release.organisation ? <span class="otr-org"> — <bdi>{release.organisation}</bdi></span> : null}
      </p>
      {release.source?.startsWith(NEWSROOM_SOURCE) ? (
        <p class="otr-from">
          From a newsroom you follow: <bdi>{release.source.slice(NEWSROOM_SOURCE.length)}</bdi>
        </p>
      ) : null}
    </div>
  );
}

/**
 * The whole quotation, paragraph by paragraph, with the runs the passage quotes marked. Always
 * rendered as text. A long quotation shows the marked paragraphs and their neighbours; the rest
 * is one button away, so the marked words are in view without a scroll box of their own.
 */
export function QuoteText(props: { quote: string; marks?: [number, number][]; label?: string }) {
  const { quote } = props;
  const marks = (props.marks ?? []).filter(([a, b]) => a < b);
  const [whole, setWhole] = useState(false);
  const paras: { k: number; node: preact.JSX.Element; marked: boolean }[] = [];
  let offset = 0;
  quote.split('\n').forEach((para, k) => {
    const start = offset;
    const end = offset + para.length;
    offset = end + 1;
    const pieces: (string | preact.JSX.Element)[] = [];
    let at = 0;
    for (const [ma, mb] of marks) {
      if (mb <= start || ma >= end) continue;
      const a = Math.max(ma, start) - start;
      const b = Math.min(mb, end) - start;
      if (a > at) pieces.push(para.slice(at, a));
      pieces.push(<mark key={a}>{para.slice(a, b)}</mark>);
      at = b;
    }
    if (at < para.length) pieces.push(para.slice(at));
    paras.push({ k, node: <p key={k}>{pieces}</p>, marked: at > 0 });
  });
  const markedAt = paras.filter((p) => p.marked).map((p) => p.k);
  const near = (k: number) => !markedAt.length || markedAt.some((m) => Math.abs(m - k) <= 1);
  const hidden = whole || paras.length <= 3 ? 0 : paras.filter((p) => !near(p.k)).length;
  const shown = hidden ? paras.filter((p) => near(p.k)) : paras;
  return (
    <>
      <blockquote class="otr-quote" aria-label={props.label ?? 'The full quotation'}>
        {shown.map((p, i) => (i > 0 && p.k !== shown[i - 1].k + 1 ? [<p key={`gap${p.k}`} class="otr-gap" aria-hidden="true">…</p>, p.node] : p.node))}
      </blockquote>
      {hidden ? (
        <button type="button" class="otr-more" onClick={() => setWhole(true)}>
          Show the whole quotation ({hidden} more paragraph{hidden === 1 ? '' : 's'})
        </button>
      ) : null}
    </>
  );
}

export function CitationActions(props: { citation: Citation; copy?: (text: string) => Promise<boolean> }) {
  const [status, setStatus] = useState('');
  const copy = props.copy ?? copyText;
  const doCopy = async (kind: 'text' | 'md') => {
    const ok = await copy(kind === 'md' ? props.citation.markdown : props.citation.text);
    setStatus(ok ? (kind === 'md' ? 'Markdown citation copied' : 'Citation copied') : 'Could not copy: the page blocks the clipboard');
  };
  return (
    <div class="otr-actions">
      <button type="button" class="otr-btn" onClick={() => void doCopy('text')}>
        Copy citation
      </button>
      <button type="button" class="otr-btn" onClick={() => void doCopy('md')} aria-label="Copy citation as Markdown">
        Copy Markdown
      </button>
      {props.citation.link ? (
        <a class="otr-btn otr-link" href={props.citation.link} target="_blank" rel="noopener noreferrer">
          Open the source
        </a>
      ) : null}
      <span class="otr-status" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
