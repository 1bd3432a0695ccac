/** A small WebDriver BiDi client for Debian's firefox-esr (Node 20 needs --experimental-websocket). */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

type Json = Record<string, unknown>;

export class Bidi {
  private next = 1;
  private pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void; method: string }>();
  private constructor(private ws: WebSocket) {
    ws.addEventListener('message', (ev) => {
      const msg = JSON.parse(String(ev.data)) as Json;
      if (typeof msg.id === 'number') {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.type === 'error') p.reject(new Error(`${p.method}: ${msg.error}: ${msg.message}`));
        else p.resolve(msg.result as Json);
      }
    });
  }

  static connect(url: string): Promise<Bidi> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => resolve(new Bidi(ws)));
      ws.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)));
    });
  }

  send<T = Json>(method: string, params: Json = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: Json) => void, reject, method });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Evaluates an expression in the page and returns its value (strings, numbers, booleans, null). */
  async evaluate<T = unknown>(context: string, expression: string): Promise<T> {
    const r = await this.send<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    });
    if (r.type !== 'success') throw new Error(`evaluate failed: ${r.exceptionDetails?.text ?? 'unknown error'}`);
    const v = r.result;
    if (!v || v.type === 'undefined' || v.type === 'null') return null as T;
    return v.value as T;
  }

  close() {
    this.ws.close();
  }
}

export interface Firefox {
  bidi: Bidi;
  proc: ChildProcess;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  /** Prefs written to the profile's user.js along with the defaults. */
  prefs?: Record<string, string | number | boolean>;
  /** More command-line arguments (e.g. --remote-allow-system-access). */
  args?: string[];
}

export async function launchFirefox(binary: string, profileDir: string, options: LaunchOptions = {}): Promise<Firefox> {
  fs.mkdirSync(profileDir, { recursive: true });
  // Keep the browser quiet and off the network.
  const prefs: Record<string, string | number | boolean> = {
    'app.update.enabled': false,
    'app.update.auto': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'services.settings.server': 'http://127.0.0.1:9/',
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    ...options.prefs,
  };
  fs.writeFileSync(
    path.join(profileDir, 'user.js'),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const proc = spawn(binary, ['--headless', '--remote-debugging-port=0', '--no-remote', '--profile', profileDir, '--width=1100', '--height=900', ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`firefox did not start:\n${out}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`firefox exited (${code}):\n${out}`)));
  });
  const bidi = await Bidi.connect(`${wsUrl.replace(/\/$/, '')}/session`);
  await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  return {
    bidi,
    proc,
    async stop() {
      try {
        await Promise.race([bidi.send('session.end'), new Promise((r) => setTimeout(r, 2000))]);
      } catch {
        /* already gone */
      }
      bidi.close();
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
    },
  };
}

type Remote = { type: string; sharedId?: string; value?: unknown };

/**
 * Test-only access to a closed shadow root in Firefox: WebDriver BiDi serializes a node's
 * closed shadow root when asked (includeShadowTree: 'all'), and the root's shared id can be
 * handed to a function. A page's own scripts get `host.shadowRoot === null`. The functions
 * run in a sandbox realm, out of reach of a page's replaced built-ins.
 * Returns fn(root, arg) (a JSON value), or null when there is no host or no root.
 */
export async function inClosedRoot<T>(bidi: Bidi, context: string, host: string, fn: string, arg: unknown = null): Promise<T | null> {
  const target = { context, sandbox: 'otr-test' };
  const found = await bidi.send<{ type: string; result?: Remote & { value?: { shadowRoot?: Remote | null } }; exceptionDetails?: { text: string } }>('script.callFunction', {
    functionDeclaration: '(sel) => document.querySelector(sel)',
    arguments: [{ type: 'string', value: host }],
    target,
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  if (found.type !== 'success') throw new Error(`looking for ${host}: ${found.exceptionDetails?.text}`);
  const root = found.result?.type === 'node' ? found.result.value?.shadowRoot : null;
  if (!root?.sharedId) return null;
  const r = await bidi.send<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>('script.callFunction', {
    functionDeclaration: `(root, arg) => JSON.stringify((${fn})(root, JSON.parse(arg)) ?? null)`,
    arguments: [{ sharedId: root.sharedId }, { type: 'string', value: JSON.stringify(arg) }],
    target,
    awaitPromise: true,
  });
  if (r.type !== 'success') throw new Error(`in the closed root of ${host}: ${r.exceptionDetails?.text}`);
  return JSON.parse(String(r.result?.value ?? 'null')) as T | null;
}
