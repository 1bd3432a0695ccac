/**
 * Reads who is speaking from an attribution phrase, in the ways releases write it:
 * "National Policing Lead for Cyber-crime, Deputy Chief Constable Peter Goodman",
 * "Commander Priya Desai, National Police Chiefs’ Council Lead for Economic Crime",
 * "T/ACC Jo Bloggs QPM", "Dr Jane Doe, chief executive of SafeKids", "Ms Desai", "she",
 * "An ACPO spokesman", "A spokesperson for the NPCC".
 *
 * Ranks are kept as written ("CC", "Det Supt") and expanded for display by expandRank;
 * honorifics (Sir, Dr, Ms …) and post-nominals (QPM, OBE …) are never part of a name.
 */
import { RANK_PATTERN } from './ranks';

/** What an honorific or a pronoun says of a person's sex, used only to tell "she" and "Mr Doe" apart. */
export type Sex = 'f' | 'm';

export type SpeakerRef =
  | { kind: 'pronoun'; pronoun: string }
  /** A person; `name` may be a surname alone ("Ms Desai"), resolved against the release's people. */
  | { kind: 'person'; name: string; rank: string | null; role: string | null; honorific: string | null; sex?: Sex }
  /** Nobody named: "An ACPO spokesman", "the Chief Constable of Westmarch Police". */
  | { kind: 'role'; role: string; rank: string | null; organisation: string | null };

const HONORIFICS = [
  // Judges, whose titles are never part of their names.
  'His Honour Judge', 'Her Honour Judge', 'His Honour', 'Her Honour', 'District Judge', 'Deputy District Judge', 'Judge',
  'Mr Justice', 'Mrs Justice', 'Ms Justice', 'Lord Justice', 'Lady Justice', 'Recorder',
  'The Rt Hon', 'Rt Hon', 'The Right Honourable', 'Sir', 'Dame', 'Lord', 'Lady', 'Baroness', 'Baron', 'Professor', 'Prof',
  'Dr', 'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Rev', 'Revd', 'Cllr', 'Councillor',
];
/** Honorifics that say nothing beyond the person's sex: dropped rather than kept. */
const PLAIN = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx']);
const HONORIFIC_RE = new RegExp(`^(${HONORIFICS.map((h) => h.replace(/ /g, '\\s+')).join('|')})\\.?(?=\\s|$)`);
const RANK_RE = new RegExp(`^(${RANK_PATTERN})(?=[\\s,]|$)`);
const HONORIFIC_PATTERN = `(?:${HONORIFICS.map((h) => h.replace(/ /g, '\\s+')).join('|')})\\.?`;
/** A rank or honorific, or both ("Chief Constable Sir", "Dr"), at the start of a string: for finding names in page text. */
export const TITLE_RE = new RegExp(`^((?:${RANK_PATTERN}|${HONORIFIC_PATTERN})(?:\\s+${HONORIFIC_PATTERN})*)(?=\\s|$)`);

// Words that make a capitalised phrase a role or an organisation, not a person.
const NOT_NAME = new Set(
  ('National Police Policing Chiefs Chiefs’ Chiefs\' Council Lead Chair Chairman Chairwoman Chief Officer Officers Agency Secretary Minister ' +
    'Director Head Commissioner Constable Constabulary Association Service Services Force Forces Government Home Office Crime College ' +
    'Executive President Deputy Assistant Manager Coordinator Co-ordinator Spokesperson Spokesman Spokeswoman Mayor Leader ' +
    'Group Unit Team Board Committee Fund Trust Charity Foundation Centre Center Partnership Authority Department Ministry ' +
    'Network Society Institute Campaign Federation Union Inspectorate Justice Protection Child Children Cyber Roads Economic ' +
    'Counter Terrorism Serious Organised Metropolitan City London Britain British England Wales Scotland UK United Kingdom ' +
    'The For Of And On In At To A An HMIC HMICFRS NPCC ACPO NCA CEOP CEO MP QPM OBE MBE CBE QC KC JP Commenting Speaking ' +
    'Responding Welcoming Announcing Today Yesterday Police’ Safety Road Knife Fraud Statistics Office’s Professor Dr ' +
    'He She They It We This That These Those There Here Officers Detectives Investigators Anyone Everyone Nobody ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Notes Editors Background Pictured Photo Image Share Read ENDS Ends Press Media Enquiries Contact Regional Region County Borough ' +
    'Operation Superintendent Inspector Sergeant Commander Detective Temporary Acting Neighbourhood Policing ' +
    'Det Supt Insp Sgt Cmdr Cdr Ch Con Comm Dep Temp Act Chief Mr Mrs Ms Miss Mx Sir Dame Lord Lady Baroness Rev Revd Cllr Councillor Prof ' +
    'His Her Honour Judge Justice Recorder District')
    .split(' '),
);
const POST_NOMINALS = /(?:,?\s+(?:QPM|KPM|OBE|MBE|CBE|KBE|DBE|QC|KC|MP|MSP|AM|MS|JP|DL|PhD|FRS|MA|BSc|DPhil|LLB|FRSA|QFSM|CStJ))+\.?$/;
const POST_NOMINAL_WORD = /^(?:QPM|KPM|OBE|MBE|CBE|KBE|DBE|QC|KC|MP|MSP|JP|DL|PhD|FRS|FRSA|QFSM|CStJ)[,.]?$/;
const NAME_WORD = /^(?:[A-Z\u00C0-\u00DE][\p{L}’'\-]*|(?:[A-Z]\.)+[A-Z]?|Mc[A-Z][\p{L}]+|Mac[A-Z][\p{L}]+|de|da|dos|das|del|della|van|von|der|den|ter|le|la|bin|bint|al|el|du|di|ap|ab|ferch|y)$/u;
const PRONOUN = /^(?:he|she|they|the\s+(?:chief|commissioner|commander|deputy|assistant|superintendent|inspector|officer|detective)[\w\s]*?)$/i;
const INTRO = /^(?:[A-Z][a-z]+ing\b|In\s+(?:a|his|her|their|response)\b|Today\b|Yesterday\b|Separately\b|Meanwhile\b|Also\b|However\b|But\b|And\b|On\s+\w+day\b|Later\b|Earlier\b|Afterwards\b)/;
const SPOKES = /^(?:an?\s+|the\s+)?(.*?)\s*\b(spokes(?:person|man|woman|people)|press\s+officer|representative)\b\s*(?:(?:for|from|of|at)\s+(?:the\s+)?(.+))?$/i;

export function looksLikeName(words: string[]): boolean {
  if (words.length === 0 || words.length > 5) return false;
  if (!/^[A-Z\u00C0-\u00DE]/.test(words[0]) || !/^[A-Z\u00C0-\u00DE]/.test(words[words.length - 1])) return false;
  return words.every((w) => NAME_WORD.test(w) && !NOT_NAME.has(w) && !(w.length > 1 && w === w.toUpperCase() && !/\./.test(w)));
}

interface NameHit {
  rank: string | null;
  honorific: string | null;
  sex?: Sex;
  name: string;
  /** Words of the segment before the rank or name, e.g. "NPCC Chair". */
  rolePart: string;
}

/** Rank, honorifics and what follows them at the start of `text`: "T/ACC Sir Jo Bloggs" → rank, honorific, rest. */
function titles(text: string): { rank: string | null; honorific: string | null; sex?: Sex; rest: string; length: number } {
  let rest = text;
  let rank: string | null = null;
  const honorifics: string[] = [];
  for (let guard = 0; guard < 4; guard++) {
    const r: RegExpExecArray | null = rank ? null : RANK_RE.exec(rest);
    if (r) {
      rank = r[1].replace(/\s+/g, ' ');
      rest = rest.slice(r[0].length).trimStart();
      continue;
    }
    const h = HONORIFIC_RE.exec(rest);
    if (h) {
      honorifics.push(h[1].replace(/\s+/g, ' '));
      rest = rest.slice(h[0].length).trimStart();
      continue;
    }
    break;
  }
  const kept = honorifics.filter((h) => !PLAIN.has(h));
  const sex = honorifics.map(sexOf).find(Boolean);
  return { rank, honorific: kept.length ? kept.join(' ') : null, ...(sex ? { sex } : {}), rest, length: text.length - rest.length };
}

/** The sex an honorific tells ("Mr", "Dame"), if any. */
function sexOf(honorific: string): Sex | undefined {
  if (/^(?:Mrs|Ms|Miss|Dame|Lady|Baroness)$/.test(honorific)) return 'f';
  if (/^(?:Mr|Sir|Lord|Baron|His Honour(?: Judge)?|Mr Justice|Lord Justice)$/.test(honorific)) return 'm';
  if (/^(?:Her Honour(?: Judge)?|Mrs Justice|Ms Justice|Lady Justice)$/.test(honorific)) return 'f';
  return undefined;
}

/** Drops post-nominals ("QPM", "OBE") written anywhere after the name. */
function withoutPostNominals(words: string[]): string[] {
  return words.filter((w) => !POST_NOMINAL_WORD.test(w));
}

/** Finds "Rank Name" or a trailing "Name" in one comma-separated segment. */
function findName(segment: string): NameHit | null {
  const text = segment.replace(POST_NOMINALS, '').trim();
  const words = text.split(/\s+/);
  // A rank or honorific followed by a name, anywhere in the segment: "… Lead for Cyber-crime Deputy Chief Constable Peter Goodman".
  for (let i = 0; i < words.length; i++) {
    const rest = words.slice(i).join(' ');
    const t = titles(rest);
    if (t.length === 0) continue;
    const nameWords = withoutPostNominals(t.rest ? t.rest.split(/\s+/) : []);
    if (looksLikeName(nameWords)) {
      return { rank: t.rank, honorific: t.honorific, sex: t.sex, name: nameWords.join(' '), rolePart: words.slice(0, i).join(' ') };
    }
    // A name followed by a lower-case role: "Professor John Smith from the University of Leicester".
    for (let k = Math.min(4, nameWords.length - 1); k >= 1; k--) {
      if (looksLikeName(nameWords.slice(0, k)) && /^(?:of|from|at|for|with|who|in|on|the|and)$/.test(nameWords[k])) {
        const role = [words.slice(0, i).join(' '), nameWords.slice(k).join(' ')].filter(Boolean).join(', ');
        return { rank: t.rank, honorific: t.honorific, sex: t.sex, name: nameWords.slice(0, k).join(' '), rolePart: role };
      }
    }
    // "Chief Constable Bailey" (a surname alone) is the caller's: go on looking for a fuller hit.
  }
  const plain = withoutPostNominals(words);
  // No rank: a name of two to four words at the end ("NPCC Chair Sara Thornton", "Jane Doe").
  for (let k = Math.min(4, plain.length); k >= 2; k--) {
    const nameWords = plain.slice(plain.length - k);
    if (looksLikeName(nameWords)) {
      return { rank: null, honorific: null, name: nameWords.join(' '), rolePart: plain.slice(0, plain.length - k).join(' ') };
    }
  }
  // …or at the start, followed by a lower-case role ("Jane Doe chief executive of …").
  for (let k = Math.min(4, plain.length - 1); k >= 2; k--) {
    const nameWords = plain.slice(0, k);
    if (looksLikeName(nameWords) && /^[a-z]/.test(plain[k])) {
      return { rank: null, honorific: null, name: nameWords.join(' '), rolePart: plain.slice(k).join(' ') };
    }
  }
  return null;
}

function cleanRole(role: string): string | null {
  const r = role
    .replace(/^(?:and|who\s+is)\s+/i, '')
    .replace(/^[\s,.;:–—-]+|[\s,.;:–—-]+$/g, '')
    .trim();
  return r ? r : null;
}

/** Splits on commas that separate phrases (not the thousands in "1,000"). */
function segments(phrase: string): string[] {
  return phrase
    .split(/,(?!\d)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "An ACPO spokesman", "A spokesperson for the NPCC", "a force spokeswoman": nobody named. */
function unnamed(p: string): SpeakerRef | null {
  const m = SPOKES.exec(p);
  if (!m) return null;
  const before = m[1].replace(/^(?:an?|the)\s+/i, '').trim();
  const after = (m[3] ?? '').trim();
  if (before.split(/\s+/).length > 6 || after.split(/\s+/).length > 8) return null;
  const generic = /^(?:force|police|the\s+force|senior|a\s+senior)?$/i.test(before);
  const organisation = after || (generic ? '' : before);
  const role = generic && before ? `${before} ${m[2]}`.toLowerCase() : m[2].toLowerCase();
  return { kind: 'role', role, rank: null, organisation: organisation || null };
}

const memo = new Map<string, SpeakerRef | null>();

/**
 * Reads an attribution phrase with the speech verb already removed. The parser asks about
 * the same phrase several times (is this line an attribution? is what is left of it one?),
 * so answers are kept for a while; a SpeakerRef is never changed by its readers.
 */
/** The elected civilian office over a police force: "Police and Crime Commissioner", "Police, Fire and Crime Commissioner". */
export const PCC_OFFICE = "Police,?\\s+(?:Fire\\s+)?(?:and|&)\\s+Crime\\s+Commissioner";
const OFFICE_BEFORE_NAME = new RegExp(`^((?:[A-Z][\\p{L}’'-]*\\s+){0,3}${PCC_OFFICE})\\s+(\\S.*)$`, 'u');

export function parseSpeakerPhrase(phrase: string): SpeakerRef | null {
  let ref = memo.get(phrase);
  if (ref !== undefined) return ref;
  ref = readSpeakerPhrase(phrase);
  if (memo.size >= 4096) memo.clear();
  memo.set(phrase, ref);
  return ref;
}

function readSpeakerPhrase(phrase: string): SpeakerRef | null {
  const p = phrase
    .replace(/^[\s,;:–—-]+|[\s,;:.–—-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!p || p.length > 250) return null;
  // "Speaking at her first public meeting in the Guildhall, she": the clause says where, the rest who.
  const lead = /^(?:speaking|writing|addressing|talking|responding|commenting|asked|appearing)\b[^,“”"]{0,150},\s*(\S.*)$/i.exec(p);
  if (lead) return readSpeakerPhrase(lead[1]!);
  if (PRONOUN.test(p)) return { kind: 'pronoun', pronoun: p.toLowerCase() };
  // A role in brackets: "Chief Superintendent Gareth Penhaligon (Head of Custody, Northdale Police)".
  const bracket = p.includes('(') ? /^(.*?)\s*\(([^()]{2,150})\)\s*(.*)$/.exec(p) : null;
  if (bracket && bracket[1]) {
    const outer = readSpeakerPhrase(`${bracket[1]} ${bracket[3]}`.trim());
    if (outer?.kind === 'person') return { ...outer, role: outer.role ? `${outer.role}, ${bracket[2]}` : bracket[2] };
    if (outer) return outer;
  }
  // "Police and Crime Commissioner Dafydd Lorne", "West Mercia Police, Fire and Crime Commissioner
  // Jo Bloggs": an elected civilian office before the name, never a police rank.
  const office = OFFICE_BEFORE_NAME.exec(p);
  if (office) {
    const holder = readSpeakerPhrase(office[2]!);
    if (holder?.kind === 'person' && !holder.rank) return { ...holder, role: holder.role ? `${office[1]}, ${holder.role}` : office[1]! };
  }
  // "A spokeswoman for Northdale Police, one of the forces named in the report": the appositive is not the organisation.
  const spokes = /spokes|representative|press officer/i.test(p) ? (unnamed(p) ?? unnamed(p.split(/,(?!\d)/)[0].trim())) : null;
  if (spokes) return spokes;
  const segs = segments(p).filter((s, i) => !(i === 0 && INTRO.test(s) && !findName(s)));
  let hitAt = -1;
  let hit: NameHit | null = null;
  // Prefer the segment with a rank, then a segment that is a name and nothing else
  // ("Chief Executive of Victim Support, Nicola Lewis"), then any segment ending in a name.
  const quality = (h: NameHit) => (h.rank ? 3 : h.honorific ? 2 : h.rolePart ? 0 : 1);
  for (let i = 0; i < segs.length && !hit?.rank; i++) {
    const h = findName(segs[i]);
    if (h && (!hit || quality(h) > quality(hit))) {
      hit = h;
      hitAt = i;
    }
  }
  // A surname alone after a title: "Ms Desai", "Chief Constable Bailey", "CC Doe".
  if (!hit) {
    for (let i = 0; i < segs.length; i++) {
      const words = segs[i].split(/\s+/);
      for (let w = 0; w < words.length && !hit; w++) {
        const t = titles(words.slice(w).join(' '));
        const rest = withoutPostNominals(t.rest.split(/\s+/));
        // "Ms Desai", or a surname with its particle: "Ms ap Dafydd", "Mr van der Berg".
        const surname = rest.length === 1 ? looksLikeName(rest) : rest.length <= 3 && rest.slice(0, -1).every((x) => /^[a-z]/.test(x) && NAME_WORD.test(x)) && looksLikeName(rest.slice(-1));
        if (t.length > 0 && surname) {
          hit = { rank: t.rank, honorific: t.honorific, sex: t.sex, name: rest.join(' '), rolePart: words.slice(0, w).join(' ') };
          hitAt = i;
        }
      }
      if (hit) break;
    }
  }
  // A bare surname ("Desai added:").
  if (!hit && segs.length === 1 && looksLikeName([segs[0]])) return { kind: 'person', name: segs[0], rank: null, role: null, honorific: null };
  if (!hit) {
    const role = cleanRole(segs.join(', '));
    if (!role) return null;
    // "the Chief Constable of Westmarch Police": a rank, nobody named.
    const t = titles(role.replace(/^the\s+/i, ''));
    return { kind: 'role', role, rank: t.rank, organisation: null };
  }
  const roleParts = [hit.rolePart, ...segs.filter((_, i) => i !== hitAt)].map((s) => s.trim()).filter(Boolean);
  const ref: SpeakerRef = { kind: 'person', name: hit.name, rank: hit.rank, role: cleanRole(roleParts.join(', ')), honorific: hit.honorific };
  if (hit.sex) ref.sex = hit.sex;
  return ref;
}

/** The surname: the last word of a name. */
export function surnameOf(name: string): string {
  const words = name.trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

