/**
 * Baseline: fuse.js used plainly over the statement texts — `ignoreLocation: true`, every other
 * option at its default (threshold 0.6). The file is the list of texts (fuse's own index holds
 * only the texts and their norms, so it is rebuilt on load: that is in load_ms).
 * Scoring: the first result is the answer; no result (nothing under the default threshold)
 * counts as "not found".
 */
import Fuse from 'fuse.js';
import type { Engine } from './types';

type R = { refIndex: number }[];

export const fuseEngine: Engine<R> = {
  name: 'fuse',
  label: 'fuse.js',
  build(c) {
    return { serialised: JSON.stringify(c.statements.map((s) => s.text)) };
  },
  load(serialised) {
    const texts = JSON.parse(serialised) as string[];
    const fuse = new Fuse(texts, { ignoreLocation: true });
    return {
      query: (text) => fuse.search(text, { limit: 1 }),
      resolve: (r) => ({ id: r.length ? r[0].refIndex : null }),
    };
  },
};
