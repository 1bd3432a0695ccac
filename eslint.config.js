// Lint enforces where code may reach, by where it runs (see README, "Architecture"):
//   core/            the matcher and its presentation: pure, imports nothing of ours outside it
//   lib/background/  the service worker's code
//   lib/content/     the content script and what it loads on demand (the card, the page check)
//   entrypoints/{popup,options,draft}/  the extension pages: reach the background only through lib/protocol.ts (lib/client.ts)
//   components/      UI every surface shares: no background, no content script
//   lib/*.ts, lib/import/  what the contexts share (the typed protocol, settings, turning a page into a release)
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

const pages = ['./entrypoints/popup', './entrypoints/options', './entrypoints/draft'];

export default [
  { ignores: ['node_modules/**', '.output/**', '.wxt/**', 'test-results/**', 'data/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { typescript: { project: './tsconfig.json' } } },
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './core', from: ['./lib', './components', './entrypoints', './cli', './bench', './tests'], except: [], message: 'core/ stands alone: the extension, otr, the bench and the tests stand on it.' },
            { target: './lib/content', from: './lib/background', message: 'The content script never imports background code: it asks through the typed protocol.' },
            { target: './entrypoints/content.ts', from: './lib/background', message: 'The content script never imports background code: it asks through the typed protocol.' },
            { target: './entrypoints/card.ts', from: './lib/background', message: 'The card runs in the page: no background code.' },
            ...pages.map((target) => ({ target, from: ['./lib/background', './lib/content'], message: 'Extension pages reach the background only through the typed protocol (lib/client.ts).' })),
            { target: './components', from: ['./lib/background', './lib/content', './entrypoints'], message: 'Shared UI knows no context: it is given what it shows.' },
            { target: './lib/background', from: ['./lib/content', './components', './entrypoints'], message: 'The background has no UI and no content script code.' },
          ],
        },
      ],
    },
  },
  // Tests stand beside what they test and may reach across to set it up.
  { files: ['**/*.test.ts', '**/*.test.tsx'], rules: { 'import/no-restricted-paths': 'off' } },
];
