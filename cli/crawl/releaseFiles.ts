/**
 * Where `otr crawl` keeps releases: `DIR/<host>/<year>/<YYYY-MM-DD>-<slug>.txt`, in the text
 * layout, its first line the release's address (which `otr index` reads as its url, and the
 * parser passes by as a link line). A page becomes a release the way `otr index page.html`
 * makes one (`pageToRelease`). Every file is checked before it is written: read back, it must
 * give the same release. It is written whole or not at all (a temporary file, then a rename).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedRelease, Statement } from '../../core/types';
import type { Converted, ReleasePage, ReleaseSink } from '../../lib/crawl/crawler';
import { hostFolder } from '../../lib/crawl/urls';
import { writeFileAtomic } from '../commands/index';
import { pageToRelease, parseFile } from '../readReleases';

/** A file name's slug: the address's last path segment, or else the title's first words. */
export function slugOf(url: string, title: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\.(?:s?html?|php|aspx?|jsp)$/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '');
  let last = '';
  try {
    last = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '');
  } catch {
    last = '';
  }
  const fromUrl = clean(last);
  // A bare number (an old CMS's id) says nothing; the title says what the release is.
  if (fromUrl && !/^\d+$/.test(fromUrl) && fromUrl.length >= 3) return fromUrl;
  return clean(title.split(/\s+/).slice(0, 8).join(' ')) || 'release';
}

function speakerOf(s: Statement): string {
  return JSON.stringify(s.speaker);
}

/** Why `back` (read from the file) is not the release `page` gave, or null when it is the same. */
export function roundTripDifference(page: ParsedRelease, back: ParsedRelease): string | null {
  const a = page.release;
  const b = back.release;
  for (const key of ['id', 'date', 'title', 'organisation', 'url'] as const) {
    if (a[key] !== b[key]) return `its ${key} read back as ${JSON.stringify(b[key])}, not ${JSON.stringify(a[key])}`;
  }
  if (page.statements.length !== back.statements.length) return `${back.statements.length} statements read back, not ${page.statements.length}`;
  for (let i = 0; i < page.statements.length; i++) {
    const s = page.statements[i];
    const t = back.statements[i];
    if (s.kind !== t.kind || s.text !== t.text || speakerOf(s) !== speakerOf(t)) return `statement ${i + 1} read back differently`;
  }
  return null;
}

export class ReleaseFiles implements ReleaseSink {
  /** Names taken in this run, so two releases saved at once never share one. */
  private readonly taken = new Set<string>();

  constructor(readonly dir: string) {}

  convert(page: ReleasePage): Converted {
    const name = `${slugOf(page.url, '') || 'page'}.html`;
    try {
      return pageToRelease(name, page.html, { url: page.url, ...(page.fallbackDate ? { fallbackDate: page.fallbackDate } : {}) });
    } catch (err) {
      // A ReleaseParseError names the file and line; the crawl names the address.
      const issues = (err as { issues?: { line: number; reason: string }[] }).issues;
      throw new Error(issues?.length ? issues.map((i) => i.reason).join('; ') : `could not read the page: ${(err as Error).message}`);
    }
  }

  place(converted: Converted, canonical: string): string {
    const { date, title } = converted.release.release;
    const folder = path.join(hostFolder(canonical), date.slice(0, 4));
    const stem = `${date}-${slugOf(canonical, title)}`;
    for (let n = 1; ; n++) {
      const rel = path.join(folder, `${stem}${n === 1 ? '' : `-${n}`}.txt`);
      if (!this.taken.has(rel) && !fs.existsSync(path.join(this.dir, rel))) {
        this.taken.add(rel);
        return rel;
      }
    }
  }

  write(place: string, converted: Converted, canonical: string): void {
    const content = `${canonical}\n${converted.text}`;
    // The file must read back as the release the page gave: the same path `otr index` takes.
    const back = parseFile(path.basename(place), content)[0];
    const page = { ...converted.release, release: { ...converted.release.release, url: canonical } };
    const difference = back ? roundTripDifference(page, back) : 'nothing read back';
    if (difference) throw new Error(`not saved: the release file would not read back the same (${difference})`);
    try {
      writeFileAtomic(path.join(this.dir, place), content);
    } finally {
      this.taken.delete(place);
    }
  }
}
