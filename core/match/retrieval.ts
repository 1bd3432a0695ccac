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
  // The set of rare terms each statement holds, as bits: the first eight in one byte, the rest
  // (a passage seldom needs them) in another. Retrieval reads and writes this at random, and
  // one byte a statement rather than two made it about 8% faster at 100,000 statements.
  private readonly masks: Uint8Array;
  private readonly masksHigh: Uint8Array;
  private readonly touched: Int32Array;
  private readonly grouped: Int32Array;
  private readonly count = new Int32Array(1 << MAX_TERMS);
  private readonly weight = new Float64Array(1 << MAX_TERMS);
  private readonly start = new Int32Array((1 << MAX_TERMS) + 1);
  private readonly fill = new Int32Array(1 << MAX_TERMS);
  private readonly top = new TopK();
  private readonly termIds = new Int32Array(MAX_TERMS);
  private readonly termWeights = new Float64Array(MAX_TERMS);
  private readonly rest = new Float64Array(MAX_TERMS + 1);
  private readonly pos = new Int32Array(MAX_TERMS);
  private readonly order = new Int32Array(1 << MAX_TERMS);
  private readonly lookBits: (Uint32Array | null)[] = new Array<Uint32Array | null>(MAX_TERMS).fill(null);
  private readonly lookLists: Int32Array[] = new Array<Int32Array>(MAX_TERMS).fill(EMPTY);

  /** `lists`: the statements holding each of `terms`, by its position. */
  constructor(terms: readonly string[], private readonly lists: TermLists, readonly size: number) {
    terms.forEach((t, i) => this.ids.set(t, i));
    this.masks = new Uint8Array(size);
    this.masksHigh = new Uint8Array(size);
    this.touched = new Int32Array(size);
    this.grouped = new Int32Array(size);
  }

  /**
   * Term t's statements, from one place in the code: reached from the admission too, it is warm
   * when a query first needs a common term's list. (A call site of its own, first reached after
   * candidates() was compiled, had V8 discard and recompile it again and again: 11 times in
   * 2,800 queries.)
   */
  private listOf(t: number): Int32Array {
    return this.lists.list(t);
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
      .slice(0, MAX_TERMS); // one bit each in the masks below
    const T = use.length;
    // Everything the loops below read is in arrays kept between queries, of one type each: arrays
    // made afresh each query (of objects, or of lists and nulls) had the optimiser throw its code
    // for this function away again and again, leaving a slow query each time.
    const { masks, masksHigh, touched, grouped, count, weight, start, fill, termIds: ids, termWeights: w, rest, pos, order, lookBits, lookLists } = this;
    use.forEach((t, j) => {
      ids[j] = this.ids.get(t)!;
      w[j] = this.idf(t);
    });
    // What the terms from j on could still add.
    rest[T] = 0;
    for (let j = T - 1; j >= 0; j--) rest[j] = rest[j + 1] + w[j];
    const admit = Math.max(floor, 1e-9) - 1e-9;
    // Rare terms: each statement holding any is admitted, with the set of those it holds as
    // bits; `count` tells how many statements hold each set, `weight` what each set weighs.
    let admitted = 0;
    let e = 0;
    for (; e < T && rest[e] >= admit; e++) {
      // Once `limit` statements already weigh more than all the terms left could give an
      // unseen one, no unseen statement can enter the best `limit`: stop admitting.
      if (e > 0 && heavierThan(count, weight, 1 << e, rest[e] + 1e-9) >= limit) break;
      const list = this.listOf(ids[e]);
      const bit = 1 << e;
      if (e < 8) {
        for (let k = 0; k < list.length; k++) {
          const d = list[k];
          const m = masks[d];
          if (m === 0) touched[admitted++] = d;
          else count[m]--;
          count[m | bit]++;
          masks[d] = m | bit;
        }
      } else {
        for (let k = 0; k < list.length; k++) {
          const d = list[k];
          const m = masks[d] | (masksHigh[d] << 8);
          if (m === 0) touched[admitted++] = d;
          else count[m]--;
          count[m | bit]++;
          masksHigh[d] = (m | bit) >>> 8;
        }
      }
      for (let m = 0; m < bit; m++) weight[m | bit] = weight[m] + w[e];
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
      const m = e <= 8 ? masks[d] : masks[d] | (masksHigh[d] << 8);
      if (count[m] > 0) grouped[fill[m]++] = d;
      masks[d] = 0;
    }
    if (e > 8) for (let k = 0; k < admitted; k++) masksHigh[touched[k]] = 0;
    // The groups, heaviest first (the lower set first among equals).
    let groupCount = 0;
    for (let mask = 1; mask < groups; mask++) if (count[mask] > 0) order[groupCount++] = mask;
    count.fill(0, 0, groups);
    order.subarray(0, groupCount).sort((x, y) => weight[y] - weight[x] || x - y);
    const top = this.top;
    top.reset(limit);
    // Common terms are looked up: in their bits, else by searching their lists.
    for (let j = e; j < T; j++) {
      const bits = this.lists.bits(ids[j]);
      lookBits[j] = bits;
      lookLists[j] = bits === null ? this.listOf(ids[j]) : EMPTY;
    }
    let best = 0;
    // What a statement must weigh to enter the best `limit`, as they stand.
    let bar = admit;
    for (let g = 0; g < groupCount; g++) {
      const mask = order[g];
      const wg = weight[mask];
      // No statement in this group, or any lighter one, can reach the bar any more.
      if (wg + rest[e] < bar) break;
      // A group's statements are in ascending order (all were admitted by the same, its
      // rarest, term), so each common term's list is searched onwards from the last find.
      pos.fill(0);
      for (let k = start[mask]; k < start[mask + 1]; k++) {
        const d = grouped[k];
        let s = wg;
        for (let j = e; j < T && s + rest[j] >= bar; j++) {
          const bits = lookBits[j];
          if (bits !== null) {
            if ((bits[d >>> 5] >>> (d & 31)) & 1) s += w[j];
            continue;
          }
          const list = lookLists[j];
          const p = (pos[j] = seek(list, d, pos[j]));
          if (p < list.length && list[p] === d) s += w[j];
        }
        if (s >= bar) {
          top.add(d, s);
          if (s > best) best = s;
          bar = Math.max(admit, best * relative - 1e-9, top.full() ? top.worst() - 1e-9 : -Infinity);
        }
      }
    }
    lookBits.fill(null);
    lookLists.fill(EMPTY);
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

/**
 * The best `limit` statements (score, then earliest position), kept in a binary heap whose root is
 * the worst. Typed arrays, kept between queries: an object a query here made the optimiser throw its
 * code away again and again (its array's element kind changed under it), a slow query each time.
 */
class TopK {
  private docs = new Int32Array(64);
  private scores = new Float64Array(64);
  private size = 0;
  private limit = 0;
  reset(limit: number): void {
    if (this.docs.length < limit) {
      this.docs = new Int32Array(limit);
      this.scores = new Float64Array(limit);
    }
    this.size = 0;
    this.limit = limit;
  }
  full(): boolean {
    return this.size >= this.limit;
  }
  worst(): number {
    return this.scores[0];
  }
  /** Whether the item at a is worse than the item at b. */
  private worse(a: number, b: number): boolean {
    const { scores, docs } = this;
    return scores[a] < scores[b] || (scores[a] === scores[b] && docs[a] > docs[b]);
  }
  private swap(a: number, b: number): void {
    const { scores, docs } = this;
    const s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    const d = docs[a];
    docs[a] = docs[b];
    docs[b] = d;
  }
  add(doc: number, score: number): void {
    const { scores, docs } = this;
    if (this.size < this.limit) {
      let i = this.size++;
      docs[i] = doc;
      scores[i] = score;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.worse(i, p)) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    // Only an item better than the worst kept takes its place.
    if (!(scores[0] < score || (scores[0] === score && docs[0] > doc))) return;
    docs[0] = doc;
    scores[0] = score;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.worse(l, m)) m = l;
      if (r < this.size && this.worse(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }
  /** Best first, as plain objects (the only allocation, and a small one). */
  sorted(): { doc: number; score: number }[] {
    const out: { doc: number; score: number }[] = [];
    for (let k = 0; k < this.size; k++) out.push({ doc: this.docs[k], score: this.scores[k] });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
