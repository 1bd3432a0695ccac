/**
 * What card.js hands the content script: the card and the page check, as the default
 * export of the module the content script imports from the extension's package. One
 * typed contract, no globals: nothing but that import can reach them
 * (build/cardModule.ts turns the unlisted script's return value into the export).
 */
import type { CardApi } from './cardUi';
import type { PageCheckApi } from './pageCheck';

export interface CardModule {
  card: CardApi;
  pageCheck: PageCheckApi;
}

/** The module's name in the extension's package and the variable its build returns. */
export const CARD_MODULE_FILE = 'card.js';
export const CARD_MODULE_NAME = 'onTheRecordCardModule';

/** The module's default export, checked before it is trusted to be the card. */
export function cardModuleOf(imported: unknown): CardModule {
  const m = (imported as { default?: Partial<CardModule> } | null)?.default;
  if (!m || typeof m.card?.open !== 'function' || typeof m.pageCheck !== 'object') throw new Error('the card failed to load');
  return m as CardModule;
}
