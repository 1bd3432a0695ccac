/**
 * The extension pages' side of importing: turns a chosen file, a pasted text or an
 * extracted page into an `import-preview` request (a saved .html page has its article
 * extracted here, with DOMParser and Readability: the background has no DOM).
 */
import { importKind } from '../../core/import/releases';
import { pageReleaseText } from './page';
import type { RequestOf } from '../protocol';

export type PreviewRequest = RequestOf<'import-preview'>;

/** The request for a file's text; throws ReleaseParseError for a page with no article or no date. */
export function previewRequest(name: string, text: string): PreviewRequest {
  const kind = importKind(name);
  if (kind === 'html') {
    const page = pageReleaseText(new DOMParser().parseFromString(text, 'text/html'), name);
    return { type: 'import-preview', name, text: page.text, kind: 'txt', ...(page.url ? { url: page.url } : {}) };
  }
  return { type: 'import-preview', name, text, kind };
}
