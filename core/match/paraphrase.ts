import type { Token } from '../text/tokens';
import { contentTerms } from '../text/terms';

/**
 * How much of what the passage says is said by a stretch of one statement (one to
 * three consecutive sentences), weighing each content term by how rare it is.
 * Word order and function words do not count: this is for reported speech and
 * summaries, which are never presented as quotations.
 */
export interface Sentences {
  parts: Token[][];
  /** Each content term of the statement and the sentences that hold it. */
  where: Map<string, number[]>;
}

/** A statement's sentences and their content terms (worth keeping beside its tokens). */
export function sentencesOf(statement: readonly Token[], statementText: string): Sentences {
  const parts = splitSentences(statement, statementText);
  const where = new Map<string, number[]>();
  parts.forEach((ts, k) => {
    for (const t of contentTerms(ts)) {
      const l = where.get(t);
      if (!l) where.set(t, [k]);
      else if (l[l.length - 1] !== k) l.push(k);
    }
  });
  return { parts, where };
}

export function coverage(
  passageTerms: readonly string[],
  { parts, where }: Sentences,
  idf: (term: string) => number,
): { coverage: number; shared: number; span: [number, number] } {
  const K = passageTerms.length;
  const S = parts.length;
  if (K === 0) return { coverage: 0, shared: 0, span: [0, 0] };
  const weights = passageTerms.map(idf);
  const total = weights.reduce((n, w) => n + w, 0);
  // holds[x * K + k]: sentence x holds passage term k, or a close form of it (safe / safer).
  const holds = new Uint8Array(S * K);
  passageTerms.forEach((t, k) => {
    for (const x of where.get(t) ?? []) holds[x * K + k] = 1;
    if (t.startsWith('#') || t.length < 4) return;
    const initial = t.charCodeAt(0);
    for (const [u, at] of where) {
      // (Close forms begin alike: most terms are ruled out by their first letter.)
      if (u.charCodeAt(0) === initial && u !== t && u.length >= 4 && closeForms(u, t)) for (const x of at) holds[x * K + k] = 1;
    }
  });
  let best: { coverage: number; shared: number; span: [number, number] } = { coverage: 0, shared: 0, span: [0, 0] };
  const inStretch = new Uint8Array(K);
  for (let a = 0; a < S; a++) {
    inStretch.fill(0);
    for (let b = a; b < Math.min(S, a + 3); b++) {
      for (let k = 0; k < K; k++) inStretch[k] |= holds[b * K + k];
      let w = 0;
      let shared = 0;
      for (let k = 0; k < K; k++) {
        if (inStretch[k]) {
          w += weights[k];
          shared++;
        }
      }
      const c = w / total;
      if (c > best.coverage) {
        const last = parts[b][parts[b].length - 1];
        best = { coverage: c, shared, span: [parts[a][0].start, last.end] };
      }
    }
  }
  return best;
}

/** One word a few letters longer than the other, which it begins with (safe / safer). */
function closeForms(a: string, b: string): boolean {
  return a.length < b.length ? b.length - a.length <= 2 && b.startsWith(a) : a.length - b.length <= 2 && a.startsWith(b);
}

/** Whether text[from, to) holds a sentence's end: . ! ? ; or a line break. */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 10) return true;
  }
  return false;
}

function splitSentences(tokens: readonly Token[], text: string): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (cur.length && endsSentence(text, tokens[k - 1].end, tokens[k].start)) {
      out.push(cur);
      cur = [];
    }
    cur.push(tokens[k]);
  }
  if (cur.length) out.push(cur);
  return out;
}
