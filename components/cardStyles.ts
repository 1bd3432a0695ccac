/**
 * The card's CSS, applied inside its shadow root (the page's CSS cannot reach
 * it). The card brings its own colours, so it reads the same on light and dark
 * pages; it follows the reader's colour scheme. Colours come from the one palette (palette.ts).
 */
import { PALETTE_CSS } from './palette';

export const CARD_CSS = `${PALETTE_CSS}
/* The host is shown in the top layer (cardUi.tsx): a page's ::backdrop rule must not dim the page behind it. */
:host::backdrop { display: none !important; }
:host { position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important; z-index: 2147483647 !important; display: block !important; }
.otr-card {
  --bg: var(--otr-bg); --fg: var(--otr-fg); --muted: var(--otr-muted); --line: var(--otr-line); --mark: var(--otr-mark);
  --warn-bg: var(--otr-warn-bg); --warn-fg: var(--otr-warn-fg); --accent: var(--otr-accent);
  position: absolute; box-sizing: border-box;
  width: min(440px, calc(100vw - 16px)); max-height: min(85vh, 720px); overflow: auto; overscroll-behavior: contain;
  background: var(--bg); color: var(--fg);
  border: 1px solid var(--line); border-top: 5px solid var(--verdict); border-radius: 10px;
  box-shadow: 0 10px 30px rgba(0,0,0,.28), 0 0 0 1px rgba(0,0,0,.06);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  padding: 12px 14px 10px; text-align: left; letter-spacing: normal; word-wrap: break-word;
  /* Not selectable: the page's own window.find() and a select-all reach into a closed shadow root,
     and would read the answer. The card's Copy buttons copy what a reader wants of it. */
  -webkit-user-select: none; user-select: none;
}
.otr-card * { box-sizing: border-box; }
.otr-card p, .otr-card h2, .otr-card h3, .otr-card ul, .otr-card blockquote { margin: 0; padding: 0; }
.otr-head { display: flex; align-items: center; gap: 8px; }
.otr-dot { width: 12px; height: 12px; border-radius: 50%; background: var(--verdict); flex: none; }
.otr-verdict { font-size: 17px; font-weight: 700; color: var(--verdict); flex: 1; outline: none; }

.otr-card:focus { outline: none; }
.otr-legend { font-size: 12px; margin-bottom: 4px !important; }
.otr-close { all: unset; cursor: pointer; font-size: 22px; line-height: 1; width: 28px; height: 28px; text-align: center; border-radius: 6px; color: var(--muted); }
.otr-close:hover { background: var(--line); color: var(--fg); }
.otr-close:focus-visible, .otr-btn:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.otr-hint { color: var(--muted); font-size: 13px; margin: 2px 0 8px 20px !important; }
.otr-coverage, .otr-from { color: var(--muted); font-size: 12px; margin: 0 0 8px 20px !important; }
.otr-from { margin-left: 0 !important; }
.otr-who { border-top: 1px solid var(--line); padding-top: 8px !important; margin-bottom: 8px !important; }
.otr-name { font-weight: 700; font-size: 15px; }
.otr-role, .otr-when, .otr-release { font-size: 13px; }
.otr-role { color: var(--fg); }
.otr-when, .otr-ago, .otr-org, .otr-muted { color: var(--muted); }
.otr-title { font-style: italic; }
.otr-warn { background: var(--warn-bg); color: var(--warn-fg); border-radius: 6px; padding: 6px 8px !important; margin-bottom: 8px !important; font-size: 13px; }
.otr-section { margin: 8px 0; }
.otr-section h3 { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); margin-bottom: 4px; }

.otr-diff { font-size: 14px; }
.otr-fig ins, .otr-fig del { font-weight: 700; }
.otr-tag { display: inline-block; font-size: 11px; font-weight: 700; color: var(--otr-bg); background: var(--otr-altered); border-radius: 8px; padding: 0 6px; margin-left: 4px; vertical-align: 1px; }
.otr-fignote { font-size: 13px; margin-top: 4px !important; }
.otr-elided { color: var(--muted); border-bottom: 1px dotted var(--muted); }
.otr-editorial { color: var(--muted); font-style: italic; }
.otr-framing { color: var(--muted); }
.otr-spelling { border-bottom: 1px dotted var(--muted); }
.otr-notes { list-style: disc; padding-left: 20px !important; font-size: 13px; color: var(--muted); margin: 4px 0 !important; }
.otr-quote { position: relative; border-left: 3px solid var(--line); padding-left: 10px !important; font-size: 14px; }
.otr-quote p + p { margin-top: 6px; }
.otr-gap { color: var(--muted); }
.otr-more { all: unset; cursor: pointer; color: var(--accent); font-size: 13px; margin-top: 4px; }
.otr-more:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.otr-quote mark { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 1px; }
.otr-cands { list-style: none; font-size: 13px; }
.otr-cands li + li { margin-top: 2px; }
.otr-actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 0 0 8px; }
.otr-btn { all: unset; cursor: pointer; font: 600 13px/1 system-ui, sans-serif; padding: 7px 10px; border-radius: 6px; border: 1px solid var(--line); color: var(--fg); background: transparent; }
.otr-btn:hover { background: var(--line); }
.otr-link { color: var(--accent); }
.otr-status { font-size: 12px; color: var(--muted); }
.otr-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
