/**
 * The content script runs in every page and frame, so its size has a limit (20,000 bytes,
 * checked by tests/extension/hardening.test.ts). After the build's own minifier, this runs
 * terser over that one file once more: three passes, and anonymous functions that never use
 * `this` written as arrows, which the default minifier leaves. With a few trims of its own
 * code, that took it from 20,408 bytes to 19,732.
 *
 * Only the content script: the scripts run with `scripting.executeScript` (extract.js)
 * return their last expression's value, which terser's rewrites of a top-level call may
 * drop, and nothing else has a size limit worth that risk.
 */
import type { Plugin } from 'vite';
import { minify } from 'terser';

const CONTENT_SCRIPT = 'content-scripts/content.js';

export function smallContentScript(): Plugin {
  return {
    name: 'otr-small-content-script',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const chunk = bundle[CONTENT_SCRIPT];
      if (!chunk || chunk.type !== 'chunk') return;
      const out = await minify(chunk.code, { ecma: 2020, compress: { passes: 3, unsafe_arrows: true }, mangle: true });
      if (!out.code) throw new Error(`terser gave nothing for ${CONTENT_SCRIPT}`);
      chunk.code = out.code;
    },
  };
}
