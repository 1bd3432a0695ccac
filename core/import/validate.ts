import { isRealIsoDate } from '../parse/calendar';
import { withoutInvisibles } from '../text/clip';
import type { Speaker, Statement } from '../types';

/** Whether text holds something to see once the invisible characters the reader removes are gone (a name of one zero-width space is no name). */
const visible = (text: string) => withoutInvisibles(text).trim() !== '';

/** Strict checks of a release read from JSON (an exported file, a message). Small and dependency-free. */
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isOptStr = (x: unknown) => x === undefined || typeof x === 'string';
const isNullStr = (x: unknown) => x === null || typeof x === 'string';

function checkSpeaker(s: unknown): s is Speaker | null {
  if (s === null) return true;
  if (!isObj(s) || !isNullStr(s.name) || !isNullStr(s.rank) || !isNullStr(s.role) || !isOptStr(s.honorific) || !isOptStr(s.organisation)) return false;
  // A named speaker has a name; one the release does not name has at least a role.
  return typeof s.name === 'string' ? visible(s.name) : typeof s.role === 'string' && visible(s.role);
}

function checkStatement(s: unknown): s is Statement {
  return (
    isObj(s) &&
    (s.kind === 'quote' || s.kind === 'narrative') &&
    checkSpeaker(s.speaker) &&
    (s.kind === 'quote' || s.speaker === null) &&
    typeof s.text === 'string' &&
    visible(s.text) &&
    Number.isInteger(s.line) &&
    (s.line as number) >= 1
  );
}

/** A warning as the parser gives it, or as text (exports made before warnings had kinds). */
function isWarning(w: unknown): boolean {
  return typeof w === 'string' || (isObj(w) && Number.isInteger(w.line) && typeof w.kind === 'string' && typeof w.message === 'string');
}

/** Strictly checks one exported release; returns the reason it is refused, or null. */
export function releaseProblem(r: unknown): string | null {
  if (!isObj(r) || !isObj(r.release) || !Array.isArray(r.statements)) return 'not a release (release and statements expected)';
  const info = r.release;
  if (typeof info.id !== 'string' || !/^[0-9a-f]{16}$/.test(info.id)) return 'its id is missing or malformed';
  if (typeof info.date !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(info.date)) return 'its date is missing or not YYYY-MM-DD';
  // As a release's text is held to it: "2023-02-30" is no day, and none is dated before 1900 or after 2200.
  if (!isRealIsoDate(info.date)) return `its date ${info.date} is not a real date`;
  if (typeof info.title !== 'string') return 'its title is missing';
  if (!isOptStr(info.organisation) || !isOptStr(info.source)) return 'its organisation or source is not text';
  if (info.url !== undefined && (typeof info.url !== 'string' || !/^https?:\/\//i.test(info.url))) return 'its url is not an http(s) address';
  if (r.statements.length === 0) return 'it has no statements';
  const bad = r.statements.findIndex((s) => !checkStatement(s));
  if (bad >= 0) return `statement ${bad + 1} is malformed`;
  if (r.warnings !== undefined && (!Array.isArray(r.warnings) || !r.warnings.every(isWarning))) return 'its warnings are malformed';
  return null;
}

