/** Parser warnings as people read them: one line each, or counted by kind for an archive. */
import type { ParseWarning, WarningKind } from '../types';

export const WARNING_LABELS: Record<WarningKind, string> = {
  'unclosed-quote': 'quotation never closed (ended where its quoted paragraphs end)',
  'unknown-speaker': 'quotation with no speaker found (indexed with an unknown speaker)',
  'assumed-speaker': 'quotation with no attribution (taken as the last speaker’s)',
  'numeric-date': 'numeric date read day-first',
  'no-date-line': 'no date line (dated by the first date in the text)',
  'lead-repeats-quote': 'lead or headline repeating a quotation (matched at the quotation)',
  'headline-quote': 'headline quoting words no quotation holds (kept as a quotation)',
  'attribution-without-quote': 'attribution with no quotation after it',
  'id-recomputed': 'id in the file that its content does not have (read with its own)',
  other: 'other',
};

/** "line 4: quotation opened here and never closed …" */
export function formatWarning(w: ParseWarning): string {
  return `line ${w.line}: ${w.message}`;
}

/** Each kind of warning with how many there are, most frequent first. */
export function summariseWarnings(warnings: Iterable<ParseWarning>): { kind: WarningKind; label: string; count: number }[] {
  const counts = new Map<WarningKind, number>();
  for (const w of warnings) counts.set(w.kind, (counts.get(w.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, label: WARNING_LABELS[kind] ?? kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}
