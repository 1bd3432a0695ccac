import { searchData } from './searchData';
import { IndexFormatError } from './errors';
import { decodeIndex, encodeIndex, HEADER_END } from './fileLayout';
import { INDEX_FORMAT, INDEX_VERSION, type IndexData, type ParsedRelease } from '../types';

/**
 * The index file: releases and their statements, already parsed, so that loading
 * never re-reads a release. Versioned: a file of another format version is refused. The
 * file's layout (columns) is fileLayout.ts's; in memory it is IndexData.
 */

export { IndexFormatError };

/** Builds the index from parsed releases; the same release (same content id) is kept once. */
export function buildIndex(releases: readonly ParsedRelease[], built = new Date().toISOString()): IndexData {
  const seen = new Set<string>();
  const kept = releases.filter((r) => (seen.has(r.release.id) ? false : (seen.add(r.release.id), true)));
  // Oldest first, so that positions follow publication order.
  const ordered = [...kept].sort((a, b) => a.release.date.localeCompare(b.release.date) || a.release.id.localeCompare(b.release.id));
  const out: IndexData = { format: INDEX_FORMAT, version: INDEX_VERSION, built, releases: [], statements: [] };
  ordered.forEach((r, i) => {
    out.releases.push(r.release);
    for (const s of r.statements) out.statements.push({ ...s, release: i });
  });
  out.search = searchData(out.statements);
  return out;
}

/** The index file's text: fileLayout.ts's header as JSON on one line, then the statements' texts, then their word streams. */
export function serializeIndex(data: IndexData): string {
  const { header, texts, streams } = encodeIndex(data);
  return JSON.stringify(header) + HEADER_END + texts.join('') + streams;
}

// (The format has no character a regular expression treats specially.)
const INDEX_START = new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*${JSON.stringify(INDEX_FORMAT)}`);

/** Whether a text begins as an index file of any version does: its first key is the format (as serializeIndex writes it). */
export function looksLikeIndex(text: string): boolean {
  return INDEX_START.test(text);
}

/**
 * Reads an index file, checking its format and version, then every part of it: a damaged
 * file is refused here with what is wrong (IndexFormatError). The statements' texts are
 * slices of `text` (fileLayout.ts), so the index keeps `text` alive while it lives.
 */
export function loadIndex(text: string): IndexData {
  if (typeof text !== 'string') throw new IndexFormatError('not an On the Record index: not text');
  const end = text.indexOf(HEADER_END);
  const headerEnd = end < 0 ? text.length : end;
  let header: unknown;
  try {
    header = JSON.parse(text.slice(0, headerEnd));
  } catch (e) {
    throw new IndexFormatError(`not an On the Record index: its first line is not JSON (${(e as Error).message})`);
  }
  if (!isObject(header) || header.format !== INDEX_FORMAT) {
    throw new IndexFormatError(`not an On the Record index (expected "format": "${INDEX_FORMAT}")`);
  }
  // An older file is refused, not converted: rebuilding it is one command. (Version 3, plain JSON
  // with the texts inside, has no line break, so its whole text is read as the header.)
  if (header.version !== INDEX_VERSION) {
    throw new IndexFormatError(
      `index format version ${JSON.stringify(header.version)} is not supported (this version reads ${INDEX_VERSION}); rebuild it with "otr index"`,
    );
  }
  return decodeIndex(header, text, Math.min(text.length, headerEnd + HEADER_END.length));
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
