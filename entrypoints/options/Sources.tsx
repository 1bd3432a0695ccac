/**
 * The options page's "Sources" section: import release files (.txt, saved .html pages,
 * .json exports, .otr indexes) or a pasted release; preview what was understood; save on the
 * reader's word, in batches (lib/import/pipeline.ts); list, remove and export.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import type { KnownReleases, SourceEntry } from '../../lib/protocol';
import { breathe, knownReleases, readImportFile, saveReleases } from '../../lib/import/pipeline';
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

/** Files listed one by one in the results; past it, a line counts the rest (files that fail are always listed). */
const ITEMS_LISTED = 50;

function shownItems(items: Item[]): { item: Item; k: number }[] {
  return items.map((item, k) => ({ item, k })).filter(({ item, k }) => k < ITEMS_LISTED || item.status === 'error');
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

/**
 * The files read and what became of each. Its own component, made once per change of the files
 * (useMemo in Sources): the progress bar moving during a save does not redraw a thousand previews.
 */
function ImportResults(props: { items: Item[] }) {
  const { items } = props;
  return (
        <ul class="import-results" aria-label="Files">
          {shownItems(items).map(({ item, k }) => (
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
  );
}

export function Sources(props: { onChange?: () => void }) {
  const [items, setItems] = useState<Item[]>([]);
  const [phase, setPhase] = useState<'idle' | 'reading' | 'preview' | 'saving' | 'done'>('idle');
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [pasted, setPasted] = useState('');
  const [pastedUrl, setPastedUrl] = useState('');
  const [sources, setSources] = useState<{ list: SourceEntry[]; total: number } | null>(null);
  const [listAll, setListAll] = useState(false);
  /** The background's own counts of the last save. */
  const [totals, setTotals] = useState<{ saved: number; kept: number; unsaved: number } | null>(null);
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
    setTotals(null);
    setProgress({ done: 0, total: inputs.length });
    const out: Item[] = [];
    let worked = performance.now();
    let shown = 0;
    for (let k = 0; k < inputs.length; k++) {
      const input = inputs[k]!;
      try {
        out.push({ name: input.name, status: 'ready', releases: readImportFile(input.name, await input.text(), input.url) });
      } catch (e) {
        out.push({ name: input.name, status: 'error', message: errText(e) });
      }
      // The page stays responsive: a pause every 16 ms of reading, the list redrawn four times a second.
      if (performance.now() - worked > 16) {
        await breathe();
        worked = performance.now();
      }
      if (performance.now() - shown > 250 || k === inputs.length - 1) {
        shown = performance.now();
        setItems([...out]);
        setProgress({ done: k + 1, total: inputs.length });
      }
    }
    // Which releases are known: one question for every file at once (ids only, in batches).
    try {
      const known = await knownReleases(ask, out.flatMap((i) => i.releases ?? []));
      setItems(out.map((i) => (i.status === 'ready' ? { ...i, known } : i)));
    } catch (e) {
      setError(errText(e));
    }
    setPhase('preview');
  }

  /**
   * Saves every ready file's releases as one stream of batches (not a file at a time: a newsroom's
   * worth of small files would be thousands of requests), each release once. A file is saved when
   * every batch holding its releases was; the totals are the background's own counts.
   */
  async function save() {
    const queue: ParsedRelease[] = [];
    const owner: number[] = [];
    const seen = new Set<string>();
    items.forEach((item, k) => {
      if (item.status !== 'ready' || !item.releases) return;
      for (const r of item.releases) {
        if (seen.has(r.release.id)) continue;
        seen.add(r.release.id);
        queue.push(r);
        owner.push(k);
      }
    });
    setPhase('saving');
    setProgress({ done: 0, total: queue.length });
    let done = 0;
    let saved = 0;
    let failure: string | null = null;
    try {
      await saveReleases(ask, queue, (p) => {
        done = p.done;
        saved = p.saved;
        setProgress({ done: p.done, total: queue.length });
      });
    } catch (e) {
      failure = errText(e).replace(/^Nothing was saved: /, '');
    }
    // Each file's places in the queue, in one pass.
    const places = new Map<number, number[]>();
    owner.forEach((k, at) => {
      const list = places.get(k);
      if (list) list.push(at);
      else places.set(k, [at]);
    });
    const next = items.map((item, k): Item => {
      if (item.status !== 'ready' || !item.releases) return item;
      const mine = places.get(k) ?? [];
      const fresh = mine.filter((at) => !item.known?.imported.has(queue[at]!.release.id)).length;
      const kept = item.releases.length - fresh;
      const unsaved = mine.filter((at) => at >= done).length;
      if (unsaved) {
        return {
          ...item,
          status: 'error',
          message:
            unsaved < mine.length
              ? `Stopped after saving ${mine.length - unsaved} of ${plural(item.releases.length, 'release')}: ${failure} Import the file again to add the rest: what is saved is recognised.`
              : `Not saved: ${failure}`,
        };
      }
      return {
        ...item,
        status: fresh > 0 ? 'saved' : 'duplicate',
        message: fresh > 0 ? `Saved ${plural(fresh, 'release')}` + (kept ? ` (${kept} already kept)` : '') : 'Already in your index: nothing to add',
      };
    });
    setItems(next);
    setTotals({ saved, kept: done - saved, unsaved: queue.length - done });
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

  const results = useMemo(() => (items.length ? <ImportResults items={items} /> : null), [items]);
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

      {results}
      {items.length > ITEMS_LISTED ? (
        <p class="small muted">
          {items.length - shownItems(items).length} more files not listed:{' '}
          {items.slice(ITEMS_LISTED).reduce((n, i) => n + (i.status !== 'error' ? (i.releases?.length ?? 0) : 0), 0)} releases.
        </p>
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
          {totals ? ` Releases: ${totals.saved} saved, ${totals.kept} already kept${totals.unsaved ? `, ${totals.unsaved} not saved` : ''}.` : ''}
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
