/**
 * A word diff between what the page says and what was said, for the card.
 * Words are compared without case, quote style or punctuation; the page's
 * elisions (… / ...) and [bracketed] editorial words are told apart from changes.
 */

export type DiffPart =
  | { op: 'same'; text: string }
  /** Words the page has and the original does not, or has other words in their place. */
  | { op: 'change'; page: string; original: string; figure: boolean }
  /** The page marks an elision (…) where the original has these words. */
  | { op: 'elided'; page: string; original: string }
  /** [Bracketed] editorial words of the page. */
  | { op: 'editorial'; page: string; original: string };

const ELLIPSIS = /^(?:…|\.{3,}|\[…\]|\[\.{3}\])$/;

function key(token: string): string {
  return token
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function tokenize(text: string): string[] {
  // Split ellipses off words ("sooner…" → "sooner", "…") so they read as elisions.
  return text
    .replace(/(\S)(…|\.{3,})/g, '$1 $2')
    .replace(/(…|\.{3,})(\S)/g, '$1 $2')
    .split(/\s+/)
    .filter(Boolean);
}

const hasDigit = (s: string) => /\d/.test(s);

/** Strips the quote marks a page puts around a quotation. */
export function stripOuterQuotes(text: string): string {
  return text.trim().replace(/^["“”‘’'«»]+/, '').replace(/["“”‘’'«»]+$/, '').trim();
}

export function wordDiff(pageText: string, originalText: string): DiffPart[] {
  const a = tokenize(stripOuterQuotes(pageText));
  const b = tokenize(originalText);
  const ka = a.map(key);
  const kb = b.map(key);
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000) return [{ op: 'change', page: a.join(' '), original: b.join(' '), figure: false }];

  // LCS table over keys; tokens with empty keys (pure punctuation) only match themselves.
  const eq = (i: number, j: number) => (ka[i] === '' && kb[j] === '' ? a[i] === b[j] : ka[i] !== '' && ka[i] === kb[j]);
  const dp: Uint32Array[] = [];
  for (let i = 0; i <= n; i++) dp.push(new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i]![j] = eq(i, j) ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);

  const parts: DiffPart[] = [];
  let pend: { page: string[]; orig: string[] } = { page: [], orig: [] };
  const flush = () => {
    if (!pend.page.length && !pend.orig.length) return;
    const page = pend.page.join(' ');
    const original = pend.orig.join(' ');
    const punctOnly = !pend.page.some((t) => key(t)) && !pend.orig.some((t) => key(t));
    if (punctOnly) {
      // Punctuation differences alone are not worth a mark: show the original's.
      if (original) parts.push({ op: 'same', text: original });
    } else if (pend.page.length && pend.page.every((t) => ELLIPSIS.test(t))) {
      parts.push({ op: 'elided', page, original });
    } else if (/^\[.*\]$/.test(page)) {
      parts.push({ op: 'editorial', page, original });
    } else {
      parts.push({ op: 'change', page, original, figure: hasDigit(page) || hasDigit(original) });
    }
    pend = { page: [], orig: [] };
  };
  const same = (t: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === 'same') last.text += ' ' + t;
    else parts.push({ op: 'same', text: t });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && eq(i, j)) {
      flush();
      same(b[j]!);
      i++;
      j++;
    } else if (j < m && (i >= n || dp[i]![j + 1]! >= dp[i + 1]![j]!)) {
      pend.orig.push(b[j++]!);
    } else {
      pend.page.push(a[i++]!);
    }
  }
  flush();
  return parts;
}
