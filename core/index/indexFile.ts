import { searchData } from './searchData';
import { INDEX_FORMAT, INDEX_VERSION, type IndexData, type IndexedStatement, type ParsedRelease, type ReleaseInfo } from '../types';

/**
 * The index file: releases and their statements, already parsed, so that loading
 * never re-reads a release. Versioned: a file of another format version is refused.
 */

export class IndexFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexFormatError';
  }
}

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

export function serializeIndex(data: IndexData): string {
  return JSON.stringify(data);
}

/** Reads an index file (text or already-parsed JSON), checking its format and version. */
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
  if (data.version !== INDEX_VERSION) {
    throw new IndexFormatError(
      `index format version ${JSON.stringify(data.version)} is not supported (this version reads ${INDEX_VERSION}); rebuild it with "otr index"`,
    );
  }
  const { releases, statements } = data;
  if (!Array.isArray(releases) || !Array.isArray(statements)) throw new IndexFormatError('index is damaged: releases or statements missing');
  releases.forEach((r, i) => {
    if (!isRelease(r)) throw new IndexFormatError(`index is damaged: release ${i} is malformed`);
  });
  statements.forEach((s, i) => {
    if (!isStatement(s, releases.length)) throw new IndexFormatError(`index is damaged: statement ${i} is malformed`);
  });
  const search = data.search;
  if (search !== undefined) {
    const ok =
      isObject(search) && Array.isArray(search.terms) && Array.isArray(search.postings) &&
      search.terms.length === search.postings.length && typeof search.words === 'string';
    if (!ok) throw new IndexFormatError('index is damaged: its search section is malformed');
  }
  return data as unknown as IndexData;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isRelease(r: unknown): r is ReleaseInfo {
  return isObject(r) && typeof r.id === 'string' && typeof r.date === 'string' && /^\d{4}-\d\d-\d\d$/.test(r.date) && typeof r.title === 'string';
}

function isStatement(s: unknown, releases: number): s is IndexedStatement {
  if (!isObject(s)) return false;
  const sp = s.speaker;
  const speakerOk = sp === null || (isObject(sp) && typeof sp.name === 'string');
  return (
    (s.kind === 'quote' || s.kind === 'narrative') &&
    speakerOk &&
    typeof s.text === 'string' &&
    Number.isInteger(s.release) &&
    (s.release as number) >= 0 &&
    (s.release as number) < releases
  );
}
