/**
 * The card's CSS, applied inside its shadow root (the page's CSS cannot reach
 * it). The card brings its own colours, so it reads the same on light and dark
 * pages; it follows the reader's colour scheme.
 */
export const CARD_CSS = `
/* The host is shown in the top layer (cardUi.tsx): a page's ::backdrop rule must not dim the page behind it. */
:host::backdrop { display: none !important; }
:host { position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important; z-index: 2147483647 !important; display: block !important; }
.otr-card {
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --mark: #fff3a3; --warn-bg: #fff4e5; --warn-fg: #7a3e00;
  --ins-bg: #dafbe1; --ins-fg: #0a5c2a; --del-bg: #ffebe9; --del-fg: #a40e26; --accent: #0b57d0;
  position: absolute; box-sizing: border-box;
  width: min(440px, calc(100vw - 16px)); max-height: min(70vh, 560px); overflow: auto;
  background: var(--bg); color: var(--fg);
  border: 1px solid var(--line); border-top: 5px solid var(--verdict); border-radius: 10px;
  box-shadow: 0 10px 30px rgba(0,0,0,.28), 0 0 0 1px rgba(0,0,0,.06);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  padding: 12px 14px 10px; text-align: left; letter-spacing: normal; word-wrap: break-word;
}
@media (prefers-color-scheme: dark) {
  .otr-card { --bg: #1f2328; --fg: #e6edf3; --muted: #9da7b3; --line: #3d444d; --mark: #6b5900; --warn-bg: #3d2a00; --warn-fg: #ffd591;
    --ins-bg: #12381f; --ins-fg: #7ee2a0; --del-bg: #4a1519; --del-fg: #ffa198; --accent: #7cb4ff; }
}
.otr-v-verbatim { --verdict: #1a7f37; }
.otr-v-altered { --verdict: #c2410c; }
.otr-v-paraphrase { --verdict: #2563eb; }
.otr-v-not-found, .otr-v-invalid, .otr-v-error { --verdict: #6e7781; }
.otr-card * { box-sizing: border-box; }
.otr-card p, .otr-card h2, .otr-card h3, .otr-card ul, .otr-card blockquote { margin: 0; padding: 0; }
.otr-head { display: flex; align-items: center; gap: 8px; }
.otr-dot { width: 12px; height: 12px; border-radius: 50%; background: var(--verdict); flex: none; }
.otr-verdict { font-size: 17px; font-weight: 700; color: var(--verdict); flex: 1; outline: none; }
.otr-v-not-found .otr-verdict, .otr-v-invalid .otr-verdict, .otr-v-error .otr-verdict { color: var(--fg); }
.otr-card:focus { outline: none; }
.otr-legend { font-size: 12px; margin-bottom: 4px !important; }
.otr-close { all: unset; cursor: pointer; font-size: 22px; line-height: 1; width: 28px; height: 28px; text-align: center; border-radius: 6px; color: var(--muted); }
.otr-close:hover { background: var(--line); color: var(--fg); }
.otr-close:focus-visible, .otr-btn:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.otr-hint { color: var(--muted); font-size: 13px; margin: 2px 0 8px 20px !important; }
.otr-who { border-top: 1px solid var(--line); padding-top: 8px !important; margin-bottom: 8px !important; }
.otr-name { font-weight: 700; font-size: 15px; }
.otr-role, .otr-when, .otr-release { font-size: 13px; }
.otr-role { color: var(--fg); }
.otr-when, .otr-ago, .otr-org, .otr-muted { color: var(--muted); }
.otr-title { font-style: italic; }
.otr-warn { background: var(--warn-bg); color: var(--warn-fg); border-radius: 6px; padding: 6px 8px !important; margin-bottom: 8px !important; font-size: 13px; }
.otr-section { margin: 8px 0; }
.otr-section h3 { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); margin-bottom: 4px; }
.otr-card ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: none; border-radius: 3px; padding: 0 2px; }
.otr-card del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; border-radius: 3px; padding: 0 2px; }
.otr-diff { font-size: 14px; }
.otr-fig ins, .otr-fig del { font-weight: 700; }
.otr-tag { display: inline-block; font-size: 11px; font-weight: 700; color: #fff; background: #c2410c; border-radius: 8px; padding: 0 6px; margin-left: 4px; vertical-align: 1px; }
.otr-fignote { font-size: 13px; margin-top: 4px !important; }
.otr-elided { color: var(--muted); border-bottom: 1px dotted var(--muted); }
.otr-editorial { color: var(--muted); font-style: italic; }
.otr-notes { list-style: disc; padding-left: 20px !important; font-size: 13px; color: var(--muted); margin: 4px 0 !important; }
.otr-quote { position: relative; border-left: 3px solid var(--line); padding-left: 10px !important; font-size: 14px; max-height: 230px; overflow: auto; overscroll-behavior: contain; }
.otr-quote p + p { margin-top: 6px; }
.otr-quote mark { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 1px; }
.otr-cands { list-style: none; font-size: 13px; }
.otr-cands li + li { margin-top: 2px; }
.otr-actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; border-top: 1px solid var(--line); padding-top: 8px; margin-top: 8px; }
.otr-btn { all: unset; cursor: pointer; font: 600 13px/1 system-ui, sans-serif; padding: 7px 10px; border-radius: 6px; border: 1px solid var(--line); color: var(--fg); background: transparent; }
.otr-btn:hover { background: var(--line); }
.otr-link { color: var(--accent); }
.otr-status { font-size: 12px; color: var(--muted); }
.otr-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
