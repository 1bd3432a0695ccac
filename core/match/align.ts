import type { CompiledPassage, StatementCodes } from './codes';

/**
 * Word-level alignment of the passage against one statement: the whole passage
 * against the best stretch of the statement (free start and end in the statement),
 * minimising edits. Omissions marked by the writer (`…`) cost nothing; words the
 * writer put in brackets may stand for a few of the original's.
 */

export type Op =
  | { op: 'match' | 'fuzzy' | 'sub'; q: number; s: number }
  | { op: 'ins'; q: number }
  | { op: 'del'; s: number; free: 'gap' | 'bracket' | null; at: number }
  | { op: 'frame'; q: number };

export interface Alignment {
  ops: Op[];
  cost: number;
  /** Passage words matched exactly or as a spelling variant. */
  matched: number;
}

// In twentieths of an edit, so that the table is whole numbers (exact sums, half the memory of doubles):
// a changed or added word 1, a spelling variant 0.25, a word a bracket stands for 0.05, a word of the
// page's own framing 0.3. A dropped word costs a shade less than a changed one (0.95), so that of two
// alignments otherwise as cheap, the one that matches more words wins: "About half" against "About a
// quarter" keeps "About" matched (match, change, drop: 1.95) rather than starting a word later and
// changing both (2). (Cheaper than carrying a count of matches through the table.)
const UNIT = 20;
const COST = { sub: 20, ins: 20, del: 19, fuzzy: 5, bracketSkip: 1, frame: 6 };
const NEVER = 1 << 30;
const DIAG = 1, UP = 2, LEFT = 3, FRAME_START = 4, START = 0;

// The cost table and the way back through it, kept between alignments: most of a query's
// garbage would otherwise be these.
let costs = new Int32Array(0);
let moves = new Uint8Array(0);

/**
 * @param allowFraming whether whole sentences at either end of the passage may be
 *   left out as the page's own words (not when the passage put them in quote marks).
 */
export function align(p: CompiledPassage, s: StatementCodes, allowFraming: boolean): Alignment {
  const { ids: qid, skipBefore, sentenceStart, sentenceEnd } = p;
  const n = qid.length;
  const m = s.ids.length;
  const sid = s.ids;
  const fz = s.fuzzy;
  const W = m + 1;
  if (costs.length < (n + 1) * W) {
    costs = new Int32Array((n + 1) * W * 2);
    moves = new Uint8Array((n + 1) * W * 2);
  }
  const D = costs;
  const B = moves;
  // How passage word i (1-based) relates to statement word j (1-based).
  const cost = (i: number, j: number) => (sid[j - 1] === qid[i - 1] ? 0 : fz[j - 1] !== null && fz[j - 1]![i - 1] === 1 ? COST.fuzzy : COST.sub);
  for (let j = 0; j <= m; j++) {
    D[j] = 0;
    B[j] = START;
  }
  for (let i = 1; i <= n; i++) {
    const row = i * W;
    const prev = (i - 1) * W;
    const framed = allowFraming && sentenceStart[i] ? COST.frame * i : NEVER;
    // Column 0: the passage's first i words with no statement word yet.
    D[row] = D[prev] + COST.ins;
    B[row] = UP;
    if (framed < D[row]) {
      D[row] = framed;
      B[row] = FRAME_START;
    }
    const skip = skipBefore[i];
    const delCost = i === n ? COST.del : skip === 'gap' ? 0 : skip === 'bracket' ? COST.bracketSkip : COST.del;
    const q = qid[i - 1];
    for (let j = 1; j <= m; j++) {
      let best = D[prev + j - 1] + (sid[j - 1] === q ? 0 : fz[j - 1] !== null && fz[j - 1]![i - 1] === 1 ? COST.fuzzy : COST.sub);
      let from = DIAG;
      const up = D[prev + j] + COST.ins;
      if (up < best) {
        best = up;
        from = UP;
      }
      const left = D[row + j - 1] + delCost;
      if (left < best) {
        best = left;
        from = LEFT;
      }
      if (framed < best) {
        best = framed;
        from = FRAME_START;
      }
      D[row + j] = best;
      B[row + j] = from;
    }
  }
  // The end: any statement position; trailing sentences of the passage may be framing.
  let bestCost = NEVER;
  let bi = n;
  let bj = 0;
  for (let i = n; i >= 0; i--) {
    if (i < n && !(allowFraming && sentenceEnd[i])) continue;
    const tail = COST.frame * (n - i);
    for (let j = 0; j <= m; j++) {
      const c = D[i * W + j] + tail;
      if (c < bestCost) {
        bestCost = c;
        bi = i;
        bj = j;
      }
    }
  }
  const ops: Op[] = [];
  for (let k = n - 1; k >= bi; k--) ops.push({ op: 'frame', q: k });
  let i = bi;
  let j = bj;
  let matched = 0;
  const tail: Op[] = [];
  while (i > 0) {
    const b = B[i * W + j];
    if (b === DIAG) {
      const c = cost(i, j);
      const op = c === 0 ? 'match' : c === COST.fuzzy ? 'fuzzy' : 'sub';
      if (op !== 'sub') matched++;
      tail.push({ op, q: i - 1, s: j - 1 });
      i--;
      j--;
    } else if (b === UP) {
      tail.push({ op: 'ins', q: i - 1 });
      i--;
    } else if (b === LEFT) {
      const skip = i === n ? null : skipBefore[i];
      tail.push({ op: 'del', s: j - 1, free: skip, at: i });
      j--;
    } else if (b === FRAME_START) {
      for (let k = i - 1; k >= 0; k--) tail.push({ op: 'frame', q: k });
      i = 0;
    } else break;
  }
  ops.push(...tail);
  ops.reverse();
  return { ops, cost: bestCost / UNIT, matched };
}
