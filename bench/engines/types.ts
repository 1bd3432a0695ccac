import type { Corpus } from '../corpus';

/** What one query gave: the statement the engine put first (null: nothing), and its verdict if it has one. */
export interface Resolved {
  id: number | null;
  verdict?: string;
}

export interface Loaded<R = unknown> {
  /** Answers one highlight; only this call is timed. */
  query(text: string): R;
  /** Maps the engine's answer to a statement of the corpus (not timed). */
  resolve(answer: R): Resolved;
}

export interface Engine<R = unknown> {
  name: 'otr' | 'fuse' | 'minisearch';
  label: string;
  /** From the corpus to the serialised index, i.e. the file the extension would ship. */
  build(c: Corpus): { serialised: string; phases?: Record<string, number>; info?: Record<string, unknown> };
  /** From the serialised index to the first answerable query. */
  load(serialised: string): Loaded<R>;
}
