import { relatedTerms } from '../text/related';
import type { StatementWords } from './statementWords';

/**
 * How much of what the passage says is said by a stretch of one statement (one to
 * three consecutive sentences), weighing each content term by how rare it is.
 * Word order and function words do not count: this is for reported speech and
 * summaries, which are never presented as quotations.
 */
export interface Sentences {
  /** Where each sentence begins, as a word position in the statement, and (last) the statement's length. */
  bounds: number[];
  /** Each content term of the statement and the sentences that hold it. */
  where: Map<string, number[]>;
}

/** A statement's sentences and their content terms, from the index's word numbers (statementWords.ts), reading no text. */
export function sentencesOfWords(sw: StatementWords, doc: number): Sentences {
  const { tokens, start, wordTerm, terms } = sw;
  const from = start[doc];
  const m = start[doc + 1] - from;
  const bounds = [0, ...sw.sentenceStarts(doc).filter((k) => k > 0 && k < m)];
  if (m > 0) bounds.push(m);
  const where = new Map<string, number[]>();
  let k = 0;
  for (let j = 0; j < m; j++) {
    while (k + 1 < bounds.length - 1 && bounds[k + 1] <= j) k++;
    const t = wordTerm[tokens[from + j]];
    if (t >= 0) note(where, terms[t], k);
  }
  return { bounds, where };
}

function note(where: Map<string, number[]>, term: string, sentence: number): void {
  const l = where.get(term);
  if (!l) where.set(term, [sentence]);
  else if (l[l.length - 1] !== sentence) l.push(sentence);
}

export interface Coverage {
  /** The idf-weighted share of the passage's content terms found, and how many terms. */
  coverage: number;
  shared: number;
  /** The weight (idf) of the rarest term shared: how particular what is shared is. */
  rarest: number;
  /** The stretch that carries them: its first and last word positions in the statement. */
  words: [number, number];
}

// The tables coverage() fills, kept between calls (typed arrays this size are made off V8's heap, slowly).
let scratch = new Uint8Array(1024);

export function coverage(
  passageTerms: readonly string[],
  { bounds, where }: Sentences,
  idf: (term: string) => number,
  /** The term each of the passage's figures counts (the content word after it), when it has one. */
  units: ReadonlyMap<string, string> = new Map(),
): Coverage {
  const K = passageTerms.length;
  const S = bounds.length - 1;
  if (K === 0 || S <= 0) return { coverage: 0, shared: 0, rarest: 0, words: [0, 0] };
  const weights = passageTerms.map(idf);
  const total = weights.reduce((n, w) => n + w, 0);
  // holds[x * K + k]: sentence x holds passage term k, or a close form of it (safe / safer).
  if (scratch.length < S * K + K) scratch = new Uint8Array(2 * (S * K + K));
  const holds = scratch.subarray(0, S * K).fill(0);
  // Figures the statement gives that the passage does not: one of them may be the passage's figure
  // changed. Reported speech may reword, never refigure, so a changed figure is a difference
  // (matcher.ts names it), not a reason to find nothing: "police were arresting over 4,000
  // offenders" reports "We are already arresting over 400 offenders".
  // Only a figure of what the passage counts ("4,000 offenders": `units` gives "offend"), and only
  // in a sentence that counts the same thing with a figure of its own: "patrols cut knife crime by
  // 12 per cent since 2019" stands for no other claim.
  const ownFigures = new Set(passageTerms.filter((t) => t.startsWith('#')));
  const otherFigures: [string, number[]][] = [];
  for (const [u, at] of where) if (u.startsWith('#') && !ownFigures.has(u)) otherFigures.push([u, at]);
  passageTerms.forEach((t, k) => {
    for (const x of where.get(t) ?? []) holds[x * K + k] = 1;
    for (const u of relatedTerms(t)) for (const x of where.get(u) ?? []) holds[x * K + k] = 1;
    if (t.startsWith('#')) {
      // (Not a year, nor a share "per cent" of anything: those date and size every claim alike.)
      const unit = units.get(t);
      const counted = unit && !SHARES.has(unit) && !isYear(t) ? where.get(unit) ?? [] : [];
      for (const [u, at] of otherFigures) if (!isYear(u)) for (const x of at) if (counted.includes(x)) holds[x * K + k] = 1;
      return;
    }
    if (t.length < 4) return;
    const initial = t.charCodeAt(0);
    for (const [u, at] of where) {
      // (Close forms begin alike: most terms are ruled out by their first letter.)
      if (u.charCodeAt(0) === initial && u !== t && u.length >= 4 && closeForms(u, t)) for (const x of at) holds[x * K + k] = 1;
    }
  });
  let best: Coverage = { coverage: 0, shared: 0, rarest: 0, words: [0, 0] };
  const inStretch = scratch.subarray(S * K, S * K + K);
  for (let a = 0; a < S; a++) {
    inStretch.fill(0);
    for (let b = a; b < Math.min(S, a + 3); b++) {
      for (let k = 0; k < K; k++) inStretch[k] |= holds[b * K + k];
      let w = 0;
      let shared = 0;
      let rarest = 0;
      for (let k = 0; k < K; k++) {
        if (inStretch[k]) {
          w += weights[k];
          shared++;
          if (weights[k] > rarest) rarest = weights[k];
        }
      }
      const c = w / total;
      // As much, in fewer words: the stretch shown is the one that says it, not its neighbours too.
      const shorter = c > 0 && Math.abs(c - best.coverage) < 1e-9 && bounds[b + 1] - bounds[a] < best.words[1] + 1 - best.words[0];
      if (c > best.coverage + 1e-9 || shorter) best = { coverage: c, shared, rarest, words: [bounds[a], bounds[b + 1] - 1] };
    }
  }
  return best;
}

/** One word a few letters longer than the other, which it begins with (safe / safer). */
function closeForms(a: string, b: string): boolean {
  return a.length < b.length ? b.length - a.length <= 2 && b.startsWith(a) : a.length - b.length <= 2 && a.startsWith(b);
}

const SHARES = new Set(['percent', 'cent', 'per', 'proport', 'share']);

/** A figure that reads as a year (1900 to 2099). */
function isYear(term: string): boolean {
  return /^#(?:19|20)\d\d$/.test(term);
}
