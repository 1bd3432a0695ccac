const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Reads the release's date line: "03 Oct 2014" (also "3 October 2014").
 * Returns the ISO date, or a reason why the line is not a date.
 */
export function parseDateLine(line: string): { date: string } | { reason: string } {
  const m = /^\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\s*$/.exec(line);
  if (!m) return { reason: `expected the date line "DD Mon YYYY" first, found "${clip(line)}"` };
  const day = Number(m[1]);
  const monthName = m[2].toLowerCase();
  const month = MONTHS.indexOf(monthName.slice(0, 3)) + 1;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  if (month === 0 || (monthName.length > 3 && monthName !== full[month - 1] && monthName !== 'sept')) {
    return { reason: `"${m[2]}" is not a month` };
  }
  const year = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return { reason: `${clip(line)} is not a real date` };
  return { date: `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

export function clip(s: string, n = 60): string {
  const t = s.trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}
