/**
 * An index file in its two parts, for tests that damage one of them: the header (its first
 * line, parsed) and the statements' texts after it (core/index/fileLayout.ts).
 */
import type { IndexHeader } from '../../core/index/fileLayout';

export function splitIndex(text: string): { header: IndexHeader; texts: string } {
  const end = text.indexOf('\n');
  if (end < 0) throw new Error('not an index file of this version: no line break after the header');
  return { header: JSON.parse(text.slice(0, end)), texts: text.slice(end + 1) };
}

/** The file of a header (any value, written as JSON) and texts. */
export function joinIndex(header: unknown, texts: string): string {
  return `${JSON.stringify(header)}\n${texts}`;
}
