import type { Answer, IndexData } from '../types';

export interface MatchOptions {
  /** Page text around the highlight, for the attribution check. */
  context?: string;
  id?: string | number | null;
}
export interface Matcher {
  match(text: string, options?: MatchOptions): Answer;
}
export function createMatcher(data: IndexData): Matcher {
  throw new Error('not written yet');
}
