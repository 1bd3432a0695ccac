/**
 * card.js is loaded with `import()` by the content script, never as a classic script.
 * WXT builds unlisted scripts as an IIFE whose value is kept in a variable (its
 * `globalName`); this adds `export default <that variable>` so the import returns the
 * card's API as a module export, and the card needs no global to hand itself over.
 */
import type { Plugin } from 'vite';
import { CARD_MODULE_FILE, CARD_MODULE_NAME } from '../lib/content/cardModule';

export function cardModule(): Plugin {
  return {
    name: 'otr-card-module',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunk = bundle[CARD_MODULE_FILE];
      if (!chunk || chunk.type !== 'chunk') return;
      if (!new RegExp(`\\bvar ${CARD_MODULE_NAME}\\s*=`).test(chunk.code)) {
        throw new Error(`${CARD_MODULE_FILE}: the build no longer keeps the card in \`var ${CARD_MODULE_NAME}\``);
      }
      const marker = '\n//# sourceMappingURL=';
      const at = chunk.code.indexOf(marker);
      const footer = `\nexport default ${CARD_MODULE_NAME};\n`;
      chunk.code = at >= 0 ? chunk.code.slice(0, at) + footer + chunk.code.slice(at + 1) : chunk.code + footer;
    },
  };
}
