/**
 * The options page's "Newsrooms" section: follow an official newsroom (the national policing
 * newsroom as a preset, or any address), update it now or daily, and unfollow it. The site's
 * host permission is asked for at the click that follows it, and given back when it is unfollowed;
 * the background does the crawling (lib/background/newsrooms.ts) and reports progress here.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../../lib/client';
import type { NewsroomView } from '../../lib/protocol';
import { newsroomProblem, originPattern, PRESET_NEWSROOM } from '../../lib/newsroomAddress';

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function when(ms: number | null): string {
  if (ms === null) return 'not updated yet';
  return `last updated ${new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`;
}

export function Newsrooms(props: { onChange?: () => void }) {
  const [list, setList] = useState<NewsroomView[] | null>(null);
  const [address, setAddress] = useState('');
  const [error, setError] = useState('');

  const refresh = () =>
    ask({ type: 'newsroom-list' }).then(
      (r) => {
        setList((before) => {
          // An update that just finished changed the index: the summary above is redrawn.
          if (before?.some((b) => b.status === 'updating' && r.newsrooms.find((n) => n.url === b.url)?.status !== 'updating')) props.onChange?.();
          return r.newsrooms;
        });
      },
      (e) => setError(errText(e)),
    );
  useEffect(() => void refresh(), []);
  // Progress while an update runs: the background reports it at least every second.
  const updating = list?.some((n) => n.status === 'updating') ?? false;
  useEffect(() => {
    if (!updating) return;
    const timer = setInterval(() => void refresh(), 1000);
    return () => clearInterval(timer);
  }, [updating]);

  /** Follows `url`: its site's permission is asked for first, in this click (the browser allows it only then). */
  function follow(url: string) {
    setError('');
    const problem = newsroomProblem(url);
    if (problem) return setError(`${url}: ${problem}`);
    void browser.permissions.request({ origins: [originPattern(url)] }).then(
      async (granted) => {
        if (!granted) return setError(`Not followed: permission to read ${new URL(url).host} was not given.`);
        try {
          await ask({ type: 'newsroom-follow', url, daily: true });
          setAddress('');
        } catch (e) {
          setError(errText(e));
        }
        await refresh();
      },
      (e: unknown) => setError(errText(e)),
    );
  }

  async function unfollow(n: NewsroomView) {
    if (!confirm(`Stop following ${n.host}? Its ${plural(n.releases, 'release')} will be removed from your index.`)) return;
    try {
      await ask({ type: 'newsroom-unfollow', url: n.url });
      // The site's permission goes back unless another followed newsroom is on it.
      if (!list?.some((x) => x.url !== n.url && x.host === n.host)) await browser.permissions.remove({ origins: [originPattern(n.url)] }).catch(() => false);
    } catch (e) {
      setError(errText(e));
    }
    await refresh();
    props.onChange?.();
  }

  async function act(msg: Parameters<typeof ask>[0]) {
    try {
      await ask(msg);
    } catch (e) {
      setError(errText(e));
    }
    await refresh();
  }

  const followsPreset = list?.some((n) => n.url === PRESET_NEWSROOM);
  return (
    <section aria-labelledby="news-h" class="newsrooms">
      <h2 id="news-h">Newsrooms</h2>
      <p class="small muted">
        Follow an official newsroom and its new releases join your index as they are published. The extension asks for permission to
        read that one site when you follow it, sends no cookies and nothing you highlight or check, and reads no other site.
      </p>
      {followsPreset ? null : (
        <p>
          <button type="button" class="otr-btn" onClick={() => follow(PRESET_NEWSROOM)}>
            Follow the National Police Chiefs’ Council newsroom
          </button>
        </p>
      )}
      <div class="row">
        <input
          type="url"
          class="field"
          aria-label="A newsroom’s address"
          placeholder="A newsroom’s address (its news listing, feed or sitemap), https://…"
          value={address}
          onInput={(e) => setAddress((e.target as HTMLInputElement).value)}
        />
        <button type="button" class="otr-btn" disabled={!address.trim()} onClick={() => follow(address.trim())}>
          Follow
        </button>
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {list && list.length ? (
        <ul class="newsroom-list" aria-label="Followed newsrooms">
          {list.map((n) => (
            <li key={n.url} data-status={n.status}>
              <p>
                <strong>
                  <bdi>{n.host}</bdi>
                </strong>{' '}
                <span class="small muted">
                  {plural(n.releases, 'release')} · {n.status === 'updating' ? 'updating…' : `${plural(n.added, 'new release')} · ${when(n.updated)}`}
                </span>
              </p>
              {n.status === 'updating' && n.progress ? (
                <p class="small" role="status">
                  Found {n.progress.found} new · fetched {n.progress.fetched} · saved {n.progress.saved}
                  {n.progress.failed ? ` · ${n.progress.failed} failed` : ''}
                </p>
              ) : null}
              {n.message ? <p class={n.status === 'error' ? 'small error' : 'small muted'}>{n.message}</p> : null}
              <div class="row">
                <button type="button" class="otr-btn" disabled={n.status === 'updating'} onClick={() => void act({ type: 'newsroom-update', url: n.url })}>
                  Update now
                </button>
                <label class="small">
                  <input type="checkbox" checked={n.daily} onChange={(e) => void act({ type: 'newsroom-daily', url: n.url, daily: (e.target as HTMLInputElement).checked })} /> Update
                  daily
                </label>
                <button type="button" class="otr-btn" onClick={() => void unfollow(n)}>
                  Unfollow
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
