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
}

/** A statement's sentences and their content terms (worth keeping beside its tokens). */
export function sentencesOf(statement: readonly Token[], statementText: string): Sentences {
  const parts = splitSentences(statement, statementText);
  return { parts, terms: parts.map((ts) => contentTerms(ts)) };
}

export function coverage(
  passageTerms: readonly string[],
  { parts, terms: sentences }: Sentences,
  idf: (term: string) => number,
): { coverage: number; shared: number; span: [number, number] } {
  if (passageTerms.length === 0) return { coverage: 0, shared: 0, span: [0, 0] };
  const total = passageTerms.reduce((n, t) => n + idf(t), 0);
  let best: { coverage: number; shared: number; span: [number, number] } = { coverage: 0, shared: 0, span: [0, 0] };
  for (let a = 0; a < sentences.length; a++) {
    const stretch = new Set<string>();
    for (let b = a; b < Math.min(sentences.length, a + 3); b++) {
      for (const t of sentences[b]) stretch.add(t);
      let w = 0;
      let shared = 0;
      for (const t of passageTerms) {
        if (hasTerm(stretch, t)) {
          w += idf(t);
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

/** A term, or a close form of it (safe / safer). */
function hasTerm(set: Set<string>, t: string): boolean {
  if (set.has(t)) return true;
  if (t.startsWith('#') || t.length < 4) return false;
  for (const u of set) {
    if (u.length < 4 || u.startsWith('#')) continue;
    const [short, long] = u.length < t.length ? [u, t] : [t, u];
    if (long.length - short.length <= 2 && long.startsWith(short)) return true;
  }
  return false;
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
