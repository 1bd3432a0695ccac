/**
 * An index file in its parts, for tests that damage one of them (core/index/fileLayout.ts):
 * the header (its first line, parsed), the statements' texts after it, then the block of their
 * word streams.
 */
import type { IndexHeader } from '../../core/index/fileLayout';

export function splitIndex(text: string): { header: IndexHeader; texts: string; streams: string } {
  const end = text.indexOf('\n');
  if (end < 0) throw new Error('not an index file of this version: no line break after the header');
  const header = JSON.parse(text.slice(0, end)) as IndexHeader;
  const textsEnd = end + 1 + header.statements.textLength.reduce((n, l) => n + l, 0);
  return { header, texts: text.slice(end + 1, textsEnd), streams: text.slice(textsEnd) };
}

/** The file of a header (any value, written as JSON), texts and streams. */
export function joinIndex(header: unknown, texts: string, streams: string): string {
  return `${JSON.stringify(header)}\n${texts}${streams}`;
}
