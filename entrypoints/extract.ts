/**
 * Injected into the page the reader is on, only when they press "Add this page to
 * my index" in the popup (activeTab + scripting.executeScript): extracts the article
 * with Mozilla Readability from a copy of the document and returns it. It changes
 * nothing on the page and sends nothing anywhere.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractArticle } from '../lib/import/article';

export default defineUnlistedScript(() => {
  const copy = document.cloneNode(true) as Document;
  const article = extractArticle(copy);
  return { article, url: location.href, title: document.title };
});
