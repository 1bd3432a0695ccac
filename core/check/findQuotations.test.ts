import { describe, expect, it } from 'vitest';
import { findQuotations } from './findQuotations';

const texts = (s: string) => findQuotations(s).map((q) => q.text);

describe('findQuotations', () => {
  it('finds passages in curly, straight and single curly quote marks, with their offsets', () => {
    const article = [
      'Chief Constable Simon Bailey said: “The internet is not a safe place for abusing children.”',
      'The councillor said the plan was "a waste of everyone\'s time and money" last week.',
      'A resident said: ‘We never see a police car on this road.’ Others disagreed.',
    ].join('\n\n');
    const found = findQuotations(article);
    expect(found.map((q) => q.text)).toEqual([
      '“The internet is not a safe place for abusing children.”',
      '"a waste of everyone\'s time and money"',
      '‘We never see a police car on this road.’',
    ]);
    for (const q of found) {
      expect(article.slice(q.start, q.end)).toBe(q.text);
      expect(q.kind).toBe('quoted');
      expect(q.query.startsWith('“')).toBe(true);
    }
  });

  it('gives a quotation attributed to a body ("police warned") its own paragraph only, not the person named before it', () => {
    const text = 'Rural crime: Chief Constable Marguerite Tollan said: "Farmers wait days for an officer to call."\n\nRoads: "one bad decision behind the wheel can end a life," police warned.\n\nHe added: "We will not give up on these roads."\n';
    const [, roads, added] = findQuotations(text);
    expect(roads.context).not.toContain('Tollan');
    // A pronoun still reaches back to the person it stands for.
    expect(added.context).toContain('Tollan');
  });

  it('reads a promise or a vow as reported speech', () => {
    const text = "Northdale's chief constable has promised that every village will keep a named neighbourhood officer.\n";
    expect(findQuotations(text).map((q) => q.kind)).toEqual(['reported']);
  });

  it("closes a headline's single quotation before a joining word, not reading it as a possessive", () => {
    const [q] = findQuotations("Top cop: 'I am not going to pretend that this is painless' as cuts bite\n");
    expect(q.text).toBe("'I am not going to pretend that this is painless'");
    // A plural's apostrophe before a noun is still an apostrophe.
    expect(findQuotations("She said: 'The officers' work in the villages will carry on all winter.'\n")[0].text).toBe("'The officers' work in the villages will carry on all winter.'");
  });

  it('reads the plural present of headlines and standfirsts as reported speech', () => {
    const text = 'Police say the new patrols have cut thefts from farms across the county.\n\nChiefs warn that rural crime is rising again this winter.\n';
    expect(findQuotations(text).map((q) => [q.kind, q.text.slice(0, 10)])).toEqual([['reported', 'Police say'], ['reported', 'Chiefs war']]);
  });

  it('skips short quotations and scare quotes', () => {
    expect(texts('Officers called it “a success” and a ‘good start’ to the year.')).toEqual([]);
  });

  it('does not read apostrophes as closing single quotes', () => {
    expect(texts('She said: ‘The officers’ work doesn’t stop at night, it goes on.’ Then she left.')).toEqual([
      '‘The officers’ work doesn’t stop at night, it goes on.’',
    ]);
  });

  it('keeps a quotation nested in another inside it', () => {
    const found = findQuotations('He said: “We tell them ‘do not try this yourself’ every single week.”');
    expect(found.map((q) => q.text)).toEqual(['“We tell them ‘do not try this yourself’ every single week.”']);
  });

  it('lets an unclosed quotation run to the end of its paragraph, as news style does', () => {
    const found = findQuotations('Bailey said:\n“This is the first paragraph of a long quotation.\n“And this one closes it at the end.”');
    expect(found.map((q) => q.text)).toEqual(['“This is the first paragraph of a long quotation.', '“And this one closes it at the end.”']);
  });

  it('finds reported speech with said, told, added, warned', () => {
    const found = findQuotations(
      'Bailey told reporters that paedophile hunters should leave it to the police. The weather was fine. ' +
        'Police arrest over 400 offenders each month, the chief constable added. Simon Bailey said: “The internet is not safe for children at all.”',
    );
    expect(found.map((q) => [q.kind, q.text])).toEqual([
      ['reported', 'Bailey told reporters that paedophile hunters should leave it to the police.'],
      ['reported', 'Police arrest over 400 offenders each month, the chief constable added.'],
      ['quoted', '“The internet is not safe for children at all.”'],
    ]);
  });

  it('does not take a line that introduces a quotation for reported speech', () => {
    expect(findQuotations('National Policing Lead for Cyber-crime, Deputy Chief Constable Peter Goodman said:\n“These people try to hide what they do online.”').map((q) => q.kind)).toEqual(['quoted']);
  });

  it('gives as context the paragraph, reaching back to the one that names the speaker', () => {
    const article = 'Chief Constable Simon Bailey spoke at the launch.\n\nHe said the police were “arresting over 400 offenders each month” now.';
    const [q] = findQuotations(article);
    expect(q.context).toContain('Simon Bailey');
    expect(q.context).toContain('arresting over 400');
    const [own] = findQuotations('Intro.\n\nSara Thornton said: “These people try to hide what they do online.”');
    expect(own.context).toBe('Sara Thornton said: “These people try to hide what they do online.”');
  });

  it('handles empty and quote-less text', () => {
    expect(findQuotations('')).toEqual([]);
    expect(findQuotations('No quotations here at all, just a sentence.')).toEqual([]);
    expect(findQuotations('An opening “ with nothing after')).toEqual([]);
  });

  it('reads quotations as outlets print them: straight double marks over several paragraphs, straight single marks, only the first paragraph opened', () => {
    const straight = ['Inspector Jane Doe said: "Officers will patrol every night this week.', '"We want people to feel safe walking home."'].join('\n\n');
    expect(texts(straight)).toEqual(['"Officers will patrol every night this week.', '"We want people to feel safe walking home."']);
    const single = "The inspector said: 'We don't want anyone in the '90s houses to feel forgotten.' Residents agreed.";
    expect(texts(single)).toEqual(["'We don't want anyone in the '90s houses to feel forgotten.'"]);
    const unmarked = ['Chief Constable Jane Doe said: “Officers will patrol every night this week.', 'We want people to feel safe walking home at night.”', 'The council welcomed the move.'].join('\n\n');
    const found = findQuotations(unmarked);
    expect(found.map((q) => q.text)).toEqual(['“Officers will patrol every night this week.', 'We want people to feel safe walking home at night.”']);
    expect(found[1].query).toBe('“We want people to feel safe walking home at night.”');
  });

  it('reads the paragraph after "Name said:" as a block quotation when it has no marks of its own', () => {
    const page = ['Chief Constable Jane Doe said:', 'Officers will patrol every night this week and we want people to feel safe.', 'The council welcomed the move.'].join('\n\n');
    const found = findQuotations(page);
    expect(found.map((q) => [q.text, q.kind])).toEqual([['Officers will patrol every night this week and we want people to feel safe.', 'quoted']]);
    expect(found[0].context).toContain('Chief Constable Jane Doe said:');
  });

  it('checks the sentence around a quoted fragment as reported speech', () => {
    const found = findQuotations('The chief constable said the money would make a “real difference” to victims across the county.');
    expect(found.map((q) => q.kind)).toEqual(['reported']);
    expect(found[0].text).toContain('“real difference”');
  });
});
