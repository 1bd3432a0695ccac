/**
 * An answer's details, laid out from its one description: who said it and when, the citation
 * buttons (near the top, reachable without scrolling), the page against what was said, the
 * notes, the full quotation with the quoted words marked, and where else it was said. The card
 * and the popup's recent checks show this.
 */
import type { Answer } from '../core/types';
import { formatDate } from '../core/citation';
import { speakerName } from '../core/speakers';
import type { Description } from '../core/present/describe';
import { CitationActions, QuoteText, SpeakerBlock } from './StatementParts';
import { DiffView } from './DiffView';

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
            <time dateTime={c.date}>{formatDate(c.date)}</time> — <bdi>{c.release.title}</bdi>
            {c.speaker ? (
              <span class="otr-muted">
                {' '}
                (<bdi>{speakerName(c.speaker)}</bdi>)
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AnswerBody(props: { answer: Answer; description: Description; now?: Date; copy?: (text: string) => Promise<boolean> }) {
  const d = props.description;
  const best = props.answer.best;
  if (!best || !d.quote || !d.citation) return null;
  const answer = props.answer;
  return (
        <>
          <SpeakerBlock kind={best.kind} speaker={best.speaker} release={best.release} date={best.date} now={props.now} />
          <CitationActions citation={d.citation} copy={props.copy} />
          {d.verdict === 'altered' && d.segments.length ? (
            <section class="otr-section" aria-labelledby="otr-diff-h">
              <h3 id="otr-diff-h">The page against what was said</h3>
              <p class="otr-legend">
                <del class="otr-page">the page’s words</del> <ins class="otr-said">what was said</ins>
              </p>
              <DiffView segments={d.segments} />
            </section>
          ) : null}
          {d.differences.length && (d.verdict !== 'altered' || !d.segments.length) ? (
            <ul class="otr-notes" aria-label="Differences">
              {d.differences.map((x, k) => (
                <li key={k}>{x.text}</li>
              ))}
            </ul>
          ) : null}
          {d.notes.length ? (
            <ul class="otr-notes" aria-label="Notes">
              {d.notes.map((n, k) => (
                <li key={k}>{n}</li>
              ))}
            </ul>
          ) : null}
          <section class="otr-section" aria-labelledby="otr-q-h">
            <h3 id="otr-q-h">{d.quote.heading}</h3>
            <QuoteText quote={d.quote.text} marks={d.quote.marks} label={d.quote.heading} />
          </section>
          <Candidates answer={answer!} />
        </>
  );
}
