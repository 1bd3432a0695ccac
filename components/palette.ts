/**
 * One palette for every surface (the card, the page check's panel and badges, the popup, the
 * draft and options pages), as CSS custom properties, light and dark. One convention for the
 * page's words against what was said: the page's words struck in red, what was said in green.
 * Every text colour is at least 4.5:1 on its background (measured in the browser tests).
 */
import type { Tone } from '../core/present/describe';

const LIGHT = `
  --otr-bg: #ffffff; --otr-fg: #1b1f24; --otr-muted: #57606a; --otr-line: #d0d7de; --otr-field: #f6f8fa;
  --otr-mark: #fff3a3; --otr-accent: #0b57d0;
  --otr-verbatim: #1a7f37; --otr-altered: #bc4c00; --otr-paraphrase: #1f5fd6; --otr-not-found: #57606a; --otr-invalid: #57606a; --otr-warning: #9a3412;
  --otr-page-bg: #ffebe9; --otr-page-fg: #a40e26; --otr-said-bg: #dafbe1; --otr-said-fg: #0a5c2a;
  --otr-warn-bg: #fff4e5; --otr-warn-fg: #7a3e00;`;

const DARK = `
  --otr-bg: #1f2328; --otr-fg: #e6edf3; --otr-muted: #9da7b3; --otr-line: #3d444d; --otr-field: #2d333b;
  --otr-mark: #6b5900; --otr-accent: #7cb4ff;
  --otr-verbatim: #56d364; --otr-altered: #ffa657; --otr-paraphrase: #79b8ff; --otr-not-found: #9da7b3; --otr-invalid: #9da7b3; --otr-warning: #ffb77c;
  --otr-page-bg: #4a1519; --otr-page-fg: #ffa198; --otr-said-bg: #12381f; --otr-said-fg: #7ee2a0;
  --otr-warn-bg: #3d2a00; --otr-warn-fg: #ffd591;`;

/** The custom properties, for a document (`:root`) or a shadow root (`:host`). */
export const PALETTE_CSS = `
:root, :host {${LIGHT} color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root, :host {${DARK} } }
.otr-t-verbatim { --verdict: var(--otr-verbatim); }
.otr-t-altered { --verdict: var(--otr-altered); }
.otr-t-paraphrase { --verdict: var(--otr-paraphrase); }
.otr-t-not-found { --verdict: var(--otr-not-found); }
.otr-t-invalid, .otr-t-error { --verdict: var(--otr-invalid); }
.otr-t-warning { --verdict: var(--otr-warning); }
.otr-page { background: var(--otr-page-bg); color: var(--otr-page-fg); text-decoration: line-through; border-radius: 3px; padding: 0 2px; }
.otr-said { background: var(--otr-said-bg); color: var(--otr-said-fg); text-decoration: none; border-radius: 3px; padding: 0 2px; }
`;

/**
 * Badges sit in pages of any colour: white text on the verdict's light-scheme colour (each at
 * least 4.5:1 against white).
 */
export const BADGE_COLOURS: Record<Tone, string> = {
  verbatim: '#1a7f37',
  altered: '#bc4c00',
  paraphrase: '#1f5fd6',
  'not-found': '#57606a',
  invalid: '#57606a',
  warning: '#9a3412',
};
