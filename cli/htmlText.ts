/**
 * The readable text of an HTML page, without a DOM: scripts, styles and comments dropped,
 * block elements as paragraph breaks, inline markup (<b>, <em>, <a>, <span>…) joined into
 * the text around it, character references decoded. Enough for `otr check page.html`.
 */

import { isBlock } from '../lib/blocks';

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', bdquo: '„', laquo: '«', raquo: '»',
  hellip: '…', mdash: '—', ndash: '–', pound: '£', euro: '€', copy: '©', shy: '',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}


export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style|noscript|template|svg|head)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, (m, tag: string) =>
      // The title is worth keeping; the rest of <head> is not.
      tag.toLowerCase() === 'head' ? (/<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(m)?.[1] ?? '') + '\n' : '\n',
    )
    .replace(/<\/?([a-z][a-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi, (_m, tag: string) => (isBlock(tag) ? '\n' : ''));
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
