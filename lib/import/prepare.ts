/**
 * The extension pages' side of importing: turns a chosen file, a pasted text or an
 * extracted page into an `import-preview` request (a saved .html page has its article
 * extracted here, with DOMParser and Readability: the background has no DOM).
 */
import { ReleaseParseError } from '../../core/parse/errors';
import { htmlToReleaseText } from '../../core/import/html';
import { importKind } from '../../core/import/releases';
import { extractArticle } from './article';
import type { RequestOf } from '../protocol';

export type PreviewRequest = RequestOf<'import-preview'>;

function canonical(doc: Document): string | undefined {
  const href =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '';
  return /^https?:\/\//i.test(href.trim()) ? href.trim() : undefined;
}

/** The request for a file's text; throws ReleaseParseError for a page with no article or no date. */
export function previewRequest(name: string, text: string): PreviewRequest {
  const kind = importKind(name);
  if (kind === 'html') {
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const url = canonical(doc);
    const article = extractArticle(doc);
    if (!article) throw new ReleaseParseError([{ file: name, line: 1, reason: 'no article found in the page' }]);
    return { type: 'import-preview', name, text: htmlToReleaseText(article, name), kind: 'txt', ...(url ? { url } : {}) };
  }
  return { type: 'import-preview', name, text, kind };
}
