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
