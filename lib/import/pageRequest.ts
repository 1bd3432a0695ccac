/** The popup's side of "Add this page": the import-preview request for an article extracted from the page (no Readability here). */
import { htmlToReleaseText, type ArticleLike } from '../../core/import/html';
import type { RequestOf } from '../protocol';

/** The request for an article extracted from the page being read. */
export function pagePreviewRequest(article: ArticleLike, url: string): RequestOf<'import-preview'> {
  let name = 'page';
  try {
    const u = new URL(url);
    name = (u.hostname + u.pathname).replace(/\/+$/, '').slice(0, 200) || 'page';
  } catch {
    /* keep "page" */
  }
  return {
    type: 'import-preview',
    name,
    text: htmlToReleaseText(article, name),
    kind: 'txt',
    ...(/^https?:\/\//i.test(url) ? { url } : {}),
  };
}
