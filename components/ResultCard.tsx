/**
 * The result card shown beside a selection. Pure UI: it lays out the answer's one description
 * (core/present), as every other surface does.
 */
import { Isolated } from './Isolated';
import { useEffect, useRef } from 'preact/hooks';
import type { Answer } from '../core/types';
import { describe, type Description } from '../core/present/describe';
import type { CheckedOn } from '../core/present/cite';
import { AnswerBody } from './AnswerBody';
import { Coverage } from './Coverage';
import type { IndexCoverage } from '../lib/protocol';

export interface ResultCardProps {
  answer: Answer | null;
  /** Set when the check itself failed (no index, background unreachable). */
  error?: string;
  /** The words the reader selected, and the page they are on: for the citation. */
  pageText: string;
  pageUrl?: string;
  onClose: () => void;
  /** What the index holds, shown with "Not in the index". */
  coverage?: IndexCoverage;
  now?: Date;
  copy?: (text: string) => Promise<boolean>;
}

const FOCUSABLE = 'button, a[href], [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab go round the card's controls: focus stays inside until the card is closed. */
function trapTab(card: HTMLElement, e: KeyboardEvent) {
  const items = Array.from(card.querySelectorAll<HTMLElement>(FOCUSABLE));
  if (!items.length) return;
  const root = card.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement as HTMLElement | null;
  const at = active ? items.indexOf(active) : -1;
  e.preventDefault();
  const next = e.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at < 0 || at === items.length - 1 ? 0 : at + 1;
  items[next].focus();
}

export function ResultCard(props: ResultCardProps) {
  const { answer } = props;
  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Focus moves into the card: screen readers announce its verdict.
    cardRef.current?.focus({ preventScroll: true });
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
    } else if (e.key === 'Tab' && cardRef.current) trapTab(cardRef.current, e);
  };
  const checked: CheckedOn = { pageUrl: props.pageUrl, pageText: props.pageText, on: props.now };
  const d: Description | null = answer && !props.error ? describe(answer, { checked }) : null;
  const tone = d ? d.tone : 'error';
  return (
    <div class={`otr-card otr-t-${tone}`} data-verdict={d?.verdict ?? 'error'} role="dialog" aria-modal="true" aria-labelledby="otr-verdict" aria-describedby="otr-hint" tabIndex={-1} ref={cardRef} onKeyDown={onKeyDown}>
      <div class="otr-head">
        <span class="otr-dot" aria-hidden="true" />
        <h2 id="otr-verdict" class="otr-verdict">
          {d ? <Isolated text={d.label} fields={d.fields} /> : 'Could not check'}
        </h2>
        <button type="button" class="otr-close" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </div>
      <p id="otr-hint" class="otr-hint">
        {d ? d.hint : props.error}
      </p>
      {d?.verdict === 'not-found' && props.coverage ? <Coverage coverage={props.coverage} /> : null}
      {d && answer ? <AnswerBody answer={answer} description={d} now={props.now} copy={props.copy} /> : null}
    </div>
  );
}
