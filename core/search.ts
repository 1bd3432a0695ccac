/**
 * Search of the index for the popup: speakers (name, rank, role) and words of statements.
 *
 * fuse.js searches only short things here: the index's distinct words and the words of its
 * speakers, to take a query word to the words it may mean (a typo, another ending). The
 * statements are then found through the index's own term lists, as the matcher finds them.
 * Run over the statements' texts instead, fuse.js took 0.3–0.9 s a query at 10,000
 * statements and 4–9 s at 100,000, on every key the reader typed.
 * Passage matching is the matcher's job, not this one's.
 */
import { expandRank, speakerKey, speakerName } from './speakers';
import Fuse from 'fuse.js';
import type { IndexData, SearchData } from './types';
import { searchData } from './index/searchData';
import { forEachHolder } from './index/wordStreams';
import { tokenize } from './text/tokens';
import { termOf } from './text/terms';

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

/**
 * fuse.js over words, as word similarity: a match must start the word (`location` 0; one that
 * starts three letters in scores 3 / `distance` more), so "work" finds "working" and "worked"
 * but not "network", and a threshold of 0.2 allows one typo in five letters ("groming").
 */
const NEAR = { threshold: 0.2, location: 0, distance: 8 };
/** At most this many of the index's words stand for one query word. */
const ALTERNATIVES = 8;
/** The query's first this many words are searched. */
const QUERY_WORDS = 8;

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
  const search: SearchData = data.search ?? searchData(data.statements);
  const N = data.statements.length;
  const words = search.file.words;
  const termNumber = new Map(search.file.terms.map((t, i) => [t, i]));
  // (Numbers, "#" and their value, are matched exactly only.)
  const plain: number[] = [];
  words.forEach((w, i) => w.charCodeAt(0) !== 35 && plain.push(i));
  const wordFuse = new Fuse(plain.map((i) => words[i]), NEAR);

  // Each distinct speaker once, with its statements; and the words of speakers' names, ranks and roles.
  const speakerIds = new Map<string, number>();
  const speakerStatements: number[][] = [];
  const speakerWords = new Map<string, Set<number>>();
  const described = new Set<object>();
  data.statements.forEach((s, i) => {
    if (!s.speaker) return;
    // One person, however each release gives the rank ("CC", "Chief Constable") or role.
    const key = speakerKey(s.speaker);
    let id = speakerIds.get(key);
    if (id === undefined) {
      speakerIds.set(key, (id = speakerStatements.length));
      speakerStatements.push([]);
    }
    // The words of every way the releases describe them (the index keeps each description once).
    if (!described.has(s.speaker)) {
      described.add(s.speaker);
      const sp = s.speaker;
      for (const t of tokenize(`${sp.rank ?? ''} ${sp.rank ? expandRank(sp.rank) : ''} ${sp.name ?? ''} ${sp.role ?? ''} ${sp.organisation ?? ''}`)) {
        if (!speakerWords.has(t.norm)) speakerWords.set(t.norm, new Set());
        speakerWords.get(t.norm)!.add(id);
      }
    }
    speakerStatements[id].push(i);
  });
  const speakerFuse = new Fuse([...speakerWords.keys()], NEAR);
  // A query word that names the speaker counts as much as the rarest word of the index (a term
  // held by one statement): readers search people first.
  const nameWeight = Math.log(1 + N);

  /** The content terms a query word may mean: its own, and those of the index's words near it. */
  function termsFor(norm: string, num: boolean): number[] {
    const out = new Set<number>();
    const own = termOf({ norm, num });
    if (own !== null && termNumber.has(own)) out.add(termNumber.get(own)!);
    if (!num && own !== null) {
      for (const hit of wordFuse.search(norm, { limit: ALTERNATIVES })) {
        const t = search.wordTerms[plain[hit.refIndex]];
        if (t >= 0) out.add(t);
      }
    }
    return [...out];
  }

  /** The speakers a query word may name (exactly, or a word near it). */
  function speakersFor(norm: string): Set<number> {
    const out = new Set<number>(speakerWords.get(norm) ?? []);
    if (norm.length > 2) for (const hit of speakerFuse.search(norm, { limit: ALTERNATIVES })) for (const id of speakerWords.get(hit.item)!) out.add(id);
    return out;
  }

  return {
    search(query: string, limit = 20): SearchHit[] {
      const q = query.trim().slice(0, 200);
      const tokens = tokenize(q).slice(0, QUERY_WORDS);
      if (!tokens.length || limit < 1) return [];
      // Per statement: the query words it holds (each weighs its rarest meaning), and how many.
      const score = new Float64Array(N);
      const held = new Uint8Array(N);
      const seen = new Uint8Array(N);
      /** A statement holds the query word: it weighs `weight` (its first meaning found; `seen` marks who has it already). */
      const give = (d: number, weight: number) => {
        if (!seen[d]) {
          seen[d] = 1;
          score[d] += weight;
        }
      };
      let asked = 0;
      for (const t of tokens) {
        const terms = termsFor(t.norm, t.num);
        const speakers = t.num ? new Set<number>() : speakersFor(t.norm);
        if (!terms.length && !speakers.size) continue;
        asked++;
        seen.fill(0);
        for (const id of speakers) for (const d of speakerStatements[id]) give(d, nameWeight);
        for (const term of terms) {
          const weight = Math.log(1 + N / Math.max(1, search.file.termCounts[term]));
          forEachHolder(search, term, (d) => give(d, weight));
        }
        for (let d = 0; d < N; d++) held[d] += seen[d];
      }
      if (!asked) return [];
      // Most query words held first, then the weightier, then the latest release (statements are
      // in publication order): the best `limit`, kept in order as the statements go by.
      const before = (a: number, b: number) => held[a] > held[b] || (held[a] === held[b] && (score[a] > score[b] || (score[a] === score[b] && a > b)));
      const best: number[] = [];
      for (let d = 0; d < N; d++) {
        if (!held[d] || (best.length === limit && !before(d, best[limit - 1]))) continue;
        let k = Math.min(best.length, limit - 1);
        best[k] = d;
        for (; k > 0 && before(d, best[k - 1]); k--) [best[k], best[k - 1]] = [best[k - 1], best[k]];
      }
      return best.map((d) => {
        const s = data.statements[d];
        const rel = data.releases[s.release];
        return {
          statement: d,
          speaker: speakerName(s.speaker) || null,
          date: rel?.date ?? '',
          title: rel?.title ?? '',
          snippet: snippetOf(s.text, q),
          score: 1 - held[d] / asked,
        };
      });
    },
  };
}
