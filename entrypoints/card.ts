/**
 * The result card, as a script of its own: the content script imports it from
 * the extension (a web-accessible resource) the first time a card is opened.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cardApi } from '../lib/content/cardUi';
import { pageCheckApi } from '../lib/content/pageCheck';

export default defineUnlistedScript(() => {
  (globalThis as { __onTheRecordCard?: unknown }).__onTheRecordCard = cardApi;
  // "Check all quotes on this page" comes with the card: the same Preact, the same card for each badge.
  (globalThis as { __onTheRecordPageCheck?: unknown }).__onTheRecordPageCheck = pageCheckApi;
});
