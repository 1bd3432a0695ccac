/**
 * Highlights made from the corpus, of every kind the matcher answers, each with the statement
 * it was made from (null for passages nobody said).
 *
 * Every query made from a statement is checked against the whole corpus: some six-word run of
 * the words the reader highlighted (never spanning an elision or a bracket; for a paraphrase,
 * of the sentence it reports) occurs in that statement and in no other, so "the statement the
 * query was made from" is the one right answer. Not-found queries use the same vocabulary but
 * are checked to share no six-word run with any statement.
 */
import { Rng } from './prng';
import { TOPICS, SYNONYMS } from './vocab';
import { Writer, formatCount, numberInWords, ordinal, type Corpus, type GenStatement } from './corpus';

export const KINDS = ['verbatim', 'elided', 'bracketed', 'altered_words', 'altered_numbers', 'figure_forms', 'figure_only', 'paraphrase', 'not_found', 'topical', 'other_occasion'] as const;
export type Kind = (typeof KINDS)[number];

export interface Query {
  kind: Kind;
  text: string;
  /** The statement (Corpus.statements index) the query was made from; null for passages nobody said. */
  expected: number | null;
}

/** The n-gram length used to prove a passage unique, or absent. */
export const GRAM = 6;

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth'];
const ORDINAL_WORD = new RegExp(`\\b(${ORDINAL_WORDS.join('|')}) (year|time|month|week)\\b`, 'g');

/**
 * The words that prove a query's answer, with a figure's forms as one ("fourth year" and "4th
 * year", "54%" and "54 per cent", "£4.2m" and "£4.2 million"), as the matcher reads them.
 */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(ORDINAL_WORD, (_, w: string, unit: string) => `${ordinal(ORDINAL_WORDS.indexOf(w) + 1)} ${unit}`)
    .replace(/(\d) ?(?:per cent|%)/g, '$1')
    .replace(/(\d)m\b/g, '$1 million')
    .split(/[^a-z0-9£']+/)
    .filter((w) => w && w !== "'");
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

interface Candidate extends Query {
  /** Six-grams of the query's visible words (no gram spans an elision or a bracket). */
  grams: number[];
}

class GramTable {
  private ids = new Map<string, number>();
  id(word: string): number {
    let v = this.ids.get(word);
    if (v === undefined) this.ids.set(word, (v = this.ids.size + 1));
    return v;
  }
  hashes(ws: string[]): number[] {
    const ids = ws.map((w) => this.id(w));
    const out: number[] = [];
    for (let i = 0; i + GRAM <= ids.length; i++) {
      let h = 0x811c9dc5;
      for (let k = 0; k < GRAM; k++) h = Math.imul(h ^ ids[i + k], 16777619);
      out.push(h >>> 0);
    }
    return out;
  }
}

const NOT_FOUND_TEMPLATES = [
  'Police chiefs say {crime} has doubled in {places} and {offenders} are now the main concern for {partners}.',
  '{Victims} told officers they had been let down by {partners} for years.',
  'A new unit will be set up to tackle {crime} after {offenders} were found targeting {victims} in {places}.',
  'We have decided to stop using {actions} because they did not reduce {crime}.',
  'Chief constables will be asked to cut spending on {actions} by {#pct} per cent next year.',
  'The number of {units} reported to police has stayed the same for {#smallword} years despite {actions}.',
  'Forces would scrap {actions} and hand responsibility for {crime} to {partners}, a senior officer said.',
  'Officers were told not to attend reports of {crime} unless {victims} were in immediate danger.',
  'We got it wrong on {crime}, and I apologise to the {victims} who were failed by police.',
  'Most {offenders} we arrest for {crime} are back on the streets within a week.',
  'I do not believe {actions} make any difference to {victims}, and the evidence backs me up.',
  '{Partners} should pay for {actions} because police budgets cannot stretch any further.',
];

/**
 * Lines that share only a subject with what a speaker said: headlines, standfirsts and reported
 * speech with no particular claim, some naming a speaker who spoke on that subject. Nobody said
 * them: `paraphrase` for one of these is a false paraphrase.
 */
const TOPICAL_TEMPLATES = [
  '{surname} on {crime}: what the police chiefs said',
  'Police chiefs speak out on {crime} and {victims}',
  '{surname} said police were tackling {crime}',
  'What {surname} said about {crime} in {places}',
  '{surname} warned about {crime} and its effect on {victims}',
  'Senior officer gives her view on {crime} and {offenders}',
];

/**
 * What the same speaker might have said on another occasion, on the subject they spoke about:
 * a particular claim, but not one in the index. Nobody in the index said it.
 */
const OTHER_OCCASION_TEMPLATES = [
  '{surname} said officers in {town} had arrested {#count} {offenders} in a week of action against {crime}.',
  '{surname} said {partners} would be given new powers to deal with {crime} from next spring.',
  'Speaking in {town}, {surname} said {actions} had cut {crime} by {#pct} per cent since {#year}.',
  '{surname} said the force would review how it handles {crime} after complaints from {victims}.',
  '{surname} told a conference in {town} that {offenders} were moving their operations online.',
  'Asked about {crime}, {surname} said every force would publish its own figures by the summer.',
];

const PRONOUN_BRACKETS: Record<string, string[]> = {
  We: ['[Police forces]', '[The police service]', '[Officers]'],
  They: ['[The officers]', '[The forces]'],
  It: ['[The scheme]', '[The operation]'],
  This: ['[The funding]', '[The operation]', '[The new approach]'],
  These: ['[These offences]', '[These figures]'],
  Our: ['[The NPCC’s]', '[Police]'],
  I: ['[The chief constable]', '[The national lead]'],
  Every: ['[Each]'],
};

const INSERTS = ['really', 'all', 'now', 'also', 'very much', 'simply'];

/** Reported speech: "<Surname> said police would …". */
const REPORTED: [RegExp, string][] = [
  [/\bWe’ll\b/g, 'police would'], [/\bwe’ll\b/g, 'they would'], [/\bWe\b/g, 'police'], [/\bwe\b/g, 'they'],
  [/\bI want\b/g, 'he wanted'], [/\bI would\b/g, 'he would'], [/\bOur\b/g, 'their'], [/\bour\b/g, 'their'], [/\bus\b/g, 'them'], [/\bI\b/g, 'he'],
  [/\bwill\b/g, 'would'], [/\bcan\b/g, 'could'], [/\bis\b/g, 'was'], [/\bare\b/g, 'were'], [/\bhave\b/g, 'had'], [/\bhas\b/g, 'had'],
];

function sentencesOf(st: GenStatement): { para: number; index: number; text: string }[] {
  const out: { para: number; index: number; text: string }[] = [];
  st.paragraphs.forEach((p, para) => p.forEach((text, index) => out.push({ para, index, text })));
  return out;
}

function alterNumber(rng: Rng, n: string): string {
  const v = Number(n.replace(/,/g, ''));
  for (;;) {
    let w: number;
    const digits = String(v).split('');
    if (digits.length >= 2 && rng.chance(0.4)) {
      const i = rng.int(0, digits.length - 2);
      [digits[i], digits[i + 1]] = [digits[i + 1], digits[i]];
      w = Number(digits.join(''));
    } else w = Math.max(1, Math.round(v * (rng.chance(0.5) ? rng.int(55, 90) : rng.int(115, 180)) / 100));
    if (w !== v && String(w).length >= 1) return n.includes(',') || w >= 10000 ? formatCount(w) : String(w);
  }
}

const FRACTIONS = ['a third', 'a quarter', 'a fifth', 'half', 'two thirds', 'three quarters', 'a tenth'];
const WORDS_TO_NUMBER = new Map<string, number>();
for (let n = 100; n < 1000; n += 10) WORDS_TO_NUMBER.set(numberInWords(n), n);

/** Another value, near enough to be a plausible misquote. */
function otherValue(rng: Rng, v: number, min = 1): number {
  for (;;) {
    const w = Math.max(min, v + rng.pick([-3, -2, -1, 1, 2, 3, 5, 10]) * (v >= 100 ? 10 : 1));
    if (w !== v) return w;
  }
}

/**
 * A figure in one of the forms releases print (joined to a word, an ordinal, money, a number
 * or fraction in words, per cent) changed to another value, sometimes in another form of it:
 * "a 12-year high" → "a 15-year high", "the 11th year" → "the twelfth year", "£4.2m" →
 * "£4.8 million", "six hundred and sixty" → "680", "45 per cent" → "54%".
 */
function alterFigureForm(rng: Rng, t: string): string | null {
  const forms: [RegExp, (m: RegExpExecArray) => string][] = [
    [/\b(\d+)-(year|hour)\b/, (m) => `${otherValue(rng, Number(m[1]), 2)}-${m[2]}`],
    [/\b(\d+)(?:st|nd|rd|th)\b/, (m) => {
      const w = otherValue(rng, Number(m[1]), 2);
      return w <= ORDINAL_WORDS.length && rng.chance(0.5) ? ORDINAL_WORDS[w - 1] : ordinal(w);
    }],
    [/£(\d)\.(\d)m\b/, (m) => {
      const w = (Number(`${m[1]}${m[2]}`) + rng.pick([-4, -2, 3, 6, 11])) / 10;
      const v = w > 0.5 ? w.toFixed(1) : '9.5';
      return rng.pick([`£${v}m`, `£${v} million`]);
    }],
    [/\b(\d+) per cent\b/, (m) => { const w = otherValue(rng, Number(m[1])); return rng.chance(0.5) ? `${w}%` : `${w} per cent`; }],
    [new RegExp(`\\b(${[...WORDS_TO_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|')})\\b`), (m) => {
      const w = otherValue(rng, WORDS_TO_NUMBER.get(m[1])!, 100);
      return rng.chance(0.5) ? String(w) : numberInWords(w);
    }],
    [new RegExp(`\\b(${FRACTIONS.join('|')})\\b`), (m) => rng.pick(FRACTIONS.filter((f) => f !== m[1]))],
  ];
  const found = forms.map(([re, to]) => ({ m: re.exec(t), to })).filter((f) => f.m);
  if (!found.length) return null;
  const { m, to } = rng.pick(found);
  return t.slice(0, m!.index) + to(m!) + t.slice(m!.index + m![0].length);
}

function swapSynonyms(rng: Rng, text: string, max: number): { text: string; swapped: number } {
  const ws = text.split(' ');
  const at = ws.map((w, i) => [w.replace(/[^A-Za-z]/g, ''), i] as const).filter(([w]) => SYNONYMS[w.toLowerCase()]);
  let swapped = 0;
  for (let k = 0; k < max && at.length; k++) {
    const [w, i] = at.splice(rng.int(0, at.length - 1), 1)[0];
    const syn = SYNONYMS[w.toLowerCase()];
    ws[i] = ws[i].replace(w, w[0] === w[0].toUpperCase() ? syn[0].toUpperCase() + syn.slice(1) : syn);
    swapped++;
  }
  return { text: ws.join(' '), swapped };
}

/** How a reader's highlight looks on a page: straight apostrophes, sometimes quote marks. */
function dress(rng: Rng, text: string, quoteMarks: boolean): string {
  let t = text;
  if (rng.chance(0.3)) t = t.replace(/’/g, "'");
  if (quoteMarks && rng.chance(0.2)) t = rng.chance(0.5) ? `"${t}"` : `“${t}”`;
  return t;
}

/**
 * A query, and the passages whose six-grams must prove its answer: the words the reader sees
 * (split at elisions and brackets), or for a paraphrase the sentence it reports.
 */
function makeCandidate(c: Corpus, rng: Rng, kind: Kind, quotes: number[], narratives: number[], common: (w: string) => boolean): { q: Query; proof: string } | null {
  if (kind === 'other_occasion') {
    const st = c.statements[rng.pick(quotes)];
    if (st.speaker === null) return null;
    const w = new Writer(rng, TOPICS[c.releases[st.release].topic], 2024);
    const text = w.expand(rng.pick(OTHER_OCCASION_TEMPLATES).replace('{surname}', c.speakers[st.speaker].surname));
    return { q: { kind, text: dress(rng, text, false), expected: null }, proof: text };
  }
  if (kind === 'figure_forms') {
    const st = c.statements[rng.pick(quotes)];
    const options = sentencesOf(st).map((x) => alterFigureForm(rng, x.text)).filter((x): x is string => x !== null);
    if (!options.length) return null;
    const text = rng.pick(options);
    return { q: { kind, text: dress(rng, text, true), expected: st.id }, proof: text };
  }
  if (kind === 'not_found') {
    const w = new Writer(rng, TOPICS[rng.int(0, TOPICS.length - 1)], 2024);
    const text = w.expand(rng.pick(NOT_FOUND_TEMPLATES));
    return { q: { kind, text: dress(rng, text, false), expected: null }, proof: text };
  }
  if (kind === 'topical') {
    // A speaker who spoke on the subject, and the subject of what they said.
    const st = c.statements[rng.pick(quotes)];
    if (st.speaker === null) return null;
    const w = new Writer(rng, TOPICS[c.releases[st.release].topic], 2024);
    const text = w.expand(rng.pick(TOPICAL_TEMPLATES).replace('{surname}', c.speakers[st.speaker].surname));
    return { q: { kind, text: dress(rng, text, false), expected: null }, proof: text };
  }
  const fromNarrative = kind === 'verbatim' && narratives.length > 0 && rng.chance(0.25);
  const st = c.statements[rng.pick(fromNarrative ? narratives : quotes)];
  const sents = sentencesOf(st);
  const s = rng.pick(sents);
  const sw = s.text.split(' ');

  switch (kind) {
    case 'verbatim': {
      let original = s.text;
      const r = rng.next();
      const next = sents[sents.indexOf(s) + 1];
      if (r < 0.25 && next) original = `${s.text} ${next.text}`; // two sentences (maybe across a paragraph break)
      else if (r < 0.45 && sw.length >= 10) {
        const len = rng.int(6, sw.length - 2);
        const start = rng.int(0, sw.length - len);
        original = sw.slice(start, start + len).join(' ').replace(/[,;:]$/, '');
      }
      return { q: { kind, text: dress(rng, original, true), expected: st.id }, proof: original };
    }
    case 'elided': {
      const next = sents[sents.indexOf(s) + 1];
      const ws = next && next.para === s.para && rng.chance(0.4) ? `${s.text} ${next.text}`.split(' ') : sw;
      if (ws.length < 12) return null;
      const cut = rng.int(3, Math.max(3, Math.floor(ws.length / 3)));
      const start = rng.int(3, ws.length - cut - 3);
      const before = ws.slice(0, start).join(' ').replace(/[,;:]$/, '');
      const after = ws.slice(start + cut).join(' ');
      const mark = rng.weighted([[' ... ', 5], [' … ', 3], [' [...] ', 1]] as const);
      return { q: { kind, text: dress(rng, before + mark + after, true), expected: st.id }, proof: `${before}\n${after}` };
    }
    case 'bracketed': {
      const first = sw[0].replace(/’.*$/, '');
      let text: string | null = null;
      if (PRONOUN_BRACKETS[first] && !sw[0].includes('’')) text = [rng.pick(PRONOUN_BRACKETS[first]), ...sw.slice(1)].join(' ');
      else {
        const i = sw.findIndex((w, k) => k > 0 && (w === 'we' || w === 'us' || w === 'they'));
        if (i > 0) text = [...sw.slice(0, i + 1), rng.pick(['[the police]', '[officers]', '[forces]']), ...sw.slice(i + 1)].join(' ');
        else if (sw.length >= 9) text = [`[${sw[1][0]}]${sw[1].slice(1)}`, ...sw.slice(2)].join(' '); // a highlight that starts mid-sentence
      }
      if (!text) return null;
      return { q: { kind, text: dress(rng, text, true), expected: st.id }, proof: text.replace(/ ?\[[^\]]*\] ?/g, '\n') };
    }
    case 'altered_words': {
      if (sw.length < 8) return null;
      let { text } = swapSynonyms(rng, s.text, 1);
      const ws = text.split(' ');
      const edits = rng.int(1, 2);
      for (let k = 0; k < edits; k++) {
        if (rng.chance(0.5)) ws.splice(rng.int(1, ws.length - 1), 0, rng.pick(INSERTS));
        else ws.splice(rng.int(1, ws.length - 2), 1);
      }
      text = ws.join(' ');
      if (text === s.text) return null;
      return { q: { kind, text: dress(rng, text, true), expected: st.id }, proof: text };
    }
    case 'altered_numbers':
    case 'figure_only': {
      const withFigure = sents.filter((x) => /\d/.test(x.text) && !x.text.includes('0800'));
      if (!withFigure.length) return null;
      const t = rng.pick(withFigure).text;
      const figures = [...t.matchAll(/\d[\d,]*\d|\d/g)];
      const f = rng.pick(figures);
      const text = t.slice(0, f.index) + alterNumber(rng, f[0]) + t.slice(f.index! + f[0].length);
      // Stock phrasing: every word but the changed figure is one that many statements use.
      if (kind === 'figure_only' && !words(t).every((w) => /\d/.test(w) || common(w))) return null;
      return { q: { kind, text: dress(rng, text, true), expected: st.id }, proof: text };
    }
    case 'paraphrase': {
      if (sw.length < 8 || st.speaker === null) return null;
      const surname = c.speakers[st.speaker].surname;
      let body = s.text.replace(/\.$/, '');
      for (const [re, to] of REPORTED) body = body.replace(re, to);
      // Reorder two clauses: "A, and B" → "B, and A".
      const m = body.match(/^(.+?), and (.+)$/);
      if (m && countWords(m[1]) >= 4 && countWords(m[2]) >= 4 && rng.chance(0.6)) body = `${m[2]}, and ${m[1].charAt(0).toLowerCase()}${m[1].slice(1)}`;
      body = swapSynonyms(rng, body, rng.int(1, 3)).text;
      body = body.charAt(0).toLowerCase() + body.slice(1);
      const frame = rng.pick([`${surname} said `, `${surname} said that `, `According to ${surname}, `, `${surname} warned that `, `${surname} told reporters `]);
      return { q: { kind, text: `${frame}${body}.`, expected: st.id }, proof: s.text };
    }
  }
}

/** Statements kept for each six-gram, to tell whether one statement is clearly the closest. */
const HOLDERS = 64;
/**
 * Kinds whose statement must be clearly the closest: a changed figure in a stock sentence is
 * otherwise as close to the statement that has the same figure and another town, and either
 * answer would be right.
 */
const CLEAR_WINNER = new Set<Kind>(['altered_numbers', 'figure_forms', 'figure_only']);
/** How many more of the query's six-grams its statement must hold than any other statement does. */
const MARGIN = 3;

function clearWinner(cand: Candidate, want: Map<number, { count: number; holders: number[] }>, own: Set<number>): boolean {
  const hits = new Map<number, number>();
  let ownHits = 0;
  // Six-grams too common to list their statements: any other statement may hold them.
  let anyOther = 0;
  for (const g of cand.grams) {
    if (own.has(g)) ownHits++;
    const e = want.get(g)!;
    if (e.count > HOLDERS) {
      anyOther++;
      continue;
    }
    for (const id of e.holders) if (id !== cand.expected) hits.set(id, (hits.get(id) ?? 0) + 1);
  }
  const closest = Math.max(0, ...hits.values()) + anyOther;
  return ownHits >= closest + MARGIN;
}

export interface QueryOptions {
  seed?: number;
  /** Queries of each kind. */
  perKind: number;
}

/** Makes `perKind` queries of every kind, each verified against the corpus. */
export function generateQueries(c: Corpus, opts: QueryOptions): Query[] {
  const rng = new Rng((opts.seed ?? 1) ^ 0x5eed);
  const quotes = c.statements.filter((s) => s.kind === 'quote').map((s) => s.id);
  const narratives = c.statements.filter((s) => s.kind === 'narrative' && s.paragraphs[0].join(' ').split(' ').length >= 6).map((s) => s.id);
  const table = new GramTable();
  // How many statements use each word: "common" is at least one in 500 of them.
  const df = new Map<string, number>();
  for (const st of c.statements) for (const w of new Set(words(st.text))) df.set(w, (df.get(w) ?? 0) + 1);
  const floor = Math.max(10, c.statements.length / 500);
  const common = (w: string) => (df.get(w) ?? 0) >= floor;
  const out: Query[] = [];
  let need = KINDS.map(() => opts.perKind);
  for (let round = 0; round < 20 && need.some((n) => n > 0); round++) {
    const candidates: Candidate[] = [];
    KINDS.forEach((kind, k) => {
      let made = 0;
      for (let tries = 0; made < need[k] * (2 + round) + 4 && tries < need[k] * 40 + 40; tries++) {
        const made1 = makeCandidate(c, rng, kind, quotes, narratives, common);
        if (!made1) continue;
        const n = countWords(made1.q.text);
        if (n < 5 || n > 40) continue;
        const grams = made1.proof.split('\n').flatMap((part) => table.hashes(words(part)));
        if (!grams.length) continue;
        candidates.push({ ...made1.q, grams });
        made++;
      }
    });
    // One pass over the corpus counts, for every six-gram the candidates use, how many statements hold it.
    const want = new Map<number, { count: number; last: number; holders: number[] }>();
    for (const cand of candidates) for (const g of cand.grams) want.set(g, { count: 0, last: -1, holders: [] });
    for (const st of c.statements) {
      for (const g of table.hashes(words(st.text))) {
        const e = want.get(g);
        if (e && e.last !== st.id) {
          e.count++;
          e.last = st.id;
          if (e.holders.length < HOLDERS) e.holders.push(st.id);
        }
      }
    }
    const seen = new Set(out.map((q) => q.text));
    for (const cand of candidates) {
      const k = KINDS.indexOf(cand.kind);
      if (need[k] <= 0 || seen.has(cand.text)) continue;
      const ok = cand.expected === null
        ? cand.grams.every((g) => want.get(g)!.count === 0)
        : cand.grams.some((g) => want.get(g)!.count === 1 && want.get(g)!.last === cand.expected) && (!CLEAR_WINNER.has(cand.kind) || clearWinner(cand, want, new Set(table.hashes(words(c.statements[cand.expected!].text)))));
      if (!ok) continue;
      seen.add(cand.text);
      out.push({ kind: cand.kind, text: cand.text, expected: cand.expected });
      need[k]--;
    }
    need = need.map((n) => Math.max(0, n));
  }
  return out;
}
