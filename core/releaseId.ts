/**
 * A release's id: a hash of what the record says (date, title, organisation, and each
 * statement's kind, speaker and words; not where it was found, its address or file name), so that the same release read from a .txt, a page, an
 * export or an index file has one id, and an id can always be recomputed rather than taken on
 * trust. A file that gives a genuine release's id to other words cannot make them that release.
 */
import { contentHash } from './text/hash';
import type { ParsedRelease, Speaker } from './types';

const SEP = '\u001f';

function speakerKey(s: Speaker | null): string {
  if (!s) return '';
  return [s.name ?? '', s.rank ?? '', s.role ?? '', s.honorific ?? '', s.organisation ?? ''].join(SEP);
}

export function releaseId(r: Pick<ParsedRelease, 'release' | 'statements'>): string {
  const { date, title, organisation } = r.release;
  const parts = [date, title, organisation ?? ''];
  for (const s of r.statements) parts.push(s.kind, speakerKey(s.speaker), s.text);
  return contentHash(parts.join('\u001e'));
}

/** The record with its id recomputed from its content. */
export function withContentId<T extends Pick<ParsedRelease, 'release' | 'statements'>>(r: T): T {
  const id = releaseId(r);
  return id === r.release.id ? r : { ...r, release: { ...r.release, id } };
}
