/** The result card shown beside a selection. Pure UI: it is given the answer. */
import { useEffect, useRef } from 'preact/hooks';
import type { Answer, Match, Verdict } from '../core/types';
import { formatDate, speakerName } from '../core/citation';
import { stripOuterQuotes, wordDiff } from '../lib/wordDiff';
import { CitationActions, QuoteText, SpeakerBlock } from './StatementParts';
import { DiffView } from './DiffView';

export interface ResultCardProps {
  answer: Answer | null;
  /** Set when the check itself failed (no index, background unreachable). */
  error?: string;
  /** The words the reader selected. */
  pageText: string;
  onClose: () => void;
  now?: Date;
  copy?: (text: string) => Promise<boolean>;
}

export function verdictLabel(answer: Answer): string {
  switch (answer.verdict) {
    case 'verbatim':
      return 'Verbatim';
    case 'altered': {
      const n = answer.best?.differences.length ?? 0;
      return `Altered (${n} ${n === 1 ? 'difference' : 'differences'})`;
    }
    case 'paraphrase':
      return 'Paraphrase';
    case 'not-found':
      return 'Not in the index';
    case 'invalid':
      return 'Cannot check this selection';
  }
}

const VERDICT_HINT: Record<Verdict, string> = {
  verbatim: 'The page quotes these words exactly as they were said.',
  altered: 'The page’s words differ from what was said.',
  paraphrase: 'The page reports this statement in other words: it is not a quotation.',
  'not-found': 'No statement in the index holds these words. Nothing is guessed.',
  invalid: '',
};

function noteText(n: NonNullable<Match['notes']>[number]): string {
  switch (n.type) {
    case 'elision':
      return `Words left out (${n.page})${n.original ? `: “${n.original}”` : ''}`;
    case 'insertion':
      return `Editorial words ${n.page}${n.original ? ` in place of “${n.original}”` : ''}`;
    case 'spelling':
      return `Spelling: the page has “${n.page}”, the release “${n.original}”`;
    case 'framing':
      return `Framing words around the quotation: “${n.page}”`;
  }
}

function Candidates(props: { answer: Answer }) {
  const best = props.answer.best;
  const others = props.answer.candidates.filter((c) => c !== best && !(best && c.release.id === best.release.id && c.quote === best.quote));
  if (!others.length) return null;
  return (
    <section class="otr-section" aria-labelledby="otr-cands">
      <h3 id="otr-cands">Also said in</h3>
      <ul class="otr-cands">
        {others.slice(0, 6).map((c, k) => (
          <li key={k}>
            <time dateTime={c.date}>{formatDate(c.date)}</time> — {c.release.title}
            {c.speaker ? <span class="otr-muted"> ({speakerName(c.speaker)})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ResultCard(props: ResultCardProps) {
  const { answer, pageText } = props;
  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const card = cardRef.current;
    if (!card) return;
    // Focus moves into the card: screen readers announce its verdict.
    card.focus({ preventScroll: true });
    // Long quotations scroll in their own box: bring the marked words into view.
    const box = card.querySelector<HTMLElement>('.otr-quote');
    const mark = box?.querySelector<HTMLElement>('mark');
    if (box && mark && mark.offsetTop + mark.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = Math.max(0, mark.offsetTop - 24);
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
    }
  };
  const verdict: Verdict | 'error' = props.error ? 'error' : (answer?.verdict ?? 'error');
  const best = answer?.best ?? null;
  const title = props.error || !answer ? 'Could not check' : verdictLabel(answer);
  const hint = props.error ? props.error : answer ? answer.reason && answer.verdict === 'invalid' ? answer.reason : VERDICT_HINT[answer.verdict] : '';
  const names = best?.attribution && !best.attribution.consistent ? best.attribution.names : [];
  const showDiff = !!best && answer!.verdict === 'altered';
  const original = best ? best.quote.slice(best.span[0], best.span[1]) : '';
  return (
    <div class={`otr-card otr-v-${verdict}`} role="dialog" aria-labelledby="otr-verdict" aria-describedby="otr-hint" tabIndex={-1} ref={cardRef} onKeyDown={onKeyDown}>
      <div class="otr-head">
        <span class="otr-dot" aria-hidden="true" />
        <h2 id="otr-verdict" class="otr-verdict">
          {title}
        </h2>
        <button type="button" class="otr-close" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </div>
      <p id="otr-hint" class="otr-hint">
        {hint}
      </p>
      {best ? (
        <>
          <SpeakerBlock kind={best.kind} speaker={best.speaker} release={best.release} date={best.date} now={props.now} />
          {names.length ? (
            <p class="otr-warn" role="alert">
              <strong>Attribution: </strong>
              the page names {names.join(', ')}; the release names {best.speaker ? speakerName(best.speaker) : best.release.organisation ?? 'no speaker'}.
            </p>
          ) : null}
          {showDiff ? (
            <section class="otr-section" aria-labelledby="otr-diff-h">
              <h3 id="otr-diff-h">The page against the release</h3>
              <p class="otr-legend">
                <ins>the page’s words</ins> <del>what was said</del>
              </p>
              <DiffView parts={wordDiff(pageText, original || stripOuterQuotes(pageText))} />
              {best.differences.some((d) => d.type === 'number') ? (
                <p class="otr-fignote">
                  <strong>A figure was changed: </strong>
                  {best.differences
                    .filter((d) => d.type === 'number')
                    .map((d) => `the page has “${d.page}”, the release “${d.original}”`)
                    .join('; ')}
                  .
                </p>
              ) : null}
            </section>
          ) : null}
          {best.notes?.length ? (
            <ul class="otr-notes" aria-label="Notes">
              {best.notes.map((n, k) => (
                <li key={k}>{noteText(n)}</li>
              ))}
            </ul>
          ) : null}
          <section class="otr-section" aria-labelledby="otr-q-h">
            <h3 id="otr-q-h">
              {answer!.verdict === 'paraphrase' ? 'The statement it reports' : best.kind === 'quote' ? 'The full quotation' : 'The release’s words'}
            </h3>
            <QuoteText quote={best.quote} span={best.span} label={answer!.verdict === 'paraphrase' ? 'The statement it reports' : undefined} />
          </section>
          <Candidates answer={answer!} />
          <CitationActions kind={best.kind} speaker={best.speaker} release={best.release} date={best.date} copy={props.copy} />
        </>
      ) : null}
    </div>
  );
}
