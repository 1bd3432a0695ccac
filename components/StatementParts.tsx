/** Pieces shared by the result card and the popup: who said it, when, in which release; the quotation; citations. */
import { useState } from 'preact/hooks';
import type { ReleaseInfo, Speaker, StatementKind } from '../core/types';
import { whoSaid } from '../core/speakers';
import { citationMarkdown, citationText, formatDate, isSafeUrl, timeAgo } from '../core/citation';

export function SpeakerBlock(props: { kind: StatementKind; speaker: Speaker | null; release: ReleaseInfo; date?: string; now?: Date }) {
  const { speaker, release } = props;
  const date = props.date ?? release.date;
  const ago = timeAgo(date, props.now);
  return (
    <div class="otr-who">
      <p class="otr-name">{whoSaid(props.kind, speaker, release.organisation)}</p>
      {speaker?.role && speaker.name !== null ? <p class="otr-role">{speaker.role}</p> : null}
      <p class="otr-when">
        <time dateTime={date}>{formatDate(date)}</time>
        {ago ? <span class="otr-ago"> · {ago}</span> : null}
      </p>
      <p class="otr-release">
        <span class="otr-title">{release.title}</span>
        {release.organisation ? <span class="otr-org"> — {release.organisation}</span> : null}
      </p>
    </div>
  );
}

/** The whole quotation, paragraph by paragraph, with [start, end) marked. Always rendered as text. */
export function QuoteText(props: { quote: string; span?: [number, number] | null; label?: string }) {
  const { quote } = props;
  const span = props.span && props.span[0] < props.span[1] ? props.span : null;
  const paras: preact.JSX.Element[] = [];
  let offset = 0;
  quote.split('\n').forEach((para, k) => {
    const start = offset;
    const end = offset + para.length;
    offset = end + 1;
    const pieces: (string | preact.JSX.Element)[] = [];
    if (span && span[0] < end && span[1] > start) {
      const a = Math.max(span[0], start) - start;
      const b = Math.min(span[1], end) - start;
      if (a > 0) pieces.push(para.slice(0, a));
      pieces.push(<mark key="m">{para.slice(a, b)}</mark>);
      if (b < para.length) pieces.push(para.slice(b));
    } else pieces.push(para);
    paras.push(<p key={k}>{pieces}</p>);
  });
  return (
    <blockquote class="otr-quote" aria-label={props.label ?? 'The full quotation'}>
      {paras}
    </blockquote>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Pages without the async clipboard (plain http): the old way, with a hidden field.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

export function CitationActions(props: { kind: StatementKind; speaker: Speaker | null; release: ReleaseInfo; date?: string; copy?: (text: string) => Promise<boolean> }) {
  const [status, setStatus] = useState('');
  const copy = props.copy ?? copyText;
  const cite = { kind: props.kind, speaker: props.speaker, release: props.release, date: props.date };
  const doCopy = async (kind: 'text' | 'md') => {
    const text = kind === 'md' ? citationMarkdown(cite) : citationText(cite);
    const ok = await copy(text);
    setStatus(ok ? (kind === 'md' ? 'Markdown citation copied' : 'Citation copied') : 'Could not copy: the page blocks the clipboard');
  };
  const url = props.release.url;
  return (
    <div class="otr-actions">
      <button type="button" class="otr-btn" onClick={() => void doCopy('text')}>
        Copy citation
      </button>
      <button type="button" class="otr-btn" onClick={() => void doCopy('md')} aria-label="Copy citation as Markdown">
        Copy Markdown
      </button>
      {isSafeUrl(url) ? (
        <a class="otr-btn otr-link" href={url} target="_blank" rel="noopener noreferrer">
          Open the source
        </a>
      ) : null}
      <span class="otr-status" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
