import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Least privilege: no host permissions at install; the content script runs on
// every page but stays idle until the reader selects text.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'On the Record',
    description: 'Highlight a quotation and see the original official policing statement: who said it, when, and what changed.',
    permissions: ['contextMenus', 'storage', 'activeTab'],
    // The result card's script, imported by the content script on first use
    // (keeps Preact and the card out of the script every page gets).
    web_accessible_resources: [{ resources: ['card.js'], matches: ['<all_urls>'] }],
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
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
