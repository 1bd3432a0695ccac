/**
 * Candidate retrieval: an inverted index from content terms to statements, scored
 * by the inverse document frequency of the terms a passage shares with each.
 * The lists are made on load from the statements' word streams (statementWords.ts).
 */

/** The statements holding each term, as retrieval reads them. */
export interface TermLists {
  /** How many statements hold term t. */
  count(t: number): number;
  /** The statements holding term t, ascending. */
  list(t: number): Int32Array;
  /** Term t's statements as bits (statement d is bit d), when kept so; null: search its list. */
  bits(t: number): Uint32Array | null;
}

/** Whether the ascending list holds doc, searching from `from` (galloping then binary); returns the position reached. */
function seek(list: Int32Array, doc: number, from: number): number {
  let step = 1;
  let hi = from;
  while (hi < list.length && list[hi] < doc) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > list.length) hi = list.length;
  let lo = from;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const EMPTY = new Int32Array(0);

/** Terms a passage is scored by, at most (one bit each in a set of terms). */
const MAX_TERMS = 12;

export class TermIndex {
  private readonly ids = new Map<string, number>();
  // Scratch space for candidates(), kept between queries: a query would otherwise allocate
  // (and the garbage collector sweep) as much again as it reads.
  private readonly masks: Uint16Array;
  private readonly touched: Int32Array;
  private readonly grouped: Int32Array;
  private readonly count = new Int32Array(1 << MAX_TERMS);
  private readonly weight = new Float64Array(1 << MAX_TERMS);
  private readonly start = new Int32Array((1 << MAX_TERMS) + 1);
  private readonly fill = new Int32Array(1 << MAX_TERMS);

  /** `lists`: the statements holding each of `terms`, by its position. */
  constructor(terms: readonly string[], private readonly lists: TermLists, readonly size: number) {
    terms.forEach((t, i) => this.ids.set(t, i));
    this.masks = new Uint16Array(size); // (MAX_TERMS bits: half the memory a query touches at random)
    this.touched = new Int32Array(size);
    this.grouped = new Int32Array(size);
  }

  df(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.lists.count(id);
  }

  /** ln(1 + N / (df + 0.5)): rare terms weigh most; a term nobody used weighs most of all. */
  idf(term: string): number {
    return Math.log(1 + this.size / (this.df(term) + 0.5));
  }

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
    return [...use.slice(0, MAX_TERMS), ...unknown];
  }

  /**
   * The statements sharing the most weight of the passage's scoring terms, best first: at most
   * `limit`, each weighing at least `floor` and at least `relative` of the best's weight.
   *
   * Exact, but it reads only what it must (the MaxScore idea). Terms are taken rarest first;
   * once the terms left could not lift a statement not yet seen to the floor, no new statement
   * is admitted. The admitted statements are then grouped by which of those rare terms they
   * hold, and the groups taken heaviest first: the common terms are only looked up (galloping
   * search) for a statement that could still enter the best `limit`, and a common term's long
   * list is never read through.
   */
  candidates(terms: readonly string[], limit: number, floor = 0, relative = 0.3): { doc: number; score: number }[] {
    const use = this.scoringTerms(terms)
      .filter((t) => this.ids.has(t))
      .slice(0, MAX_TERMS) // one bit each in the masks below
      .map((t) => ({ id: this.ids.get(t)!, w: this.idf(t) }));
    const T = use.length;
    // What the terms from j on could still add.
    const rest = new Float64Array(T + 1);
    for (let j = T - 1; j >= 0; j--) rest[j] = rest[j + 1] + use[j].w;
    const admit = Math.max(floor, 1e-9) - 1e-9;
    // Rare terms: each statement holding any is admitted, with the set of those it holds as
    // bits; `count` tells how many statements hold each set, `weight` what each set weighs.
    const { masks, touched, grouped, count, weight, start, fill } = this;
    let admitted = 0;
    let e = 0;
    for (; e < T && rest[e] >= admit; e++) {
      // Once `limit` statements already weigh more than all the terms left could give an
      // unseen one, no unseen statement can enter the best `limit`: stop admitting.
      if (e > 0 && heavierThan(count, weight, 1 << e, rest[e] + 1e-9) >= limit) break;
      const { id, w } = use[e];
      const list = this.lists.list(id);
      const bit = 1 << e;
      for (let k = 0; k < list.length; k++) {
        const d = list[k];
        const m = masks[d];
        if (m === 0) touched[admitted++] = d;
        else count[m]--;
        count[m | bit]++;
        masks[d] = m | bit;
      }
      for (let m = 0; m < bit; m++) weight[m | bit] = weight[m] + w;
    }
    const groups = 1 << e;
    if (admitted === 0) return [];
    // Group the admitted statements by the rare terms they hold: a counting sort on the bits.
    // A group too light to reach the floor with every other term is never looked at: its
    // statements (most of those admitted, holding one rare term) are not even placed.
    for (let g = 1; g < groups; g++) if (weight[g] + rest[e] < admit) count[g] = 0;
    start[1] = 0;
    for (let g = 1; g < groups; g++) start[g + 1] = start[g] + count[g];
    fill.set(start.subarray(0, groups));
    for (let k = 0; k < admitted; k++) {
      const d = touched[k];
      const m = masks[d];
      if (count[m] > 0) grouped[fill[m]++] = d;
      masks[d] = 0;
    }
    const order: { mask: number; w: number }[] = [];
    for (let mask = 1; mask < groups; mask++) if (count[mask] > 0) order.push({ mask, w: weight[mask] });
    count.fill(0, 0, groups);
    order.sort((x, y) => y.w - x.w);
    const top = new TopK(limit);
    const pos = new Int32Array(T);
    // Common terms are looked up: in their bits, else by searching their lists.
    const bitsets = use.map((u, j) => (j >= e ? this.lists.bits(u.id) : null));
    const lists = use.map((u, j) => (j >= e && !bitsets[j] ? this.lists.list(u.id) : EMPTY));
    let best = 0;
    const bar = () => Math.max(admit, best * relative - 1e-9, top.full() ? top.worst() - 1e-9 : -Infinity);
    for (const { mask, w } of order) {
      // No statement in this group, or any lighter one, can reach the bar any more.
      if (w + rest[e] < bar()) break;
      // A group's statements are in ascending order (all were admitted by the same, its
      // rarest, term), so each common term's list is searched onwards from the last find.
      pos.fill(0);
      for (let k = start[mask]; k < start[mask + 1]; k++) {
        const d = grouped[k];
        let s = w;
        const b = bar();
        for (let j = e; j < T && s + rest[j] >= b; j++) {
          const bits = bitsets[j];
          if (bits) {
            if ((bits[d >>> 5] >>> (d & 31)) & 1) s += use[j].w;
            continue;
          }
          const list = lists[j];
          const p = (pos[j] = seek(list, d, pos[j]));
          if (p < list.length && list[p] === d) s += use[j].w;
        }
        if (s >= b) {
          top.add(d, s);
          if (s > best) best = s;
        }
      }
    }
    const min = Math.max(admit, best * relative - 1e-9);
    return top.sorted().filter((c) => c.score >= min);
  }
}

/** How many statements hold a set of terms weighing more than `than`. */
function heavierThan(count: Int32Array, weight: Float64Array, sets: number, than: number): number {
  let n = 0;
  for (let m = 1; m < sets; m++) if (weight[m] > than) n += count[m];
  return n;
}

/** The best `limit` (score, then earliest position), kept in a small binary heap whose root is the worst. */
class TopK {
  private readonly items: { doc: number; score: number }[] = [];
  constructor(private readonly limit: number) {}
  full(): boolean {
    return this.items.length >= this.limit;
  }
  worst(): number {
    return this.items[0].score;
  }
  private worse(a: { doc: number; score: number }, b: { doc: number; score: number }): boolean {
    return a.score < b.score || (a.score === b.score && a.doc > b.doc);
  }
  add(doc: number, score: number): void {
    const h = this.items;
    const item = { doc, score };
    if (h.length < this.limit) {
      h.push(item);
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.worse(h[i], h[p])) break;
        [h[i], h[p]] = [h[p], h[i]];
        i = p;
      }
      return;
    }
    if (!this.worse(h[0], item)) return;
    h[0] = item;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.worse(h[l], h[m])) m = l;
      if (r < h.length && this.worse(h[r], h[m])) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
  sorted(): { doc: number; score: number }[] {
    return [...this.items].sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
