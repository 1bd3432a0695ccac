/**
 * The people a release names, wherever it names them — the headline, the lead, the
 * narrative, an attribution — so that a quotation introduced as "Jane Doe said:",
 * "She added:" or "“…,” Ms Doe said." gets the whole speaker: name, rank and role from
 * wherever the release gives them. One person within a release is one Speaker.
 */
import type { Speaker } from '../types';
import { RANK_PATTERN, sameRank } from './ranks';
import { sexOfGivenName } from './givenNames';
import { parseSpeakerPhrase, PCC_OFFICE, surnameOf, type Sex, type SpeakerRef } from './speaker';

interface Person {
  name: string;
  rank: string | null;
  role: string | null;
  honorific: string | null;
  /** What the release tells of their sex ("Ms", "she"), or a common given name; only to resolve "she" and "Mr Doe". */
  sex?: Sex;
  /** The Speaker handed out for this person; updated in place as the release tells more. */
  speaker: Speaker | null;
}

/** "Rank Name" anywhere in a sentence, with an appositive role after it: "Detective Superintendent Jane Doe, who leads the unit,". */
const RANKED_MENTION = new RegExp(
  `(?<![\\p{L}])(?=[A-Z])(${RANK_PATTERN}(?:\\s+(?:Sir|Dame|Dr|Professor))?\\s+((?:[A-Z\\u00C0-\\u00DE][\\p{L}’'.-]*\\s+){0,3}[A-Z\\u00C0-\\u00DE][\\p{L}’'-]+))` +
    `(?:\\s+(?:QPM|OBE|MBE|CBE|KPM))*(?:\\s*,\\s*((?:who\\s+(?:is\\s+|was\\s+|has\\s+)?[a-z]+|the|a|an|of|from|at|for|head|lead|chair|deputy|national|director|chief|senior)\\b[^,.;:“”"]{3,120}?)\\s*,)?`,
  'gu',
);
/** A cheap test before the dear one: a word that starts some rank. */
const MAY_HOLD_RANK = /(?:^|[^\p{L}])(?:Chief|Deputy|Assistant|Detective|Det|Dep|Superintendent|Supt|Inspector|Insp|Sergeant|Sgt|Constable|Commissioner|Commander|Cmdr|Cdr|Police|Special|Temporary|Temp|Acting|Act|Ch|[TACD]\/|CC|DCC|ACC|DAC|AC|DCS|DSU|DCI|DI|DS|DC|PC|PCSO|SC)(?![\p{L}])/u;
/** "The Chief Constable of Wrexford Constabulary, Gwen Ashworth-Tate, has warned …": the role with its rank, then the name. */
const ROLE_THEN_NAME = new RegExp(
  `(?:^|,\\s*|[Tt]he\\s+)((${RANK_PATTERN})\\s+(?:of|for|at)\\s+[^,.;:“”"]{3,80}),\\s+((?:(?:Sir|Dame|Dr|Professor)\\s+)?(?:[A-Z\\u00C0-\\u00DE][\\p{L}’'.-]*\\s+){0,3}[A-Z\\u00C0-\\u00DE][\\p{L}’'-]+),`,
  'giu',
);
/** The cheap test before ROLE_THEN_NAME: a rank in full, then "of", "for" or "at". */
const ROLE_OF = /(?:Chief|Deputy|Assistant|Detective|Superintendent|Inspector|Sergeant|Constable|Commissioner|Commander)\s+(?:of|for|at)\s/;
/** "Sir Malcolm Dunstable QPM, the force's former Chief Constable,": an honorific and a name, with its appositive. */
const TITLED_MENTION = /(?:^|[^\p{L}])((?:Sir|Dame|Dr|Professor|Lord|Lady|Baroness)\s+(?:[A-Z\u00C0-\u00DE][\p{L}’'.-]*\s+){0,2}[A-Z\u00C0-\u00DE][\p{L}’'-]+)(?:\s+(?:QPM|OBE|MBE|CBE|KPM|KBE|DBE))*(?:\s*,\s*([^,.;:“”"]{3,120}?)\s*,)?/gu;
/**
 * "The Police and Crime Commissioner for Westmarch, Gwendolyn Farr, welcomed …": a civilian office
 * of policing (no rank) and its holder, so that a later "Mrs Farr said:" gets the whole speaker.
 */
const OFFICE_THEN_NAME = new RegExp(
  `(?:^|,\\s*|[Tt]he\\s+)((?:${PCC_OFFICE}|(?:Deputy\\s+)?Mayor|Chief\\s+Executive|Chair|Director|Minister)\\s+(?:of|for|at)\\s+[^,.;:“”"]{3,80}),\\s+((?:(?:Sir|Dame|Dr|Professor|Cllr|Councillor)\\s+)?(?:[A-Z\\u00C0-\\u00DE][\\p{L}’'.-]*\\s+){0,3}[A-Z\\u00C0-\\u00DE][\\p{L}’'-]+),`,
  'gu',
);
const MAY_HOLD_OFFICE = /\b(?:Crime\s+Commissioner|Mayor|Chief\s+Executive|Chair|Director|Minister)\s+(?:of|for|at)\s/;

/** "…, says the Chief Constable of Westmarch Police": a rank and role, nobody named. */
const ROLE_MENTION = new RegExp(`\\b(?:says|said|warns|warned|urges|according\\s+to)\\s+(?:the\\s+)?((${RANK_PATTERN})\\s+(?:of|for|at)\\s+[^,.;:“”"]{3,80})`, 'u');

export class People {
  private people: Person[] = [];
  /** A rank and role given for someone not named ("says the Chief Constable of X"), waiting for a named speaker with none. */
  private unnamedRole: { rank: string; role: string } | null = null;
  /** Set by resolve when it had to guess against what the release says ("she" for the only man named). */
  doubt: string | null = null;
  /** The people named or quoted, the latest first: whom "she" and "he" refer to. */
  private recent: Person[] = [];

  /** Notes the people a narrative paragraph, the headline or the lead names. */
  notice(text: string): void {
    if (/\b(?:Sir|Dame|Dr|Professor|Lord|Lady|Baroness)\s/.test(text)) {
      for (const m of text.matchAll(TITLED_MENTION)) {
        const ref = parseSpeakerPhrase(m[1]);
        if (ref?.kind === 'person' && ref.name.includes(' ')) this.touch(this.add({ ...ref, role: m[2] ? m[2].trim() : ref.role }));
      }
    }
    if (MAY_HOLD_OFFICE.test(text)) {
      for (const m of text.matchAll(OFFICE_THEN_NAME)) {
        const ref = parseSpeakerPhrase(m[2]);
        if (ref?.kind === 'person' && ref.name.includes(' ')) this.touch(this.add({ ...ref, role: ref.role ?? m[1] }));
      }
    }
    if (!MAY_HOLD_RANK.test(text)) return;
    if (ROLE_OF.test(text)) for (const m of text.matchAll(ROLE_THEN_NAME)) {
      const ref = parseSpeakerPhrase(m[3]);
      if (ref?.kind === 'person') this.touch(this.add({ ...ref, rank: ref.rank ?? m[2], role: ref.role ?? m[1].replace(/^the\s+/i, '') }));
    }
    for (const m of text.matchAll(RANKED_MENTION)) {
      // "Police and Crime Commissioner Dafydd Lorne": the office is civilian, "Commissioner" no rank
      // there (the attribution reads the whole office as the role: speaker.ts).
      if (/Crime\s+$/.test(text.slice(Math.max(0, m.index! - 12), m.index))) continue;
      const ref = parseSpeakerPhrase(m[1]);
      if (ref?.kind !== 'person') continue;
      const role = m[3] ? m[3].replace(/^who\s+(?:is\s+)?/i, (w) => (/is/.test(w) ? '' : w)).trim() : null;
      this.touch(this.add({ ...ref, role: role || ref.role }));
    }
    if (!this.unnamedRole) {
      const r = ROLE_MENTION.exec(text);
      if (r) this.unnamedRole = { rank: r[2], role: r[1].trim() };
    }
  }

  /** The Speaker an attribution names, merged with what the release says of that person elsewhere. */
  resolve(ref: SpeakerRef): Speaker | null {
    this.doubt = null;
    if (ref.kind === 'pronoun') {
      // "she" is the latest person who may be a woman: not one the release has called "he" or "Mr".
      const sex: Sex | undefined = /^she\b/.test(ref.pronoun) ? 'f' : /^he\b/.test(ref.pronoun) ? 'm' : undefined;
      let person = this.recent.find((p) => !sex || !p.sex || p.sex === sex) ?? null;
      if (!person && this.recent.length) {
        person = this.recent[0];
        this.doubt = `"${ref.pronoun}" fits nobody named before it; taken as ${person.name}, named last`;
      }
      if (!person) return null;
      if (sex && !person.sex) person.sex = sex;
      this.touch(person);
      return this.speakerOf(person);
    }
    if (ref.kind === 'role') {
      const s: Speaker = { name: null, rank: ref.rank, role: ref.role };
      if (ref.organisation) s.organisation = ref.organisation;
      return s;
    }
    const person = this.add(ref);
    this.touch(person);
    return this.speakerOf(person);
  }

  /** The person named last, as a Speaker (for the answers of a Q&A: the person the questions were put to). */
  latest(): Speaker | null {
    return this.recent[0] ? this.speakerOf(this.recent[0]) : null;
  }

  /** Gives what the release says elsewhere (a rank and role with nobody named) to the one named speaker who has none. */
  finish(): void {
    if (!this.unnamedRole) return;
    const { rank, role } = this.unnamedRole;
    const bare = this.people.filter((p) => p.speaker && !p.role && (!p.rank || sameRank(p.rank, rank)));
    if (bare.length !== 1) return;
    const [p] = bare;
    p.rank ??= rank;
    p.role = role;
    this.refresh(p);
  }

  /** Makes `p` the latest person named. */
  private touch(p: Person): void {
    const at = this.recent.indexOf(p);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.unshift(p);
  }

  private add(ref: { name: string; rank: string | null; role: string | null; honorific: string | null; sex?: Sex }): Person {
    const known = this.find(ref.name, ref.rank, ref.sex, ref.honorific);
    if (known) {
      // The fullest form of each part: "Jane Doe" over "Doe", a role over none.
      if (ref.name.split(/\s+/).length > known.name.split(/\s+/).length) known.name = ref.name;
      known.rank ??= ref.rank;
      known.role ??= ref.role;
      known.honorific ??= ref.honorific;
      known.sex ??= ref.sex ?? sexOfGivenName(known.name.split(/\s+/)[0]);
      this.refresh(known);
      return known;
    }
    const given = ref.name.includes(' ') ? sexOfGivenName(ref.name.split(/\s+/)[0]) : undefined;
    const p: Person = { name: ref.name, rank: ref.rank, role: ref.role, honorific: ref.honorific, speaker: null };
    const sex = ref.sex ?? given;
    if (sex) p.sex = sex;
    this.people.push(p);
    return p;
  }

  /** The person of this name: the same full name, or the same surname when one side gives only a surname or the first names agree. */
  private find(name: string, rank: string | null, sex?: Sex, honorific?: string | null): Person | null {
    const n = fold(name);
    const exact = this.people.find((p) => fold(p.name) === n);
    if (exact) return exact;
    // A surname alone, or with its particle ("ap Dafydd").
    const single = !name.includes(' ') || /^[a-z]/.test(name);
    // "Sir Malcolm": a knight is named by his given name.
    if (single && honorific && /^(?:Sir|Dame)$/.test(honorific)) {
      const knight = this.people.find((p) => p.honorific === honorific && firstOf(p.name) === n);
      if (knight) return knight;
    }
    const surname = fold(surnameOf(name));
    let same = this.people.filter((p) => fold(surnameOf(p.name)) === surname && (single || !p.name.includes(' ') || firstOf(p.name) === firstOf(name)));
    if (same.length <= 1) return same[0] ?? null;
    // Two people of one surname: "Mr" or "Ms" tells them apart, then the rank, else the one named last.
    if (sex && same.some((p) => p.sex === sex)) same = same.filter((p) => p.sex === sex);
    if (same.length === 1) return same[0];
    return same.find((p) => sameRank(p.rank, rank)) ?? this.recent.find((p) => same.includes(p)) ?? same[same.length - 1];
  }

  private speakerOf(p: Person): Speaker {
    if (!p.speaker) {
      p.speaker = { name: p.name, rank: p.rank, role: p.role };
      if (p.honorific) p.speaker.honorific = p.honorific;
    }
    return p.speaker;
  }

  private refresh(p: Person): void {
    if (!p.speaker) return;
    p.speaker.name = p.name;
    p.speaker.rank = p.rank;
    p.speaker.role = p.role;
    if (p.honorific) p.speaker.honorific = p.honorific;
  }
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’']/g, "'").toLowerCase();
}

function firstOf(name: string): string {
  return fold(name.split(/\s+/)[0] ?? '');
}

