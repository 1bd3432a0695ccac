/** The crawler's HTML and XML parser in Node: linkedom, the DOM `otr index page.html` already uses. */
import { DOMParser, parseHTML } from 'linkedom';
import type { ParseDocument } from '../../lib/crawl/types';

export const parseDocument: ParseDocument = (text, type) =>
  (type === 'text/html' ? parseHTML(text).document : new DOMParser().parseFromString(text, 'text/xml')) as unknown as Document;
