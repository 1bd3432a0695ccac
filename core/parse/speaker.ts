/**
 * Reads who is speaking from an attribution phrase, in the ways releases write it:
 * "National Policing Lead for Cyber-crime, Deputy Chief Constable Peter Goodman",
 * "Commander Priya Desai, National Police Chiefs’ Council Lead for Economic Crime",
 * "National Police Chiefs’ Council Chair, Sara Thornton", "Ms Desai", "she",
 * "Jane Doe, chief executive of SafeKids".
 */

export type SpeakerRef =
  | { kind: 'pronoun' }
  /** A person; `name` may be a surname alone ("Ms Desai"), resolved against the release's speakers. */
  | { kind: 'person'; name: string; rank: string | null; role: string | null }
  /** Nobody named, only a role: "A Home Office spokesperson". */
  | { kind: 'role'; role: string };

const RANKS = [
  'Deputy Assistant Commissioner', 'Assistant Commissioner', 'Deputy Commissioner', 'Commissioner',
  'Deputy Chief Constable', 'Assistant Chief Constable', 'Chief Constable', 'Chief Officer',
  'Detective Chief Superintendent', 'Chief Superintendent', 'Detective Superintendent', 'Superintendent',
  'Detective Chief Inspector', 'Chief Inspector', 'Detective Inspector', 'Inspector',
  'Detective Sergeant', 'Sergeant', 'Detective Constable', 'Police Constable', 'Special Constable', 'Constable',
  'Deputy Commander', 'Commander', 'Det Ch Supt', 'Ch Supt', 'Det Supt', 'Supt', 'Ch Insp', 'Det Insp',
  'DCS', 'DCI', 'DC', 'DS', 'DI', 'PC', 'ACC', 'DCC', 'AC', 'DAC',
  'The Rt Hon', 'Rt Hon', 'Sir', 'Dame', 'Lord', 'Lady', 'Baroness', 'Baron', 'Professor', 'Prof', 'Dr', 'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Rev',
];
export const RANK_RE = new RegExp(
  `^((?:(?:Temporary|Acting|T/|A/)\\s*)?(?:${RANKS.map((r) => r.replace(/ /g, '\\s+')).join('|')})\\.?)(?=\\s|$)`,
);

// Words that make a capitalised phrase a role or an organisation, not a person.
const NOT_NAME = new Set(
  ('National Police Policing Chiefs Chiefs’ Chiefs\' Council Lead Chair Chairman Chairwoman Chief Officer Officers Agency Secretary Minister ' +
    'Director Head Commissioner Constable Association Service Services Force Forces Government Home Office Crime College ' +
    'Executive President Deputy Assistant Manager Coordinator Co-ordinator Spokesperson Spokesman Spokeswoman Mayor Leader ' +
    'Group Unit Team Board Committee Fund Trust Charity Foundation Centre Center Partnership Authority Department Ministry ' +
    'Network Society Institute Campaign Federation Union Inspectorate Justice Protection Child Children Cyber Roads Economic ' +
    'Counter Terrorism Serious Organised Metropolitan City London Britain British England Wales Scotland UK United Kingdom ' +
    'The For Of And On In At To A An HMIC HMICFRS NPCC ACPO NCA CEOP CEO MP QPM OBE MBE CBE QC KC JP Commenting Speaking ' +
    'Responding Welcoming Announcing Today Yesterday Police’ Safety Road Knife Fraud Statistics Office’s Professor Dr')
    .split(' '),
);
const POST_NOMINALS = /(?:,?\s+(?:QPM|OBE|MBE|CBE|KBE|DBE|QC|KC|MP|JP|DL|PhD|FRS|MA|BSc))+\.?$/;
const NAME_WORD = /^(?:[A-Z\u00C0-\u00DE][\p{L}’'\-]*|(?:[A-Z]\.)+|Mc[A-Z][\p{L}]+|Mac[A-Z][\p{L}]+|de|da|van|von|der|le|la|bin|al)$/u;
const PRONOUN = /^(?:he|she|they|the\s+(?:chief|commissioner|commander|deputy|assistant)[\w\s]*?)$/i;
const INTRO = /^(?:[A-Z][a-z]+ing\b|In\s+(?:a|his|her|their)\b|Today\b|Yesterday\b|Separately\b|Meanwhile\b|Also\b|However\b|But\b|And\b|On\s+\w+day\b)/;

export function looksLikeName(words: string[]): boolean {
  if (words.length === 0 || words.length > 5) return false;
  if (!/^[A-Z\u00C0-\u00DE]/.test(words[0]) || !/^[A-Z\u00C0-\u00DE]/.test(words[words.length - 1])) return false;
  return words.every((w) => NAME_WORD.test(w) && !NOT_NAME.has(w) && !(w.length > 1 && w === w.toUpperCase() && !/\./.test(w)));
}

interface NameHit {
  rank: string | null;
  name: string;
  /** Words of the segment before the rank or name, e.g. "NPCC Chair". */
  rolePart: string;
}

/** Finds "Rank Name" or a trailing "Name" in one comma-separated segment. */
function findName(segment: string): NameHit | null {
  const text = segment.replace(POST_NOMINALS, '').trim();
  const words = text.split(/\s+/);
  // A rank followed by a name, anywhere in the segment: "… Lead for Cyber-crime Deputy Chief Constable Peter Goodman".
  for (let i = 0; i < words.length; i++) {
    const rest = words.slice(i).join(' ');
    const m = RANK_RE.exec(rest);
    if (!m) continue;
    let rank = m[1].replace(/\s+/g, ' ');
    let after = rest.slice(m[0].length).trim();
    // A second title: "Chief Constable Sir Hugh Orde".
    const m2 = RANK_RE.exec(after);
    if (m2) {
      rank += ' ' + m2[1].replace(/\s+/g, ' ');
      after = after.slice(m2[0].length).trim();
    }
    const nameWords = after ? after.split(/\s+/) : [];
    if (looksLikeName(nameWords)) {
      return { rank, name: nameWords.join(' '), rolePart: words.slice(0, i).join(' ') };
    }
    // A name followed by a lower-case role: "Professor John Smith from the University of Leicester".
    for (let k = Math.min(4, nameWords.length - 1); k >= 1; k--) {
      if (looksLikeName(nameWords.slice(0, k)) && /^(?:of|from|at|for|with|who|in|on|the|and)$/.test(nameWords[k])) {
        const role = [words.slice(0, i).join(' '), nameWords.slice(k).join(' ')].filter(Boolean).join(', ');
        return { rank, name: nameWords.slice(0, k).join(' '), rolePart: role };
      }
    }
  }
  // No rank: a name of two to four words at the end ("NPCC Chair Sara Thornton", "Jane Doe").
  for (let k = Math.min(4, words.length); k >= 2; k--) {
    const nameWords = words.slice(words.length - k);
    if (looksLikeName(nameWords)) {
      return { rank: null, name: nameWords.join(' '), rolePart: words.slice(0, words.length - k).join(' ') };
    }
  }
  // …or at the start, followed by a lower-case role ("Jane Doe chief executive of …").
  for (let k = Math.min(4, words.length - 1); k >= 2; k--) {
    const nameWords = words.slice(0, k);
    if (looksLikeName(nameWords) && /^[a-z]/.test(words[k])) {
      return { rank: null, name: nameWords.join(' '), rolePart: words.slice(k).join(' ') };
    }
  }
  return null;
}

function cleanRole(role: string): string | null {
  const r = role
    .replace(/^(?:and|who\s+is)\s+/i, '')
    .replace(/[\s,.;:]+$/, '')
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

/** Reads an attribution phrase with the speech verb already removed. */
export function parseSpeakerPhrase(phrase: string): SpeakerRef | null {
  const p = phrase
    .replace(/^[\s,;:–—-]+|[\s,;:.–—-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!p) return null;
  if (PRONOUN.test(p)) return { kind: 'pronoun' };
  const segs = segments(p).filter((s, i) => !(i === 0 && INTRO.test(s) && !findName(s)));
  let hitAt = -1;
  let hit: NameHit | null = null;
  // Prefer the segment with a rank, then a segment that is a name and nothing else
  // ("Chief Executive of Victim Support, Nicola Lewis"), then any segment ending in a name.
  const quality = (h: NameHit) => (h.rank ? 2 : h.rolePart ? 0 : 1);
  for (let i = 0; i < segs.length && !hit?.rank; i++) {
    const h = findName(segs[i]);
    if (h && (!hit || quality(h) > quality(hit))) {
      hit = h;
      hitAt = i;
    }
  }
  // A surname alone after a title: "Ms Desai", "Chief Constable Bailey".
  if (!hit) {
    for (let i = 0; i < segs.length; i++) {
      const m = RANK_RE.exec(segs[i]);
      const rest = m ? segs[i].slice(m[0].length).trim() : '';
      if (m && looksLikeName([rest])) {
        hit = { rank: m[1].replace(/\s+/g, ' '), name: rest, rolePart: '' };
        hitAt = i;
        break;
      }
    }
  }
  // A bare surname ("Desai added:").
  if (!hit && segs.length === 1 && looksLikeName([segs[0]])) return { kind: 'person', name: segs[0], rank: null, role: null };
  if (!hit) {
    const role = cleanRole(segs.join(', '));
    return role ? { kind: 'role', role } : null;
  }
  const roleParts = [hit.rolePart, ...segs.filter((_, i) => i !== hitAt)].map((s) => s.trim()).filter(Boolean);
  return { kind: 'person', name: hit.name, rank: hit.rank, role: cleanRole(roleParts.join(', ')) };
}

/** The surname: the last word of a name. */
export function surnameOf(name: string): string {
  const words = name.trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}
