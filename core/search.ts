/**
 * Search of the index for the popup: speakers, words of quotations, release
 * titles, fuzzy through fuse.js. Fine for names and words; passage matching is
 * the matcher's job, not this one's.
 */
import Fuse from 'fuse.js';
import type { IndexData } from './types';

export interface SearchHit {
  /** Position of the statement in IndexData.statements. */
  statement: number;
  speaker: string | null;
  date: string;
  title: string;
  /** The start of the statement's text (or the part that matched). */
  snippet: string;
  score: number;
}

export interface IndexSearch {
  search(query: string, limit?: number): SearchHit[];
}

interface Doc {
  i: number;
  speaker: string;
  role: string;
  text: string;
  title: string;
}

function snippetOf(text: string, query: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 2);
  const lower = flat.toLowerCase();
  let at = -1;
  for (const w of words) {
    at = lower.indexOf(w);
    if (at >= 0) break;
  }
  if (at < 0 || at < max / 2) return flat.slice(0, max - 1).trimEnd() + '…';
  const start = Math.max(0, at - 40);
  const piece = flat.slice(start, start + max - 2).trim();
  return '…' + piece + (start + max - 2 < flat.length ? '…' : '');
}

export function createSearch(data: IndexData): IndexSearch {
  const docs: Doc[] = data.statements.map((s, i) => ({
    i,
    speaker: s.speaker ? [s.speaker.rank, s.speaker.name].filter(Boolean).join(' ') : '',
    role: s.speaker?.role ?? '',
    text: s.text,
    title: data.releases[s.release]?.title ?? '',
  }));
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'speaker', weight: 3 },
      { name: 'role', weight: 1 },
      { name: 'title', weight: 1.5 },
      { name: 'text', weight: 2 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.3,
    minMatchCharLength: 2,
    useExtendedSearch: false,
  });
  return {
    search(query: string, limit = 20): SearchHit[] {
      const q = query.trim().slice(0, 200);
      if (!q) return [];
      return fuse.search(q, { limit }).map((r) => {
        const s = data.statements[r.item.i]!;
        const rel = data.releases[s.release];
        return {
          statement: r.item.i,
          speaker: r.item.speaker || null,
          date: rel?.date ?? '',
          title: rel?.title ?? '',
          snippet: snippetOf(s.text, q),
          score: r.score ?? 1,
        };
      });
    },
  };
}
