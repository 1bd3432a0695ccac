import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/wiring';

// The bundled index, as text: parsed on the first request only. `import.meta.glob`
// keeps the build working (with a clear error on request) when data/index.otr is absent.
const bundled = import.meta.glob<string>('../data/index.otr', { query: '?raw', import: 'default', eager: true });

export default defineBackground(() => {
  const handlers = startBackground(() => bundled['../data/index.otr'] ?? null);
  // Reachable from the worker's own scope only (tests and debugging drive the
  // context-menu and shortcut handlers through it: headless Chromium fires neither).
  (globalThis as { otr?: unknown }).otr = handlers;
});
