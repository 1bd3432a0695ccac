import Fuse from 'fuse.js';
import type { Attribution, Speaker } from '../types';
import { foldWord } from '../text/tokens';
import { looksLikeName, surnameOf, TITLE_RE as RANK_RE } from '../parse/speaker';

/**
 * Who the page says is speaking. People are found in the text around the passage
 * (full name, title and surname, surname alone, with a typo) and compared with the
 * speaker the release names; fuse.js does the fuzzy part, over short names.
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

function pick(text: string): Found[] {
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z“"‘'])|\n+/);
  const all: Found[] = [];
  const reported: Found[] = [];
  for (const sentence of sentences) {
    const found = namesIn(sentence);
    all.push(...found);
    if (SPEECH.test(sentence)) reported.push(...found);
  }
  const chosen = reported.length ? reported : all;
  const seen = new Set<string>();
  return chosen.filter((f) => (seen.has(f.text) ? false : (seen.add(f.text), true)));
}

function namesIn(sentence: string): Found[] {
  const out: Found[] = [];
  // Capitalised runs, with any rank or title before them.
  const re = /(?:[A-Z][\p{L}’'.\-]*|de|van|von)(?:\s+(?:[A-Z][\p{L}’'.\-]*|de|van|von))*/gu;
  for (const m of sentence.matchAll(re)) {
    // A sentence's full stop is not part of a name (an initial's is: "J.").
    let phrase = m[0].replace(/[’']s$/, '').replace(/(?<=\p{L}{2})\.+$/u, '');
    const atStart = sentence.slice(0, m.index).trim() === '' || /[“"‘(]\s*$/.test(sentence.slice(0, m.index));
    // A byline ("By Danny Pike", "By Danny Pike, Crime Reporter") names the writer, not a speaker.
    if (atStart && /^By\s/.test(phrase)) continue;
    let rank: string | null = null;
    // Strip role and organisation words before the rank or name: "NPCC Chair Sara Thornton".
    const words = phrase.split(/\s+/);
    let k = 0;
    for (; k < words.length; k++) {
      const rest = words.slice(k).join(' ');
      const r = RANK_RE.exec(rest);
      if (r) {
        rank = r[1];
        phrase = rest.slice(r[0].length).trim();
        break;
      }
      if (looksLikeName(words.slice(k))) {
        phrase = words.slice(k).join(' ');
        break;
      }
    }
    if (k === words.length) continue;
    const nameWords = phrase ? phrase.split(/\s+/) : [];
    if (!looksLikeName(nameWords)) continue;
    // "… of Age Concern Together": after these words a capitalised run is an organisation or a place.
    if (!rank && /\b(?:of|at|from|for|in|with|by|the)\s+$/i.test(sentence.slice(0, m.index))) continue;
    // A pronoun beside a verb of speech ("He said") names no one.
    if (nameWords.length === 1 && !rank && /^(?:He|She|They|It|We|I|You|This|That)$/.test(nameWords[0])) continue;
    if (nameWords.length === 1 && !rank) {
      // A lone capitalised word is a surname only beside a verb of speech ("Bailey said", "said Bailey").
      const after = sentence.slice(m.index! + m[0].length, m.index! + m[0].length + 30);
      const before = sentence.slice(Math.max(0, m.index! - 30), m.index);
      const speech = /^\s*(?:,[^,]{0,40},\s*)?(?:has\s+|had\s+|also\s+)?(?:said|says|told|added|adds|warned|urged|explained|stressed|insisted|claimed)\b/i.test(after) || /\b(?:said|says|added|according to)\s*$/i.test(before);
      if (!speech || (atStart && !speech)) continue;
    }
    out.push({ text: (rank ? rank + ' ' : '') + nameWords.join(' '), first: nameWords.length > 1 ? nameWords[0] : null, surname: surnameOf(phrase) });
  }
  return out;
}

/** Compares the people a page names with the release's speaker. */
export function checkAttribution(text: string, speaker: Speaker | null): Attribution | undefined {
  const found = pick(text);
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
