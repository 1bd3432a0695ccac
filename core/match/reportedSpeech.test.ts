/**
 * Reported speech as outlets print it, against the seed release (Simon Bailey, 4 Aug 2017): a
 * changed figure in a short reported sentence, a long lead-in before "said", the plural present
 * of headlines and standfirsts ("Police say …"), a report in everyday words ("extra money" for
 * "increased investment"), and words the page attributes without quote marks, which may reword.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, createMatcher, parseRelease } from '../index';
import { findQuotations } from '../check/findQuotations';

const root = join(__dirname, '../..');
const releases = readdirSync(join(root, 'data/releases')).map((f) => parseRelease(readFileSync(join(root, 'data/releases', f), 'utf8'), f));
const matcher = createMatcher(buildIndex(releases));

describe('reported speech', () => {
  it('a changed figure in a short reported sentence is a paraphrase naming the figure, not "not in the index"', () => {
    const a = matcher.match('Chief Constable Simon Bailey said police were arresting over 4,000 offenders each month.');
    expect(a.verdict).toBe('paraphrase');
    expect(a.best?.speaker?.name).toBe('Simon Bailey');
    expect(a.best?.differences).toEqual([{ type: 'number', page: '4,000', original: '400' }]);
    // The words shown are the sentence that says it, not the statement's first sentences too.
    expect(a.best!.quote.slice(a.best!.span[0], a.best!.span[1])).toMatch(/^We are already arresting over 400 offenders/);
    // The same figure as the release: no difference.
    expect(matcher.match('Chief Constable Simon Bailey said police were arresting over 400 offenders each month.').best?.differences).toEqual([]);
    // A year does not stand in for a count.
    expect(matcher.match('Bailey said police were arresting offenders each month since 2015 online.').verdict).not.toBe('altered');
  });

  it('a long lead-in before the verb: what is reported is the clause after it', () => {
    const a = matcher.match(
      'Speaking after the Home Secretary announced an extra £20 million over three years to combat online grooming of children, the national lead for child protection said the extra money would let officers target predatory offenders who use the internet earlier.',
    );
    expect(a.verdict).toBe('paraphrase');
    expect(a.best?.speaker?.name).toBe('Simon Bailey');
  });

  it('"Police say …" is found as reported speech, and judged as one: reworded words are a paraphrase, not altered', () => {
    const text = 'Police say the internet is not a safe or anonymous place for people who abuse children.';
    expect(findQuotations(`Headline\n\n${text}\n`).map((q) => q.text)).toEqual([text]);
    const a = matcher.match(text);
    expect(a.verdict).toBe('paraphrase');
    expect(a.best?.differences).toEqual([]);
    // Word for word, the words are the release's: verbatim, the lead-in the page's own framing.
    expect(matcher.match('Police say the internet is not a safe or anonymous place for abusing children.').verdict).toBe('verbatim');
    // A changed figure is a difference still.
    expect(matcher.match('Police say they are already arresting over 900 offenders and safeguarding over 500 children each month.').best?.differences).toContainEqual({ type: 'number', page: '900', original: '400' });
  });

  it('what nobody said stays not in the index, however it is reported', () => {
    for (const text of [
      'Police say the extra money will pay for new cars and more officers in rural villages.',
      'Chief Constable Simon Bailey said police had arrested 4,000 burglars in the capital last year.',
      'Speaking after the Home Secretary announced an extra £20 million, the national lead said the force would close three stations.',
    ]) {
      expect(matcher.match(text).verdict, text).toBe('not-found');
    }
  });
});
