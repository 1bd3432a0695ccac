/**
 * Words that state a figure without being a number token: a figure joined to a word
 * ("30-year", "24-hour", "11th") and fractions and ordinals in words ("a third",
 * "half", "eleventh"). A change to one is a changed figure, never a spelling variant.
 */
import type { Token } from './tokens';

const FIGURE_WORDS = new Set(
  ('half halves third thirds quarter quarters fifth fifths sixth sixths seventh sevenths eighth eighths ninth ninths tenth tenths ' +
    'first second fourth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth ' +
    'thirtieth fortieth fiftieth hundredth thousandth millionth double doubled treble trebled triple tripled quadrupled dozen dozens')
    .split(' '),
);

/** Whether a folded word holds a digit. */
export function hasDigit(norm: string): boolean {
  for (let k = 0; k < norm.length; k++) {
    const c = norm.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Whether a token states a figure: a number, a word joined to one, or a fraction or ordinal in words. */
export function isFigure(t: Pick<Token, 'norm' | 'num'>): boolean {
  return t.num || hasDigit(t.norm) || FIGURE_WORDS.has(t.norm);
}

const ORDINAL_WORDS = 'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'.split(' ');

/** The number an ordinal names, written in words or figures ("eleventh", "11th"), or undefined. */
export function ordinalValue(norm: string): number | undefined {
  const w = ORDINAL_WORDS.indexOf(norm);
  if (w >= 0) return w + 1;
  const m = /^(\d{1,4})(?:st|nd|rd|th)$/.exec(norm);
  return m ? Number(m[1]) : undefined;
}
