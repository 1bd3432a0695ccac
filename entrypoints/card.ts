/**
 * The result card, as a script of its own: the content script imports it from
 * the extension (a web-accessible resource) the first time a card is opened, and
 * receives the card and the page check as the module's default export.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cardApi } from '../lib/content/cardUi';
import { pageCheckApi } from '../lib/content/pageCheck';
import { CARD_MODULE_NAME, type CardModule } from '../lib/content/cardModule';

export default defineUnlistedScript({
  globalName: CARD_MODULE_NAME,
  // "Check all quotes on this page" comes with the card: the same Preact, the same card for each badge.
  main: (): CardModule => ({ card: cardApi, pageCheck: pageCheckApi }),
});
