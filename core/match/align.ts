import type { Token } from '../text/tokens';
import type { Passage } from './passage';
import { wordsOf } from './passage';
import type { CompareWords } from './similarity';

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

const COST = { sub: 1, ins: 1, del: 1, fuzzy: 0.25, bracketSkip: 0.05, frame: 0.3 };
const DIAG = 1, UP = 2, LEFT = 3, FRAME_START = 4, START = 0;

/**
 * @param allowFraming whether whole sentences at either end of the passage may be
 *   left out as the page's own words (not when the passage put them in quote marks).
 */
export function align(passage: Passage, s: readonly Token[], allowFraming: boolean, sameWord: CompareWords): Alignment {
  const q = wordsOf(passage);
  const n = q.length;
  const m = s.length;
  // What stands before passage word i (a gap or a bracket) lets statement words be skipped there.
  const skipBefore: ('gap' | 'bracket' | null)[] = new Array(n + 1).fill(null);
  const sentenceStart: boolean[] = new Array(n + 1).fill(false);
  const sentenceEnd: boolean[] = new Array(n + 1).fill(false);
  {
    let i = 0;
    for (const it of passage.items) {
      if (it.type === 'word') {
        sentenceStart[i] = it.sentenceStart;
        sentenceEnd[i + 1] = it.sentenceEnd;
        i++;
      } else if (it.type === 'gap') skipBefore[i] = 'gap';
      else if (skipBefore[i] !== 'gap') skipBefore[i] = 'bracket';
    }
  }
  const W = m + 1;
  const D = new Float64Array((n + 1) * W);
  const B = new Uint8Array((n + 1) * W);
  for (let j = 0; j <= m; j++) {
    D[j] = 0;
    B[j] = START;
  }
  for (let i = 1; i <= n; i++) {
    const qi = q[i - 1];
    const row = i * W;
    const prev = (i - 1) * W;
    const framed = allowFraming && sentenceStart[i] ? COST.frame * i : Infinity;
    // Column 0: the passage's first i words with no statement word yet.
    D[row] = D[prev] + COST.ins;
    B[row] = UP;
    if (framed < D[row]) {
      D[row] = framed;
      B[row] = FRAME_START;
    }
    const skip = skipBefore[i];
    const delCost = skip === 'gap' ? 0 : skip === 'bracket' ? COST.bracketSkip : COST.del;
    for (let j = 1; j <= m; j++) {
      const sj = s[j - 1];
      const c = qi.norm === sj.norm && qi.num === sj.num ? 'same' : sameWord(qi, sj, i === 1, i === n);
      let best = D[prev + j - 1] + (c === 'same' ? 0 : c === 'fuzzy' ? COST.fuzzy : COST.sub);
      let from = DIAG;
      const up = D[prev + j] + COST.ins;
      if (up < best) {
        best = up;
        from = UP;
      }
      const left = D[row + j - 1] + (i === n ? COST.del : delCost);
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
  let bestCost = Infinity;
  let bi = n;
  let bj = 0;
  for (let i = n; i >= 0; i--) {
    if (i < n && !(allowFraming && sentenceEnd[i])) continue;
    const tail = COST.frame * (n - i);
    for (let j = 0; j <= m; j++) {
      const c = D[i * W + j] + tail;
      if (c < bestCost - 1e-9) {
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
      const c = sameWord(q[i - 1], s[j - 1], i === 1, i === n);
      const op = c === 'same' ? 'match' : c === 'fuzzy' ? 'fuzzy' : 'sub';
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
  return { ops, cost: bestCost, matched };
}
