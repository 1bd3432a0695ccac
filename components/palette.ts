/**
 * One palette for every surface (the card, the page check's panel and badges, the popup, the
 * draft and options pages), as CSS custom properties, light and dark. One convention for the
 * page's words against what was said: the page's words struck in red, what was said in green.
 * Every text colour is at least 4.5:1 on its background (measured in the browser tests).
 */
import type { Tone } from '../core/present/describe';

/** Each colour once, by name; the CSS and the badges are made from these. */
const LIGHT = {
  bg: '#ffffff', fg: '#1b1f24', muted: '#57606a', line: '#d0d7de', field: '#f6f8fa',
  mark: '#fff3a3', accent: '#0b57d0', flash: '#ffd33d', button: '#1f3a5f', 'on-button': '#ffffff',
  verbatim: '#1a7f37', altered: '#bc4c00', paraphrase: '#1f5fd6', 'not-found': '#57606a', invalid: '#57606a', warning: '#9a3412',
  'page-bg': '#ffebe9', 'page-fg': '#a40e26', 'said-bg': '#dafbe1', 'said-fg': '#0a5c2a',
  'warn-bg': '#fff4e5', 'warn-fg': '#7a3e00',
} as const;

type Token = keyof typeof LIGHT;

const DARK: Record<Token, string> = {
  bg: '#1f2328', fg: '#e6edf3', muted: '#9da7b3', line: '#3d444d', field: '#2d333b',
  mark: '#6b5900', accent: '#7cb4ff', flash: '#ffd33d', button: '#1f3a5f', 'on-button': '#ffffff',
  verbatim: '#56d364', altered: '#ffa657', paraphrase: '#79b8ff', 'not-found': '#9da7b3', invalid: '#9da7b3', warning: '#ffb77c',
  'page-bg': '#4a1519', 'page-fg': '#ffa198', 'said-bg': '#12381f', 'said-fg': '#7ee2a0',
  'warn-bg': '#3d2a00', 'warn-fg': '#ffd591',
};

const properties = (scheme: Record<Token, string>) =>
  Object.entries(scheme)
    .map(([name, value]) => `--otr-${name}: ${value};`)
    .join(' ');

/** The custom properties, for a document (`:root`) or a shadow root (`:host`). */
export const PALETTE_CSS = `
:root, :host { ${properties(LIGHT)} color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root, :host { ${properties(DARK)} } }
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
  verbatim: LIGHT.verbatim,
  altered: LIGHT.altered,
  paraphrase: LIGHT.paraphrase,
  'not-found': LIGHT['not-found'],
  invalid: LIGHT.invalid,
  warning: LIGHT.warning,
};

/** A light-scheme colour by name, for CSS that cannot see the custom properties (the Verify button, kept out of the palette's bundle). */
export const LIGHT_COLOURS = LIGHT;
