import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../../lib/client';
import type { IndexStats, RecentCheck, StatementView } from '../../lib/protocol';
import type { SearchHit } from '../../core/search';
import { formatDate } from '../../core/citation';
import { citeMatch } from '../../core/present/cite';
import { describe } from '../../core/present/describe';
import { CitationActions, QuoteText, SpeakerBlock } from '../../components/StatementParts';
import { AnswerBody } from '../../components/AnswerBody';
import { IndexStatsView } from '../../components/IndexStatsView';
import { AddPage } from './AddPage';

export function App() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [open, setOpen] = useState<StatementView | null>(null);
  const [reopened, setReopened] = useState<RecentCheck | null>(null);
  const [stats, setStats] = useState<IndexStats | null>(null);
  const [recent, setRecent] = useState<RecentCheck[]>([]);
  const [error, setError] = useState('');
  const seq = useRef(0);

  useEffect(() => {
    ask({ type: 'stats' }).then((r) => setStats(r.stats), (e: Error) => setError(e.message));
    ask({ type: 'recent' }).then((r) => setRecent(r.recent), () => undefined);
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      return;
    }
    const n = ++seq.current;
    const t = setTimeout(() => {
      ask({ type: 'search', query: q, limit: 20 }).then(
        (r) => n === seq.current && setHits(r.hits),
        (e: Error) => setError(e.message),
      );
    }, 120);
    return () => clearTimeout(t);
  }, [query]);

  /** Asks the active tab's content script to check every quotation on its page, then closes the popup. */
  const checkPage = async () => {
    try {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) throw new Error('no page to check');
      await browser.tabs.sendMessage(tab.id, { type: 'check-page' }, { frameId: 0 });
      window.close();
    } catch {
      setError('This page cannot be checked (a browser page, or a tab opened before the extension was installed: reload it).');
    }
  };

  const show = (index: number) => ask({ type: 'statement', index }).then((r) => setOpen(r.statement), (e: Error) => setError(e.message));

  return (
    <main class="page popup">
      <header class="bar">
        <h1>On the Record</h1>
        <a href="/options.html" target="_blank" class="small">
          Options
        </a>
      </header>
      {open ? (
        <section class="detail" aria-label="Statement">
          <button type="button" class="linkish" onClick={() => setOpen(null)}>
            ← Back to results
          </button>
          <SpeakerBlock kind={open.kind} speaker={open.speaker} release={open.release} />
          <QuoteText quote={open.text} label={open.kind === 'quote' ? 'The full quotation' : 'The release’s words'} />
          <CitationActions citation={citeMatch({ kind: open.kind, speaker: open.speaker, release: open.release, date: open.release.date, quote: open.text }, [], 'verbatim')} />
        </section>
      ) : reopened?.answer ? (
        <RecentAnswer check={reopened} onBack={() => setReopened(null)} />
      ) : (
        <>
          <label class="search">
            <span class="sr">Search the index</span>
            <input
              type="search"
              placeholder="Search speakers, words, titles…"
              value={query}
              autoFocus
              onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
            />
          </label>
          <div class="bar check-actions">
            <button type="button" class="otr-btn" id="check-page" onClick={() => void checkPage()}>
              Check all quotes on this page
            </button>
            <a href="/draft.html" target="_blank" class="small" id="check-draft">
              Check a draft
            </a>
          </div>
          {error ? <p class="error" role="alert">{error}</p> : null}
          {hits ? (
            <section aria-label="Search results">
              <p class="small muted" role="status">
                {hits.length ? `${hits.length} ${hits.length === 1 ? 'result' : 'results'}` : 'Nothing in the index matches.'}
              </p>
              <ul class="hits">
                {hits.map((h) => (
                  <li key={h.statement}>
                    <button type="button" class="hit" onClick={() => void show(h.statement)}>
                      <span class="hit-who">{h.speaker ?? 'Release text'}</span>
                      <span class="hit-date">{formatDate(h.date)}</span>
                      <span class="hit-snippet">{h.snippet}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <>
              {stats ? <IndexStatsView stats={stats} compact /> : null}
              <AddPage onSaved={() => void ask({ type: 'stats' }).then((r) => setStats(r.stats), () => undefined)} />
              <section aria-labelledby="recent-h">
                <div class="bar">
                  <h2 id="recent-h">Recent checks</h2>
                  {recent.length ? (
                    <button type="button" class="linkish small" onClick={() => void ask({ type: 'clear-recent' }).then(() => setRecent([]))}>
                      Clear
                    </button>
                  ) : null}
                </div>
                {recent.length ? (
                  <ul class="recent">
                    {recent.slice(0, 8).map((r, k) => {
                      const d = r.answer ? describe(r.answer) : null;
                      const inner = (
                        <>
                          <span class={`pill otr-t-${d?.tone ?? r.verdict}`}>{d?.name ?? r.verdict}</span> <span class="recent-text">“<bdi>{r.text}</bdi>”</span>
                          {r.speaker ? (
                            <span class="small muted">
                              {' '}
                              — <bdi>{r.speaker}</bdi>
                              {r.date ? `, ${formatDate(r.date)}` : ''}
                            </span>
                          ) : null}
                        </>
                      );
                      return (
                        <li key={k}>
                          {r.answer?.best ? (
                            <button type="button" class="recent-open" onClick={() => setReopened(r)} aria-label={`Open the check: ${d?.label ?? r.verdict}`}>
                              {inner}
                            </button>
                          ) : (
                            inner
                          )}
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  <p class="small muted">None yet. Select a quotation on any page and press Verify quote.</p>
                )}
              </section>
            </>
          )}
        </>
      )}
    </main>
  );
}

/** A recent check opened again: its verdict line and details, as the card showed them. */
function RecentAnswer(props: { check: RecentCheck; onBack: () => void }) {
  const answer = props.check.answer!;
  const d = describe(answer, { checked: { pageText: props.check.text, on: new Date(props.check.at) } });
  return (
    <section class={`detail otr-t-${d.tone}`} aria-label="Recent check">
      <button type="button" class="linkish" onClick={props.onBack}>
        ← Back
      </button>
      <h2 class="recent-verdict">{d.label}</h2>
      <p class="small muted">“{props.check.text}”</p>
      <AnswerBody answer={answer} description={d} />
    </section>
  );
}
