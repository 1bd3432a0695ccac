/** Reading the reader's selection: its words, the paragraphs around it (for the attribution check) and its box. */
import { MAX_CONTEXT, MAX_TEXT } from '../protocol';

const BLOCKS = new Set([
  'P', 'LI', 'BLOCKQUOTE', 'DIV', 'ARTICLE', 'SECTION', 'MAIN', 'TD', 'TH', 'DD', 'DT', 'FIGCAPTION',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'BODY', 'Q', 'ASIDE', 'HEADER', 'FOOTER',
]);

function blockOf(node: Node): Element {
  let n: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (n && n.nodeType === Node.ELEMENT_NODE) {
    const el = n as Element;
    if (BLOCKS.has(el.tagName) && el.tagName !== 'Q') return el;
    n = el.parentNode;
  }
  return document.body ?? document.documentElement;
}

function prevBlock(el: Element): Element | null {
  let p = el.previousElementSibling;
  while (p && !(p.textContent ?? '').trim()) p = p.previousElementSibling;
  return p;
}
function nextBlock(el: Element): Element | null {
  let p = el.nextElementSibling;
  while (p && !(p.textContent ?? '').trim()) p = p.nextElementSibling;
  return p;
}

export interface SelectionInfo {
  text: string;
  context: string;
  rect: { left: number; top: number; right: number; bottom: number } | null;
}

const flat = (s: string) => s.replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();

/** The paragraph(s) the selection is in, with the one before and the one after. */
export function contextOf(range: Range, text: string): string {
  const start = blockOf(range.startContainer);
  const end = blockOf(range.endContainer);
  const tag = (e: Element) => e.tagName;
  const wide = (e: Element) => tag(e) === 'BODY' || tag(e) === 'MAIN' || tag(e) === 'ARTICLE';
  let ctx = '';
  try {
    const r = document.createRange();
    const first = wide(start) ? start : (prevBlock(start) ?? start);
    const last = wide(end) ? end : (nextBlock(end) ?? end);
    if (first.contains(last)) r.selectNodeContents(first);
    else if (last.contains(first)) r.selectNodeContents(last);
    else {
      r.setStartBefore(first);
      r.setEndAfter(last);
    }
    ctx = flat(r.toString());
  } catch {
    ctx = flat(text);
  }
  if (ctx.length > MAX_CONTEXT) {
    const at = ctx.indexOf(text.slice(0, 40));
    const from = Math.max(0, Math.min(at < 0 ? 0 : at - 1000, ctx.length - MAX_CONTEXT));
    ctx = ctx.slice(from, from + MAX_CONTEXT);
  }
  return ctx;
}

export function readSelection(sel: Selection | null = window.getSelection()): SelectionInfo | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const text = flat(sel.toString()).slice(0, MAX_TEXT);
  if (!text) return null;
  const range = sel.getRangeAt(0);
  const rects = range.getClientRects();
  const box = range.getBoundingClientRect();
  const lastRect = rects.length ? rects[rects.length - 1]! : box;
  const rect = box.width || box.height ? { left: box.left, top: box.top, right: lastRect.right, bottom: box.bottom } : null;
  return { text, context: contextOf(range, text), rect };
}
