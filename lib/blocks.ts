/**
 * The HTML elements that break a line of text: the page check's text walk, the selection's
 * paragraph, and the command line's HTML to text all read a page's blocks by this one list.
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set(
  ('P DIV LI UL OL H1 H2 H3 H4 H5 H6 BLOCKQUOTE ARTICLE SECTION HEADER FOOTER MAIN ASIDE NAV FIGURE FIGCAPTION ' +
    'TABLE TR TD TH PRE HR BR DL DD DT FORM BODY ADDRESS TITLE HTML').split(' '),
);

export function isBlock(tagName: string): boolean {
  return BLOCK_TAGS.has(tagName.toUpperCase());
}
