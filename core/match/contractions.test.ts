/**
 * Outlets print speech with its contractions, or without them: "wasn't" for "was not", "I'm" for
 * "I am". The same words, so a note, never a change; other words around them still count.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, createMatcher, parseRelease } from '../index';

const release = `14 Mar 2022
Neighbourhood officers kept
Chief Constable Ellis Marrow said:
“Every village in the county will keep its named officer. That was the promise I was not prepared to break, and I am proud we kept it.
“We’re asking residents to tell us what they see, because it’s their information that solves crimes.”
`;
const matcher = createMatcher(buildIndex([parseRelease(release, 'marrow.txt')]));

describe('contractions', () => {
  it.each([
    ["That was the promise I wasn't prepared to break, and I'm proud we kept it.", ["wasn't", "I'm"]],
    ['residents to tell us what they see, because it is their information that solves crimes.', ['it is']],
  ])('%s: verbatim, each contraction a note', (text, pages) => {
    const a = matcher.match(`“${text}”`);
    expect(a.verdict).toBe('verbatim');
    expect(a.best?.differences).toEqual([]);
    expect(a.best?.notes?.filter((n) => n.type === 'spelling').map((n) => n.page)).toEqual(pages);
  });

  it('another word beside a contraction is a difference still', () => {
    const a = matcher.match("“Every village in the county will keep its named officer. That was the promise I wasn't willing to break.”");
    expect(a.verdict).toBe('altered');
    expect(a.best?.differences.map((d) => [d.page, d.original])).toEqual([["wasn't willing", 'was not prepared']]);
  });
});
