/**
 * "Add this page to my index": extracts the release on the page being read (with
 * Readability, injected into that one tab on this click only: activeTab), previews
 * what was understood and saves it with the page's address and title.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../../lib/client';
import type { KnownReleases } from '../../lib/protocol';
import type { ExtractedArticle } from '../../lib/import/article';
import { knownReleases, readArticle, saveReleases } from '../../lib/import/pipeline';
import type { ParsedRelease } from '../../core/types';
import { ReleasePreview } from '../../components/ReleasePreview';

interface ImportPreview {
  releases: ParsedRelease[];
  known: KnownReleases;
}

type State =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'saving'; preview: ImportPreview }
  | { step: 'done'; message: string }
  | { step: 'error'; message: string };

export function AddPage(props: { onSaved?: () => void }) {
  const [state, setState] = useState<State>({ step: 'idle' });

  async function read() {
    setState({ step: 'reading' });
    try {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined || !/^https?:/i.test(tab.url ?? '')) throw new Error('Only a web page (http or https) can be added.');
      const [res] = await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/extract.js'] });
      const out = res?.result as { article: ExtractedArticle | null; url: string; title: string } | undefined;
      if (!out?.article) throw new Error('No article found on this page.');
      if (!out.article.title) out.article.title = out.title;
      const releases = readArticle(out.article, out.url);
      setState({ step: 'preview', preview: { releases, known: await knownReleases(ask, releases) } });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      setState({ step: 'error', message: /Cannot access|permission|cannot be scripted/i.test(msg) ? `This page cannot be read (${msg}).` : msg });
    }
  }

  async function save(preview: ImportPreview) {
    setState({ step: 'saving', preview });
    try {
      const r = await saveReleases(ask, preview.releases);
      setState({ step: 'done', message: r.saved ? 'Added to your index.' : 'Already in your index: nothing to add.' });
      props.onSaved?.();
    } catch (e) {
      setState({ step: 'error', message: `Not saved: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  if (state.step === 'idle' || state.step === 'reading')
    return (
      <button type="button" class="otr-btn" id="add-page" disabled={state.step === 'reading'} onClick={() => void read()}>
        {state.step === 'reading' ? 'Reading the page…' : 'Add this page to my index'}
      </button>
    );
  if (state.step === 'preview' || state.step === 'saving') {
    const p = state.preview;
    return (
      <section class="add-page" aria-label="Add this page">
        {p.releases.map((r) => (
          <ReleasePreview
            key={r.release.id}
            release={r}
            note={p.known.imported.has(r.release.id) ? 'Already in your imported releases.' : p.known.bundled.has(r.release.id) ? 'The bundled index already holds this release.' : undefined}
          />
        ))}
        <div class="row">
          <button type="button" class="otr-btn primary" id="add-page-save" disabled={state.step === 'saving'} onClick={() => void save(p)}>
            Save to my index
          </button>
          <button type="button" class="otr-btn" onClick={() => setState({ step: 'idle' })}>
            Cancel
          </button>
        </div>
      </section>
    );
  }
  return (
    <p class={state.step === 'error' ? 'error' : 'small'} role={state.step === 'error' ? 'alert' : 'status'} id="add-page-result">
      {state.message}{' '}
      <button type="button" class="linkish small" onClick={() => setState({ step: 'idle' })}>
        OK
      </button>
    </p>
  );
}
