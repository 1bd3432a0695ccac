/**
 * The end of a release: the press office's contact block and notes to editors.
 * Not statements, so kept out of matching; they tell which organisation issued it.
 */

const TAIL_START =
  /^(?:for (?:more|further) information|notes? (?:to|for) editors|editors'? notes|communications office|press office|media (?:enquiries|contacts?|office)|contacts?\s*:|by (?:phone|email|e-mail)|tel(?:ephone)?\s*[:.]|e-?mail\s*:|ends\.?$|-?\s*ends\s*-?$|about (?:the )?(?:npcc|acpo|national police chiefs|association of chief police))/i;
const CONTACT_LINE = /(?:press office|can be contacted|\b0\d{3,4}[ \d/]{6,}|@[\w-]+\.[\w.]+|out of office hours)/i;

/** The index of the first line of the tail, or lines.length when there is none. */
export function findTailStart(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i].trim();
    if (TAIL_START.test(l) || (CONTACT_LINE.test(l) && l.length < 200 && !/[“”"]/.test(l))) return i;
  }
  return lines.length;
}

const ORGS: [RegExp, string][] = [
  [/\bACPO\b|Association of Chief Police Officers/, 'ACPO'],
  [/\bNPCC\b|National Police Chiefs.? Council|npcc\.police\.uk/i, 'NPCC'],
  [/College of Policing|college\.police\.uk/i, 'College of Policing'],
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
