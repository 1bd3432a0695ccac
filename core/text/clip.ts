/** White space as one space, for one line of text. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** One line of at most `max` characters: cut at a word boundary where there is one near, with an ellipsis. */
export function clip(text: string, max: number): string {
  const f = flat(text);
  if (f.length <= max) return f;
  const cut = f.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return (sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:.]+$/, '') + '…';
}

/**
 * Invisible format characters that can make text display as other text: bidirectional
 * embeddings, overrides and isolates, zero-width spaces and joiners, the BOM. Removed from every
 * release as it is read, so a name or a title is shown as the letters it holds.
 */
// (Also the Arabic letter mark, a bidi control; the soft hyphen, the Mongolian vowel separator, the
// combining grapheme joiner and the Hangul fillers, which show as nothing or as blank space.)
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u061C\u00AD\u180E\u034F\u115F\u1160\u3164\uFFA0]/g;

export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE, '');
}
