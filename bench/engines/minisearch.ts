/**
 * Baseline: MiniSearch, BM25 over the statement texts with fuzzy terms (`fuzzy: 0.2`), every
 * other option at its default (terms combined with OR, no prefix search). The file is
 * MiniSearch's own JSON (the inverted index only: no texts are stored, so an extension would
 * ship the texts beside it). Scoring: the first result is the answer; no result counts as
 * "not found" (MiniSearch has no score threshold).
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Engine } from './types';

const OPTIONS = { fields: ['text'], idField: 'id' };

export const minisearchEngine: Engine<SearchResult[]> = {
  name: 'minisearch',
  label: 'MiniSearch',
  build(c) {
    const ms = new MiniSearch<{ id: number; text: string }>(OPTIONS);
    ms.addAll(c.statements.map((s) => ({ id: s.id, text: s.text })));
    return { serialised: JSON.stringify(ms) };
  },
  load(serialised) {
    const ms = MiniSearch.loadJSON(serialised, OPTIONS);
    return {
      query: (text) => ms.search(text, { fuzzy: 0.2 }),
      resolve: (r) => ({ id: r.length ? (r[0].id as number) : null }),
    };
  },
};
