/**
 * The result card, as a script of its own: the content script imports it from
 * the extension (a web-accessible resource) the first time a card is opened.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cardApi } from '../lib/content/cardUi';

export default defineUnlistedScript(() => {
  (globalThis as { __onTheRecordCard?: unknown }).__onTheRecordCard = cardApi;
});
