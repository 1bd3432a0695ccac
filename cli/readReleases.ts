/**
 * Node-side reading of release files: walking folders, checking that a file is text
 * (no NUL bytes, valid UTF-8), normalising it, and handing it to the core parser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseRelease, ReleaseParseError, type ParsedRelease, type ParseIssue } from '../core/index';
import { addressLine, importKind, MAX_ARCHIVE_CHARS, readReleasesJson } from '../core/import/releases';
import { parseHTML } from 'linkedom';
import { pageReleaseText, type PageOptions } from '../lib/import/page';
import { CliError } from './errors';
import { readBoundedFile } from './files';

/** Releases and passages are a few kilobytes; anything far bigger is not one. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

export interface ReleaseFile {
  /** The path as shown to the user (the argument, joined with the path inside a folder). */
  display: string;
  /** Absolute path. */
  absolute: string;
}

export interface ReadResult {
  files: ReleaseFile[];
  /** The files that parsed, in walking order. */
  parsed: { file: ReleaseFile; release: ParsedRelease }[];
  /** One entry per problem; `file` is the display path. Empty when every file parsed. */
  issues: ParseIssue[];
}

/**
 * Expands files and folders into release files: a file is taken as given, a folder is
 * walked recursively for *.txt, *.html and *.htm (names starting with "." skipped), sorted by code point.
 * A missing path throws a CliError; the same file reached twice is read once.
 */
export function collectReleaseFiles(paths: string[], base = process.cwd()): ReleaseFile[] {
  const files: ReleaseFile[] = [];
  const seen = new Set<string>();
  const visitedDirs = new Set<string>();

  const add = (display: string, absolute: string) => {
    const real = fs.realpathSync(absolute);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ display, absolute });
  };

  const walk = (display: string, absolute: string) => {
    const real = fs.realpathSync(absolute);
    if (visitedDirs.has(real)) return; // symlink loop or folder given twice
    visitedDirs.add(real);
    let names: string[];
    try {
      names = fs.readdirSync(absolute).filter((n) => !n.startsWith('.'));
    } catch (err) {
      throw new CliError(`cannot read folder ${display}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const abs = path.join(absolute, name);
      const disp = path.join(display, name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(abs);
      } catch {
        continue; // dangling symlink
      }
      if (stat.isDirectory()) walk(disp, abs);
      else if (stat.isFile() && /\.(?:txt|html?)$/i.test(name)) add(disp, abs);
    }
  };

  for (const p of paths) {
    const absolute = path.resolve(base, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new CliError(`no such file or folder: ${p}`);
    }
    if (stat.isDirectory()) walk(p, absolute);
    else if (stat.isFile()) add(p, absolute);
    else throw new CliError(`not a file or folder: ${p}`);
  }
  return files;
}

/** 1-based line of a byte offset. */
function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The first line whose bytes are not valid UTF-8 (a newline byte never sits inside a UTF-8 sequence). */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
    line++;
  }
  return 1;
}

/**
 * Turns bytes (a release file, a passage on stdin) into text: refuses binary data and
 * invalid UTF-8, and drops a byte-order mark. (Line endings are the parser's: it reads
 * CRLF and CR as LF.)
 */
export function decodeText(bytes: Uint8Array, limit = MAX_TEXT_BYTES): { text: string } | { line: number; reason: string } {
  if (bytes.length > limit) {
    return { line: 1, reason: `too large (${bytes.length} bytes; the limit is ${limit})` };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { line: lineOfOffset(bytes, nul), reason: 'not text (binary data: NUL bytes)' };
  let text: string;
  try {
    // ignoreBOM: false (the default) strips a leading UTF-8 byte-order mark.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { line: firstInvalidUtf8Line(bytes), reason: 'not text (invalid UTF-8)' };
  }
  return { text };
}

export type { PageOptions };

/**
 * A release page (HTML) as a release: its article extracted with Readability, in the text
 * layout (`text`), and that text parsed. What `otr index page.html` and `otr crawl` both do,
 * and the extension's import too (lib/import/page.ts; here with linkedom for the DOM).
 */
export function pageToRelease(name: string, html: string, opts: PageOptions = {}): { text: string; release: ParsedRelease } {
  const page = pageReleaseText(parseHTML(html).document as unknown as Document, name, opts);
  return { text: page.text, release: parseRelease(page.text, name, page.url) };
}


/**
 * One file's releases: a release in the text layout, a saved release page (.html, .htm:
 * its article extracted with Readability), a .json releases file or an .otr index file.
 * `opts` (optional) tells a page's address and the date to fall back on.
 */
export function parseFile(name: string, text: string, opts: PageOptions = {}): ParsedRelease[] {
  if (importKind(name) === 'json') return readReleasesJson(name, text);
  if (/\.x?html?$/i.test(name)) return [pageToRelease(name, text, opts).release];
  return [parseRelease(text, name, addressLine(text) ?? opts.url)];
}

/** Reads and parses every release file; collects every problem instead of stopping at the first. */
export function readReleases(paths: string[], base = process.cwd()): ReadResult {
  const files = collectReleaseFiles(paths, base);
  const parsed: ReadResult['parsed'] = [];
  const issues: ParseIssue[] = [];
  for (const file of files) {
    // Never more than the limit read (a file can change between the walk and here). An export or
    // an index holds a whole archive: its limit is the core's for archives (an export of 20,000
    // releases is about 40 MB).
    const limit = importKind(file.absolute) === 'json' ? MAX_ARCHIVE_CHARS : MAX_TEXT_BYTES;
    const read = readBoundedFile(file.absolute, limit);
    if ('reason' in read) {
      issues.push({ file: file.display, line: 1, reason: /^too large/.test(read.reason) ? read.reason : `cannot read (${read.reason})` });
      continue;
    }
    const decoded = decodeText(read.bytes, limit);
    if (!('text' in decoded)) {
      issues.push({ file: file.display, ...decoded });
      continue;
    }
    try {
      for (const release of parseFile(path.basename(file.absolute), decoded.text)) parsed.push({ file, release });
    } catch (err) {
      if (err instanceof ReleaseParseError) {
        // The parser names the file by its base name; show the path the user can find.
        for (const issue of err.issues) issues.push({ ...issue, file: file.display });
      } else {
        issues.push({ file: file.display, line: 1, reason: `parser failed: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
  }
  return { files, parsed, issues };
}

export function formatIssue(issue: ParseIssue): string {
  return `${issue.file}:${issue.line}: ${issue.reason}`;
}
