/** `otr index [PATH...] [--out FILE]`: builds the index from release files and folders. */
import fs from 'node:fs';
import path from 'node:path';
import { buildIndex, serializeIndex, type IndexData, type Speaker } from '../../core/index';
import { CliError } from '../errors';
import { DEFAULT_RELEASES } from '../paths';
import { formatIssue, readReleases, type ReadResult } from '../readReleases';

export interface BuiltIndex {
  data: IndexData;
  read: ReadResult;
}

/**
 * Reads, parses and indexes the releases under `paths`. Throws a CliError listing every
 * `file:line: reason` when any file cannot be used, or when there is no release at all.
 */
export function indexReleases(paths: string[], base: string): BuiltIndex {
  const read = readReleases(paths, base);
  if (read.issues.length > 0) {
    const files = new Set(read.issues.map((i) => i.file)).size;
    throw new CliError(
      `${files} of ${plural(read.files.length, 'release file')} could not be read; no index built`,
      false,
      read.issues.map(formatIssue),
    );
  }
  if (read.files.length === 0) throw new CliError(`no release files (*.txt) in ${paths.join(', ')}`);
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

function describeSpeaker(s: Speaker): string {
  const who = [s.rank, s.name].filter(Boolean).join(' ');
  return s.role ? `${who}, ${s.role}` : who;
}

/** The readable summary printed by `otr index`. */
export function summarise({ data, read }: BuiltIndex): string {
  const lines: string[] = [];
  const perRelease = data.releases.map(() => ({ quotes: 0, narrative: 0 }));
  const speakers = new Map<string, { speaker: Speaker; count: number }>();
  for (const st of data.statements) {
    const counts = perRelease[st.release];
    if (st.kind === 'quote') {
      if (counts) counts.quotes++;
      if (st.speaker) {
        const key = st.speaker.name.toLowerCase();
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
  const warnings = read.parsed.flatMap((p) => p.release.warnings.map((w) => `  ${p.file.display}: ${w}`));
  lines.push('', warnings.length ? `Warnings (${warnings.length}):` : 'Warnings: none');
  lines.push(...warnings);
  return lines.join('\n');
}

export interface IndexOptions {
  paths: string[];
  out?: string;
  base: string;
}

export function runIndex(opts: IndexOptions, stdout: (s: string) => void): void {
  const paths = opts.paths.length > 0 ? opts.paths : [displayDefault(opts.base)];
  const built = indexReleases(paths, opts.base);
  let report = summarise(built);
  if (opts.out) {
    const out = path.resolve(opts.base, opts.out);
    const file = serializeIndex(built.data);
    writeFileAtomic(out, file);
    report += `\n\nWrote ${opts.out} (${Buffer.byteLength(file)} bytes).`;
  } else {
    report += '\n\nNothing written (no --out FILE given).';
  }
  stdout(report + '\n');
}

/** data/releases, shown relative to where the user is when it is below it. */
function displayDefault(base: string): string {
  const rel = path.relative(base, DEFAULT_RELEASES);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : DEFAULT_RELEASES;
}
