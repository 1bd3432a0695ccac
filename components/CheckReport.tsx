/**
 * The report of a page or draft check: a summary, then one entry a quotation with the
 * card's details (verdict, speaker, date, release, differences, attribution). Used by the
 * page's panel (in a shadow root) and by the draft page. Text only, never HTML.
 */
import { Isolated } from './Isolated';
import type { CheckItem, CheckReport } from '../core/check/checkArticle';
import { summaryLine } from '../core/check/reportMarkdown';
import { describe } from '../core/present/describe';
import { PALETTE_CSS } from './palette';
import { clip } from '../core/text/clip';

export interface CheckReportProps {
  report: CheckReport;
  /** Choosing an entry (click or Enter): the page scrolls to its quotation. */
  onChoose?: (index: number) => void;
  /** The Markdown export; the button is shown when given. */
  onExport?: () => void;
  exportLabel?: string;
  onClose?: () => void;
  title?: string;
}


function Entry({ item, n, onChoose }: { item: CheckItem; n: number; onChoose?: (i: number) => void }) {
  const { quotation, answer } = item;
  const d = describe(answer);
  const choose = onChoose ? () => onChoose(n) : undefined;
  return (
    <li
      class={`otr-entry otr-t-${d.tone}`}
      data-verdict={answer.verdict}
      data-index={n}
      tabIndex={choose ? 0 : undefined}
      role={choose ? 'button' : undefined}
      onClick={choose}
      onKeyDown={(e) => {
        if (choose && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          choose();
        }
      }}
    >
      <p class="otr-entry-head">
        <span class="otr-num">{n + 1}</span>
        <span class="otr-label"><Isolated text={d.label} fields={d.fields} /></span>
        {quotation.kind === 'reported' ? <span class="otr-kind">reported speech</span> : null}
      </p>
      <p class="otr-text">{clip(quotation.text, 220)}</p>
      {d.who ? (
        <p class="otr-src">
          <bdi>{d.who}</bdi> · {d.date}
        </p>
      ) : answer.verdict === 'not-found' ? (
        <p class="otr-src">{d.hint}</p>
      ) : answer.reason ? (
        <p class="otr-src">{answer.reason}</p>
      ) : null}
      {d.differences.length ? (
        <ul class="otr-diffs">
          {d.differences.map((x, i) => (
            <li key={i} class={x.type === 'number' ? 'otr-fig' : undefined}>
              {x.text}
            </li>
          ))}
        </ul>
      ) : null}
      {d.attribution ? <p class="otr-warn"><Isolated text={d.attribution} fields={d.fields} /></p> : null}
    </li>
  );
}

export function CheckReportView(props: CheckReportProps) {
  const { report } = props;
  return (
    <section class="otr-report" aria-label={props.title ?? 'Quotations checked'}>
      <header class="otr-report-head">
        <h2>{props.title ?? 'Quotations on this page'}</h2>
        {props.onClose ? (
          <button type="button" class="otr-x" aria-label="Close" onClick={props.onClose}>
            ×
          </button>
        ) : null}
      </header>
      <p class="otr-summary">{summaryLine(report)}</p>
      {props.onExport ? (
        <button type="button" class="otr-md-button" onClick={props.onExport}>
          {props.exportLabel ?? 'Copy report as Markdown'}
        </button>
      ) : null}
      {report.items.length === 0 ? <p class="otr-empty">No quotations found.</p> : null}
      <ol class="otr-list">
        {report.items.map((item, i) => (
          <Entry key={i} item={item} n={i} onChoose={props.onChoose} />
        ))}
      </ol>
    </section>
  );
}

export const REPORT_CSS = `${PALETTE_CSS}
.otr-report { --bg: var(--otr-bg); --fg: var(--otr-fg); --muted: var(--otr-muted); --line: var(--otr-line); --warn-bg: var(--otr-warn-bg); --warn-fg: var(--otr-warn-fg);
  background: var(--bg); color: var(--fg); font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; text-align: left; }
.otr-report * { box-sizing: border-box; }
.otr-report h2 { font-size: 15px; margin: 0; flex: 1; }
.otr-report p, .otr-report ol, .otr-report ul { margin: 0; padding: 0; }
.otr-report-head { display: flex; align-items: center; gap: 8px; }
.otr-x { all: unset; cursor: pointer; font-size: 20px; width: 26px; height: 26px; text-align: center; border-radius: 6px; color: var(--muted); }
.otr-x:hover { background: var(--line); }
.otr-summary { color: var(--muted); margin: 4px 0 8px !important; }
.otr-md-button { font: inherit; font-size: 12px; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: transparent; color: inherit; cursor: pointer; margin-bottom: 8px; }
.otr-list { list-style: none; }
.otr-entry { border: 1px solid var(--line); border-left: 5px solid var(--verdict); border-radius: 6px; padding: 6px 8px; margin-bottom: 6px; }
.otr-entry[role=button] { cursor: pointer; }
.otr-entry[role=button]:hover, .otr-entry:focus-visible { outline: 2px solid var(--verdict); outline-offset: 0; }
.otr-entry-head { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
.otr-num { font-weight: 700; color: var(--muted); }
.otr-label { font-weight: 700; color: var(--verdict); }
.otr-kind { font-size: 11px; color: var(--muted); }
.otr-text { margin: 2px 0 !important; }
.otr-src { color: var(--muted); font-size: 12px; }
.otr-diffs { list-style: none; font-size: 12px; margin-top: 2px !important; }
.otr-warn { font-size: 12px; color: var(--warn-fg); background: var(--warn-bg); border-radius: 4px; padding: 2px 6px !important; margin-top: 4px !important; }
.otr-empty { color: var(--muted); }
`;
