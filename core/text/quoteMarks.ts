/**
 * Where quotations open and close in one paragraph, whatever marks the release uses:
 * curly “…” and ‘…’, straight "…" and '…', „…“ and «…». A straight or curly single
 * mark is an apostrophe inside a word (don't), after a plural (officers' work), before a
 * year or an elision ('90s, 'til, rock 'n' roll); otherwise it opens or closes a quotation.
 */

export type Family = 'double' | 'single';

export interface Part {
  /** Inside a quotation (the marks themselves excluded). */
  quoted: boolean;
  text: string;
  /** Offsets of `text` in the paragraph. */
  start: number;
  end: number;
  /** For a quoted part: it began with an opening mark in this paragraph (not carried in from the last one). */
  opened: boolean;
  /** For a quoted part: it ended with its closing mark in this paragraph. */
  closed: boolean;
  family: Family | null;
}

const OPEN_DOUBLE = '“„«';
const CLOSE_DOUBLE = '”»';
const LETTER = /[\p{L}\p{N}]/u;
const SPACE_BEFORE = /[\s([{\u2014\u2013/-]/;
const ELISION = /^(?:\d\ds\b|\d\d\b|n['’]|em\b|til\b|cause\b|tis\b|twas\b)/i;
const SPEECH = /^[,;:]?\s*(?:said|says|added|adds|told|explained|continued|warned|urged|stressed|insisted|commented|he|she|they|according)\b/i;

type Mark = 'open' | 'close' | 'none';

/** Whether a character may be a quotation mark: the cheap test made for every character. */
function isMark(c: number): boolean {
  // " ' « » ‘ ’ “ ” „
  return c === 34 || c === 39 || c === 0xab || c === 0xbb || (c >= 0x2018 && c <= 0x201e);
}

/** What the mark at s[i] does. */
/** Words that follow a closed quotation, never a possessive: "'… painless' as cuts bite", "'… a start' and". */
const JOINS = /^\s+(?:as|and|but|or|after|before|when|while|because|amid|despite|over|with|to|in|on|at|from|by|is|was|are|were|has|had|after|until|if|so)\b/;

export function markAt(s: string, i: number): { family: Family; mark: Mark } | null {
  const c = s[i];
  const prev = i > 0 ? s[i - 1] : '';
  const next = i + 1 < s.length ? s[i + 1] : '';
  if (OPEN_DOUBLE.includes(c)) return { family: 'double', mark: 'open' };
  if (CLOSE_DOUBLE.includes(c)) return { family: 'double', mark: 'close' };
  if (c === '"') {
    const opens = (!prev || SPACE_BEFORE.test(prev) || "‘'".includes(prev)) && next !== '' && !/\s/.test(next);
    if (opens) return { family: 'double', mark: 'open' };
    if (!LETTER.test(next) || !LETTER.test(prev)) return { family: 'double', mark: 'close' };
    return { family: 'double', mark: 'none' };
  }
  if (c === '‘' || c === "'" || c === '’') {
    const after = s.slice(i + 1, i + 8);
    if (LETTER.test(prev) && LETTER.test(next)) return { family: 'single', mark: 'none' }; // don't, O'Neill
    if (c !== '’' && (!prev || SPACE_BEFORE.test(prev) || '“"'.includes(prev))) {
      if (ELISION.test(after)) return { family: 'single', mark: 'none' };
      if (next && !/\s/.test(next)) return { family: 'single', mark: 'open' };
      return { family: 'single', mark: 'none' };
    }
    if (c === '‘') return { family: 'single', mark: 'none' };
    // A right single mark after a word or punctuation: it closes a quotation unless a lower-case
    // word follows it (the officers' work), which makes it an apostrophe.
    if (prev && !/\s/.test(prev)) {
      const rest = s.slice(i + 1);
      if (/^\s+[a-z]/.test(rest) && !SPEECH.test(rest) && !JOINS.test(rest) && !/[.,!?;:…]/.test(prev)) return { family: 'single', mark: 'none' };
      return { family: 'single', mark: 'close' };
    }
    return { family: 'single', mark: 'none' };
  }
  return null;
}

/**
 * Splits a paragraph into quoted and unquoted parts. `inside` is the quotation the
 * paragraph starts in (carried from the paragraph before), null when it starts outside one.
 * Returns the parts and the quotation still open at the paragraph's end, if any.
 */
export function splitQuotes(s: string, inside: Family | null): { parts: Part[]; open: Family | null } {
  const parts: Part[] = [];
  let family: Family | null = inside;
  let from = 0;
  let opened = false;
  let depth = 0;
  const push = (end: number, quoted: boolean, closed: boolean) => {
    const text = s.slice(from, end);
    if (quoted || text.trim()) parts.push({ quoted, text, start: from, end, opened: quoted && opened, closed, family: quoted ? family : null });
  };
  for (let i = 0; i < s.length; i++) {
    if (!isMark(s.charCodeAt(i))) continue;
    const m = markAt(s, i);
    if (!m || m.mark === 'none') continue;
    if (family === null) {
      if (m.mark !== 'open') continue;
      if (m.family === 'single' && !closesLater(s, i + 1)) continue; // a stray mark, not a quotation
      push(i, false, false);
      family = m.family;
      from = i + 1;
      opened = true;
      depth = 0;
      continue;
    }
    if (m.family !== family) continue; // the other kind of mark inside a quotation is its text
    if (m.mark === 'open' && s[i] !== '"' && s[i] !== "'") {
      depth++;
      continue;
    }
    if (m.mark === 'open') continue;
    if (depth > 0) {
      // A quotation inside the quotation in the same marks closes when its words go on in lower case
      // or only punctuation follows (“… “done”.); otherwise this mark closes the outer one.
      const after = s.slice(i + 1);
      if (/^[,;:]?\s*[a-z\u00DF-\u00FF]/.test(after) && !SPEECH.test(after)) {
        depth--;
        continue;
      }
      if (/^\s*[.,;:!?]*\s*$/.test(after)) {
        depth--;
        continue;
      }
    }
    push(i, true, true);
    family = null;
    from = i + 1;
    opened = false;
  }
  if (family !== null) push(s.length, true, false);
  else push(s.length, false, false);
  return { parts, open: family };
}

/** Whether a single quotation opened before `from` has a closing mark later in the paragraph. */
function closesLater(s: string, from: number): boolean {
  for (let k = from; k < s.length; k++) {
    if (!isMark(s.charCodeAt(k))) continue;
    const m = markAt(s, k);
    if (m?.family === 'single' && m.mark === 'close') return true;
  }
  // A paragraph that opens with a single mark may close in a later paragraph.
  return s.slice(0, from - 1).trim() === '' || /[:,]\s*$/.test(s.slice(0, from - 1));
}

/**
 * Whether the paragraph holds a closing mark of `family` that closes nothing it opened
 * itself: the end of a quotation whose paragraphs carry no opening mark. (“Sceptre” inside
 * it opens and closes; a new quotation, "X said: “…”", closes only what it opened.)
 */
export function strayClose(s: string, family: Family): 'closes' | 'opens' | null {
  const open: Family[] = [];
  for (let i = 0; i < s.length; i++) {
    if (!isMark(s.charCodeAt(i))) continue;
    const m = markAt(s, i);
    if (!m || m.mark === 'none') continue;
    if (m.mark === 'open' && !(s[i] === '"' && open[open.length - 1] === 'double')) {
      if (m.family === 'single' && !closesLater(s, i + 1)) continue;
      open.push(m.family);
      continue;
    }
    const at = open.lastIndexOf(m.family);
    if (at >= 0) open.length = at;
    else if (m.family === family) return 'closes';
  }
  // A quotation opened and left open: a new quotation begins here.
  return open.length ? 'opens' : null;
}


/** Whether the paragraph begins with an opening mark (after white space). */
export function opensWith(s: string): Family | null {
  const t = s.trimStart();
  const offset = s.length - t.length;
  const m = t ? markAt(s, offset) : null;
  return m && m.mark === 'open' ? m.family : null;
}

/** The passage without the page's outer quote marks: “…” → …, "…." → …. (Apostrophes inside are kept.) */
export function stripOuterQuotes(text: string): string {
  let t = text.trim();
  const opened = /^[“"‘„«]/.test(t) || (/^'/.test(t) && /'[.,!?]?$/.test(t));
  if (opened) t = t.slice(1);
  const m = /[”"’»']([.,!?]?)$/.exec(t);
  // A closing ’ or ' straight after a letter may be an apostrophe ("the officers'"): kept.
  const apostrophe = !opened && m !== null && /[’']/.test(m[0][0]) && /\p{L}$/u.test(t.slice(0, m.index));
  if (m && !apostrophe) t = t.slice(0, m.index) + m[1];
  return t.trim();
}
