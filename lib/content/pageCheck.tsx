/**
 * "Check all quotes on this page": reads the page's text with a map back to its text
 * nodes, finds the quotations (core/check/findQuotations), asks the background about
 * all of them at once, puts a small badge after each and lists them in a panel.
 * Loaded on demand with the card (entrypoints/card.ts), never in the content script itself.
 */
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Answer } from '../../core/types';
import { findQuotations, type Quotation } from '../../core/check/findQuotations';
import { summarise, type CheckReport } from '../../core/check/checkArticle';
import { reportMarkdown } from '../../core/check/reportMarkdown';
import { CheckReportView, REPORT_CSS } from '../../components/CheckReport';
import { BADGE_COLOURS, LIGHT_COLOURS } from '../../components/palette';
import { copyText } from '../../components/clipboard';
import { describe } from '../../core/present/describe';
import { MAX_CONTEXT, MAX_QUOTATIONS, MAX_TEXT } from '../protocol';
import { BLOCK_TAGS } from '../blocks';
import { cardApi, ignoreUntrusted } from './cardUi';

export const PANEL_HOST = 'on-the-record-panel';
export const BADGE_TAG = 'otr-badge';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'HEAD']);

interface Segment {
  node: Text;
  /** Offset of the node's first character in the page text. */
  start: number;
}

/** Page furniture, not copy: navigation, footers, asides, cookie banners, adverts, "Most read", share bars. */
const FURNITURE_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE']);
const FURNITURE_ROLES = /^(?:navigation|contentinfo|complementary|banner|dialog|alertdialog)$/;
const FURNITURE_NAMES = /(?:^|[\s_-])(?:cookie|consent|gdpr|advert|adverts|ad|ads|ad-slot|adslot|promo|sponsored|related|most-?read|trending|popular|newsletter|signup|share|sharing|social|breadcrumbs?|comments?|outbrain|taboola)(?:$|[\s_-])/i;

function isFurniture(el: HTMLElement, tag: string): boolean {
  if (FURNITURE_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.test(role)) return true;
  const names = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
  return names.trim() !== '' && FURNITURE_NAMES.test(names);
}

/** Where the copy is: the page's one <main>, or its one <article>, else the whole body. */
export function copyRoot(doc: Document): HTMLElement {
  const mains = doc.querySelectorAll('main');
  if (mains.length === 1) return mains[0] as HTMLElement;
  const articles = doc.querySelectorAll('article');
  if (articles.length === 1) return articles[0] as HTMLElement;
  return doc.body;
}

/** The page's readable text: text nodes joined, blocks as line breaks, whitespace one space each (offsets map 1:1). */
export function pageText(root: HTMLElement): { text: string; segments: Segment[] } {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === Node.TEXT_NODE) {
        const data = (n as Text).data;
        if (!data) continue;
        segments.push({ node: n as Text, start: length });
        push(data.replace(/[\s]/g, ' '));
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        const child = n as HTMLElement;
        const tag = child.tagName.toUpperCase();
        if (SKIP.has(tag) || tag === BADGE_TAG.toUpperCase() || tag.startsWith('ON-THE-RECORD')) continue;
        if (child.hidden || child.getAttribute('aria-hidden') === 'true') continue;
        if (isFurniture(child, tag)) continue;
        const block = BLOCK_TAGS.has(tag);
        if (block) push('\n');
        walk(child);
        if (block) push('\n');
      }
    }
  };
  walk(root);
  return { text: parts.join(''), segments };
}

/** A DOM range for [start, end) of the page text. */
export function rangeOf(segments: Segment[], start: number, end: number): Range | null {
  const at = (offset: number, isEnd: boolean): { node: Text; offset: number } | null => {
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].start <= offset - (isEnd ? 1 : 0)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return null;
    const s = segments[found];
    return { node: s.node, offset: Math.min(s.node.data.length, offset - s.start) };
  };
  const a = at(start, false);
  const b = at(end, true);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

// Badges take the light scheme's colours whatever the page's: white on the verdict's colour reads on any page.
// Every badge is one size, whatever its verdict: the page can measure the host (not what is inside
// it), and a width that followed the label would tell it the verdicts. 13em holds the longest
// label ("300 Not in the index") at this size.
const BADGE_CSS = `:host{all:initial!important;display:inline-block!important;vertical-align:baseline!important;margin:0 2px!important;width:13em!important;height:16px!important;font-size:10px!important}
button{all:unset;box-sizing:border-box;width:100%;height:100%;text-align:center;overflow:hidden;cursor:pointer;display:block;font:700 10px/10px system-ui,sans-serif;color:${LIGHT_COLOURS['on-button']};border-radius:9px;padding:3px 6px;white-space:nowrap;box-shadow:0 1px 2px rgba(0,0,0,.3)}
button:focus-visible{outline:2px solid ${LIGHT_COLOURS.accent};outline-offset:1px}
:host(.otr-flash) button{animation:otr-flash 1.2s ease-out 1}
@keyframes otr-flash{0%,40%{box-shadow:0 0 0 4px ${LIGHT_COLOURS.flash}}100%{box-shadow:0 1px 2px rgba(0,0,0,.3)}}`;

interface Badge {
  host: HTMLElement;
}

function makeBadge(n: number, answer: Answer, onClick: (host: HTMLElement) => void): Badge {
  const host = document.createElement(BADGE_TAG);
  host.dataset.index = String(n);
  // Closed, the verdict inside it: the page cannot read what the reader's index holds.
  const shadow = host.attachShadow({ mode: 'closed' });
  ignoreUntrusted(shadow);
  const style = document.createElement('style');
  style.textContent = BADGE_CSS;
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.verdict = answer.verdict;
  // The badge is short (the verdict's name, ⚠ for a contradicted attribution); its label is the whole verdict line.
  const d = describe(answer);
  button.textContent = `${n + 1} ${d.name}${d.tone === 'warning' ? ' ⚠' : ''}`;
  button.style.background = BADGE_COLOURS[d.tone];
  button.title = `On the Record: ${d.label}. Click for the details.`;
  button.setAttribute('aria-label', button.title);
  button.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onClick(host);
  });
  shadow.append(style, button);
  return { host };
}

export interface PageCheckOptions {
  ctx: ContentScriptContext;
  /** Sends the check-page request: browser.runtime.sendMessage through `request`. */
  check: (quotations: { text: string; context?: string }[]) => Promise<Answer[]>;
}

let state: { ui: ShadowRootContentScriptUi<HTMLElement>; badges: HTMLElement[] } | null = null;

function clear() {
  if (!state) return;
  for (const b of state.badges) b.remove();
  state.ui.remove();
  state = null;
}

function flash(host: HTMLElement) {
  host.classList.remove('otr-flash');
  void host.offsetWidth;
  host.classList.add('otr-flash');
}

/** Finds, checks, marks and lists every quotation on the page; resolves to the report. */
export async function checkPage(o: PageCheckOptions): Promise<CheckReport> {
  clear();
  const startedAt = performance.now();
  const { text, segments } = pageText(copyRoot(document));
  const quotations: Quotation[] = findQuotations(text)
    .filter((q) => q.query.length <= MAX_TEXT)
    .slice(0, MAX_QUOTATIONS);
  const answers = quotations.length
    ? await o.check(quotations.map((q) => ({ text: q.query, context: q.context.slice(-MAX_CONTEXT) })))
    : [];
  const items = quotations.map((quotation, i) => ({ quotation, answer: answers[i] }));
  const report: CheckReport = { items, summary: summarise(items) };

  const openCard = (i: number, host: HTMLElement) => {
    const r = host.getBoundingClientRect();
    void cardApi.open({ ctx: o.ctx, answer: items[i].answer, pageText: items[i].quotation.text, rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } });
  };
  // Ranges first, then the badges, last first: a badge never moves text still to be mapped.
  const ranges = quotations.map((q) => rangeOf(segments, q.start, q.end));
  const badges: HTMLElement[] = new Array(items.length);
  for (let i = items.length - 1; i >= 0; i--) {
    const range = ranges[i];
    const badge = makeBadge(i, items[i].answer, (host) => openCard(i, host));
    badges[i] = badge.host;
    if (!range) continue;
    const end = range.cloneRange();
    end.collapse(false);
    end.insertNode(badge.host);
  }

  const choose = (i: number) => {
    const host = badges[i];
    if (!host?.isConnected) return;
    host.scrollIntoView({ block: 'center', behavior: 'auto' });
    flash(host);
    openCard(i, host);
  };
  const onExport = () => void copyText(reportMarkdown(report, { title: `Quotation check: ${document.title || location.href}`, pageUrl: location.href }));

  const ui = await createShadowRootUi(o.ctx, {
    name: PANEL_HOST,
    position: 'inline',
    anchor: document.documentElement,
    append: 'last',
    css: `:host{all:initial!important;position:fixed!important;top:8px!important;right:8px!important;z-index:2147483646!important;display:block!important}
.otr-panel{width:min(360px,calc(100vw - 16px));max-height:calc(100vh - 16px);overflow:auto;border:1px solid var(--otr-line);border-radius:10px;box-shadow:0 10px 30px rgba(0,0,0,.28);padding:10px 12px;background:var(--otr-bg)}
${REPORT_CSS}`,
    isolateEvents: true,
    mode: 'closed',
    onMount(container, shadow) {
      ignoreUntrusted(shadow);
      const panel = document.createElement('div');
      panel.className = 'otr-panel';
      container.append(panel);
      render(<CheckReportView report={report} onChoose={choose} onExport={onExport} onClose={clear} />, panel);
      return panel;
    },
    onRemove(panel) {
      if (panel) render(null, panel);
    },
  });
  ui.mount();
  state = { ui, badges: badges.filter(Boolean) };
  // For the tests, inside the closed root: the page is not told how many quotations were checked.
  ui.uiContainer.dataset.checkMs = (performance.now() - startedAt).toFixed(1);
  ui.uiContainer.dataset.quotations = String(items.length);
  return report;
}

export const pageCheckApi = { checkPage, clear };
export type PageCheckApi = typeof pageCheckApi;
