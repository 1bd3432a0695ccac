/**
 * The end of a release — the press office's contact block, notes to editors, "ENDS",
 * "About the NPCC" — and the page furniture inside it (link lines, photo captions, share
 * buttons). Not statements, so kept out of matching; the tail tells which organisation issued it.
 */

import { findDateIn } from './date';

const TAIL_START = new RegExp(
  '^(?:' +
    [
      'for (?:more|further) (?:information|details)',
      'notes? (?:to|for) (?:the )?editors?',
      "editors?['’]?s?['’]? notes?",
      'background(?: information| notes?)?\\s*:?$',
      'communications office',
      '(?:npcc |acpo |force |the )?press office',
      'media (?:enquiries|contacts?|office|information)',
      'press (?:enquiries|contacts?)',
      'contacts?\\s*:',
      'by (?:phone|email|e-mail)',
      'tel(?:ephone)?\\s*[:.]',
      'e-?mail\\s*:',
      '#*\\s*[-–—]*\\s*ends?\\s*[-–—]*\\s*#*\\.?$',
      'about (?:the )?(?:npcc|acpo|national police chiefs|association of chief police|college of policing|counter terrorism policing)',
      'about (?:us|[A-Z][\\w’\']*(?: [A-Z&][\\w’\']*){0,5})\\s*:?$',
      'share this (?:page|article|story)',
      'related (?:content|links|news|articles|stories)\\s*:?$',
      'tags?\\s*:',
    ].join('|') +
    ')',
  'i',
);
/** A line of the contact block: the press office, or a short line that is mostly a telephone number or an address. */
const PRESS_OFFICE = /(?:press office|can be contacted|out of office hours)/i;
const CONTACT_DETAIL = /(?:\b0\d{3,4}[ \d/]{6,}|@[\w-]+\.[\w.]+)/;

/** The index of the first line of the tail, or lines.length when there is none. */
export function findTailStart(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i].trim();
    if (!l) continue;
    if (/^by\s/i.test(l)) continue; // a byline ("By Oakshire Police press office · 5 April 2022")
    if (TAIL_START.test(l) && !/[“”"]/.test(l.slice(0, 3))) {
      // "For further information about the scam, officers are visiting …" is a sentence of the release.
      if (/^for (?:more|further)/i.test(l) && l.split(/\s+/).length > 6 && !/\b(?:contact|visit|call|phone|telephone|email|e-mail|press office|media)\b|www\.|https?:|@|:\s*$/i.test(l)) continue;
      // "About X" as a heading only: a short line, not a sentence.
      if (/^about\b/i.test(l) && (l.split(/\s+/).length > 8 || /[.!?]$/.test(l))) continue;
      if (/^background\b/i.test(l) && l.split(/\s+/).length > 3) continue;
      return i;
    }
    if (l.length < 200 && !/[“”"‘’]/.test(l) && !/\b(?:said|says|added)\b/.test(l)) {
      // "…report it to Crimestoppers on 0800 555 111" is a sentence of the release, not its contact block.
      if (PRESS_OFFICE.test(l) || (CONTACT_DETAIL.test(l) && l.split(/\s+/).length <= 10)) return i;
    }
  }
  return lines.length;
}

const LINK = /(?:https?:\/\/|www\.)\S+/i;

/**
 * Page furniture inside a release's body: a link line ("Read the report – https://…", a bare
 * address), a photo caption ("Pictured: …", "Image: …"), a share bar. The reason, or null for a paragraph.
 */
export function furniture(line: string): string | null {
  const l = line.trim();
  if (/^(?:pictured|picture|photo(?:graph)?|image|caption|video|watch|listen|credit)\s*(?:\([^)]*\))?\s*[:–—-]/i.test(l)) return 'a caption';
  if (/^\((?:pictured|picture|photo|image)\b[^)]*\)\.?$/i.test(l)) return 'a caption';
  if (/^(?:source|posted (?:on|in|by)|published (?:by|in))\b[^.!?]{0,80}$/i.test(l)) return 'a source line';
  if (/^(?:date\s+)?(?:published|posted|updated|last updated|first published|issued)\b/i.test(l) && l.length < 120 && findDateIn(l)) return 'a dateline';
  if (/^by\s+[^.!?]{2,80}$/i.test(l) && (findDateIn(l) || /press office|communications|reporter|staff|correspondent/i.test(l) || l.split(/\s+/).length <= 6)) return 'a byline';
  if (/^(?:category|categories|tags?|topics?|filed under|posted in|section|location)\s*:\s*\S[^.!?]{0,60}$/i.test(l)) return 'a label';
  if (/^share (?:this|on)\b/i.test(l) || /^(?:facebook|twitter|x|linkedin|email|whatsapp)(?:\s*[|·,]\s*(?:facebook|twitter|x|linkedin|email|whatsapp|print))+$/i.test(l)) return 'a share bar';
  if (LINK.test(l)) {
    const words = l.replace(LINK, ' ').replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().split(/\s+/).filter(Boolean);
    // A line that is mostly an address, or "Read the report – https://…".
    if (words.length <= 3) return 'a link';
    const label = l.replace(/[\s:–—-]*(?:https?:\/\/|www\.)\S+\s*$/i, '');
    // "Read the report – https://…": a label, then the address that ends the line.
    if (words.length <= 12 && label !== l && !/[.!?]["”’]?$/.test(label.trim())) return 'a link';
  }
  return null;
}

const ORGS: [RegExp, string][] = [
  [/\bACPO\b|Association of Chief Police Officers/, 'ACPO'],
  [/\bNPCC\b|National Police Chiefs.? Council|npcc\.police\.uk/i, 'NPCC'],
  [/College of Policing|college\.police\.uk/i, 'College of Policing'],
  [/Counter Terrorism Policing|counterterrorism\.police\.uk/i, 'Counter Terrorism Policing'],
  [/National Crime Agency|\bNCA\b/, 'National Crime Agency'],
];

/** The organisation the contact block names first, if any. */
export function findOrganisation(tail: string): string | undefined {
  let best: { at: number; name: string } | undefined;
  for (const [re, name] of ORGS) {
    const m = re.exec(tail);
    if (m && (!best || m.index < best.at)) best = { at: m.index, name };
  }
  return best?.name;
}

/** A police force named in the text: "Westmarch Police", "Ashdown Constabulary", "Police Scotland". */
export function findForce(text: string): string | undefined {
  // Not "Independent Police Complaints Commission": the force's name ends there.
  const m = /\b((?:[A-Z][\p{L}’'-]+[ \t]+){1,3}(?:Police(?:\s+Service)?|Constabulary)|Police\s+Scotland|Police\s+Service\s+of\s+Northern\s+Ireland)\b(?![ \t]+[A-Z])/u.exec(text);
  if (!m) return undefined;
  const name = m[1].replace(/^(?:The|A|An|Of|By|From|And|About)\s+/, '');
  return /^(?:National|The|Chief|Chiefs|Local|British Transport)?\s*Police$/.test(name) ? undefined : name;
}
