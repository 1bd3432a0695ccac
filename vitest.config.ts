import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', '.output/**', '.wxt/**'],
    // Real-browser suites start Chromium / Firefox; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // What a page shows after a round trip to storage or the background (a "Saved", a verdict)
    // can take over the default second on a loaded 2-core machine.
    expect: { poll: { timeout: 5_000 } },
    // Firefox is driven over WebDriver BiDi; Node 20 needs the flag for the global WebSocket.
    execArgv: ['--experimental-websocket'],
    fileParallelism: false,
  },
});
