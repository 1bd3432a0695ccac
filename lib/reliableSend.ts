/**
 * Sending to the background so that no request is left hanging.
 *
 * Chromium stops an idle MV3 service worker, and may stop it while it is
 * answering. The asking side then sees the connection fail ("Could not establish
 * connection", "The message port closed before a response was received", which
 * the polyfill turns into an `undefined` reply, or "message channel closed").
 * The next message wakes a fresh worker, so such a request is sent once more.
 * A background that is alive but does not answer in time is not asked again
 * (a second request would only queue behind the first): the caller gets a
 * clear error instead. Written for size: it is part of the content script.
 */
type Send = (msg: unknown) => Promise<unknown>;

export const TIMEOUT_MS = 15_000;
export const STOPPED = 'The extension stopped before answering. Try again.';
export const TIMED_OUT = 'The extension did not answer in time. Try again.';
export const RELOADED = 'The extension was updated: reload this page.';

/** Wraps `send` (browser.runtime.sendMessage): one retry when the background went away, a timeout on every attempt. */
export function reliable(send: Send, timeoutMs = TIMEOUT_MS): Send {
  // Rejects with null when the connection was lost (worth one retry), with an Error otherwise.
  const once = (msg: unknown) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
      send(msg).then(
        (reply) => reply ?? Promise.reject(null),
        (e: unknown) => Promise.reject(/invalidated/i.test(String(e)) ? Error(RELOADED) : null),
      ),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(Error(TIMED_OUT)), timeoutMs))),
    ]).finally(() => clearTimeout(timer));
  };
  return (msg) =>
    once(msg)
      .catch((e) => (e ? Promise.reject(e) : once(msg)))
      .catch((e) => Promise.reject(e || Error(STOPPED)));
}
