import type { ParsedRelease, ParseIssue, ParseWarning, Speaker, Statement, WarningKind } from '../types';
import { releaseId } from '../releaseId';
import { withoutInvisibles } from '../text/clip';
import { tokenize } from '../text/tokens';
import { clip, findDateIn, readDateLine } from './date';
import { ReleaseParseError } from './errors';
import { People } from './people';
import { opensWith, splitQuotes, strayClose, type Family, type Part } from '../text/quoteMarks';
import { parseSpeakerPhrase, type SpeakerRef } from './speaker';
import { findForce, findOrganisation, findTailStart, furniture } from './tail';

/**
 * Reads one release in the plain-text layout — a date line, then one paragraph a line —
 * as newsrooms really write it: a headline before the lead or none, quotations in curly,
 * straight or single marks, continuation paragraphs with or without opening marks, a
 * quotation never closed, the speaker named before, after, in signature lines or only in
 * the narrative, unnamed spokespeople, and the contact block and notes at the end.
 *
 * A release is refused only when it cannot be one (not text, no date anywhere); everything
 * else it can read is read, and what it had to guess is a warning with its line.
 */

const VERBS =
  'said|says|added|adds|commented|comments|explained|explains|continued|stated|states|warned|warns|urged|urges|stressed|' +
  'emphasised|emphasized|noted|notes|concluded|remarked|responded|replied|insisted|acknowledged|confirmed|announced|' +
  'declared|observed|argued|told\\s+[^:“”"]{1,60}?|wrote|writes|pointed\\s+out|reflected|welcomed\\s+[^:“”"]{1,60}?|' +
  'appealed|appeals|advised|advises|highlighted|described|revealed|admitted|promised|vowed|cautioned|reassured|thanked\\s+[^:“”"]{1,60}?|' +
  'adding|saying|explaining|warning|stressing|insisting|noting|telling\\s+[^:“”"]{1,60}?|asked|asks|wondered|questioned';
/** "…, said:" at the end of an attribution that precedes the quotation. */
const LEADING_ATTRIBUTION = new RegExp(`^(.*?)[,\\s]+(?:(?:previously|also|later|then|today|yesterday|recently|earlier|further|has|had|have)\\s+)*(?:${VERBS})(?:\\s+that)?\\s*[:,]?\\s*$`, 'i');
/** A speech verb anywhere: where the subject of "Jane Doe said the figures were … and added:" ends. */
const ANY_VERB = new RegExp(`\\s(?:${VERBS})\\b`, 'i');
/** "said Rank Name, role." after a closing quote mark. */
const VERB_FIRST = new RegExp(`^[,\\s–—-]*(?:${VERBS})\\s+(.+?)[.,;]?$`, 'i');
/** "she said." / "Ms Desai added." after a closing quote mark. */
const SUBJECT_FIRST = new RegExp(`^[,\\s–—-]*(.+?)\\s+(?:${VERBS})[.,;:]?$`, 'i');
/** A paragraph that ends a sentence. */
const SENTENCE_END = /[.!?…]["”’'»)]*$/;

interface Para {
  line: number;
  text: string;
}

interface OpenQuote {
  paragraphs: string[];
  /** The line of each paragraph. */
  lines: number[];
  line: number;
  family: Family;
  /** The attribution before it: "X said:" on the line before, or in the same paragraph. */
  lead: SpeakerRef | null;
  /** The attribution after it: "“…,” said X." */
  trailing: SpeakerRef | null;
}

export function parseRelease(input: string, source: string, url?: string): ParsedRelease {
  const fail = (line: number, reason: string): never => {
    throw new ReleaseParseError([{ file: source, line, reason } satisfies ParseIssue]);
  };
  if (typeof input !== 'string') fail(1, 'not text');
  // (Bidi controls and zero-width characters out: a name or title shows the letters it holds.)
  const text = withoutInvisibles(input).replace(/\r\n?/g, '\n');
  if (!text.trim()) fail(1, 'the file is empty');
  const nul = text.indexOf('\u0000');
  if (nul >= 0) fail(lineAt(text, nul), 'not text (contains NUL bytes: a binary file?)');
  const bad = text.search(/\uFFFD/);
  if (bad >= 0) fail(lineAt(text, bad), 'not text (invalid UTF-8 byte sequence)');

  const lines = text.split('\n').map((l) => l.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ').trim());
  const warnings: ParseWarning[] = [];
  const warn = (line: number, kind: WarningKind, message: string) => warnings.push({ line, kind, message });

  // The date: the first line, or a line among the first few (after a headline, "Date published: …").
  const nonEmpty = lines.flatMap((l, i) => (l ? [i] : []));
  const first = nonEmpty[0];
  let dateAt = -1;
  let isoDate = '';
  let unreal: { line: number; reason: string } | null = null;
  for (const i of nonEmpty.slice(0, 6)) {
    const read = readDateLine(lines[i]);
    if (!read) continue;
    if ('reason' in read) {
      unreal ??= { line: i + 1, reason: read.reason };
      continue;
    }
    dateAt = i;
    isoDate = read.date;
    if (read.ambiguous) warn(i + 1, 'numeric-date', read.ambiguous);
    break;
  }
  // A date line that is no real date ("30 Feb 2023") is a mistake to mend, not a date to guess.
  if (dateAt < 0 && unreal) fail(unreal.line, unreal.reason);
  if (dateAt < 0) {
    const at = nonEmpty.find((i) => findDateIn(lines[i]));
    if (at === undefined) fail(first + 1, `no date anywhere in the file (expected a date line such as "03 Oct 2014" first, found "${clip(lines[first])}")`);
    isoDate = findDateIn(lines[at!])!;
    warn(at! + 1, 'no-date-line', `no date line; dated by the first date in the text (${isoDate})`);
  }

  // The body: every line but the date line, up to the contact block and notes.
  // (With no date line, the body starts after the first line.)
  const head = dateAt >= 0 ? dateAt : first;
  const tailStart = findTailStart(lines, head + 1);
  const paras: Para[] = [];
  for (let i = 0; i < tailStart; i++) {
    const t = lines[i];
    if (!t || i === dateAt) continue;
    if (dateAt >= 0 && i > dateAt && readDateLine(t)) continue; // "Updated: 4 June 2019"
    if (furniture(t)) continue;
    paras.push({ line: i + 1, text: t });
  }
  if (paras.length === 0) fail(head + 2, 'no paragraphs after the date line');

  // A headline: the line before the date, or a first line that ends no sentence followed by a lead that does.
  let headline: Para | null = null;
  if (dateAt > first && paras[0].line - 1 < dateAt) {
    // Lines above the date: the one nearest it is the headline; short ones before it are the page's
    // trail ("News", "Home > Releases"), longer ones its standfirst.
    const above = paras.filter((p) => p.line - 1 < dateAt);
    headline = above[above.length - 1];
    const rest = paras.filter((p) => p.line - 1 > dateAt);
    paras.length = 0;
    paras.push(...above.slice(0, -1).filter((p) => p.text.split(/\s+/).length > 6), ...rest);
    if (paras.length === 0) fail(dateAt + 2, 'no paragraphs after the date line');
  } else if (paras.length > 1 && isHeadline(paras[0].text) && isLead(paras[1].text)) headline = paras.shift()!;

  const people = new People();
  if (headline) people.notice(headline.text);
  const statements: Statement[] = [];
  let lastSpeaker: Speaker | null = null;
  let pending: { ref: SpeakerRef; line: number } | null = null;
  let open: OpenQuote | null = null;
  const consumed = new Set<number>();
  /** In a Q&A, whom the questions were put to (null: nobody named); undefined before the first question. */
  let interviewee: Speaker | null | undefined;

  const finish = (q: OpenQuote, after: number) => {
    // "A said: “… / “…,” said B." – two people: the first quotation was never closed, the last paragraph is B's.
    if (q.lead && q.trailing && q.lead.kind !== 'pronoun' && q.trailing.kind !== 'pronoun' && q.paragraphs.length > 1 && !samePerson(q.lead, q.trailing)) {
      const last = q.paragraphs.length - 1;
      warn(q.line, 'unclosed-quote', `quotation opened here and never closed; taken to end at line ${q.lines[last - 1]}`);
      finish({ ...q, paragraphs: q.paragraphs.slice(0, last), lines: q.lines.slice(0, last), trailing: null }, after);
      q = { ...q, paragraphs: q.paragraphs.slice(last), lines: q.lines.slice(last), line: q.lines[last], lead: null };
    }
    // "Rank Name said: “…,” he added." – the pronoun is the speaker named before the quotation.
    let ref = q.trailing && !(q.trailing.kind === 'pronoun' && q.lead) ? q.trailing : q.lead;
    // "said Detective Chief Inspector Jane Doe, who led the raid." alone on the line after the quotation.
    const next = paras[after + 1];
    if (!ref && next && /^[a-z]/.test(next.text) && next.text.split(/\s+/).length <= 40) {
      const t = trailingSpeaker(next.text);
      if (t) {
        ref = t;
        consumed.add(after + 1);
      }
    }
    if (!ref) {
      const signature = signatureAt(paras, after + 1);
      if (signature) {
        ref = signature.ref;
        for (const k of signature.consumed) consumed.add(k);
      }
    }
    let speaker = ref ? people.resolve(ref) : null;
    if (people.doubt) warn(q.line, 'assumed-speaker', people.doubt);
    if (!speaker && ref?.kind === 'pronoun') warn(q.line, 'unknown-speaker', `"${ref.pronoun}" with nobody named before it: the quotation's speaker is unknown`);
    else if (!speaker && lastSpeaker) {
      speaker = lastSpeaker;
      warn(q.line, 'assumed-speaker', `quotation with no attribution; taken as ${speaker.name ?? speaker.role ?? 'the last speaker'}'s, who spoke last`);
    } else if (!speaker) warn(q.line, 'unknown-speaker', 'quotation with no speaker named anywhere before or after it: indexed with an unknown speaker');
    const body = q.paragraphs.map((p) => p.trim()).filter(Boolean);
    // “…worth a life,” said X: the comma belongs to the release's sentence, not to the quotation.
    if (body.length) body[body.length - 1] = body[body.length - 1].replace(/\s*,$/, '');
    if (body.some((b) => /[\p{L}\p{N}]/u.test(b))) {
      statements.push({ kind: 'quote', speaker, text: body.join('\n'), line: q.line });
      if (speaker) lastSpeaker = speaker;
    }
    pending = null;
    open = null;
  };

  /** Reads the parts of paragraph `pi`, the first continuing `open` when it does. */
  const readParts = (pi: number, parts: Part[], continuing: boolean) => {
    const p = paras[pi];
    let narrative = '';
    /** Whether `narrative` is white space only. */
    let blank = true;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      if (!part.quoted) {
        narrative += part.text;
        blank &&= !/\S/.test(part.text);
        continue;
      }
      if (!(k === 0 && continuing)) {
        const lead = leadingAttribution(narrative);
        const follow = unquotedAt(parts, k + 1);
        const trailing = part.closed ? trailingSpeaker(follow) : null;
        // (Kept as a flag, not narrative.trim(): that would read the whole joined narrative at each quotation.)
        const startsParagraph = blank;
        // A quoted fragment inside the release's own sentence ("said the figures were “deeply concerning”") stays narrative.
        if (!startsParagraph && !lead && !trailing && part.closed) {
          narrative += markOf(part) + part.text + closeOf(part);
          blank &&= !/\S/.test(markOf(part) + part.text + closeOf(part));
          continue;
        }
        flushNarrative(lead ? lead.narrative : narrative, p.line);
        narrative = '';
        blank = true;
        open = { paragraphs: [], lines: [], line: p.line, family: part.family ?? 'double', lead: lead?.ref ?? pending?.ref ?? null, trailing: null };
      }
      const q: OpenQuote = open!;
      q.paragraphs.push(part.text);
      q.lines.push(p.line);
      for (let cur = k; ; ) {
        if (!parts[cur].closed) return; // runs on into the next paragraph
        const follow = unquotedAt(parts, cur + 1);
        const nextQuoted = !!parts[cur + 2]?.quoted;
        const trailing = trailingSpeaker(follow);
        if (trailing && nextQuoted && /:\s*$/.test(follow) && SENTENCE_END.test(parts[cur].text.trim())) {
          // “…” Sara Thornton said: “…” – a finished quotation, then another introduced on the same line.
          finish(q, pi);
          pending = { ref: trailing, line: p.line };
          k = cur + 1;
          break;
        }
        if (trailing && nextQuoted) {
          // “…,” said X. “…” – the same speaker goes on, on the same line. A pronoun keeps the speaker named before.
          if (trailing.kind !== 'pronoun' || !q.lead) q.trailing = trailing;
          q.paragraphs[q.paragraphs.length - 1] += ' ' + parts[cur + 2].text;
          cur += 2;
          continue;
        }
        if (trailing) {
          q.trailing = trailing;
          finish(q, pi);
          k = cur + 1;
          break;
        }
        finish(q, pi);
        k = cur;
        break;
      }
    }
    // Text after a closing quotation mark that names nobody: the release's own words.
    if (narrative.trim()) flushNarrative(narrative, p.line);
  };

  const flushNarrative = (t: string, line: number) => {
    const clean = t.replace(/^[\s,.;:–—-]+/, '').replace(/\s+/g, ' ').trim();
    if (!/[\p{L}\p{N}]/u.test(clean)) return;
    // Only an attribution ("Jane Doe said:", "she added.") is not a statement.
    if (isAttributionOnly(clean)) return;
    people.notice(clean);
    statements.push({ kind: 'narrative', speaker: null, text: clean, line });
  };

  for (let pi = 0; pi < paras.length; pi++) {
    if (consumed.has(pi)) continue;
    const p = paras[pi];
    let t = p.text;
    let inside: Family | null = null;
    if (open) {
      const q: OpenQuote = open;
      const f = opensWith(t);
      if (f === q.family) {
        t = t.replace(/^\s*./u, '');
        inside = q.family;
      } else if (!f && continuesUnmarked(paras, pi, q.family)) {
        inside = q.family;
      } else {
        warn(q.line, 'unclosed-quote', `quotation opened here and never closed; taken to end at line ${paras[pi - 1]?.line ?? q.line}`);
        finish(q, pi - 1);
      }
    }
    if (!inside) {
      // A subheading inside the body ("Officers' powers"): a few words that end no sentence.
      if (pi > 0 && isSubheading(t)) continue;
      // A Q&A: the questions are the release's; the answers are the words of the person it put them to.
      const qa = /^(?:(Q|Question)|(A|Answer))\s*[:.)]\s+(?=\S)/.exec(t);
      if (qa && !opensWith(t)) {
        const body = t.slice(qa[0].length);
        if (qa[1]) {
          if (interviewee === undefined) interviewee = people.latest();
          statements.push({ kind: 'narrative', speaker: null, text: body, line: p.line });
          continue;
        }
        if (interviewee !== undefined) {
          if (!interviewee) warn(p.line, 'unknown-speaker', 'an answer in a Q&A with nobody named before the questions: indexed with an unknown speaker');
          statements.push({ kind: 'quote', speaker: interviewee, text: body, line: p.line });
          if (interviewee) lastSpeaker = interviewee;
          continue;
        }
      }
      // An attribution line: "Role, Rank Name said:" with the quotation on the next line.
      const attribution = attributionLine(t);
      const next = paras[pi + 1];
      if (attribution && next && opensWith(next.text)) {
        people.notice(t);
        pending = { ref: attribution, line: p.line };
        continue;
      }
      if (attribution && /:\s*$/.test(t)) {
        // Not the release's own words either: only who was about to speak.
        warn(p.line, 'attribution-without-quote', `"${clip(t, 50)}" introduces no quotation`);
        people.notice(t);
        continue;
      }
    }
    const { parts } = splitQuotes(t, inside);
    if (!inside) people.notice(parts.filter((x) => !x.quoted).map((x) => x.text).join(' '));
    readParts(pi, parts, inside !== null);
  }
  if (open) {
    const q: OpenQuote = open;
    warn(q.line, 'unclosed-quote', `quotation opened here and never closed; taken to end at line ${paras[paras.length - 1].line}`);
    finish(q, paras.length - 1);
  }
  if (pending) {
    const p: { line: number } = pending;
    warn(p.line, 'attribution-without-quote', 'attribution with no quotation after it');
  }
  people.finish();

  // The headline and the lead: when they repeat or quote words of a later quotation they are
  // that speaker's, matched there, not separate statements.
  const quotesAfter = statements.filter((s) => s.kind === 'quote');
  const firstLine = paras[0]?.line ?? 0;
  for (let i = 0; i < statements.length && statements[i].line <= firstLine; ) {
    const s = statements[i];
    const owner = quotesAfter.find((q) => q !== s && q.line > s.line && contains(q.text, s.text));
    if (!owner) {
      i++;
      continue;
    }
    statements.splice(i, 1);
    warn(s.line, 'lead-repeats-quote', `the lead repeats words of ${owner.speaker?.name ?? 'a'}'s quotation (line ${owner.line}); matched there`);
  }
  if (headline) {
    // A headline quoting words that no quotation holds keeps them, as the quotation they are.
    const { parts } = splitQuotes(headline.text, null);
    for (const part of parts) {
      if (!part.quoted || tokenize(part.text).length < 4) continue;
      if (statements.some((s) => s.kind === 'quote' && contains(s.text, part.text))) continue;
      const prefix = parts[0] !== part ? parts[0].text.replace(/[:\s–—-]+$/, '') : '';
      const ref = prefix ? parseSpeakerPhrase(prefix) : null;
      const speaker = ref?.kind === 'person' ? people.resolve(ref) : (quotesAfter[0]?.speaker ?? null);
      statements.unshift({ kind: 'quote', speaker, text: part.text.trim(), line: headline.line });
      warn(headline.line, speaker ? 'headline-quote' : 'unknown-speaker', `the headline quotes words no quotation in the release holds; kept as ${speaker?.name ?? 'an unknown speaker'}'s`);
    }
  }

  const title = stripQuotes(headline?.text ?? titleFrom(paras[0], statements));
  const tail = lines.slice(tailStart).join('\n');
  // Who issued it: the body named in the contact block and notes, or the force they name.
  const organisation = findOrganisation(tail) ?? findForce(tail);
  for (const s of statements) {
    // "A force spokeswoman": the force the release last named before her, else the release's organisation.
    if (s.speaker && s.speaker.name === null && !s.speaker.organisation && /\b(?:force|police)\b/i.test(s.speaker.role ?? '')) {
      const org = findForce(lines.slice(0, s.line - 1).reverse().join('\n')) ?? organisation ?? findForce(text);
      if (org) s.speaker.organisation = org;
    }
  }
  const release = {
    release: {
      id: '',
      date: isoDate,
      title,
      ...(organisation ? { organisation } : {}),
      ...(url ? { url } : {}),
      source: source.split(/[\\/]/).pop() ?? source,
    },
    statements,
    warnings: warnings.sort((a, b) => a.line - b.line),
    // (The id is the record's: the same release read from a page, an export or an index has the same.)
  };
  release.release.id = releaseId(release);
  return release;
}

/** A headline: a line that ends no sentence, short enough to be one, not itself a quotation. */
function isHeadline(t: string): boolean {
  const words = t.split(/\s+/).length;
  return words <= 30 && !SENTENCE_END.test(t.replace(/["”’'»]+$/, '').trim().replace(/\s+$/, '')) && !/:\s*$/.test(t) && !opensWith(t);
}

/** A short line that ends no sentence and is no list item, attribution or quotation. */
function isSubheading(t: string): boolean {
  if (t.length > 80) return false;
  const words = t.split(/\s+/).length;
  return words <= 7 && /^[A-Z]/.test(t) && !/[.!?…:;,"”’'»)]$/.test(t) && !opensWith(t) && !/[“”"]/.test(t) && !ANY_VERB.test(` ${t}`);
}

/** A lead: a paragraph of the release's own words that ends a sentence (not an attribution, not a quotation). */
function isLead(t: string): boolean {
  return SENTENCE_END.test(t) && !opensWith(t) && !attributionLine(t) && t.split(/\s+/).length >= 6;
}

/** The release's title when there is no headline: the lead, or the first sentence of the first statement. */
function titleFrom(lead: Para | undefined, statements: readonly Statement[]): string {
  if (lead && !attributionLine(lead.text) && !/:\s*$/.test(lead.text) && !opensWith(lead.text)) return lead.text;
  const text = statements[0]?.text.split('\n')[0] ?? lead?.text ?? '';
  const sentence = /^.{20,}?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  return sentence.length > 160 ? clip(sentence, 160) : sentence;
}

/** "X said:" alone on a line — or "Rank Name, role:" with no verb — : the speaker it names. */
function attributionLine(t: string, verbless = true): SpeakerRef | null {
  if (!/[:,]\s*$/.test(t) || /[“”"]/.test(t) || t.length > 300) return null;
  const m = LEADING_ATTRIBUTION.exec(t.replace(/[:,]\s*$/, ':'));
  if (m) {
    const ref = parseSpeakerPhrase(subjectOf(m[1]));
    return ref && (ref.kind !== 'role' || ref.rank || /spokes|representative/i.test(ref.role)) ? ref : null;
  }
  if (!verbless || !/:\s*$/.test(t) || t.split(/\s+/).length > 20) return null;
  const ref = parseSpeakerPhrase(t.replace(/:\s*$/, ''));
  return ref?.kind === 'person' ? ref : null;
}

/**
 * The attribution that ends the text before a quotation: "Rank Name said:", "She added: ",
 * "Chief Constable Jane Doe said the figures were “deeply concerning” and added:". Returns
 * the speaker and the narrative left when the attribution is taken away ("" when it was all attribution).
 */
function leadingAttribution(before: string): { ref: SpeakerRef; narrative: string } | null {
  // Asked again as a paragraph's narrative grows (quoted fragments stay in it, joined with +=): a
  // text ten times the longest attribution is none, told from its length alone, without reading it
  // (reading a joined string copies it whole), so a paragraph of many quotations parses in linear time.
  if (before.length > 6000) return null;
  const t = before.replace(/\s+/g, ' ').trim();
  if (!t || t.length > 600) return null;
  const m = LEADING_ATTRIBUTION.exec(t);
  if (m) {
    const subject = subjectOf(m[1]);
    const ref = parseSpeakerPhrase(subject);
    if (ref && (ref.kind !== 'role' || ref.rank || /:\s*$/.test(t) || /spokes|representative/i.test(ref.role))) {
      const rest = m[1].trim() === subject.trim() ? '' : m[1].replace(/[,\s]+(?:and|before|then)$/i, '');
      return { ref, narrative: rest };
    }
  }
  // "Police chiefs: ‘…’", "Jane Doe: “…”"
  const colon = /^([^:“”"‘]{2,80}):\s*$/.exec(t);
  if (colon) {
    const ref = parseSpeakerPhrase(colon[1]);
    if (ref && ref.kind !== 'pronoun') return { ref, narrative: '' };
  }
  return null;
}

/** The subject of "Jane Doe said the figures were … and added": the words before the first speech verb. */
function subjectOf(phrase: string): string {
  const m = ANY_VERB.exec(phrase);
  return m ? phrase.slice(0, m.index) : phrase;
}

function trailingSpeaker(attr: string): SpeakerRef | null {
  const a = attr.replace(/\s+/g, ' ').trim();
  if (!a || a.length > 200) return null;
  const m = VERB_FIRST.exec(a) ?? SUBJECT_FIRST.exec(a);
  if (m) {
    const ref = parseSpeakerPhrase(m[1]);
    if (ref && (ref.kind !== 'role' || ref.rank || /spokes|representative/i.test(ref.role))) return ref;
    return null;
  }
  // “…” – Chief Constable Simon Bailey, NPCC lead: a dash and a named person.
  const d = /^[–—]\s*(.+?)\.?$/.exec(a);
  const ref = d ? parseSpeakerPhrase(d[1]) : null;
  return ref?.kind === 'person' && ref.name.includes(' ') ? ref : null;
}

/** Whether a narrative remainder is only an attribution ("Jane Doe said:", "she added."). */
function isAttributionOnly(t: string): boolean {
  if (t.split(/\s+/).length > 40) return false;
  return !!(attributionLine(t.replace(/[.;]?$/, ':'), false) || trailingSpeaker(t));
}

/**
 * Signature lines after a quotation that no one introduced: a name line ("Jane Doe QPM"),
 * then maybe a role line ("Chief Executive, SafeHomes Trust"), neither a sentence.
 */
function signatureAt(paras: readonly Para[], at: number): { ref: SpeakerRef; consumed: number[] } | null {
  const nameLine = paras[at]?.text;
  if (!nameLine || nameLine.split(/\s+/).length > 10 || SENTENCE_END.test(nameLine.replace(/\b(?:QPM|OBE|MBE|CBE)\.?$/, '')) || opensWith(nameLine)) return null;
  // "Jane Doe said:" introduces the next quotation; it does not sign this one.
  if (/[:,]\s*$/.test(nameLine) || ANY_VERB.test(` ${nameLine}`)) return null;
  const ref = parseSpeakerPhrase(nameLine.replace(/^[–—-]\s*/, ''));
  // "– A Prison Service spokeswoman" on the line after the quotation.
  if (ref?.kind === 'role' && /^[–—-]/.test(nameLine) && (ref.rank || /spokes|representative/i.test(ref.role))) return { ref, consumed: [at] };
  if (ref?.kind !== 'person' || (!ref.name.includes(' ') && !ref.rank)) return null;
  const roleLine = paras[at + 1]?.text;
  if (roleLine && !ref.role && roleLine.split(/\s+/).length <= 15 && !SENTENCE_END.test(roleLine) && !opensWith(roleLine) && parseSpeakerPhrase(roleLine)?.kind !== 'person') {
    const role = roleLine.replace(/[,;]$/, '');
    // "Chief Constable, Fenmoor Police": the role line may give the rank.
    const rank = ref.rank ?? (parseSpeakerPhrase(role)?.kind === 'role' ? (parseSpeakerPhrase(role) as { rank: string | null }).rank : null);
    return { ref: { ...ref, rank, role }, consumed: [at, at + 1] };
  }
  return { ref, consumed: [at] };
}

/**
 * Whether the paragraphs from `from` on continue a quotation whose paragraphs carry no
 * opening mark: a later paragraph closes it before anything else begins.
 */
function continuesUnmarked(paras: readonly Para[], from: number, family: Family): boolean {
  for (let j = from; j < paras.length && j < from + 12; j++) {
    const t = paras[j].text;
    if (j > from && opensWith(t)) return false;
    if (attributionLine(t)) return false;
    const marks = strayClose(t, family);
    if (marks) return marks === 'closes';
  }
  return false;
}

/** Whether two attributions name one person: the same surname, and first names that agree when both give one. */
function samePerson(a: SpeakerRef, b: SpeakerRef): boolean {
  if (a.kind !== 'person' || b.kind !== 'person') return a.kind === b.kind && a.kind === 'role' && a.role === (b as { role: string }).role;
  const wa = a.name.toLowerCase().split(/\s+/);
  const wb = b.name.toLowerCase().split(/\s+/);
  if (wa[wa.length - 1] !== wb[wb.length - 1]) return false;
  return wa.length === 1 || wb.length === 1 || wa[0] === wb[0];
}

/** The unquoted text of parts[k], or "" when it is quoted or missing. */
function unquotedAt(parts: readonly Part[], k: number): string {
  return parts[k] && !parts[k].quoted ? parts[k].text : '';
}

function markOf(part: Part): string {
  return part.family === 'single' ? '‘' : '“';
}
function closeOf(part: Part): string {
  return part.family === 'single' ? '’' : '”';
}

/** A title wholly in quote marks loses them; "Police chiefs: ‘We will …’" keeps its own. */
function stripQuotes(s: string): string {
  const t = s.trim();
  return /^[“"„«‘']/.test(t) && /[”"»’']$/.test(t) ? t.replace(/^[“"„«‘']+|[”"»’']+$/g, '').trim() : t;
}

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** The words of a text as the matcher reads them; a release asks about the same quotation for each early paragraph. */
const normsOf = (() => {
  let cache = new Map<string, string[]>();
  return (text: string): string[] => {
    let w = cache.get(text);
    if (!w) {
      if (cache.size > 256) cache = new Map();
      cache.set(text, (w = tokenize(text).map((t) => t.norm)));
    }
    return w;
  };
})();

/** Whether the words of `part` occur, in order and (almost) contiguously, in `whole`. */
function contains(whole: string, part: string): boolean {
  // Cheaply first: most of the part's words must be in the whole at all.
  const lower = whole.toLowerCase();
  const bare = part.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (bare.length < 4 || bare.filter((x) => lower.includes(x)).length < bare.length * 0.8) return false;
  const w = normsOf(whole);
  const p = normsOf(part);
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
