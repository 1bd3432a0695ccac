/**
 * The bundled index merged with the reader's imported releases, as the matcher reads it.
 *
 * Merging re-reads every statement's words (buildIndex), which for an imported archive takes
 * seconds (6 s at 100,000 statements on the bench machine), and the browser stops an idle
 * worker after half a minute: merged afresh on every start, a large archive would make the
 * first highlight after each pause wait that long. So the merged index file is kept beside the
 * releases, under a key naming what it was made of (the bundled index's build time and the
 * releases' revision), and a later start loads it (a few hundred milliseconds at 100,000)
 * when the key still matches.
 *
 * The revision is read before the releases: a change between the two makes the key stale,
 * which costs a merge on the next start, never a kept index that misses a change. A kept
 * index that does not load (damaged, or of an older index version) is merged again.
 */
import { loadIndex, serializeIndex, type IndexData } from '../../core';
import { mergeIndex } from '../../core/import/releases';
import type { ReleaseStore } from './releaseStore';

export async function mergedIndex(bundled: IndexData, store: ReleaseStore): Promise<IndexData> {
  const key = `${bundled.built} ${await store.revision()}`;
  const kept = await store.readMergedIndex().catch(() => null);
  if (kept?.key === key) {
    try {
      return loadIndex(kept.text);
    } catch {
      // Merged again below, and kept again.
    }
  }
  const mine = (await store.all()).map((r) => r.parsed);
  if (!mine.length) return bundled;
  const data = mergeIndex(bundled, mine).data;
  // Written after the answer that asked for the index has gone (serialising is most of a
  // second at 100,000 statements); a failure (a full disk) only means merging next time.
  if (data !== bundled) setTimeout(() => void store.saveMergedIndex({ key, text: serializeIndex(data) }).catch(() => undefined), 0);
  return data;
}
