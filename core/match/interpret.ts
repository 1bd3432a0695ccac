import type { Difference, Note, Segment } from '../types';
import type { Token } from '../text/tokens';
import { contentTerms, isStopword } from '../text/terms';
import { isFigure } from '../text/figures';
import type { Alignment } from './align';
import type { Passage } from './passage';
import { wordsOf } from './passage';

/**
 * Reads an alignment as a journalist would: which of the page's words differ from
 * the original's (the differences), which changes are legitimate practice (the
 * notes: elisions, bracketed insertions, spelling), and how close it is overall.
 */

export interface Reading {
  differences: Difference[];
  notes: Note[];
  /** The page's words against the original's, in the page's order. */
  segments: Segment[];
  /** [start, end) runs of the original the passage quotes. */
  marks: [number, number][];
  span: [number, number];
  score: number;
  /** Passage words matched (exactly or as a spelling variant). */
  matched: number;
  /** Words changed, added or dropped. */
  edits: number;
  /** Content words (not function words) matched, and changed, added or dropped. */
  contentMatched: number;
  contentEdits: number;
  /** Longest run of consecutive exact matches. */
  longestRun: number;
  /** Passage words left out as the page's own framing. */
  framed: number;
  /** Names the page changed (a place, a person, a force): they say another occasion more than a changed figure does. */
  names: number;
  /** Figures the page changed (each one edit). */
  figures: number;
}

/** A word written with a capital in mid-sentence: a name. */
function isName(text: string, t: Token): boolean {
  const c = text.charAt(t.start);
  if (c === c.toLowerCase()) return false;
  const before = text.slice(Math.max(0, t.start - 3), t.start).trimEnd();
  return before !== '' && !/[.!?:“"‘'(\[]$/.test(before);
}

export function interpret(passage: Passage, quote: string, s: readonly Token[], al: Alignment): Reading {
  const q = wordsOf(passage);
  const marksBefore = marksByWord(passage);
  const differences: Difference[] = [];
  const notes: Note[] = [];
  const segments: Segment[] = [];
  // Statement words aligned to the passage, in runs that an elision or a bracket splits.
  const runs: [number, number][] = [];
  let same: { q: number[]; s: number[] } | null = null;
  const flushSame = () => {
    if (!same) return;
    segments.push({ type: 'same', page: pageText(same.q), original: origText(same.s) });
    same = null;
  };
  const quoted = (k: number) => {
    const last = runs[runs.length - 1];
    if (last && last[1] === k - 1) last[1] = k;
    else runs.push([k, k]);
  };
  let edits = 0;
  let names = 0;
  let figures = 0;
  let contentEdits = 0;
  let contentMatched = 0;
  let run = 0;
  let longestRun = 0;
  let sMin = Infinity;
  let sMax = -1;
  let framedWords: number[] = [];
  let pending: { q: number[]; s: number[] } | null = null;
  let skipped: { s: number[]; free: 'gap' | 'bracket'; at: number } | null = null;
  const usedMarks = new Set<Mark>();

  const pageText = (idx: number[]) => (idx.length ? passage.text.slice(q[idx[0]].start, q[idx[idx.length - 1]].end) : '');
  const origText = (idx: number[]) => (idx.length ? quote.slice(s[idx[0]].start, s[idx[idx.length - 1]].end) : '');
  const flushDiff = () => {
    if (!pending) return;
    const { q: qi, s: si } = pending;
    // "wasn't" for "was not", "I'm" for "I am": the same words, written as speech is printed. A note, not a change.
    if (qi.length && si.length && sameUncontracted(pageText(qi), origText(si))) {
      notes.push({ type: 'spelling', page: pageText(qi), original: origText(si) });
      flushSame();
      segments.push(notes[notes.length - 1]);
      pending = null;
      return;
    }
    // A changed figure is a figure and the few words that state it ("£4.2 million", "a third", "24-hour
    // patrols"); a run of other words that happens to hold a figure ("According to the force, there
    // were" against "4th year in a row, with") is changed words, not a changed figure.
    const plainWords = (idx: number[], t: readonly Token[]) => idx.filter((k) => !isFigure(t[k])).length;
    const number = (qi.some((k) => isFigure(q[k])) || si.some((k) => isFigure(s[k]))) && Math.max(plainWords(qi, q), plainWords(si, s)) <= 2;
    const type = number ? 'number' : qi.length && si.length ? 'replaced' : qi.length ? 'inserted' : 'omitted';
    differences.push({ type, page: pageText(qi), original: origText(si) });
    flushSame();
    segments.push(differences[differences.length - 1]);
    // A changed figure is one edit however many words state it ("two thirds" → "a third"); the
    // words around it in the same region count as usual.
    // ("a" in "a third" is part of the figure: one third.)
    const words = (idx: number[], t: readonly Token[], keep: (k: Token) => boolean) =>
      idx.filter((k) => !isFigure(t[k]) && !(number && (t[k].norm === 'a' || t[k].norm === 'an')) && keep(t[k])).length;
    const figure = number ? 1 : 0;
    figures += figure;
    edits += figure + Math.max(words(qi, q, () => true), words(si, s, () => true));
    if (!number && (qi.some((k) => isName(passage.text, q[k])) || si.some((k) => isName(quote, s[k])))) names++;
    contentEdits += figure + Math.max(words(qi, q, isContent), words(si, s, isContent));
    pending = null;
  };
  const flushSkip = () => {
    if (!skipped) return;
    const marks = marksBefore.get(skipped.at) ?? [];
    const mark = marks.find((m) => m.type === skipped!.free) ?? marks[0];
    notes.push({ type: skipped.free === 'gap' ? 'elision' : 'insertion', page: mark?.text || '…', original: origText(skipped.s) });
    flushSame();
    segments.push(notes[notes.length - 1]);
    if (mark) usedMarks.add(mark);
    skipped = null;
  };
  const flushFrame = () => {
    if (!framedWords.length) return;
    const words = framedWords.map((k) => q[k]);
    const text = pageText(framedWords);
    // Words framed off that resemble the statement are not the page's own: they are added words.
    const terms = contentTerms(words);
    const stmt = new Set(contentTerms(s));
    const shared = terms.filter((t) => stmt.has(t)).length;
    flushSame();
    if (terms.length >= 2 && shared >= Math.max(2, terms.length * 0.5)) {
      differences.push({ type: words.some(isFigure) ? 'number' : 'inserted', page: text, original: '' });
      segments.push(differences[differences.length - 1]);
      edits += words.length;
      contentEdits += words.filter(isContent).length;
    } else {
      notes.push({ type: 'framing', page: text, original: '' });
      segments.push(notes[notes.length - 1]);
    }
    framedWords = [];
  };
  for (const op of al.ops) {
    if (op.op !== 'frame') flushFrame();
    if (op.op === 'frame') {
      flushDiff();
      flushSkip();
      framedWords.push(op.q);
      run = 0;
      continue;
    }
    if (op.op === 'del' && op.free) {
      flushDiff();
      if (skipped && skipped.at !== op.at) flushSkip();
      skipped ??= { s: [], free: op.free, at: op.at };
      skipped.s.push(op.s);
      run = 0;
      continue;
    }
    flushSkip();
    if ('s' in op) {
      sMin = Math.min(sMin, op.s);
      sMax = Math.max(sMax, op.s);
      quoted(op.s);
    }
    if (op.op === 'match' || op.op === 'fuzzy') {
      flushDiff();
      if (isContent(q[op.q])) contentMatched++;
      const cut = op.op === 'fuzzy' && ((op.q === 0 && s[op.s].norm.endsWith(q[op.q].norm)) || (op.q === q.length - 1 && s[op.s].norm.startsWith(q[op.q].norm)));
      if (op.op === 'fuzzy' && !cut) {
        notes.push({ type: 'spelling', page: pageText([op.q]), original: origText([op.s]) });
        flushSame();
        segments.push(notes[notes.length - 1]);
      } else {
        same ??= { q: [], s: [] };
        same.q.push(op.q);
        same.s.push(op.s);
      }
      if (op.op === 'fuzzy') run = 0;
      else longestRun = Math.max(longestRun, ++run);
      continue;
    }
    run = 0;
    pending ??= { q: [], s: [] };
    if (op.op === 'sub') {
      pending.q.push(op.q);
      pending.s.push(op.s);
    } else if (op.op === 'ins') pending.q.push(op.q);
    else pending.s.push(op.s);
  }
  // A figure changed at the very end of the passage ("arrested 670" for "arrested 660 people"): the
  // alignment may read it as a word added, since the original's words after the passage cost
  // nothing. It is the original's next words that the page changed: show both sides.
  const tail = pending as { q: number[]; s: number[] } | null;
  if (tail && tail.s.length === 0 && tail.q.length <= 3 && tail.q.some((k) => isFigure(q[k])) && sMax >= 0) {
    const next = Array.from({ length: tail.q.length }, (_, i) => sMax + 1 + i).filter((k) => k < s.length);
    if (next.length === tail.q.length && next.some((k) => isFigure(s[k]))) {
      tail.s.push(...next);
      sMax = next[next.length - 1];
      next.forEach(quoted);
    }
  }
  flushDiff();
  flushSkip();
  flushFrame();
  flushSame();
  // Elisions and brackets the alignment did not need still belong in the notes. A
  // bracket at either end stands for the original's words up to the sentence's edge:
  // "[The projects] are central" for "The projects receiving funding today are central".
  for (const [at, marks] of marksBefore) {
    for (const m of marks) {
      // (A mark with no text is the join between two quoted pieces: nothing to report unless used.)
      if (usedMarks.has(m) || !m.text) continue;
      let original = '';
      if (m.type === 'bracket' && sMax >= 0 && (at === 0 || at === q.length)) {
        original = origText(at === 0 ? sentenceBefore(quote, s, sMin) : sentenceAfter(quote, s, sMax));
      }
      notes.push({ type: m.type === 'gap' ? 'elision' : 'insertion', page: m.text, original });
    }
  }
  const framed = al.ops.filter((o) => o.op === 'frame').length;
  const aligned = q.length - framed;
  const fuzzy = al.ops.filter((o) => o.op === 'fuzzy').length;
  const score = aligned + edits > 0 ? Math.max(0, (al.matched - 0.1 * fuzzy) / (al.matched + edits)) : 0;
  const span: [number, number] = sMax >= 0 ? [s[sMin].start, s[sMax].end] : [0, 0];
  const marks = runs.map(([a, b]): [number, number] => [s[a].start, s[b].end]);
  return { differences, notes, segments, marks, span, score: round(score), matched: al.matched, edits, contentMatched, contentEdits, longestRun, framed, names, figures };
}

/**
 * How many of the statement's first words interpret() reads for an alignment: to its last aligned
 * word and a sentence's worth of words on (where a closing bracket may stand for them); all of
 * them when it frames (the framed words are compared with the whole statement).
 */
export function wordsRead(al: Alignment): number {
  let last = -1;
  for (const op of al.ops) {
    if (op.op === 'frame') return Infinity;
    if ('s' in op && op.s > last) last = op.s;
  }
  return last + 1 + MAX_STANDS_FOR;
}

const isContent = (t: Token) => t.num || !isStopword(t.norm);

const MAX_STANDS_FOR = 8;

/** Positions of the words between the start of the sentence and position k (exclusive). */
function sentenceBefore(text: string, s: readonly Token[], k: number): number[] {
  const out: number[] = [];
  for (let j = k - 1; j >= 0 && out.length < MAX_STANDS_FOR; j--) {
    if (/[.!?;:\n]/.test(text.slice(s[j].end, s[j + 1].start))) break;
    out.unshift(j);
  }
  return out;
}

/** Positions of the words after position k up to the end of its sentence. */
function sentenceAfter(text: string, s: readonly Token[], k: number): number[] {
  const out: number[] = [];
  for (let j = k + 1; j < s.length && out.length < MAX_STANDS_FOR; j++) {
    if (/[.!?;:\n]/.test(text.slice(s[j - 1].end, s[j].start))) break;
    out.push(j);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

type Mark = { type: 'gap' | 'bracket'; text: string };

/** The elisions and brackets that stand before each passage word. */
function marksByWord(p: Passage): Map<number, Mark[]> {
  const out = new Map<number, Mark[]>();
  let i = 0;
  for (const it of p.items) {
    if (it.type === 'word') i++;
    else {
      const list = out.get(i) ?? [];
      list.push({ type: it.type, text: it.text });
      out.set(i, list);
    }
  }
  return out;
}

const CONTRACTED: [RegExp, string[]][] = [
  [/\bwon't\b/g, ['will not']],
  [/\bshan't\b/g, ['shall not']],
  [/\bcan't\b/g, ['can not']],
  [/\bcannot\b/g, ['can not']],
  [/n't\b/g, [' not']],
  [/'m\b/g, [' am']],
  [/'re\b/g, [' are']],
  [/'ve\b/g, [' have']],
  [/'ll\b/g, [' will']],
  [/'d\b/g, [' would', ' had']],
  [/'s\b/g, [' is', ' has']],
];

/** Every way `text` reads with its contractions written out (a few: "'s" is "is" or "has"), as lower-case words. */
function uncontracted(text: string): string[] {
  let forms = [text.toLowerCase().replace(/[’‘]/g, "'")];
  // (Each contraction of a kind is written out the same way: enough for the few words a difference holds.)
  for (const [re, outs] of CONTRACTED) forms = forms.flatMap((f) => (f.search(re) < 0 ? [f] : outs.map((o) => f.replace(re, o))));
  return forms.map((f) => (f.match(/[\p{L}\p{N}]+/gu) ?? []).join(' '));
}

/** Whether two stretches say the same words once contractions are written out, and at least one was contracted. */
function sameUncontracted(page: string, original: string): boolean {
  if (!/['’]|cannot/i.test(page + original)) return false;
  const a = uncontracted(page);
  const b = new Set(uncontracted(original));
  return a.some((f) => f !== '' && b.has(f));
}
