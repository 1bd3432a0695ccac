/**
 * A seeded generator of synthetic press releases in the layout of ../shared/seeds: the date
 * line, one paragraph a line, attributions in the ways real releases write them, multi-
 * paragraph quotations, narrative, figures, and the press office's contact block.
 *
 * Alongside the text of every release it keeps the ground truth: each statement (quotation or
 * narrative paragraph) with its speaker and its text, which the queries are made from and the
 * engines are scored against.
 */
import { Rng } from './prng';
import {
  BANKS, CHARITIES, FIRST_NAMES, FORCES, TOWNS, operationName, LEAD_SENTENCES, NARRATIVE_SENTENCES, QUOTE_SENTENCES, RANKS,
  STOCK_SENTENCES, SURNAMES, TOPICS, type Topic,
} from './vocab';

export interface GenSpeaker {
  name: string;
  surname: string;
  rank: string | null;
  gender: 'f' | 'm';
  /** Topic index, or -1 for people who speak on any topic (chairs, charities). */
  topic: number;
  /** "lead" speaks for a topic; "chair" for the whole service; "partner" is not police. */
  kind: 'lead' | 'chair' | 'partner';
  from: number;
  to: number;
  charity?: string;
}

export interface GenStatement {
  /** Position in Corpus.statements. */
  id: number;
  release: number;
  kind: 'quote' | 'narrative';
  /** Index in Corpus.speakers; null for narrative. */
  speaker: number | null;
  /** Paragraphs separated by "\n", without quotation marks (as the parser should give it). */
  text: string;
  /** The sentences of each paragraph. */
  paragraphs: string[][];
  /** True for the lead paragraph (the release's first paragraph). */
  lead: boolean;
}

export interface GenRelease {
  /** ISO date. */
  date: string;
  /** The file's name, like the seeds': NNNNNN_hash.txt. */
  source: string;
  /** The release file, exactly as the parser reads it. */
  text: string;
  topic: number;
  statements: number[];
}

export interface Corpus {
  seed: number;
  speakers: GenSpeaker[];
  releases: GenRelease[];
  statements: GenStatement[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SMALL_WORDS = ['two', 'three', 'four', 'five'];
export const FIRST_YEAR = 2005;
export const LAST_YEAR = 2024;

const UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TENS = ['', 'ten', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 660 → "six hundred and sixty" (hundreds and tens, as releases write round figures). */
export function numberInWords(n: number): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const head = h ? `${UNITS[h]} hundred` : '';
  return t ? (head ? `${head} and ${TENS[t]}` : TENS[t]) : head;
}

/** 11 → "11th", 2 → "2nd". */
export function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** 12345 → "12,345". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function makeSpeakers(rng: Rng): GenSpeaker[] {
  const speakers: GenSpeaker[] = [];
  const used = new Set<string>();
  const person = (gender: 'f' | 'm') => {
    for (;;) {
      const first = rng.pick(FIRST_NAMES[gender]);
      const surname = rng.pick(SURNAMES);
      const name = `${first} ${surname}`;
      if (!used.has(name)) {
        used.add(name);
        return { name, surname };
      }
    }
  };
  // Each topic has a succession of national leads over the twenty years, with overlaps.
  TOPICS.forEach((_, topic) => {
    let year = FIRST_YEAR - rng.int(0, 3);
    while (year <= LAST_YEAR) {
      const span = rng.int(2, 6);
      for (let k = 0; k < rng.int(2, 3); k++) {
        const gender = rng.chance(0.4) ? 'f' : 'm';
        speakers.push({ ...person(gender), gender, rank: rng.weighted(RANKS), topic, kind: 'lead', from: year, to: year + span + rng.int(0, 2) });
      }
      year += span;
    }
  });
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 4) {
    const gender = rng.chance(0.4) ? 'f' : 'm';
    speakers.push({ ...person(gender), gender, rank: rng.chance(0.5) ? 'Chief Constable' : null, topic: -1, kind: 'chair', from: year, to: year + 3 });
  }
  for (const charity of CHARITIES) {
    for (let k = 0; k < 3; k++) {
      const gender = rng.chance(0.6) ? 'f' : 'm';
      const from = FIRST_YEAR + rng.int(0, 15);
      speakers.push({ ...person(gender), gender, rank: null, topic: -1, kind: 'partner', from, to: from + rng.int(3, 8), charity });
    }
  }
  return speakers;
}

/** Expands {slot}, {Slot} and {#figure} in a template, drawing from the banks and the topic. */
export class Writer {
  /** This release's own names: its force, its towns, its operation. */
  private local: Record<string, string[]>;
  constructor(
    private rng: Rng,
    private topic: Topic,
    private year: number,
  ) {
    this.local = {
      force: [rng.pick(FORCES)],
      town: [rng.pick(TOWNS), rng.pick(TOWNS)],
      operation: [operationName((xs) => rng.pick(xs), (p) => rng.chance(p))],
    };
  }

  private bank(name: string): string[] {
    const t = this.topic as unknown as Record<string, string[]>;
    return this.local[name] ?? (Array.isArray(t[name]) ? t[name] : BANKS[name]);
  }

  private figure(kind: string): string {
    const r = this.rng;
    switch (kind) {
      case 'count': return formatCount(r.chance(0.5) ? r.int(12, 999) : r.int(1000, 9999));
      case 'pct': return String(r.int(3, 95));
      case 'money': return String(r.int(2, 250));
      case 'year': return String(r.int(FIRST_YEAR - 5, this.year - 1));
      case 'small': return String(r.int(3, 10));
      case 'small2': return String(r.int(5, 43));
      case 'smallword': return r.pick(SMALL_WORDS);
      case 'day': return String(r.int(1, 28));
      case 'hours': return r.pick(['12', '24', '48', '72']);
      case 'ordinal': return ordinal(r.int(2, 15));
      case 'decimal': return `${r.int(1, 9)}.${r.int(1, 9)}`;
      case 'wordcount': return numberInWords(r.int(2, 9) * 100 + (r.chance(0.5) ? 0 : r.int(1, 9) * 10));
      default: throw new Error(`unknown figure ${kind}`);
    }
  }

  expand(template: string): string {
    let out = template;
    const picked = new Set<string>(); // "x and x" reads wrong: one reroll when a value repeats
    for (let depth = 0; depth < 6 && out.includes('{'); depth++) {
      out = out.replace(/\{(#?)(\w+)\}/g, (_, hash: string, slot: string) => {
        if (hash) return this.figure(slot);
        const lower = slot.charAt(0).toLowerCase() + slot.slice(1);
        const bank = this.bank(lower);
        if (!bank) throw new Error(`unknown slot ${slot}`);
        let value = this.rng.pick(bank);
        for (let k = 0; k < 3 && picked.has(value) && bank.length > 1; k++) value = this.rng.pick(bank);
        picked.add(value);
        return slot === lower ? value : capitalise(value);
      });
    }
    return out;
  }
}

export interface CorpusOptions {
  seed?: number;
  /** Exactly this many statements (quotations and narrative paragraphs, leads included). */
  statements: number;
}

function isoDate(rng: Rng): { iso: string; line: string; year: number } {
  const year = rng.int(FIRST_YEAR, LAST_YEAR);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const dd = String(day).padStart(2, '0');
  return { iso: `${year}-${String(month).padStart(2, '0')}-${dd}`, line: `${dd} ${MONTHS[month - 1]} ${year}`, year };
}

function hex(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += '0123456789abcdef'[rng.int(0, 15)];
  return s;
}

function contactBlock(rng: Rng, year: number): string[] {
  const lines: string[] = [];
  if (year < 2015) {
    lines.push('For more information please contact');
    lines.push('The ACPO Press Office can be contacted via 020 7084 8946/47/48 (office hours) or via 07803 903686 (out of office hours).');
    if (rng.chance(0.7)) {
      lines.push('The Association of Chief Police Officers (ACPO) is an independent, professionally led strategic body. In the public interest and, in equal and active partnership with Government and partner agencies, ACPO leads and co-ordinates the direction and development of the police service in the United Kingdom. In times of national need ACPO, on behalf of all chief officers, co-ordinates the strategic policing response.');
      lines.push('ACPO’s 295 members consist of 213 chief police officers from the home forces of assistant chief constable rank (commanders in the Metropolitan Police and City of London Police) and above, plus 55 senior police staff members from the 44 forces in England, Wales and Northern Ireland. Non home forces such as British Transport Police have 24 chief police officer members and there are three members from the Service Police.');
    }
  }
  lines.push('Communications office', 'By phone: 0800 538 5058', 'By email: press.office@npcc.police.uk');
  return lines;
}

function roleOf(s: GenSpeaker, topic: Topic, year: number, rng: Rng): string {
  if (s.kind === 'partner') return `Chief Executive of ${s.charity}`;
  if (s.kind === 'chair') return year < 2015 ? 'ACPO President' : 'National Police Chiefs’ Council Chair';
  if (year < 2015) return rng.chance(0.5) ? `ACPO Lead for ${topic.lead}` : `National Policing Lead for ${topic.lead}`;
  return rng.weighted([
    [`National Police Chiefs’ Council Lead for ${topic.lead}`, 3],
    [`National Policing Lead for ${topic.lead}`, 2],
    [`NPCC Lead for ${topic.lead}`, 1],
  ] as const);
}

type Style = 'role-first' | 'commenting' | 'name-first' | 'same-line' | 'trailing' | 'added';

/** Generates a corpus with exactly `statements` statements. */
export function generateCorpus(opts: CorpusOptions): Corpus {
  const seed = opts.seed ?? 1;
  const root = new Rng(seed);
  const speakers = makeSpeakers(root.fork(1));
  const rng = root.fork(2);
  const byTopic = TOPICS.map((_, t) => speakers.map((s, i) => [s, i] as const).filter(([s]) => s.topic === t));
  const chairs = speakers.map((s, i) => [s, i] as const).filter(([s]) => s.kind === 'chair');
  const partners = speakers.map((s, i) => [s, i] as const).filter(([s]) => s.kind === 'partner');
  const said = new Map<number, string[]>(); // a speaker's earlier sentences, some of which recur

  const releases: GenRelease[] = [];
  const statements: GenStatement[] = [];
  let remaining = opts.statements;

  const active = (list: (readonly [GenSpeaker, number])[], year: number) => {
    const now = list.filter(([s]) => s.from <= year && year <= s.to);
    return (now.length ? now : list).map(([, i]) => i);
  };

  while (remaining > 0) {
    const index = releases.length;
    const date = isoDate(rng);
    const topicIndex = rng.int(0, TOPICS.length - 1);
    const topic = TOPICS[topicIndex];
    const w = new Writer(rng, topic, date.year);

    // How many statements: the lead, quotations, narrative paragraphs.
    let quotes = rng.weighted([[0, 8], [1, 45], [2, 35], [3, 12]] as const);
    let narratives = rng.weighted([[0, 30], [1, 45], [2, 20], [3, 5]] as const);
    while (1 + quotes + narratives > remaining) {
      if (narratives > 0) narratives--;
      else quotes--;
    }
    const leadRepeats = quotes > 0 && rng.chance(0.1) && 1 + quotes + narratives + 1 <= remaining;
    if (leadRepeats) narratives++; // the lead is then the title only, not a statement of its own

    // A speaker sometimes repeats a line from an earlier release; everyone uses the stock lines.
    const fresh: [number, string][] = [];
    const sentence = (speaker: number): string => {
      const prior = said.get(speaker);
      if (prior && prior.length > 3 && rng.chance(0.03)) return rng.pick(prior);
      if (rng.chance(0.04)) return rng.pick(STOCK_SENTENCES);
      const s = w.expand(rng.weighted(QUOTE_SENTENCES));
      fresh.push([speaker, s]);
      return s;
    };

    // Quotations: who speaks, in which style, how many paragraphs.
    type Item = { kind: 'quote'; speaker: number; style: Style; paragraphs: string[][] } | { kind: 'narrative'; paragraphs: string[][] };
    const items: Item[] = [];
    let prev: number | null = null;
    const quoteItems: Item[] = [];
    for (let q = 0; q < quotes; q++) {
      let speaker: number;
      let style: Style;
      if (prev !== null && rng.chance(0.2)) {
        speaker = prev;
        style = 'added';
      } else {
        const pool = q > 0 && rng.chance(0.15) ? (rng.chance(0.4) ? chairs : partners) : byTopic[topicIndex];
        speaker = rng.pick(active(pool, date.year));
        if (speaker === prev) speaker = rng.pick(active(byTopic[topicIndex], date.year));
        style = rng.weighted([['role-first', 35], ['commenting', 10], ['name-first', 25], ['same-line', 10], ['trailing', 10]] as const);
      }
      const single = style === 'same-line' || style === 'trailing';
      const nParas = single ? 1 : rng.weighted([[1, 30], [2, 25], [3, 20], [4, 15], [5, 10]] as const);
      const paragraphs: string[][] = [];
      for (let p = 0; p < nParas; p++) {
        const n = rng.weighted([[1, 25], [2, 40], [3, 25], [4, 10]] as const);
        const sentences: string[] = [];
        for (let k = 0; k < n; k++) sentences.push(sentence(speaker));
        paragraphs.push(sentences);
      }
      quoteItems.push({ kind: 'quote', speaker, style, paragraphs });
      prev = speaker;
    }
    const narrativeItems: Item[] = [];
    for (let n = 0; n < narratives; n++) {
      const k = rng.weighted([[1, 60], [2, 40]] as const);
      const sentences: string[] = [];
      for (let j = 0; j < k; j++) sentences.push(w.expand(rng.weighted(NARRATIVE_SENTENCES)));
      narrativeItems.push({ kind: 'narrative', paragraphs: [sentences] });
    }
    // Interleave, keeping the quotations in order ("added" must follow its speaker).
    let qi = 0;
    let ni = 0;
    while (qi < quoteItems.length || ni < narrativeItems.length) {
      const takeQuote = ni >= narrativeItems.length || (qi < quoteItems.length && rng.chance(items.length === 0 ? 0.6 : 0.55));
      if (takeQuote) {
        items.push(quoteItems[qi++]);
      } else items.push(narrativeItems[ni++]);
    }

    // The lead: a headline sentence of its own, or one repeating a sentence of a quotation.
    let leadText: string;
    if (leadRepeats) {
      const last = quoteItems[quoteItems.length - 1].paragraphs;
      const para = last[last.length - 1];
      leadText = para[para.length - 1].replace(/\.$/, '');
    } else leadText = w.expand(rng.pick(LEAD_SENTENCES));

    // Render the file and record the ground truth.
    const lines: string[] = [date.line, leadText];
    const ids: number[] = [];
    const add = (kind: 'quote' | 'narrative', speaker: number | null, paragraphs: string[][], lead: boolean) => {
      const id = statements.length;
      statements.push({ id, release: index, kind, speaker, text: paragraphs.map((p) => p.join(' ')).join('\n'), paragraphs, lead });
      ids.push(id);
    };
    if (!leadRepeats) add('narrative', null, [[leadText]], true);
    for (const item of items) {
      if (item.kind === 'narrative') {
        lines.push(item.paragraphs[0].join(' '));
        add('narrative', null, item.paragraphs, false);
        continue;
      }
      const s = speakers[item.speaker];
      const role = roleOf(s, topic, date.year, rng);
      const who = s.rank ? `${s.rank} ${s.name}` : s.name;
      const paras = item.paragraphs.map((p) => p.join(' '));
      const quoted = paras.map((p, i) => `“${p}${i === paras.length - 1 ? '”' : ''}`);
      switch (item.style) {
        case 'role-first': lines.push(`${role}, ${who} said:`, ...quoted); break;
        case 'commenting': lines.push(`Commenting on ${rng.pick(BANKS.occasion)}, ${role}, ${who} said:`, ...quoted); break;
        case 'name-first': lines.push(`${who}, ${role}, said:`, ...quoted); break;
        case 'same-line': lines.push(`${who}, ${role}, said: ${quoted[0]}`); break;
        case 'trailing': {
          const lowerRole = s.kind === 'lead' ? `national lead for ${topic.lead.toLowerCase()}` : role.charAt(0).toLowerCase() + role.slice(1);
          lines.push(`“${paras[0].replace(/\.$/, ',')}” said ${who}, ${lowerRole}.`);
          break;
        }
        case 'added': lines.push(`${rng.chance(0.7) ? (s.gender === 'f' ? 'She' : 'He') : `${s.gender === 'f' ? 'Ms' : 'Mr'} ${s.surname}`} added:`, ...quoted); break;
      }
      add('quote', item.speaker, item.paragraphs, false);
    }
    lines.push(...contactBlock(rng, date.year));
    for (const [speaker, s] of fresh) {
      const prior = said.get(speaker);
      if (!prior) said.set(speaker, [s]);
      else if (prior.length < 20) prior.push(s);
      else prior[rng.int(0, 19)] = s;
    }

    releases.push({
      date: date.iso,
      source: `${String(index).padStart(6, '0')}_${hex(rng)}.txt`,
      text: lines.join('\n') + '\n',
      topic: topicIndex,
      statements: ids,
    });
    remaining -= ids.length;
  }
  return { seed, speakers, releases, statements };
}

/** The speaker's name as the ground truth has it (null for narrative). */
export function speakerName(c: Corpus, st: GenStatement): string | null {
  return st.speaker === null ? null : c.speakers[st.speaker].name;
}
