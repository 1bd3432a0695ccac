/**
 * How a speaker is named on every surface, and when two speakers are one person.
 * Ranks are stored as the release writes them ("CC", "Det Supt") and shown in full.
 */
import type { Speaker, StatementKind } from './types';
import { expandRank } from './parse/ranks';

export { expandRank };

/** "Chief Constable Sir Hugh Orde"; for a speaker the release does not name, "ACPO spokesman". */
export function speakerName(speaker: Speaker | null): string {
  if (!speaker) return '';
  if (speaker.name === null) {
    const role = speaker.role ?? 'unnamed speaker';
    if (!speaker.organisation || role.toLowerCase().includes(speaker.organisation.toLowerCase())) return role;
    return `${speaker.organisation} ${role.replace(/^(?:force|police)\s+/i, '')}`;
  }
  return [speaker.rank ? expandRank(speaker.rank) : null, speaker.honorific ?? null, speaker.name].filter(Boolean).join(' ');
}

/** The name with its role: "Chief Constable Simon Bailey, NPCC Lead for Child Protection". */
export function describeSpeaker(speaker: Speaker | null): string {
  if (!speaker) return '';
  const name = speakerName(speaker);
  return speaker.role && speaker.name !== null ? `${name}, ${speaker.role}` : name;
}

/**
 * One key a person, across releases: the name folded (case, accents, apostrophes), whatever
 * rank or role each release gives ("CC Jane Doe" in 2019 and "Chief Constable Jane Doe" in 2021
 * are one person). A speaker the release does not name is keyed by role and organisation.
 */
export function speakerKey(speaker: Speaker): string {
  const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
  if (speaker.name === null) return `\u0000${fold(speaker.role ?? '')}\u0000${fold(speaker.organisation ?? '')}`;
  return fold(speaker.name);
}

/**
 * Who said it, as every surface names it: the speaker (with role when `withRole`); for a
 * quotation the release attributes to nobody, "Unknown speaker" (never the organisation:
 * the words are not its own); for narrative, the organisation's own words.
 */
export function whoSaid(kind: StatementKind, speaker: Speaker | null, organisation?: string, withRole = false): string {
  if (speaker) return withRole ? describeSpeaker(speaker) : speakerName(speaker);
  if (kind === 'quote') return 'Unknown speaker (the release names nobody)';
  return `${organisation ?? 'The release'} (its own words)`;
}
