import type { ParsedRelease } from '../types';
import { ReleaseParseError } from './errors';

/** Parses one release in the plain-text layout (date line, then one paragraph a line). */
export function parseRelease(text: string, source: string, url?: string): ParsedRelease {
  throw new ReleaseParseError([{ file: source, line: 1, reason: 'parser not written yet' }]);
}
