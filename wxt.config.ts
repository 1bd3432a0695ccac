import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { safeReadability } from './build/safeReadability';
import { smallContentScript } from './build/smallContentScript';
import { cardModule } from './build/cardModule';
import { CARD_MODULE_FILE } from './lib/content/cardModule';

// Hardening: the extension never renders HTML from data (release text is always
// text). Preact's one `innerHTML` write (the dangerouslySetInnerHTML path, which
// no component uses) is turned into a `textContent` write, so even a mistaken
// use later renders text, and `web-ext lint` has no innerHTML to warn about.
function noInnerHtml(): Plugin {
  return {
    name: 'otr-no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]/.test(id) || !code.includes('innerHTML=')) return null;
      return { code: code.replace(/\.innerHTML=/g, '.textContent='), map: null };
    },
  };
}

// Least privilege: no host permissions at install; the content script runs on
// every page but stays idle until the reader selects text.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: (env) => ({
    plugins: [noInnerHtml(), safeReadability(), preact(), smallContentScript(), cardModule()],
    // Firefox's background page parses newsroom pages with its own DOMParser (build/nativeDom.ts).
    ...(env.browser === 'firefox' ? { resolve: { alias: { linkedom: fileURLToPath(new URL('./build/nativeDom.ts', import.meta.url)) } } } : {}),
  }),
  manifest: ({ browser, mode }) => ({
    name: 'On the Record',
    description: 'Highlight a quotation and see the original official policing statement: who said it, when, and what changed.',
    // scripting: with activeTab, runs the article extractor in the page the reader is on when they press "Add this page" (no host access).
    // alarms: the daily update of followed newsrooms.
    permissions: ['contextMenus', 'storage', 'activeTab', 'scripting', 'alarms'],
    // A newsroom's site, asked for when the reader follows it (Options → Newsrooms), never at install.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*', 'http://*/*'] } : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    // The test build only: the local test newsroom's host is granted at install, as the reader's click grants it (a
    // headless browser shows no permission prompt to accept).
    ...(mode === 'test' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // The result card's script, imported by the content script on first use
    // (keeps Preact and the card out of the script every page gets).
    web_accessible_resources: [{ resources: [CARD_MODULE_FILE], matches: ['<all_urls>'] }],
    commands: {
      'verify-selection': {
        suggested_key: { default: 'Alt+Shift+V' },
        description: 'Verify the selected quotation',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'on-the-record@otr.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
