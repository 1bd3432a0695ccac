import type { ParsedRelease, ParseIssue, Speaker, Statement } from '../types';
import { contentHash } from '../text/hash';
import { tokenize } from '../text/tokens';
import { clip, parseDateLine } from './date';
import { ReleaseParseError } from './errors';
import { parseSpeakerPhrase, surnameOf, type SpeakerRef } from './speaker';
import { findOrganisation, findTailStart } from './tail';

/**
 * Reads one release in the plain-text layout of the seeds: the date line, then one
 * paragraph a line; attribution lines and quoted paragraphs; the organisation's own
 * narrative; the contact block and notes to editors at the end.
 *
 * Quotation marks follow British press-release practice: a quotation of several
 * paragraphs opens each with “ and closes only the last with ”.
 */

const OPEN = '“"„«';
const CLOSE_FOR: Record<string, string> = { '“': '”"', '"': '"”', '„': '“”"', '«': '»' };

const VERBS =
  'said|says|added|adds|commented|comments|explained|continued|stated|states|warned|warns|urged|urges|stressed|' +
  'emphasised|emphasized|noted|notes|concluded|remarked|responded|replied|insisted|acknowledged|confirmed|announced|' +
  'declared|observed|argued|told\\s+[^:“”"]{1,60}?|wrote|writes|pointed\\s+out|reflected|welcomed\\s+[^:“”"]{1,60}?';
/** "…, said:" at the end of an attribution that precedes the quotation. */
const LEADING_ATTRIBUTION = new RegExp(`^(.*?)[,\\s]+(?:${VERBS})(?:\\s+that)?\\s*[:,]?\\s*$`, 'i');
/** "said Rank Name, role." after a closing quote mark. */
const VERB_FIRST = new RegExp(`^[,\\s–—-]*(?:${VERBS})\\s+(.+?)[.,;]?$`, 'i');
/** "she said." / "Ms Desai added." after a closing quote mark. */
const SUBJECT_FIRST = new RegExp(`^[,\\s–—-]*(.+?)\\s+(?:${VERBS})[.,;:]?$`, 'i');

interface OpenQuote {
  paragraphs: string[];
  line: number;
  lastLine: number;
  speaker: SpeakerRef | null;
}

export function parseRelease(input: string, source: string, url?: string): ParsedRelease {
  const issues: ParseIssue[] = [];
  const fail = (line: number, reason: string): never => {
    issues.push({ file: source, line, reason });
    throw new ReleaseParseError(issues);
  };
  if (typeof input !== 'string') fail(1, 'not text');
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) fail(1, 'the file is empty');
  const nul = text.indexOf('\u0000');
  if (nul >= 0) fail(lineAt(text, nul), 'not text (contains NUL bytes: a binary file?)');
  const bad = text.search(/\uFFFD/);
  if (bad >= 0) fail(lineAt(text, bad), 'not text (invalid UTF-8 byte sequence)');

  const lines = text.split('\n');
  // The date line: the first non-empty line.
  const first = lines.findIndex((l) => l.trim() !== '');
  const date = parseDateLine(lines[first]);
  const isoDate = 'reason' in date ? fail(first + 1, date.reason) : date.date;
  const bodyStart = first + 1;
  const tailStart = findTailStart(lines, bodyStart + 1);
  const warnings: string[] = [];
  const statements: Statement[] = [];
  const speakers: Speaker[] = [];
  let current: Speaker | null = null;
  let pending: { ref: SpeakerRef; line: number } | null = null;
  let open: OpenQuote | null = null;

  const resolve = (ref: SpeakerRef | null, line: number): Speaker | null => {
    if (!ref) return null;
    if (ref.kind === 'pronoun') {
      if (!current) warnings.push(`line ${line}: a pronoun attribution with no speaker named before it`);
      return current;
    }
    if (ref.kind === 'role') {
      const s = { name: ref.role, rank: null, role: ref.role };
      speakers.push(s);
      return (current = s);
    }
    const isSurnameOnly = !ref.name.includes(' ');
    const known = speakers.find((s) =>
      isSurnameOnly ? surnameOf(s.name).toLowerCase() === ref.name.toLowerCase() : s.name.toLowerCase() === ref.name.toLowerCase(),
    );
    if (known) return (current = known);
    const s: Speaker = { name: ref.name, rank: ref.rank, role: ref.role };
    speakers.push(s);
    return (current = s);
  };

  const finish = (q: OpenQuote, trailing: SpeakerRef | null) => {
    // "Rank Name said: “…,” he added." – the pronoun is the speaker named before the quotation.
    const ref = trailing && !(trailing.kind === 'pronoun' && q.speaker) ? trailing : q.speaker;
    let speaker = resolve(ref, q.line);
    if (!speaker) {
      speaker = current;
      if (speaker) warnings.push(`line ${q.line}: quotation with no attribution; taken as ${speaker.name}'s, who spoke last`);
      else warnings.push(`line ${q.line}: quotation with no speaker named anywhere before or after it`);
    }
    // “…worth a life,” said X: the comma belongs to the release's sentence, not to the quotation.
    const body = q.paragraphs.map((p) => p.trim()).filter(Boolean);
    if (trailing && body.length) body[body.length - 1] = body[body.length - 1].replace(/\s*,$/, '');
    if (body.length) statements.push({ kind: 'quote', speaker, text: body.join('\n'), line: q.line });
    pending = null;
    open = null;
  };

  /** Consumes a line that begins with an opening mark, closing the quotation if the line does. */
  const quoteLine = (raw: string, lineNo: number): void => {
    let rest = raw.trim();
    let sameLine = false;
    for (;;) {
      const opener = rest[0];
      const closers = CLOSE_FOR[opener];
      const close = closingMark(rest, opener, closers);
      if (!open) open = { paragraphs: [], line: lineNo, lastLine: lineNo, speaker: pending?.ref ?? null };
      const q: OpenQuote = open;
      q.lastLine = lineNo;
      if (close < 0) {
        if (sameLine) q.paragraphs[q.paragraphs.length - 1] += ' ' + rest.slice(1);
        else q.paragraphs.push(rest.slice(1));
        return;
      }
      const inside = rest.slice(1, close);
      const after = rest.slice(close + 1).trim();
      if (sameLine) q.paragraphs[q.paragraphs.length - 1] += ' ' + inside;
      else q.paragraphs.push(inside);
      if (!after) {
        finish(q, null);
        return;
      }
      // Attribution after the closing mark, maybe followed by more of the same quotation.
      const nextOpen = indexOfOpen(after);
      const attr = (nextOpen >= 0 ? after.slice(0, nextOpen) : after).trim();
      const trailing = trailingSpeaker(attr);
      if (trailing && nextOpen >= 0 && /:$/.test(attr) && /[.!?…]$/.test(inside.trim())) {
        // “…” Sara Thornton said: “…” – a finished quotation, then another introduced on the same line.
        finish(q, null);
        pending = { ref: trailing, line: lineNo };
        rest = after.slice(nextOpen);
        sameLine = false;
        continue;
      }
      if (trailing && nextOpen >= 0) {
        // “…,” said X. “…” – the same speaker goes on, on the same line.
        // A pronoun in the middle ("he said") keeps the speaker already named.
        if (trailing.kind !== 'pronoun' || !q.speaker) q.speaker = trailing;
        sameLine = true;
        rest = after.slice(nextOpen);
        continue;
      }
      if (trailing) {
        finish(q, trailing);
        return;
      }
      // Something else after the quotation: keep it as narrative rather than lose it.
      finish(q, null);
      // A full stop set outside the closing mark (“…”.) is not text.
      if (!/[\p{L}\p{N}]/u.test(after)) return;
      statements.push({ kind: 'narrative', speaker: null, text: after.replace(/^[\s,.;:–—-]+/, ''), line: lineNo });
      warnings.push(`line ${lineNo}: text after a closing quotation mark kept as narrative: "${clip(after, 40)}"`);
      return;
    }
  };

  for (let i = bodyStart; i < tailStart; i++) {
    const lineNo = i + 1;
    const t = lines[i].trim();
    if (!t) continue;
    if (open) {
      const q: OpenQuote = open;
      if (OPEN.includes(t[0])) {
        quoteLine(t, lineNo);
        continue;
      }
      fail(q.line, `unbalanced quotation: opened here and not closed before line ${lineNo} ("${clip(q.paragraphs[q.paragraphs.length - 1] ?? '', 40)}")`);
    }
    if (OPEN.includes(t[0])) {
      quoteLine(t, lineNo);
      continue;
    }
    // An attribution with the quotation on the same line: "Name said: “…”".
    const at = indexOfOpen(t);
    if (at > 0) {
      const m = LEADING_ATTRIBUTION.exec(t.slice(0, at)) ?? /^([^“”"]{3,120}?)\s*:\s*$/.exec(t.slice(0, at));
      const ref = m ? parseSpeakerPhrase(m[1]) : null;
      if (ref && (ref.kind !== 'role' || /:\s*$/.test(t.slice(0, at)))) {
        pending = { ref, line: lineNo };
        quoteLine(t.slice(at), lineNo);
        continue;
      }
    }
    // An attribution line: "Role, Rank Name said:" with the quotation on the next line.
    if (/:\s*$/.test(t)) {
      const next = nextNonEmpty(lines, i + 1, tailStart);
      const m = LEADING_ATTRIBUTION.exec(t.replace(/:\s*$/, ':'));
      if (next >= 0 && OPEN.includes(lines[next].trim()[0])) {
        const ref = parseSpeakerPhrase(m ? m[1] : t.replace(/:\s*$/, ''));
        if (ref) {
          pending = { ref, line: lineNo };
          continue;
        }
      }
    }
    statements.push({ kind: 'narrative', speaker: null, text: t, line: lineNo });
  }
  if (open) {
    const q: OpenQuote = open;
    fail(q.line, `unbalanced quotation: opened here and never closed ("${clip(q.paragraphs[q.paragraphs.length - 1] ?? '', 40)}")`);
  }
  if (pending) {
    const p: { line: number } = pending;
    warnings.push(`line ${p.line}: attribution with no quotation after it`);
  }
  if (statements.length === 0 && nextNonEmpty(lines, bodyStart, tailStart) < 0) fail(first + 2, 'no paragraphs after the date line');

  // The lead (first paragraph) is the title; when it repeats words of a later quotation
  // it is that speaker's, not a separate statement.
  const leadLine = nextNonEmpty(lines, bodyStart, lines.length);
  const title = stripQuotes(lines[leadLine]?.trim() ?? '');
  const lead = statements[0];
  if (lead && lead.kind === 'narrative' && lead.line === leadLine + 1) {
    const owner = statements.find((s) => s.kind === 'quote' && contains(s.text, lead.text));
    if (owner) {
      statements.shift();
      warnings.push(`line ${lead.line}: the lead repeats words of ${owner.speaker?.name ?? 'a'}'s quotation (line ${owner.line}); matched there`);
    }
  }

  const tail = lines.slice(tailStart).join('\n');
  const organisation = findOrganisation(tail);
  const normalised = lines.map((l) => l.trim()).filter(Boolean).join('\n');
  return {
    release: {
      id: contentHash(normalised),
      date: isoDate,
      title,
      ...(organisation ? { organisation } : {}),
      ...(url ? { url } : {}),
      source: source.split(/[\\/]/).pop() ?? source,
    },
    statements,
    warnings,
  };
}

function trailingSpeaker(attr: string): SpeakerRef | null {
  const a = attr.replace(/\s+/g, ' ').trim();
  if (!a || a.length > 200) return null;
  const m = VERB_FIRST.exec(a) ?? SUBJECT_FIRST.exec(a);
  if (m) return parseSpeakerPhrase(m[1]);
  // “…” – Chief Constable Simon Bailey, NPCC lead: a dash and a named person.
  const d = /^[–—]\s*(.+?)\.?$/.exec(a);
  const ref = d ? parseSpeakerPhrase(d[1]) : null;
  return ref?.kind === 'person' && ref.name.includes(' ') ? ref : null;
}

/**
 * The position of the mark that closes the quotation opened at rest[0], or -1 when the
 * line leaves it open. A quotation inside it in the same curly marks (“We call it
 * “Sceptre” and it works.”) is skipped when the words after its closing mark go on in
 * lower case and are not an attribution; otherwise the first closing mark closes.
 */
function closingMark(rest: string, opener: string, closers: string): number {
  let depth = 0;
  const nests = opener !== '"';
  for (let k = 1; k < rest.length; k++) {
    const c = rest[k];
    if (nests && c === opener && !closers.includes(c)) {
      depth++;
      continue;
    }
    if (!closers.includes(c)) continue;
    if (depth > 0) {
      const after = rest.slice(k + 1);
      const cut = indexOfOpen(after);
      const attr = (cut >= 0 ? after.slice(0, cut) : after).trim();
      // Goes on in lower case, or only punctuation follows (“… “done”.): the inner quotation closed.
      const goesOn = /^[,;:]?\s*[a-z\u00DF-\u00FF]/.test(after) || (/^\s*[.,;:!?]/.test(after) && !/[\p{L}\p{N}]/u.test(after));
      if (goesOn && !trailingSpeaker(attr)) {
        depth--;
        continue;
      }
    }
    return k;
  }
  return -1;
}

function indexOfOpen(s: string): number {
  for (let k = 0; k < s.length; k++) if (OPEN.includes(s[k])) return k;
  return -1;
}

function nextNonEmpty(lines: readonly string[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (lines[i].trim()) return i;
  return -1;
}

function stripQuotes(s: string): string {
  return s.replace(/^[“"„«‘']+|[”"»’']+$/g, '').trim();
}

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Whether the words of `part` occur, in order and (almost) contiguously, in `whole`. */
function contains(whole: string, part: string): boolean {
  const w = tokenize(whole).map((t) => t.norm);
  const p = tokenize(part).map((t) => t.norm);
  if (p.length < 4) return false;
  const needle = p.join(' ');
  if ((' ' + w.join(' ') + ' ').includes(' ' + needle + ' ')) return true;
  // Allow a headline that trims a word or two: a longest common subsequence over 85%.
  let best = 0;
  for (let s = 0; s < w.length; s++) {
    if (w[s] !== p[0]) continue;
    let j = 0;
    for (let k = s; k < w.length && k < s + p.length * 1.3 && j < p.length; k++) if (w[k] === p[j]) j++;
    best = Math.max(best, j);
  }
  return best >= p.length * 0.85;
}
