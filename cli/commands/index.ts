/** `otr index [PATH...] [--out FILE]`: builds the index from release files and folders. */
import fs from 'node:fs';
import path from 'node:path';
import { buildIndex, describeSpeaker, formatWarning, serializeIndex, speakerKey, summariseWarnings, type IndexData, type Speaker } from '../../core/index';
import { CliError } from '../errors';
import { DEFAULT_RELEASES } from '../paths';
import { formatIssue, readReleases, type ReadResult } from '../readReleases';

export interface BuiltIndex {
  data: IndexData;
  read: ReadResult;
}

/**
 * Reads, parses and indexes the releases under `paths`. A file that cannot be a release is
 * left out and listed in `read.issues`; with `strict`, any such file is a CliError listing
 * every `file:line: reason` and nothing is built. No release at all is always an error.
 */
export function indexReleases(paths: string[], base: string, strict = true): BuiltIndex {
  const read = readReleases(paths, base);
  const skipped = new Set(read.issues.map((i) => i.file)).size;
  if (read.issues.length > 0 && (strict || read.parsed.length === 0)) {
    throw new CliError(
      `${skipped} of ${plural(read.files.length, 'release file')} could not be read; no index built`,
      false,
      read.issues.map(formatIssue),
    );
  }
  if (read.files.length === 0) throw new CliError(`no release files (*.txt, *.html, *.htm) in ${paths.join(', ')}`);
  return { data: buildIndex(read.parsed.map((p) => p.release)), read };
}

/** Writes a file whole or not at all: a temporary file in the same folder, then a rename. */
export function writeFileAtomic(file: string, content: string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new CliError(`cannot write ${file}: ${(err as Error).message}`);
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The readable summary printed by `otr index`: warnings counted by kind, or each one with `verbose`. */
export function summarise({ data, read }: BuiltIndex, verbose = false): string {
  const lines: string[] = [];
  const perRelease = data.releases.map(() => ({ quotes: 0, narrative: 0 }));
  const speakers = new Map<string, { speaker: Speaker; count: number }>();
  for (const st of data.statements) {
    const counts = perRelease[st.release];
    if (st.kind === 'quote') {
      if (counts) counts.quotes++;
      if (st.speaker) {
        const key = speakerKey(st.speaker);
        const entry = speakers.get(key) ?? { speaker: st.speaker, count: 0 };
        // Show the fullest description the releases give (a later line may name the role).
        if (!entry.speaker.role && st.speaker.role) entry.speaker = st.speaker;
        entry.count++;
        speakers.set(key, entry);
      }
    } else if (counts) counts.narrative++;
  }
  const quotes = perRelease.reduce((n, c) => n + c.quotes, 0);
  const narrative = perRelease.reduce((n, c) => n + c.narrative, 0);

  lines.push(
    `${plural(data.releases.length, 'release')}, ${plural(quotes, 'quotation')}, ` +
      `${plural(narrative, 'narrative statement')}, ${plural(speakers.size, 'speaker')}`,
  );
  const repeated = read.parsed.length - data.releases.length;
  if (repeated > 0) lines.push(`(from ${plural(read.files.length, 'file')}: ${repeated} repeated a release already read)`);
  lines.push('', 'Releases:');
  data.releases.forEach((r, i) => {
    const c = perRelease[i];
    const org = r.organisation ? `  ${r.organisation}` : '';
    lines.push(`  ${r.date}  ${r.source ?? r.id}${org}  (${plural(c.quotes, 'quotation')}, ${c.narrative} narrative)`);
  });
  if (speakers.size > 0) {
    lines.push('', 'Speakers:');
    for (const { speaker, count } of speakers.values()) {
      lines.push(`  ${describeSpeaker(speaker)}  (${plural(count, 'quotation')})`);
    }
  }
  const all = read.parsed.flatMap((p) => p.release.warnings.map((w) => ({ file: p.file.display, w })));
  lines.push('', all.length ? `Warnings (${all.length}):` : 'Warnings: none');
  if (verbose) for (const { file, w } of all) lines.push(`  ${file}:${formatWarning(w)}`);
  else {
    for (const k of summariseWarnings(all.map((a) => a.w))) {
      const first = all.find((a) => a.w.kind === k.kind)!;
      lines.push(`  ${String(k.count).padStart(5)}  ${k.label} (first: ${first.file}:${first.w.line})`);
    }
    if (all.length) lines.push('  (--verbose lists every one)');
  }
  if (read.issues.length) {
    const files = new Set(read.issues.map((i) => i.file)).size;
    lines.push('', `Skipped (${plural(files, 'file')} that could not be read as a release; listed on stderr)`);
  }
  return lines.join('\n');
}

export interface IndexOptions {
  paths: string[];
  out?: string;
  base: string;
  /** All or nothing: any file that cannot be read stops the build (exit 1, nothing written). */
  strict?: boolean;
  /** List every warning rather than counting them by kind. */
  verbose?: boolean;
}

/** Exit code of a build: 0 when every file was read, 3 when some were skipped (the index holds the rest). */
export const PARTIAL = 3;

export function runIndex(opts: IndexOptions, stdout: (s: string) => void, stderr: (s: string) => void = (s) => process.stderr.write(s)): number {
  const paths = opts.paths.length > 0 ? opts.paths : [displayDefault(opts.base)];
  const built = indexReleases(paths, opts.base, opts.strict ?? false);
  let report = summarise(built, opts.verbose);
  if (opts.out) {
    const out = path.resolve(opts.base, opts.out);
    const file = serializeIndex(built.data);
    writeFileAtomic(out, file);
    report += `\n\nWrote ${opts.out} (${Buffer.byteLength(file)} bytes).`;
  } else {
    report += '\n\nNothing written (no --out FILE given).';
  }
  stdout(report + '\n');
  if (built.read.issues.length === 0) return 0;
  for (const issue of built.read.issues) stderr(`${formatIssue(issue)}\n`);
  const files = new Set(built.read.issues.map((i) => i.file)).size;
  stderr(`otr: ${files} of ${plural(built.read.files.length, 'release file')} could not be read and ${files === 1 ? 'was' : 'were'} left out; the index holds the other ${plural(built.read.parsed.length, 'release')}\n`);
  return PARTIAL;
}

/** data/releases, shown relative to where the user is when it is below it. */
function displayDefault(base: string): string {
  const rel = path.relative(base, DEFAULT_RELEASES);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : DEFAULT_RELEASES;
}
