import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../../lib/client';
import type { IndexStats, RecentCheck, StatementView } from '../../lib/protocol';
import type { SearchHit } from '../../core/search';
import { formatDate } from '../../core/citation';
import { CitationActions, QuoteText, SpeakerBlock } from '../../components/StatementParts';
import { IndexStatsView } from '../../components/IndexStatsView';
import { AddPage } from './AddPage';

const VERDICT: Record<string, string> = {
  verbatim: 'Verbatim',
  altered: 'Altered',
  paraphrase: 'Paraphrase',
  'not-found': 'Not in the index',
  invalid: 'Not checked',
};

export function App() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [open, setOpen] = useState<StatementView | null>(null);
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
          <CitationActions kind={open.kind} speaker={open.speaker} release={open.release} />
        </section>
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
                    {recent.slice(0, 8).map((r, k) => (
                      <li key={k}>
                        <span class={`pill v-${r.verdict}`}>{VERDICT[r.verdict] ?? r.verdict}</span> <span class="recent-text">“{r.text}”</span>
                        {r.speaker ? (
                          <span class="small muted">
                            {' '}
                            — {r.speaker}
                            {r.date ? `, ${formatDate(r.date)}` : ''}
                          </span>
                        ) : null}
                      </li>
                    ))}
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
