/**
 * `otr check` on articles written in the styles UK outlets print quotations (tests/fixtures/articles):
 * a regional paper's straight double and single quotes over several paragraphs, a tabloid's
 * fragments in a standfirst and in reported speech with furniture between quoted paragraphs,
 * a government page's block quotations. Every quotation found and judged; none in the furniture.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildTestIndex, otr, tempDir } from './run';

const ARTICLES = path.join(ROOT, 'tests', 'fixtures', 'articles');
let index: string;
beforeAll(() => {
  index = buildTestIndex(tempDir());
});

interface Item {
  verdict: string;
  quotation: { text: string; kind: string };
  best: { speaker: { name: string | null } | null; differences: { type: string; page: string; original: string }[] } | null;
}
const check = (name: string): Item[] => {
  const r = otr(['check', '--index', index, '--json', path.join(ARTICLES, name)]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const find = (items: Item[], words: string) => {
  const it = items.find((i) => i.quotation.text.includes(words));
  expect(it, `a quotation holding “${words}”`).toBeDefined();
  return it!;
};

describe('otr check on articles in outlet styles', () => {
  it('a regional paper: straight single and double quotes, over several paragraphs, apostrophes inside', () => {
    const items = check('regional-straight-quotes.txt');
    expect(find(items, 'They offered £300')).toMatchObject({ verdict: 'verbatim', best: { speaker: { name: 'Harriet Vance' } } });
    expect(find(items, 'If a stranger offers you easy money')).toMatchObject({ verdict: 'verbatim', best: { speaker: { name: 'Colm Brady' } } });
    expect(find(items, 'The seven people charged today are not the students.')).toMatchObject({ verdict: 'verbatim' });
    expect(find(items, 'They are the recruiters')).toMatchObject({ verdict: 'verbatim', best: { speaker: { name: 'Harriet Vance' } } });
    // A quotation nobody in the index said, with apostrophes in it, is found whole and not matched.
    expect(find(items, "We don't want any of our students in the '90s halls")).toMatchObject({ verdict: 'not-found' });
    // The writer's ", the force said" is the page's framing, not words added to the release's.
    expect(find(items, 'Officers traced more than £1.7 million')).toMatchObject({ verdict: 'verbatim' });
  });

  it('a tabloid: fragments in the standfirst and in reported speech, a changed figure in reported speech, furniture between quoted paragraphs', () => {
    const items = check('tabloid-fragments.html');
    expect(find(items, 'no hot afternoon is worth the knock')).toMatchObject({ verdict: 'verbatim' });
    expect(find(items, 'take the breath out of a strong swimmer')).toMatchObject({ verdict: 'verbatim', best: { speaker: { name: 'Darren Okonjo' } } });
    const reported = find(items, 'officers were sent to 48 incidents');
    expect(reported.verdict).toBe('paraphrase');
    expect(reported.best!.differences).toEqual([{ type: 'number', page: '48', original: '38' }]);
    expect(find(items, 'If you want to swim, go to a lifeguarded beach')).toMatchObject({ verdict: 'verbatim' });
    expect(find(items, 'No hot afternoon is worth the knock on a parent')).toMatchObject({ verdict: 'verbatim' });
    // Nothing from the cookie banner, the "Most read" list, adverts or READ MORE links.
    const all = items.map((i) => i.quotation.text).join('\n');
    expect(all).not.toMatch(/cookies|lottery|bonkers|READ MORE|Advertisement/);
  });

  it('a government page: block quotations after "Name said:" with no marks of their own', () => {
    const items = check('gov-block-quotes.html');
    expect(items.map((i) => i.verdict)).toEqual(['verbatim', 'verbatim']);
    expect(find(items, 'Hare coursing gangs are travelling hundreds of miles')).toMatchObject({ best: { speaker: { name: 'Imogen Slade' } } });
    expect(find(items, 'seize vehicles at the first offence')).toMatchObject({ best: { speaker: { name: 'Imogen Slade' } } });
  });
});
