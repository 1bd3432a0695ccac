import { searchData } from './searchData';
import { IndexFormatError } from './errors';
import { decodeIndex, encodeIndex } from './fileLayout';
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

/** The index file's text: the columns of fileLayout.ts, as JSON. */
export function serializeIndex(data: IndexData): string {
  return JSON.stringify(encodeIndex(data));
}

/**
 * Reads an index file (text or already-parsed JSON), checking its format and version, then
 * every part of it: a damaged file is refused here with what is wrong (IndexFormatError).
 */
export function loadIndex(input: string | unknown): IndexData {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      throw new IndexFormatError(`not an On the Record index: not JSON (${(e as Error).message})`);
    }
  }
  if (!isObject(data) || data.format !== INDEX_FORMAT) {
    throw new IndexFormatError(`not an On the Record index (expected "format": "${INDEX_FORMAT}")`);
  }
  // An older file (version 1 kept an object a statement) is refused, not converted: rebuilding it is one command.
  if (data.version !== INDEX_VERSION) {
    throw new IndexFormatError(
      `index format version ${JSON.stringify(data.version)} is not supported (this version reads ${INDEX_VERSION}); rebuild it with "otr index"`,
    );
  }
  return decodeIndex(data);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
