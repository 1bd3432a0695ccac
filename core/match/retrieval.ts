/**
 * Candidate retrieval: an inverted index from content terms to statements, scored
 * by the inverse document frequency of the terms a passage shares with each.
 * Postings are kept in the index file delta-encoded in base 36 and decoded on first
 * use, so that loading a large index costs little more than reading its JSON.
 */

export interface Postings {
  /** Content terms, in the order of `lists`. */
  terms: string[];
  /** For each term, the statements using it: ascending positions, delta-encoded in base 36, comma-separated. */
  lists: string[];
}

export function encodePostings(statementTerms: readonly (readonly string[])[]): Postings {
  const byTerm = new Map<string, number[]>();
  statementTerms.forEach((terms, doc) => {
    for (const t of terms) {
      let l = byTerm.get(t);
      if (!l) byTerm.set(t, (l = []));
      l.push(doc);
    }
  });
  const terms = [...byTerm.keys()].sort();
  const lists: string[] = new Array(terms.length);
  for (let i = 0; i < terms.length; i++) {
    const docs = byTerm.get(terms[i])!;
    const parts: string[] = [];
    let prev = 0;
    for (const d of docs) {
      parts.push((d - prev).toString(36));
      prev = d;
    }
    lists[i] = parts.join(',');
  }
  return { terms, lists };
}

function decode(list: string): Int32Array {
  const parts = list.split(',');
  const out = new Int32Array(parts.length);
  let prev = 0;
  for (let k = 0; k < parts.length; k++) {
    prev += parseInt(parts[k], 36);
    out[k] = prev;
  }
  return out;
}

export class TermIndex {
  private readonly ids = new Map<string, number>();
  private readonly decoded: (Int32Array | undefined)[];
  private readonly scores: Float64Array;

  constructor(private readonly postings: Postings, readonly size: number) {
    postings.terms.forEach((t, i) => this.ids.set(t, i));
    this.decoded = new Array(postings.terms.length);
    this.scores = new Float64Array(size);
  }

  private list(id: number): Int32Array {
    return (this.decoded[id] ??= decode(this.postings.lists[id]));
  }

  df(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.list(id).length;
  }

  /** ln(1 + N / (df + 0.5)): rare terms weigh most; a term nobody used weighs most of all. */
  idf(term: string): number {
    return Math.log(1 + this.size / (this.df(term) + 0.5));
  }

  /**
   * The statements sharing the most weight of terms with the passage, best first:
   * at most `limit`, and only those with at least `minShare` of the best's weight.
   */
  /**
   * The terms a passage is scored by: its rarest, leaving out very common ones when
   * there are enough others (they add little and cost much); a dozen is plenty even
   * for a long passage. Terms no statement uses are kept too: they weigh against
   * every candidate.
   */
  scoringTerms(terms: readonly string[]): string[] {
    const known = terms.filter((t) => this.ids.has(t));
    const unknown = terms.filter((t) => !this.ids.has(t));
    const common = this.size * 0.25;
    const rare = known.filter((t) => this.df(t) <= common);
    const use = (rare.length >= 3 ? rare : known).sort((a, b) => this.idf(b) - this.idf(a));
    return [...use.slice(0, 12), ...unknown];
  }

  candidates(terms: readonly string[], limit: number, minShare = 0.3): { doc: number; score: number }[] {
    const use = this.scoringTerms(terms)
      .filter((t) => this.ids.has(t))
      .map((t) => ({ id: this.ids.get(t)!, w: this.idf(t) }));
    const touched: number[] = [];
    const scores = this.scores;
    for (const { id, w } of use) {
      const list = this.list(id);
      for (let k = 0; k < list.length; k++) {
        const d = list[k];
        if (scores[d] === 0) touched.push(d);
        scores[d] += w;
      }
    }
    let best = 0;
    for (const d of touched) if (scores[d] > best) best = scores[d];
    const floor = best * minShare;
    let top: { doc: number; score: number }[] = [];
    for (const d of touched) {
      if (scores[d] >= floor) top.push({ doc: d, score: scores[d] });
      scores[d] = 0;
    }
    top.sort((a, b) => b.score - a.score || a.doc - b.doc);
    if (top.length > limit) top = top.slice(0, limit);
    return top;
  }
}
