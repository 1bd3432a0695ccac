/**
 * The options page's "Sources" section: import release files (.txt, saved .html pages,
 * .json exports, .otr indexes) or a pasted release; preview what was understood; save on the
 * reader's word, in batches (lib/import/pipeline.ts); list, remove and export.
 */
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import type { KnownReleases, SourceEntry } from '../../lib/protocol';
import { knownReleases, readImportFile, saveReleases } from '../../lib/import/pipeline';
import { RELEASES_FORMAT, RELEASES_VERSION, type ReleasesFile } from '../../core/import/releases';
import type { ParsedRelease } from '../../core/types';
import { formatDate } from '../../core/citation';
import { ReleasePreview } from '../../components/ReleasePreview';
import { StorageUse } from './StorageUse';

interface Item {
  name: string;
  status: 'ready' | 'error' | 'saved' | 'duplicate';
  releases?: ParsedRelease[];
  known?: KnownReleases;
  message?: string;
}

/** Imported releases listed at first (a large archive is shown on request). */
const LISTED = 200;
/** Releases previewed in full for each file. */
const PREVIEWED = 20;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function knownNote(k: KnownReleases, id: string): string | undefined {
  if (k.imported.has(id)) return 'Already in your imported releases: it will be kept once.';
  if (k.bundled.has(id)) return 'The bundled index already holds this release.';
  return undefined;
}

export function Sources(props: { onChange?: () => void }) {
  const [items, setItems] = useState<Item[]>([]);
  const [phase, setPhase] = useState<'idle' | 'reading' | 'preview' | 'saving' | 'done'>('idle');
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [pasted, setPasted] = useState('');
  const [pastedUrl, setPastedUrl] = useState('');
  const [sources, setSources] = useState<{ list: SourceEntry[]; total: number } | null>(null);
  const [listAll, setListAll] = useState(false);
  const [error, setError] = useState('');

  const refresh = (all = listAll) =>
    ask({ type: 'list-sources', ...(all ? {} : { limit: LISTED }) }).then(
      (r) => setSources({ list: r.sources, total: r.total }),
      (e) => setError(errText(e)),
    );
  useEffect(() => void refresh(), []);

  async function read(inputs: { name: string; text: () => Promise<string>; url?: string }[]) {
    setError('');
    setPhase('reading');
    setItems([]);
    setProgress({ done: 0, total: inputs.length });
    const out: Item[] = [];
    for (const input of inputs) {
      try {
        const releases = readImportFile(input.name, await input.text(), input.url);
        out.push({ name: input.name, status: 'ready', releases, known: await knownReleases(ask, releases) });
      } catch (e) {
        out.push({ name: input.name, status: 'error', message: errText(e) });
      }
      setItems([...out]);
      setProgress({ done: out.length, total: inputs.length });
    }
    setPhase('preview');
  }

  async function save() {
    const ready = items.filter((i) => i.status === 'ready');
    const total = ready.reduce((n, i) => n + (i.releases?.length ?? 0), 0);
    setPhase('saving');
    setProgress({ done: 0, total });
    const next = [...items];
    let before = 0;
    for (let k = 0; k < next.length; k++) {
      const item = next[k];
      if (item.status !== 'ready' || !item.releases) continue;
      let saved = 0;
      try {
        const r = await saveReleases(ask, item.releases, (p) => {
          saved = p.saved;
          setProgress({ done: before + p.done, total });
        });
        next[k] = {
          ...item,
          status: r.saved > 0 ? 'saved' : 'duplicate',
          message: r.saved > 0 ? `Saved ${plural(r.saved, 'release')}` + (r.duplicates ? ` (${r.duplicates} already kept)` : '') : 'Already in your index: nothing to add',
        };
      } catch (e) {
        // The batches before the failure are saved (each whole); importing the file again adds the rest.
        const reason = errText(e).replace(/^Nothing was saved: /, '');
        next[k] = {
          ...item,
          status: 'error',
          message: saved
            ? `Stopped after saving ${saved} of ${plural(item.releases.length, 'release')}: ${reason} Import the file again to add the rest: what is saved is recognised.`
            : `Not saved: ${reason}`,
        };
      }
      before += item.releases.length;
      setItems([...next]);
    }
    setPhase('done');
    if (next.some((i) => i.name === 'pasted text' && i.status !== 'error')) {
      setPasted('');
      setPastedUrl('');
    }
    await refresh();
    props.onChange?.();
  }

  async function remove(id: string) {
    try {
      await ask({ type: 'remove-source', id });
      await refresh();
      props.onChange?.();
    } catch (e) {
      setError(errText(e));
    }
  }

  async function exportAll() {
    try {
      // In parts: a large archive is more than one message can carry.
      const releases: ParsedRelease[] = [];
      let exported = '';
      for (let from: number | null = 0; from !== null; ) {
        const part: { file: ReleasesFile; next: number | null } = await ask({ type: 'export-sources', from });
        releases.push(...part.file.releases);
        exported ||= part.file.exported;
        from = part.next;
      }
      const file: ReleasesFile = { format: RELEASES_FORMAT, version: RELEASES_VERSION, exported, releases };
      const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `on-the-record-releases-${file.exported.slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(errText(e));
    }
  }

  const ready = items.filter((i) => i.status === 'ready').length;
  const failed = items.filter((i) => i.status === 'error').length;

  return (
    <section aria-labelledby="src-h" class="sources">
      <h2 id="src-h">Sources</h2>
      <p class="small muted">
        Add releases to your own index: release files in the text layout (.txt), release pages saved from a newsroom (.html) or files
        exported by On the Record (.json) and indexes built by <code>otr</code> (.otr). Nothing is saved before you confirm.
      </p>
      <label class="col">
        Import files
        <input
          type="file"
          multiple
          accept=".txt,.html,.htm,.json,.otr,text/plain,text/html,application/json"
          disabled={phase === 'reading' || phase === 'saving'}
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const files = [...(input.files ?? [])];
            input.value = '';
            if (files.length) void read(files.map((f) => ({ name: f.name, text: () => f.text() })));
          }}
        />
      </label>
      <label class="col">
        Or paste a release (the date line first, then one paragraph a line)
        <textarea rows={5} value={pasted} onInput={(e) => setPasted((e.target as HTMLTextAreaElement).value)} />
      </label>
      <div class="row">
        <input
          type="url"
          class="field"
          placeholder="Its address (optional), https://…"
          value={pastedUrl}
          onInput={(e) => setPastedUrl((e.target as HTMLInputElement).value)}
        />
        <button
          type="button"
          class="otr-btn"
          disabled={!pasted.trim() || phase === 'reading' || phase === 'saving'}
          onClick={() => void read([{ name: 'pasted text', text: async () => pasted, url: /^https?:\/\//i.test(pastedUrl.trim()) ? pastedUrl.trim() : undefined }])}
        >
          Preview
        </button>
      </div>

      {phase === 'reading' || phase === 'saving' || (progress.total > 1 && phase !== 'idle') ? (
        <div class="row">
          <progress max={progress.total} value={progress.done} aria-label={phase === 'saving' ? 'Saving' : 'Reading'} />
          <span class="small muted">
            {phase === 'saving' || phase === 'done' ? 'Saved' : 'Read'} {progress.done} of {progress.total}
          </span>
        </div>
      ) : null}

      {items.length ? (
        <ul class="import-results" aria-label="Files">
          {items.map((item, k) => (
            <li key={k} class={`import-item s-${item.status}`} data-status={item.status}>
              <p>
                <strong><bdi>{item.name}</bdi></strong>{' '}
                <span class={item.status === 'error' ? 'error-inline' : 'small muted'}>
                  {item.status === 'ready'
                    ? `understood: ${plural(item.releases!.length, 'release')}`
                    : item.status === 'error'
                      ? ''
                      : item.message}
                </span>
              </p>
              {item.status === 'error' ? (
                <p class="error" role="alert">
                  {item.message}
                </p>
              ) : null}
              {item.status === 'ready' && item.releases && item.known
                ? item.releases.slice(0, PREVIEWED).map((r) => <ReleasePreview key={r.release.id} release={r} note={knownNote(item.known!, r.release.id)} />)
                : null}
              {item.status === 'ready' && item.releases && item.releases.length > PREVIEWED ? (
                <p class="small muted">… and {item.releases.length - PREVIEWED} more</p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {phase === 'preview' ? (
        <div class="row">
          {ready ? (
            <button type="button" class="otr-btn primary" onClick={() => void save()}>
              Save {plural(ready, 'file')} to my index
            </button>
          ) : null}
          <button
            type="button"
            class="otr-btn"
            onClick={() => {
              setItems([]);
              setPhase('idle');
            }}
          >
            {ready ? 'Cancel' : 'Close'}
          </button>
          {failed ? <span class="small muted">{plural(failed, 'file')} could not be read and will not be saved.</span> : null}
        </div>
      ) : null}
      {phase === 'done' ? (
        <p class="small" role="status">
          Done: {items.filter((i) => i.status === 'saved').length} saved, {items.filter((i) => i.status === 'duplicate').length} already
          kept, {items.filter((i) => i.status === 'error').length} not saved.
        </p>
      ) : null}

      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}

      <h3 class="small">Your imported releases</h3>
      <StorageUse refresh={sources} />
      {sources === null ? null : sources.total === 0 ? (
        <p class="small muted">None yet.</p>
      ) : (
        <>
          <ul class="source-list">
            {sources.list.map((s) => (
              <li key={s.release.id}>
                <span>
                  <strong>{formatDate(s.release.date)}</strong> · <bdi>{s.release.title}</bdi>
                  <span class="small muted">
                    {' '}
                    · <bdi>{s.release.source ?? s.release.id}</bdi> · {plural(s.quotations, 'quotation')}
                    {s.speakers.map((name, i) => (
                      <span key={i}>
                        {i ? ', ' : ' · '}
                        <bdi>{name}</bdi>
                      </span>
                    ))}
                    {s.bundled ? ' · also in the bundled index' : ''}
                  </span>
                </span>
                <button type="button" class="otr-btn" aria-label={`Remove ${s.release.title}`} onClick={() => void remove(s.release.id)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          {sources.list.length < sources.total ? (
            <p class="small muted">
              The newest {sources.list.length} of {sources.total}.{' '}
              <button
                type="button"
                class="otr-btn"
                onClick={() => {
                  setListAll(true);
                  void refresh(true);
                }}
              >
                Show all {sources.total}
              </button>
            </p>
          ) : null}
          <div class="row">
            <button type="button" class="otr-btn" onClick={() => void exportAll()}>
              Export as JSON
            </button>
          </div>
        </>
      )}
    </section>
  );
}
