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
import { CARD_CSS } from '../../components/cardStyles';

export interface OpenCardOptions {
  ctx: ContentScriptContext;
  answer: Answer | null;
  error?: string;
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
  if (restoreFocus && returnFocus && returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
  returnFocus = null;
}

function place(card: HTMLElement, rect: OpenCardOptions['rect']) {
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = window.innerHeight;
  const margin = 8;
  const w = card.offsetWidth;
  let h = card.offsetHeight;
  let left: number;
  let top: number;
  if (!rect) {
    left = (vw - w) / 2;
    top = margin;
  } else {
    // Beside the selection, never over it: below when it fits, else above,
    // else on the roomier side with the card made shorter (it scrolls inside).
    left = Math.min(Math.max(rect.left, margin), vw - w - margin);
    const spaceBelow = vh - rect.bottom - 2 * margin;
    const spaceAbove = rect.top - 2 * margin;
    if (h <= spaceBelow) top = rect.bottom + margin;
    else if (h <= spaceAbove) top = rect.top - margin - h;
    else {
      const below = spaceBelow >= Math.min(spaceAbove, 300);
      const room = Math.max(below ? spaceBelow : spaceAbove, 220);
      card.style.maxHeight = `${Math.floor(room)}px`;
      h = card.offsetHeight;
      top = below || spaceAbove < 220 ? rect.bottom + margin : rect.top - margin - h;
    }
  }
  card.style.left = `${Math.round(Math.max(margin, left) + window.scrollX)}px`;
  card.style.top = `${Math.round(top + window.scrollY)}px`;
}

async function open(o: OpenCardOptions): Promise<void> {
  close(false);
  const active = document.activeElement;
  returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
  const ui = await createShadowRootUi(o.ctx, {
    name: CARD_HOST,
    position: 'inline',
    anchor: document.documentElement,
    append: 'last',
    css: CARD_CSS,
    isolateEvents: true,
    onMount(container) {
      render(<ResultCard answer={o.answer} error={o.error} pageText={o.pageText} onClose={() => close(true)} />, container);
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
    const host = ui.shadowHost;
    // After the next frame is painted: the time from the click to the card on screen.
    requestAnimationFrame(() => setTimeout(() => (host.dataset.clickToCardMs = (performance.now() - o.startedAt!).toFixed(1))));
  }
  outsideListener = (e: Event) => {
    if (!e.composedPath().includes(ui.shadowHost)) close(false);
  };
  document.addEventListener('pointerdown', outsideListener, true);
}

export const cardApi: CardApi = { open, close: () => close(true), isOpen: () => current !== null };
