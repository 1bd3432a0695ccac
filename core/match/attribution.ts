import Fuse from 'fuse.js';
import type { Attribution, Speaker } from '../types';
import { foldWord } from '../text/tokens';
import { looksLikeName, surnameOf, TITLE_RE as RANK_RE } from '../parse/speaker';
import { MAX_NAME_CHARS, MAX_NAMES } from '../limits';

/**
 * Who the page says is speaking. People are found in the text around the passage
 * (full name, title and surname, surname alone, with a typo) and compared with the
 * speaker the release names; fuse.js does the fuzzy part, over short names.
 * Reading a text is linear in its length (nothing looks back over a sentence from each name,
 * nor rejoins a capitalised run word by word), and at most MAX_NAMES names are kept.
 */

const SPEECH = /\b(?:said|says|say|told|tells|added|adds|according\s+to|warned|warns|urged|urges|explained|stressed|insisted|commented|described|called|claimed|announced|admitted|argued|noted|wrote|writes|responded|replied)\b/i;

interface Found {
  /** As written on the page. */
  text: string;
  first: string | null;
  surname: string;
}

/** People named in a text, preferring those in sentences that report speech. */
export function findNames(text: string): string[] {
  return pick(text).map((f) => f.text);
}

/**
 * The people a text names: those of its sentences that report speech if any, else all; each
 * once, and the last MAX_NAMES of them (the nearest the passage, whose paragraph ends the text).
 */
function pick(text: string): Found[] {
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z“"‘'])|\n+/);
  const all: Found[] = [];
  const reported: Found[] = [];
  for (const sentence of sentences) {
    const found = namesIn(sentence);
    all.push(...found);
    if (found.length && SPEECH.test(sentence)) reported.push(...found);
  }
  const chosen = reported.length ? reported : all;
  const seen = new Set<string>();
  const once = chosen.filter((f) => (seen.has(f.text) ? false : (seen.add(f.text), true)));
  return once.length > MAX_NAMES ? once.slice(-MAX_NAMES) : once;
}

const SPACE = /\s/;
const WORD_CHAR = /\w/;

/** Where the white space that ends at `at` begins (`at` when there is none). */
function spaceBefore(s: string, at: number): number {
  let i = at;
  while (i > 0 && SPACE.test(s[i - 1])) i--;
  return i;
}

/** After white space ending at `at`: one of the words after which a capitalised run is an organisation or a place. */
const PLACE_WORD = /^(?:of|at|from|for|in|with|by|the)$/i;
function afterPlaceWord(s: string, at: number): boolean {
  const end = spaceBefore(s, at);
  if (end === at) return false;
  let start = end;
  while (start > 0 && end - start <= 4 && WORD_CHAR.test(s[start - 1])) start--;
  return !(start > 0 && WORD_CHAR.test(s[start - 1])) && PLACE_WORD.test(s.slice(start, end));
}

function namesIn(sentence: string): Found[] {
  const out: Found[] = [];
  // Capitalised runs, with any rank or title before them.
  const re = /(?:[A-Z][\p{L}’'.\-]*|de|van|von)(?:\s+(?:[A-Z][\p{L}’'.\-]*|de|van|von))*/gu;
  const lead = sentence.search(/\S/);
  for (const m of sentence.matchAll(re)) {
    const at = m.index!;
    // A sentence's full stop is not part of a name (an initial's is: "J.").
    let phrase = m[0].replace(/[’']s$/, '').replace(/(?<=\p{L}{2})\.+$/u, '');
    // At the sentence's start, or just after an opening mark or bracket.
    const atStart = at <= lead || /[“"‘(]/.test(sentence[spaceBefore(sentence, at) - 1] ?? '');
    // A byline ("By Danny Pike", "By Danny Pike, Crime Reporter") names the writer, not a speaker.
    if (atStart && /^By\s/.test(phrase)) continue;
    let rank: string | null = null;
    // Strip role and organisation words before the rank or name: "NPCC Chair Sara Thornton".
    const words = phrase.split(/\s+/);
    let k = 0;
    for (; k < words.length; k++) {
      // A rank with its honorifics begins within a few words: look there, and join the rest only once found.
      if (RANK_RE.test(words.slice(k, k + 8).join(' '))) {
        const rest = words.slice(k).join(' ');
        const r = RANK_RE.exec(rest)!;
        rank = r[1];
        phrase = rest.slice(r[0].length).trim();
        break;
      }
      // A name is at most five words (looksLikeName): a longer rest is not one.
      if (words.length - k <= 5 && looksLikeName(words.slice(k))) {
        phrase = words.slice(k).join(' ');
        break;
      }
    }
    if (k === words.length) continue;
    if (phrase.length > MAX_NAME_CHARS) continue;
    const nameWords = phrase ? phrase.split(/\s+/) : [];
    if (!looksLikeName(nameWords)) continue;
    // "PCSOs", "MPs", "Band D": an acronym, or a surname of one letter, is no one's name.
    if (nameWords.some((w) => /^[A-Z]{2,}s?$/.test(w)) || /^[A-Z]\.?$/.test(nameWords[nameWords.length - 1] ?? '')) continue;
    if (rank && rank.length > MAX_NAME_CHARS) continue;
    // "… of Age Concern Together": after these words a capitalised run is an organisation or a place.
    if (!rank && afterPlaceWord(sentence, at)) continue;
    // A pronoun beside a verb of speech ("He said") names no one.
    if (nameWords.length === 1 && !rank && /^(?:He|She|They|It|We|I|You|This|That)$/.test(nameWords[0])) continue;
    if (nameWords.length === 1 && !rank) {
      // A lone capitalised word is a surname only beside a verb of speech ("Bailey said", "said Bailey").
      const after = sentence.slice(at + m[0].length, at + m[0].length + 30);
      const before = sentence.slice(Math.max(0, at - 30), at);
      const speech = /^\s*(?:,[^,]{0,40},\s*)?(?:has\s+|had\s+|also\s+)?(?:said|says|told|added|adds|warned|urged|explained|stressed|insisted|claimed)\b/i.test(after) || /\b(?:said|says|added|according to)\s*$/i.test(before);
      if (!speech || (atStart && !speech)) continue;
    }
    out.push({ text: (rank ? rank + ' ' : '') + nameWords.join(' '), first: nameWords.length > 1 ? nameWords[0] : null, surname: surnameOf(phrase) });
  }
  return out;
}

let lastText: string | null = null;
let lastFound: Found[] = [];

/** Compares the people a page names with the release's speaker. */
export function checkAttribution(text: string, speaker: Speaker | null): Attribution | undefined {
  // The matcher asks this for each candidate of one answer, over one text: read it once.
  if (text !== lastText) {
    lastFound = pick(text);
    lastText = text;
  }
  const found = lastFound;
  if (found.length === 0) return undefined;
  if (!speaker?.name) return { names: found.map((f) => f.text), consistent: false };
  const target = { first: speaker.name.split(/\s+/).length > 1 ? speaker.name.split(/\s+/)[0] : null, surname: surnameOf(speaker.name) };
  const consistent = found.some((f) => samePerson(f, target));
  return { names: found.map((f) => f.text), consistent };
}

function samePerson(f: Found, t: { first: string | null; surname: string }): boolean {
  if (!close(f.surname, t.surname)) return false;
  // "Simon Bailey" and "Sarah Bailey" are not the same person; an initial is enough.
  if (f.first && t.first && !close(f.first, t.first) && foldWord(f.first)[0] !== foldWord(t.first)[0]) return false;
  if (f.first && t.first && f.first.replace('.', '').length > 1 && !close(f.first, t.first)) return false;
  return true;
}

/** Names equal after folding, or a typo apart (fuzzy through fuse.js's Bitap score). */
function close(a: string, b: string): boolean {
  const x = foldWord(a);
  const y = foldWord(b);
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 4) return false;
  const fuse = new Fuse([y], { includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3 });
  const r = fuse.search(x)[0];
  return !!r && (r.score ?? 1) <= 0.34 && Math.abs(x.length - y.length) <= 2;
}
