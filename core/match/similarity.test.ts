import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typoDistance } from './similarity';

/** The plainest optimal-string-alignment distance: the whole table, no early exits. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('typoDistance', () => {
  it('agrees with the whole distance table, for words sharing a first or second letter', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcder'), minLength: 2, maxLength: 90 });
    fc.assert(
      fc.property(word, word, fc.constantFrom(1, 2), (a, b, max) => {
        const shares = a[0] === b[0] || a[1] === b[1];
        expect(typoDistance(a, b, max)).toBe(shares && osa(a, b) <= max);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a transposition once', () => {
    expect(typoDistance('anonymous', 'anonymuos', 1)).toBe(true);
    expect(typoDistance('anonymous', 'anonmyuos', 1)).toBe(false);
  });
});
