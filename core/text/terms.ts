import { stemmer } from 'stemmer';
import type { Token } from './tokens';

/**
 * Content terms: the words that carry meaning, stemmed, for retrieval and for
 * recognising a paraphrase ("abusing" and "abuse" are one term).
 */

// Function words, reporting verbs and pronouns: they say nothing about which
// statement a passage comes from.
const STOP = new Set(
  (
    'a an the and or but nor so yet if then than that this these those there here of to in on at by for from with ' +
    'without into onto over under about above below up down out off as is are was were be been being am do does did ' +
    'doing done have has had having will would shall should can could may might must not no yes it its it s itself ' +
    'i me my we us our ours you your he him his she her they them their what which who whom whose when where why how ' +
    'all any both each few more most other some such only own same too very just also even still again ever ' +
    'said says say saying told tell added adds according while whilst because since until through during before after ' +
    'one ones'
  ).split(' '),
);

const IRREGULAR: Record<string, string> = {
  knives: 'knife', lives: 'life', wives: 'wife', children: 'child', people: 'person', men: 'man', women: 'woman',
  neither: 'not', nor: 'not', never: 'not', none: 'not',
};

export function isStopword(norm: string): boolean {
  return STOP.has(norm);
}

/** The stem of a folded word (numbers are their own term). */
export function stem(norm: string): string {
  let s = stems.get(norm);
  if (s === undefined) {
    // British and American spellings share a stem: analyse/analyze, organisation/organization.
    s = IRREGULAR[norm] ?? stemmer(norm.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1').replace(/ys(e|es|ed|ing)$/, 'yz$1'));
    // Remembered: a language's words repeat, and stemming is the costly part of reading text.
    if (stems.size > 100_000) stems.clear();
    stems.set(norm, s);
  }
  return s;
}
const stems = new Map<string, string>();

/** The content term of one word: a number as "#" and its value, a word stemmed, null for a function word. */
export function termOf(t: Pick<Token, 'norm' | 'num'>): string | null {
  if (t.num) return '#' + t.norm;
  return !STOP.has(t.norm) && t.norm.length > 1 ? stem(t.norm) : null;
}

/** Distinct content terms of a token list. */
export function contentTerms(tokens: readonly Token[]): string[] {
  const out = new Set<string>();
  for (const t of tokens) {
    const term = termOf(t);
    if (term !== null) out.add(term);
  }
  return [...out];
}
