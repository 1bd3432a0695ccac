import { stem } from './terms';

/**
 * Words a report of a policing statement puts in place of the statement's own: "the extra money
 * would let officers …" for "this increased investment will enable us to …". Reported speech is
 * judged by how much of what it says a statement says (match/paraphrase.ts); without these, a
 * faithful report in everyday words falls short of it. Kept small and particular to the
 * subject: each group is words that stand for one another in a report, never merely related
 * ones (an arrest is not a charge), so that a report that says something else still falls short.
 */
const GROUPS: readonly string[][] = [
  ['money', 'funding', 'funds', 'investment', 'cash', 'finance'],
  ['extra', 'additional', 'increased', 'further'],
  // (Not "let": "let down", "let us".)
  ['enable', 'allow'],
  ['help', 'support', 'assist'],
  ['tackle', 'combat', 'fight', 'confront'],
  ['stop', 'prevent'],
  ['protect', 'safeguard', 'shield'],
  ['criminals', 'offenders', 'perpetrators'],
  ['rise', 'increase', 'growth', 'surge'],
  ['fall', 'decrease', 'drop', 'decline', 'reduction'],
  ['vital', 'crucial', 'essential', 'critical'],
  ['significant', 'substantial', 'considerable', 'major'],
  ['urge', 'encourage', 'appeal'],
  ['report', 'contact'],
  ['give', 'tell', 'pass', 'share'],
  ['online', 'internet'],
  ['children', 'child', 'youngsters'],
  ['people', 'public', 'residents'],
  ['vehicle', 'car'],
  ['kill', 'murder'],
  ['quickly', 'swiftly', 'rapidly'],
  ['concern', 'worry'],
];

const RELATED = new Map<string, Set<string>>();
for (const group of GROUPS) {
  const stems = group.map(stem);
  for (const s of stems) {
    const set = RELATED.get(s) ?? new Set<string>();
    for (const t of stems) if (t !== s) set.add(t);
    RELATED.set(s, set);
  }
}

/** The terms (stems) a report may use in place of `term`: empty for most. */
export function relatedTerms(term: string): ReadonlySet<string> {
  return RELATED.get(term) ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();
