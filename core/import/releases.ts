import { parseRelease } from '../parse/parseRelease';
import { ReleaseParseError } from '../parse/errors';
import { buildIndex, IndexFormatError, loadIndex, looksLikeIndex } from '../index/indexFile';
import { INDEX_FORMAT, type IndexData, type ParsedRelease, type ParseWarning, type Speaker } from '../types';
import { WARNING_LABELS } from '../parse/warnings';
import { releaseProblem } from './validate';
import { releaseId } from '../releaseId';
import { firstMiscutText } from '../index/textCheck';
import { withoutInvisibles } from '../text/clip';

export { releaseProblem };

/**
 * Importing releases: the release layout (.txt), exported release files (.json) and otr
 * index files (.otr); merging them with the bundled index; exporting them again.
 */

export const RELEASES_FORMAT = 'on-the-record/releases';
export const RELEASES_VERSION = 1;

export interface ReleasesFile {
  format: typeof RELEASES_FORMAT;
  version: number;
  /** ISO timestamp of the export. */
  exported: string;
  releases: ParsedRelease[];
}

/** Releases files and passages are small; a release far bigger than this is not one. */
export const MAX_IMPORT_CHARS = 5 * 1024 * 1024;
/**
 * An export or an index holds a whole archive: about 2 KB a release, so this is some 50,000
 * releases (an export of 20,000 is about 40 MB). Past it, a file is refused with its size rather
 * than held in memory.
 */
export const MAX_ARCHIVE_CHARS = 100 * 1024 * 1024;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function issue(file: string, reason: string, line = 1): never {
  throw new ReleaseParseError([{ file, line, reason }]);
}

function cleanRelease(r: ParsedRelease): ParsedRelease {
  const { id, date, url, source } = r.release;
  // Bidi controls and zero-width characters out of every field shown: a name cannot display as another.
  const title = withoutInvisibles(r.release.title);
  const organisation = r.release.organisation ? withoutInvisibles(r.release.organisation) : undefined;
  return {
    release: { id, date, title, ...(organisation ? { organisation } : {}), ...(url ? { url } : {}), ...(source ? { source: withoutInvisibles(source) } : {}) },
    statements: r.statements.map((s) => ({
      kind: s.kind,
      speaker: s.speaker ? cleanSpeaker(s.speaker) : null,
      text: withoutInvisibles(s.text),
      line: s.line,
    })),
    warnings: (r.warnings ?? []).map(cleanWarning),
  };
}

function cleanSpeaker(s: Speaker): Speaker {
  const clean = (v: string | null) => (v === null ? null : withoutInvisibles(v));
  const out: Speaker = { name: clean(s.name), rank: clean(s.rank), role: clean(s.role) };
  if (s.honorific) out.honorific = withoutInvisibles(s.honorific);
  if (s.organisation) out.organisation = withoutInvisibles(s.organisation);
  return out;
}

const KINDS = new Set(Object.keys(WARNING_LABELS));

/** A warning from a file: exports made before warnings had kinds hold "line N: message". */
function cleanWarning(w: ParseWarning | string): ParseWarning {
  if (typeof w === 'string') {
    const m = /^line (\d+): ([\s\S]*)$/.exec(w);
    return { line: m ? Number(m[1]) : 1, kind: 'other', message: m ? m[2] : w };
  }
  return { line: w.line, kind: KINDS.has(w.kind) ? w.kind : 'other', message: w.message };
}

/** The releases of an index, each with its statements (positions dropped). */
export function releasesOfIndex(data: IndexData): ParsedRelease[] {
  const out: ParsedRelease[] = data.releases.map((release) => ({ release, statements: [], warnings: [] }));
  for (const { release, ...st } of data.statements) out[release]?.statements.push(st);
  return out;
}

/** Reads an exported releases file or an otr index file (by its content, whatever its name). Throws ReleaseParseError naming `name`. */
export function readReleasesJson(name: string, text: string): ParsedRelease[] {
  text = text.replace(/^\uFEFF/, '');
  // An index file is a JSON header and then the texts, so not JSON as a whole: it is known by its start.
  if (looksLikeIndex(text)) {
    let data: IndexData;
    try {
      data = loadIndex(text);
    } catch (e) {
      if (e instanceof IndexFormatError) issue(name, e.message);
      throw e;
    }
    // Lengths shifted between statements but adding up still pass the layout's checks: the
    // word streams tell where each text really begins and ends. An index without them (every
    // index otr index builds has them) could not be held to its texts.
    if (!data.search) issue(name, 'index has no word streams to hold its texts against (a damaged or hand-made file): rebuild it with "otr index"');
    const shifted = firstMiscutText(data);
    if (shifted >= 0) {
      issue(name, `index is damaged: statement ${shifted}'s text does not begin and end where it did when the index was built (a text length is wrong, or a text was changed since); rebuild it with "otr index"`);
    }
    const releases = releasesOfIndex(data);
    // loadIndex checks what the matcher needs; an imported release must pass the same
    // strict checks as one from an export file (a speaker's rank that is text, an http(s) url…).
    releases.forEach((r, i) => {
      const problem = releaseProblem(r);
      if (problem) issue(name, `release ${i + 1}: ${problem}`);
    });
    // An index holds each release once: two that claim one id mean a damaged or forged file.
    const first = new Map<string, number>();
    releases.forEach((r, i) => {
      const at = first.get(r.release.id);
      if (at !== undefined) issue(name, `release ${i + 1} has the id of release ${at + 1} (${r.release.id}): an index holds each release once`);
      first.set(r.release.id, i);
    });
    return releases.map(cleanRelease).map(ownId);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    issue(name, `not JSON (${(e as Error).message})`);
  }
  if (!isObj(data) || data.format !== RELEASES_FORMAT) {
    issue(name, `not an On the Record file (expected "format": "${RELEASES_FORMAT}" or "${INDEX_FORMAT}")`);
  }
  if (data.version !== RELEASES_VERSION) {
    issue(name, `releases file version ${JSON.stringify(data.version)} is not supported (this version reads ${RELEASES_VERSION})`);
  }
  if (!Array.isArray(data.releases)) issue(name, 'releases missing');
  const releases = data.releases as unknown[];
  if (releases.length === 0) issue(name, 'the file holds no release');
  releases.forEach((r, i) => {
    const problem = releaseProblem(r);
    if (problem) issue(name, `release ${i + 1}: ${problem}`);
  });
  return (releases as ParsedRelease[]).map(cleanRelease).map(ownId);
}

/**
 * The release with the id its content has: an id in a file is never taken on trust (a forged
 * file could otherwise give other words a genuine release's id and shadow it). A different id
 * in the file is noted as a warning.
 */
function ownId(r: ParsedRelease): ParsedRelease {
  const id = releaseId(r);
  if (id === r.release.id) return r;
  const warning: ParseWarning = { line: 1, kind: 'id-recomputed', message: `the file gave this release the id ${r.release.id}, which its content does not have: read with its own id, ${id}` };
  return { ...r, release: { ...r.release, id }, warnings: [...r.warnings, warning] };
}

export type ImportKind = 'txt' | 'json' | 'html';

/** The kind of file by its name (.json or an .otr index, .html/.htm); text otherwise. */
export function importKind(name: string): ImportKind {
  if (/\.(json|otr)$/i.test(name)) return 'json';
  if (/\.x?html?$/i.test(name)) return 'html';
  return 'txt';
}

/**
 * A release file's own address: a first line that is a bare http(s) address (as `otr crawl`
 * writes it; the parser skips such a line as a link). Undefined when the file gives none.
 */
export function addressLine(text: string): string | undefined {
  const first = /^\uFEFF?[ \t]*(\S*)[ \t]*(?:\r?\n|$)/.exec(text)?.[1] ?? '';
  return /^https?:\/\/[^\s"<>]+$/i.test(first) && first.length <= 2048 ? first : undefined;
}

/**
 * Reads one file to import: a release in the text layout (.txt, or a pasted text) or
 * a .json releases file or an .otr index file. (.html needs a DOM: extract the article first, then
 * `htmlToReleaseText`.) Throws ReleaseParseError with the file and line of the problem.
 */
export function readImport(name: string, text: string, url?: string): ParsedRelease[] {
  if (typeof text !== 'string') issue(name, 'not text');
  const kind = importKind(name);
  const limit = kind === 'json' ? MAX_ARCHIVE_CHARS : MAX_IMPORT_CHARS;
  if (text.length > limit) issue(name, `too large (${text.length} characters; the limit is ${limit})`);
  if (kind === 'html') issue(name, 'an HTML page must have its article extracted first');
  if (kind === 'json') return readReleasesJson(name, text);
  return [parseRelease(text, name, url ?? addressLine(text))];
}

/** An exported releases file for `releases`. */
export function exportReleases(releases: readonly ParsedRelease[], exported = new Date().toISOString()): ReleasesFile {
  return { format: RELEASES_FORMAT, version: RELEASES_VERSION, exported, releases: releases.map(cleanRelease) };
}

/** The same release (same content id) kept once, first seen wins. */
export function dedupeReleases(releases: readonly ParsedRelease[]): ParsedRelease[] {
  const seen = new Set<string>();
  return releases.filter((r) => (seen.has(r.release.id) ? false : (seen.add(r.release.id), true)));
}

export interface Merged {
  data: IndexData;
  /** Ids of imported releases the bundled index already holds. */
  alreadyBundled: string[];
}

/**
 * The bundled index with the reader's releases added: a release already bundled,
 * or imported twice, is kept once. With nothing to add, the bundled index is returned as is.
 */
export function mergeIndex(bundled: IndexData, imported: readonly ParsedRelease[]): Merged {
  const ids = new Set(bundled.releases.map((r) => r.id));
  const alreadyBundled = imported.filter((r) => ids.has(r.release.id)).map((r) => r.release.id);
  const fresh = dedupeReleases(imported.filter((r) => !ids.has(r.release.id)));
  if (fresh.length === 0) return { data: bundled, alreadyBundled };
  return { data: buildIndex([...releasesOfIndex(bundled), ...fresh], bundled.built), alreadyBundled };
}
