import { describe, expect, it } from 'vitest';
import { wordDiff } from './wordDiff';

describe('wordDiff', () => {
  it('marks nothing when only quote marks and case differ', () => {
    expect(wordDiff('“The internet is NOT a safe place.”', 'The internet is not a safe place.')).toEqual([
      { op: 'same', text: 'The internet is not a safe place.' },
    ]);
  });
  it('flags a changed figure', () => {
    const parts = wordDiff('arresting over 600 offenders each month', 'arresting over 400 offenders each month');
    expect(parts).toContainEqual({ op: 'change', page: '600', original: '400', figure: true });
  });
  it('shows added and dropped words', () => {
    const parts = wordDiff('is not a very safe place', 'is not a safe or anonymous place');
    expect(parts.filter((p) => p.op === 'change')).toEqual([
      { op: 'change', page: 'very', original: '', figure: false },
      { op: 'change', page: '', original: 'or anonymous', figure: false },
    ]);
  });
  it('tells elisions and editorial brackets apart from changes', () => {
    const parts = wordDiff('We are … arresting [the police] offenders', 'We are already arresting over 400 offenders');
    expect(parts.map((p) => p.op)).toContain('elided');
    expect(parts.find((p) => p.op === 'elided')).toMatchObject({ page: '…', original: 'already' });
    expect(parts.find((p) => p.op === 'editorial')).toMatchObject({ page: '[the police]' });
  });
});
