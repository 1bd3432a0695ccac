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
  terms: string[][];
  /** Each content term of the statement and the sentences that hold it. */
  where: Map<string, number[]>;
}

/** A statement's sentences and their content terms (worth keeping beside its tokens). */
export function sentencesOf(statement: readonly Token[], statementText: string): Sentences {
  const parts = splitSentences(statement, statementText);
  const terms = parts.map((ts) => contentTerms(ts));
  const where = new Map<string, number[]>();
  terms.forEach((ts, k) => {
    for (const t of ts) {
      const l = where.get(t);
      if (!l) where.set(t, [k]);
      else if (l[l.length - 1] !== k) l.push(k);
    }
  });
  return { parts, terms, where };
}

export function coverage(
  passageTerms: readonly string[],
  { parts, terms: sentences, where }: Sentences,
  idf: (term: string) => number,
): { coverage: number; shared: number; span: [number, number] } {
  if (passageTerms.length === 0) return { coverage: 0, shared: 0, span: [0, 0] };
  const weights = passageTerms.map(idf);
  const total = weights.reduce((n, w) => n + w, 0);
  // For each passage term, the sentences holding it or a close form of it.
  const holding = passageTerms.map((t) => sentencesHolding(t, where));
  let best: { coverage: number; shared: number; span: [number, number] } = { coverage: 0, shared: 0, span: [0, 0] };
  for (let a = 0; a < sentences.length; a++) {
    for (let b = a; b < Math.min(sentences.length, a + 3); b++) {
      let w = 0;
      let shared = 0;
      holding.forEach((at, k) => {
        if (at.some((x) => x >= a && x <= b)) {
          w += weights[k];
          shared++;
        }
      });
      const c = w / total;
      if (c > best.coverage) {
        const last = parts[b][parts[b].length - 1];
        best = { coverage: c, shared, span: [parts[a][0].start, last.end] };
      }
    }
  }
  return best;
}

/** The sentences holding a term, or a close form of it (safe / safer). */
function sentencesHolding(t: string, where: Map<string, number[]>): number[] {
  const exact = where.get(t) ?? [];
  if (t.startsWith('#') || t.length < 4) return exact;
  let out = exact;
  for (const [u, at] of where) {
    if (u === t || u.length < 4 || u.startsWith('#')) continue;
    const [short, long] = u.length < t.length ? [u, t] : [t, u];
    if (long.length - short.length <= 2 && long.startsWith(short)) out = out === exact ? [...exact, ...at] : [...out, ...at];
  }
  return out;
}

function splitSentences(tokens: readonly Token[], text: string): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (cur.length && /[.!?;\n]/.test(text.slice(tokens[k - 1].end, tokens[k].start))) {
      out.push(cur);
      cur = [];
    }
    cur.push(tokens[k]);
  }
  if (cur.length) out.push(cur);
  return out;
}
