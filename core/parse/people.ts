/**
 * The people a release names, wherever it names them — the headline, the lead, the
 * narrative, an attribution — so that a quotation introduced as "Jane Doe said:",
 * "She added:" or "“…,” Ms Doe said." gets the whole speaker: name, rank and role from
 * wherever the release gives them. One person within a release is one Speaker.
 */
import type { Speaker } from '../types';
import { RANK_PATTERN, sameRank } from './ranks';
import { looksLikeName, parseSpeakerPhrase, surnameOf, type SpeakerRef } from './speaker';

interface Person {
  name: string;
  rank: string | null;
  role: string | null;
  honorific: string | null;
  /** The Speaker handed out for this person; updated in place as the release tells more. */
  speaker: Speaker | null;
}

/** "Rank Name" anywhere in a sentence, with an appositive role after it: "Detective Superintendent Jane Doe, who leads the unit,". */
const RANKED_MENTION = new RegExp(
  `(?:^|[^\\p{L}])(${RANK_PATTERN}(?:\\s+(?:Sir|Dame|Dr|Professor))?\\s+((?:[A-Z\\u00C0-\\u00DE][\\p{L}’'.-]*\\s+){0,3}[A-Z\\u00C0-\\u00DE][\\p{L}’'-]+))` +
    `(?:\\s+(?:QPM|OBE|MBE|CBE|KPM))*(?:\\s*,\\s*((?:who\\s+(?:is\\s+|was\\s+|has\\s+)?[a-z]+|the|a|an|head|lead|chair|deputy|national|director|chief|senior)\\b[^,.;:“”"]{3,120}?)\\s*,)?`,
  'gu',
);
/** A cheap test before the dear one: a word that starts some rank. */
const MAY_HOLD_RANK = /(?:^|[^\p{L}])(?:Chief|Deputy|Assistant|Detective|Det|Dep|Superintendent|Supt|Inspector|Insp|Sergeant|Sgt|Constable|Commissioner|Commander|Cmdr|Cdr|Police|Special|Temporary|Temp|Acting|Act|Ch|[TACD]\/|CC|DCC|ACC|DAC|AC|DCS|DSU|DCI|DI|DS|DC|PC|PCSO|SC)(?![\p{L}])/u;
/** "…, says the Chief Constable of Westmarch Police": a rank and role, nobody named. */
const ROLE_MENTION = new RegExp(`\\b(?:says|said|warns|warned|urges|according\\s+to)\\s+(?:the\\s+)?((${RANK_PATTERN})\\s+(?:of|for|at)\\s+[^,.;:“”"]{3,80})`, 'u');

export class People {
  private people: Person[] = [];
  /** A rank and role given for someone not named ("says the Chief Constable of X"), waiting for a named speaker with none. */
  private unnamedRole: { rank: string; role: string } | null = null;
  /** The person last named or quoted: who "she" and "he" refer to. */
  last: Person | null = null;

  /** Notes the people a narrative paragraph, the headline or the lead names. */
  notice(text: string): void {
    if (!MAY_HOLD_RANK.test(text)) return;
    for (const m of text.matchAll(RANKED_MENTION)) {
      const ref = parseSpeakerPhrase(m[1]);
      if (ref?.kind !== 'person') continue;
      const role = m[3] ? m[3].replace(/^who\s+(?:is\s+)?/i, (w) => (/is/.test(w) ? '' : w)).trim() : null;
      this.last = this.add({ ...ref, role: role || ref.role });
    }
    if (!this.unnamedRole) {
      const r = ROLE_MENTION.exec(text);
      if (r) this.unnamedRole = { rank: r[2], role: r[1].trim() };
    }
  }

  /** The Speaker an attribution names, merged with what the release says of that person elsewhere. */
  resolve(ref: SpeakerRef): Speaker | null {
    if (ref.kind === 'pronoun') return this.last ? this.speakerOf(this.last) : null;
    if (ref.kind === 'role') {
      const s: Speaker = { name: null, rank: ref.rank, role: ref.role };
      if (ref.organisation) s.organisation = ref.organisation;
      return s;
    }
    const person = this.add(ref);
    this.last = person;
    return this.speakerOf(person);
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

  private add(ref: { name: string; rank: string | null; role: string | null; honorific: string | null }): Person {
    const known = this.find(ref.name, ref.rank);
    if (known) {
      // The fullest form of each part: "Jane Doe" over "Doe", a role over none.
      if (ref.name.split(/\s+/).length > known.name.split(/\s+/).length) known.name = ref.name;
      known.rank ??= ref.rank;
      known.role ??= ref.role;
      known.honorific ??= ref.honorific;
      this.refresh(known);
      return known;
    }
    const p: Person = { name: ref.name, rank: ref.rank, role: ref.role, honorific: ref.honorific, speaker: null };
    this.people.push(p);
    return p;
  }

  /** The person of this name: the same full name, or the same surname when one side gives only a surname or the first names agree. */
  private find(name: string, rank: string | null): Person | null {
    const n = fold(name);
    const exact = this.people.find((p) => fold(p.name) === n);
    if (exact) return exact;
    const surname = fold(surnameOf(name));
    const single = !name.includes(' ');
    const same = this.people.filter((p) => fold(surnameOf(p.name)) === surname && (single || !p.name.includes(' ') || firstOf(p.name) === firstOf(name)));
    if (same.length <= 1) return same[0] ?? null;
    // Two people of one surname: the rank tells them apart, else the one named last.
    return same.find((p) => sameRank(p.rank, rank)) ?? (this.last && same.includes(this.last) ? this.last : same[same.length - 1]);
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

export { looksLikeName };
