/**
 * The content script's context, whose life the extension decides: it ends when the extension's
 * own context does (the extension reloaded, updated or removed: `browser.runtime.id` is gone),
 * never because of anything a page sends.
 *
 * WXT's ContentScriptContext stops an older copy of a content script when a "content script
 * started" event arrives on `document` (and announces itself with `window.postMessage`). A page
 * sees the announcement and can dispatch the same event: every copy on the page then switches
 * itself off. This context neither announces itself nor listens; a copy left behind by an update
 * finds its runtime gone at its next event and cleans up.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';

export class ExtensionContext extends ContentScriptContext {
  override stopOldScripts(): void {
    // Nothing to announce: the page would see it.
  }

  override listenForNewerScripts(): void {
    // Nothing to hear: the page could forge it.
  }

  /** Whether the extension is still there (checking ends the context when it is not). */
  get alive(): boolean {
    return !this.isInvalid;
  }
}
