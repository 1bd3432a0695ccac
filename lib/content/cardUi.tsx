/**
 * Mounts the result card in a shadow root (WXT createShadowRootUi) beside the
 * selection. Loaded on demand by the content script (entrypoints/card.ts), so
 * Preact and the card stay out of the script every page gets.
 */
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Answer } from '../../core/types';
import { ResultCard } from '../../components/ResultCard';
import type { IndexCoverage } from '../protocol';
import { CARD_CSS } from '../../components/cardStyles';

export interface OpenCardOptions {
  ctx: ContentScriptContext;
  answer: Answer | null;
  error?: string;
  coverage?: IndexCoverage;
  pageText: string;
  /** The selection's box in viewport coordinates; null to show the card at the top of the view. */
  rect: { left: number; top: number; right: number; bottom: number } | null;
  /** performance.now() when the reader asked: the card records how long it took to show. */
  startedAt?: number;
  /** Called once the card is closed (Esc, the close button, a click elsewhere, a newer card). */
  onClose?: () => void;
}

export interface CardApi {
  open(options: OpenCardOptions): Promise<void>;
  close(): void;
  isOpen(): boolean;
}

export const CARD_HOST = 'on-the-record-card';

let current: { remove: () => void } | null = null;
let onClosed: (() => void) | undefined;
let returnFocus: HTMLElement | null = null;
/** The reader's selection when the card opened: Esc brings the reader back to it. */
let returnSelection: Range | null = null;

/**
 * Back to where the reader was: the focused control, or else the selection itself (restored,
 * and focus on the element that holds it, made focusable for the moment if it is not).
 */
function restoreReader() {
  if (returnFocus && returnFocus.isConnected) {
    returnFocus.focus({ preventScroll: true });
    return;
  }
  const range = returnSelection;
  if (!range || !range.startContainer.isConnected) return;
  const sel = document.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const target = (start?.closest('a[href], button, input, textarea, select, [tabindex], [contenteditable="true"]') ?? start) as HTMLElement | null;
  if (!target || typeof target.focus !== 'function') return;
  if (!target.hasAttribute('tabindex') && target.tabIndex < 0) {
    target.setAttribute('tabindex', '-1');
    target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
  }
  target.focus({ preventScroll: true });
  // Focusing may collapse the selection in some browsers: put it back.
  if (sel && (sel.rangeCount === 0 || sel.getRangeAt(0).collapsed)) {
    sel.removeAllRanges();
    sel.addRange(range);
  }
}
let outsideListener: ((e: Event) => void) | null = null;

function close(restoreFocus = true) {
  if (!current) return;
  const ui = current;
  current = null;
  if (outsideListener) document.removeEventListener('pointerdown', outsideListener, true);
  outsideListener = null;
  ui.remove();
  const cb = onClosed;
  onClosed = undefined;
  cb?.();
  if (restoreFocus) restoreReader();
  returnFocus = null;
  returnSelection = null;
}

/** Clicks, keys and pointer presses that the reader did not make (a page's dispatchEvent): stopped at the root. */
export const GUARDED = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'input', 'submit'];
export function ignoreUntrusted(root: EventTarget) {
  for (const type of GUARDED)
    root.addEventListener(type, (e) => {
      if (!e.isTrusted) e.stopImmediatePropagation();
    }, true);
}

/**
 * Places the card beside the selection and always inside the window: below it
 * when it fits, else above, else on the roomier side made shorter (it scrolls
 * inside); when neither side has room for a useful card, over the selection.
 */
export function place(card: HTMLElement, rect: OpenCardOptions['rect']) {
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = window.innerHeight;
  const margin = 8;
  const w = card.offsetWidth;
  // (Its CSS caps it at 70% of the window's height.)
  let h = card.offsetHeight;
  let left: number;
  let top: number;
  if (!rect) {
    left = (vw - w) / 2;
    top = margin;
  } else {
    left = Math.min(Math.max(rect.left, margin), vw - w - margin);
    const spaceBelow = vh - rect.bottom - 2 * margin;
    const spaceAbove = rect.top - 2 * margin;
    if (h <= spaceBelow) top = rect.bottom + margin;
    else if (h <= spaceAbove) top = rect.top - margin - h;
    else if (Math.max(spaceBelow, spaceAbove) >= Math.min(h, 200)) {
      const below = spaceBelow >= Math.min(spaceAbove, 300);
      card.style.maxHeight = `${Math.floor(below ? spaceBelow : spaceAbove)}px`;
      h = card.offsetHeight;
      top = below ? rect.bottom + margin : rect.top - margin - h;
    } else top = vh - margin - h;
  }
  // Inside the window whatever the selection's box (a selection partly scrolled out of view).
  top = Math.max(margin, Math.min(top, vh - margin - h));
  card.style.left = `${Math.round(Math.max(margin, left) + window.scrollX)}px`;
  card.style.top = `${Math.round(top + window.scrollY)}px`;
}

async function open(o: OpenCardOptions): Promise<void> {
  close(false);
  const active = document.activeElement;
  returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
  const sel = document.getSelection();
  returnSelection = sel && sel.rangeCount && !sel.getRangeAt(0).collapsed ? sel.getRangeAt(0).cloneRange() : null;
  const ui = await createShadowRootUi(o.ctx, {
    name: CARD_HOST,
    position: 'inline',
    anchor: document.documentElement,
    append: 'last',
    css: CARD_CSS,
    isolateEvents: true,
    // Closed: a page script cannot read the card (what the reader's index holds) or press its buttons.
    mode: 'closed',
    onMount(container, shadow) {
      ignoreUntrusted(shadow);
      render(<ResultCard answer={o.answer} error={o.error} coverage={o.coverage} pageText={o.pageText} pageUrl={location.href} onClose={() => close(true)} />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  // In the top layer: a page's filter, opacity or transform on <html>, or its own
  // highest z-index, does not reach the card there (its :host styles still place it).
  const host = ui.shadowHost as HTMLElement & { showPopover?: () => void };
  if (host.showPopover) {
    host.popover = 'manual';
    host.showPopover();
  }
  current = ui;
  onClosed = o.onClose;
  const card = ui.uiContainer.querySelector<HTMLElement>('.otr-card');
  if (card) place(card, o.rect);
  if (o.startedAt !== undefined) {
    // After the next frame is painted: the time from the click to the card on screen
    // (kept inside the closed root, where the tests read it, not on the page's side).
    const box = ui.uiContainer;
    requestAnimationFrame(() => setTimeout(() => (box.dataset.clickToCardMs = (performance.now() - o.startedAt!).toFixed(1))));
  }
  outsideListener = (e: Event) => {
    if (e.isTrusted && !e.composedPath().includes(ui.shadowHost)) close(false);
  };
  document.addEventListener('pointerdown', outsideListener, true);
}

export const cardApi: CardApi = { open, close: () => close(true), isOpen: () => current !== null };
