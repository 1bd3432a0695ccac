/**
 * Candidate retrieval: an inverted index from content terms to statements, scored
 * by the inverse document frequency of the terms a passage shares with each.
 * Cheap enough to run over every statement; the alignment then looks closely at
 * the few best.
 */
export class TermIndex {
  private readonly ids = new Map<string, number>();
  private readonly postings: Int32Array[] = [];
  readonly size: number;
  private readonly scores: Float64Array;

  constructor(statementTerms: readonly (readonly string[])[]) {
    this.size = statementTerms.length;
    const lists: number[][] = [];
    statementTerms.forEach((terms, doc) => {
      for (const t of terms) {
        let id = this.ids.get(t);
        if (id === undefined) {
          id = lists.length;
          this.ids.set(t, id);
          lists.push([]);
        }
        lists[id].push(doc);
      }
    });
    for (const l of lists) this.postings.push(Int32Array.from(l));
    this.scores = new Float64Array(this.size);
  }

  df(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.postings[id].length;
  }

  /** ln(1 + N / (df + 0.5)): rare terms weigh most; a term nobody used weighs most of all. */
  idf(term: string): number {
    return Math.log(1 + this.size / (this.df(term) + 0.5));
  }

  /**
   * The statements sharing the most weight of terms with the passage, best first:
   * at most `limit`, and only those within reach of the best.
   */
  candidates(terms: readonly string[], limit: number): { doc: number; score: number }[] {
    const weighted = terms
      .map((t) => ({ id: this.ids.get(t), w: this.idf(t) }))
      .filter((x): x is { id: number; w: number } => x.id !== undefined)
      .sort((a, b) => b.w - a.w);
    // Very common terms add little and cost much; with enough rarer ones, leave them out.
    const common = this.size * 0.25;
    const rare = weighted.filter((x) => this.postings[x.id].length <= common);
    const use = rare.length >= 3 ? rare : weighted;
    const touched: number[] = [];
    const scores = this.scores;
    for (const { id, w } of use) {
      const list = this.postings[id];
      for (let k = 0; k < list.length; k++) {
        const d = list[k];
        if (scores[d] === 0) touched.push(d);
        scores[d] += w;
      }
    }
    let top: { doc: number; score: number }[] = [];
    let best = 0;
    for (const d of touched) if (scores[d] > best) best = scores[d];
    const floor = best * 0.3;
    for (const d of touched) {
      if (scores[d] >= floor) top.push({ doc: d, score: scores[d] });
      scores[d] = 0;
    }
    top.sort((a, b) => b.score - a.score || a.doc - b.doc);
    if (top.length > limit) top = top.slice(0, limit);
    return top;
  }
}
