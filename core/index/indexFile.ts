import type { IndexData, ParsedRelease } from '../types';

export function buildIndex(releases: ParsedRelease[], built = new Date().toISOString()): IndexData {
  throw new Error('not written yet');
}
export function serializeIndex(data: IndexData): string {
  return JSON.stringify(data);
}
/** Checks format and version; throws IndexFormatError with a clear message. */
export function loadIndex(json: string | unknown): IndexData {
  throw new Error('not written yet');
}
