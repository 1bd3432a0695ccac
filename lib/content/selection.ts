/** Reading the reader's selection: its words, the paragraphs around it (for the attribution check) and its box. */
import { MAX_CONTEXT, MAX_TEXT } from '../protocol';

import { isBlock } from '../blocks';

function blockOf(node: Node): Element {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  // parentElement ends at a shadow root too: there the context stays inside the root.
  let last = el;
  while (el && !isBlock(el.tagName)) el = (last = el).parentElement;
  return el ?? last ?? document.body;
}

/** The nearest sibling with text, before or after. */
function sibling(el: Element, dir: 'previousElementSibling' | 'nextElementSibling'): Element | null {
  let p = el[dir];
  while (p && !p.textContent?.trim()) p = p[dir];
  return p;
}

export interface SelectionInfo {
  text: string;
  context: string;
  rect: { left: number; top: number; right: number; bottom: number } | null;
}

const flat = (s: string) => s.replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();

/**
 * The paragraph(s) the selection is in, with the one before: where the page names who can be
 * the speaker ("Jane Doe said:" before, "… ,” she said." within). A name in the paragraph after
 * is the next quotation's speaker, not this one's.
 */
export function contextOf(range: Range, text: string): string {
  const start = blockOf(range.startContainer);
  const end = blockOf(range.endContainer);
  const wide = (e: Element) => /^(BODY|MAIN|ARTICLE)$/.test(e.tagName);
  let ctx = '';
  try {
    const r = document.createRange();
    const first = wide(start) ? start : (sibling(start, 'previousElementSibling') ?? start);
    const last = end;
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

/**
 * The selection's range. Chromium reports a selection inside a shadow root as a
 * range collapsed at the shadow host (its text is still in toString()); the real
 * one comes from getComposedRanges, given the shadow roots it may be in (those on
 * the path of the reader's last mouseup).
 */
function rangeOf(sel: Selection, roots: ShadowRoot[]): Range {
  const range = sel.getRangeAt(0);
  const composed = range.collapsed && roots.length ? (sel as any).getComposedRanges?.({ shadowRoots: roots })[0] : null;
  if (!composed) return range;
  const r = document.createRange();
  r.setStart(composed.startContainer, composed.startOffset);
  r.setEnd(composed.endContainer, composed.endOffset);
  return r;
}

/** The reader's selection; `roots`: open shadow roots it may be in (see rangeOf). */
export function readSelection(roots: ShadowRoot[] = [], sel: Selection | null = getSelection()): SelectionInfo | null {
  // Not sel.isCollapsed: Chromium says so of a selection inside a shadow root.
  if (!sel?.rangeCount) return null;
  const text = flat(sel.toString()).slice(0, MAX_TEXT);
  if (!text) return null;
  const range = rangeOf(sel, roots);
  const rects = range.getClientRects();
  const box = range.getBoundingClientRect();
  const lastRect = rects.length ? rects[rects.length - 1]! : box;
  const rect = box.width || box.height ? { left: box.left, top: box.top, right: lastRect.right, bottom: box.bottom } : null;
  return { text, context: contextOf(range, text), rect };
}
