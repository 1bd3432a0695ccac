import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/wiring';

// The bundled index, as text: parsed on the first request only. `import.meta.glob`
// keeps the build working (with a clear error on request) when data/index.otr is absent.
const bundled = import.meta.glob<string>('../data/index.otr', { query: '?raw', import: 'default', eager: true });

export default defineBackground(() => {
  const handlers = startBackground(() => bundled['../data/index.otr'] ?? null);
  // The test build only (`wxt build --mode test`): the browser tests drive the context-menu and
  // shortcut handlers through it, since headless Chromium fires neither. A production build has
  // no such hook (MODE is replaced at build time, and this branch is dropped).
  if (import.meta.env.MODE === 'test') (globalThis as { otr?: unknown }).otr = handlers;
});
