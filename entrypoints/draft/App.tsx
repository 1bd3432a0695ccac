/**
 * "Check a draft": pasted copy, every quotation in it checked at once (the same finder
 * and report as the page check), exportable as Markdown for the editor's notes.
 */
import { useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import { MAX_CONTEXT, MAX_QUOTATIONS, MAX_TEXT } from '../../lib/protocol';
import { findQuotations } from '../../core/check/findQuotations';
import { summarise, type CheckReport } from '../../core/check/checkArticle';
import { reportMarkdown } from '../../core/check/reportMarkdown';
import { CheckReportView, REPORT_CSS } from '../../components/CheckReport';

export function App() {
  const [text, setText] = useState('');
  const [report, setReport] = useState<CheckReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const check = async () => {
    setError('');
    setStatus('');
    setBusy(true);
    try {
      const quotations = findQuotations(text)
        .filter((q) => q.query.length <= MAX_TEXT)
        .slice(0, MAX_QUOTATIONS);
      const { answers } = quotations.length
        ? await ask({ type: 'check-page', quotations: quotations.map((q) => ({ text: q.query, context: q.context.slice(-MAX_CONTEXT) })) })
        : { answers: [] };
      const items = quotations.map((quotation, i) => ({ quotation, answer: answers[i] }));
      setReport({ items, summary: summarise(items) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const markdown = () => (report ? reportMarkdown(report, { title: 'Quotation check: draft' }) : '');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown());
      setStatus('Copied the report as Markdown.');
    } catch {
      setStatus('Could not copy: use Download instead.');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([markdown()], { type: 'text/markdown' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'quotation-check.md';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <main class="page options draft">
      <style>{REPORT_CSS}</style>
      <h1>Check a draft</h1>
      <p class="small muted">
        Paste the copy: every passage in quote marks of four words or more, and every sentence of reported speech, is checked against the
        index. Nothing leaves this machine.
      </p>
      <div class="col">
        <label for="draft-text" class="sr">
          The draft
        </label>
        <textarea id="draft-text" rows={14} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        <div class="row">
          <button type="button" class="otr-btn" id="check-draft" disabled={busy || !text.trim()} onClick={() => void check()}>
            {busy ? 'Checking…' : 'Check the quotations'}
          </button>
          {report ? (
            <>
              <button type="button" class="otr-btn" id="copy-markdown" onClick={() => void copy()}>
                Copy as Markdown
              </button>
              <button type="button" class="otr-btn" id="download-markdown" onClick={download}>
                Download .md
              </button>
            </>
          ) : null}
          <span class="otr-status" role="status">
            {status}
          </span>
        </div>
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {report ? <CheckReportView report={report} title="Quotations in the draft" /> : null}
    </main>
  );
}
