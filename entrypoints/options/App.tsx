import { useEffect, useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import type { IndexStats } from '../../lib/protocol';
import { DEFAULT_SETTINGS, loadSettings, normalizeSite, saveSettings, type Settings } from '../../lib/settings';
import { IndexStatsView } from '../../components/IndexStatsView';
import { Sources } from './Sources';
import { Newsrooms } from './Newsrooms';

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sites, setSites] = useState('');
  const [stats, setStats] = useState<IndexStats | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    loadSettings().then(
      (s) => {
        setSettings(s);
        setSites(s.disabledSites.join('\n'));
      },
      () => setSettings(DEFAULT_SETTINGS),
    );
    ask({ type: 'stats' }).then((r) => setStats(r.stats), (e: Error) => setError(e.message));
  }, []);

  if (!settings) return <main class="page options" />;

  const refreshStats = () => void ask({ type: 'stats' }).then((r) => setStats(r.stats), (e: Error) => setError(e.message));

  const save = async (next: Settings) => {
    const clean = await saveSettings(next);
    setSettings(clean);
    setStatus('Saved');
    setTimeout(() => setStatus(''), 1500);
    return clean;
  };

  return (
    <main class="page options">
      <h1>On the Record — Options</h1>
      <section aria-labelledby="btn-h">
        <h2 id="btn-h">The Verify quote button</h2>
        <label class="row">
          <input type="checkbox" checked={settings.buttonEnabled} onChange={(e) => void save({ ...settings, buttonEnabled: (e.target as HTMLInputElement).checked })} />
          Show the button beside a selection
        </label>
        <label class="row">
          Shortest selection that shows it
          <input
            type="number"
            min={1}
            max={50}
            value={settings.minWords}
            onChange={(e) => void save({ ...settings, minWords: Number((e.target as HTMLInputElement).value) })}
          />
          words
        </label>
        <label class="col">
          Sites where the button stays off (one a line, e.g. example.com)
          <textarea
            rows={5}
            value={sites}
            onInput={(e) => setSites((e.target as HTMLTextAreaElement).value)}
            onBlur={() =>
              void save({ ...settings, disabledSites: sites.split(/[\n,]/).map(normalizeSite).filter(Boolean) }).then((s) =>
                setSites(s.disabledSites.join('\n')),
              )
            }
          />
        </label>
        <p class="small muted">The context menu item and the keyboard shortcut (Alt+Shift+V) work everywhere, whatever these settings.</p>
        <p class="small" role="status" aria-live="polite">
          {status}
        </p>
      </section>
      <section aria-labelledby="idx-h">
        <h2 id="idx-h">The index</h2>
        {error ? <p class="error" role="alert">{error}</p> : null}
        {stats ? <IndexStatsView stats={stats} /> : null}
        <p class="small muted">Everything runs in the browser: no text you select leaves this machine.</p>
      </section>
      <Newsrooms onChange={refreshStats} />
      <Sources onChange={refreshStats} />
    </main>
  );
}
