/**
 * Police ranks as releases write them, in full or abbreviated, acting or temporary
 * ("T/ACC", "A/DCC", "Acting Chief Constable"), and their full form for display.
 */

/** Each abbreviation and its full form. Longer forms are listed before their prefixes. */
const ABBREVIATIONS: [string, string][] = [
  ['Det Ch Supt', 'Detective Chief Superintendent'],
  ['Det Chief Supt', 'Detective Chief Superintendent'],
  ['D/Ch Supt', 'Detective Chief Superintendent'],
  ['Ch Supt', 'Chief Superintendent'],
  ['C/Supt', 'Chief Superintendent'],
  ['Det Supt', 'Detective Superintendent'],
  ['D/Supt', 'Detective Superintendent'],
  ['Supt', 'Superintendent'],
  ['Det Ch Insp', 'Detective Chief Inspector'],
  ['Ch Insp', 'Chief Inspector'],
  ['C/Insp', 'Chief Inspector'],
  ['Det Insp', 'Detective Inspector'],
  ['Insp', 'Inspector'],
  ['Det Sgt', 'Detective Sergeant'],
  ['Sgt', 'Sergeant'],
  ['Det Con', 'Detective Constable'],
  ['Cmdr', 'Commander'],
  ['Cdr', 'Commander'],
  ['Dep Comm', 'Deputy Commissioner'],
  ['DCC', 'Deputy Chief Constable'],
  ['ACC', 'Assistant Chief Constable'],
  ['CC', 'Chief Constable'],
  ['DAC', 'Deputy Assistant Commissioner'],
  ['AC', 'Assistant Commissioner'],
  ['DCS', 'Detective Chief Superintendent'],
  ['DSU', 'Detective Superintendent'],
  ['DCI', 'Detective Chief Inspector'],
  ['DI', 'Detective Inspector'],
  ['DS', 'Detective Sergeant'],
  ['DC', 'Detective Constable'],
  ['PCSO', 'Police Community Support Officer'],
  ['PC', 'Police Constable'],
  ['SC', 'Special Constable'],
];

const FULL = [
  'Deputy Assistant Commissioner', 'Assistant Commissioner', 'Deputy Commissioner', 'Commissioner',
  'Deputy Chief Constable', 'Assistant Chief Constable', 'Chief Constable', 'Chief Officer',
  'Detective Chief Superintendent', 'Chief Superintendent', 'Detective Superintendent', 'Superintendent',
  'Detective Chief Inspector', 'Chief Inspector', 'Detective Inspector', 'Inspector',
  'Detective Sergeant', 'Sergeant', 'Detective Constable', 'Police Constable', 'Special Constable',
  'Police Community Support Officer', 'Deputy Commander', 'Commander', 'Chief Fire Officer',
];

const ACTING: [RegExp, string][] = [
  [/^T\/\s*/, 'Temporary '],
  [/^A\/\s*/, 'Acting '],
  [/^(?:Temporary|Temp\.?)\s+/, 'Temporary '],
  [/^(?:Acting|Act\.?)\s+/, 'Acting '],
];

const escape = (s: string) => s.replace(/[/.]/g, (c) => `\\${c}`).replace(/ /g, '\\s+');
const FORMS = [...FULL, ...ABBREVIATIONS.map(([a]) => a)].sort((a, b) => b.length - a.length);

/** A rank, acting or temporary or not, with an optional full stop ("Supt."): for use inside a larger expression. */
export const RANK_PATTERN = `(?:(?:T\\/|A\\/|Temporary\\s+|Temp\\.?\\s+|Acting\\s+)?(?:${FORMS.map(escape).join('|')})\\.?)`;

const BY_ABBREVIATION = new Map(ABBREVIATIONS.map(([a, full]) => [a.toLowerCase().replace(/\s+/g, ' '), full]));

/** The full form of a rank as written: "T/ACC" → "Temporary Assistant Chief Constable"; a full rank is returned as it is. */
export function expandRank(rank: string): string {
  let rest = rank.trim().replace(/\.$/, '').replace(/\s+/g, ' ');
  let prefix = '';
  for (const [re, word] of ACTING) {
    if (re.test(rest)) {
      prefix = word;
      rest = rest.replace(re, '');
      break;
    }
  }
  const full = BY_ABBREVIATION.get(rest.toLowerCase()) ?? rest;
  return prefix + full;
}

/** Whether two ranks as written are the same rank ("CC" and "Chief Constable"). */
export function sameRank(a: string | null, b: string | null): boolean {
  return !!a && !!b && expandRank(a).toLowerCase() === expandRank(b).toLowerCase();
}
