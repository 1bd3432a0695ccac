import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, createMatcher, parseRelease, serializeIndex, loadIndex } from '..';

const root = join(__dirname, '..', '..');
function releasesIn(dir: string) {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => parseRelease(readFileSync(join(root, dir, f), 'utf8'), f));
}
const base = [...releasesIn('data/releases'), ...releasesIn('tests/fixtures/releases')];
const matcher = createMatcher(loadIndex(serializeIndex(buildIndex(base))));

// A later release that repeats Simon Bailey's words (and one sentence of its own).
const repeat = parseRelease(
  [
    '15 Jan 2019',
    'Police renew their warning about online grooming.',
    'Chief Constable Simon Bailey, National Police Chiefs’ Council Lead for Child Protection, said:',
    '“The internet is not a safe or anonymous place for abusing children. We will keep saying it.”',
    'Communications office',
  ].join('\n'),
  'repeat-2019.txt',
);
const withRepeat = createMatcher(buildIndex([...base, repeat]));

describe('verdicts', () => {
  it('verbatim across a paragraph boundary of one quotation, with its span in the quote', () => {
    const a = matcher.match('These people try to hide what they do online. It is a challenge for police to find and sift through the millions of these images');
    expect(a.verdict).toBe('verbatim');
    expect(a.best?.speaker?.name).toBe('Peter Goodman');
    const [s, e] = a.best!.span;
    expect(a.best!.quote.slice(s, e)).toMatch(/^These people try.*millions of these images$/s);
    expect(a.best!.quote.slice(s, e)).toContain('\n');
  });

  it('folds quote marks, dashes, case and a word hyphenated across a line break', () => {
    const a = matcher.match('“THE INTERNET is not a safe or anony-\nmous place for abusing children”');
    expect(a.verdict).toBe('verbatim');
  });

  it('reports elisions and bracketed words as notes, not differences', () => {
    const a = matcher.match('We are already arresting over 400 offenders … each month');
    expect(a.verdict).toBe('verbatim');
    expect(a.best?.notes).toContainEqual({ type: 'elision', page: '…', original: 'and safeguarding over 500 children' });
    expect(a.best?.differences).toEqual([]);
  });

  it('flags a changed figure even when every other word is the same', () => {
    const a = matcher.match('We are already arresting over 4,000 offenders and safeguarding over 500 children each month.');
    expect(a.verdict).toBe('altered');
    expect(a.best?.differences).toEqual([{ type: 'number', page: '4,000', original: '400' }]);
  });

  it('treats a number in words and in figures as the same number', () => {
    expect(matcher.match('We are already arresting over four hundred offenders').verdict).toBe('verbatim');
  });

  it('lists changed, added and dropped words as the page against the original', () => {
    const a = matcher.match('Every knife taken off our streets is a life that may have been saved');
    expect(a.verdict).toBe('altered');
    expect(a.best?.differences).toEqual([{ type: 'replaced', page: 'our streets', original: 'the street' }]);
    const dropped = matcher.match('Criminals follow the money, and the money has moved online');
    expect(dropped.verdict).toBe('altered');
    expect(dropped.best?.differences).toEqual([{ type: 'omitted', page: '', original: 'this year' }]);
  });

  it('finds the quotation inside a much longer passage and says what was around it', () => {
    const article =
      'The minister spoke first at the conference in Leeds on Tuesday. These people try to hide what they do online. Reporters then asked about budgets.';
    const a = matcher.match(article);
    expect(a.verdict).toBe('verbatim');
    expect(a.best?.speaker?.name).toBe('Peter Goodman');
    expect(a.best?.notes?.filter((n) => n.type === 'framing').map((n) => n.page)).toEqual([
      'The minister spoke first at the conference in Leeds on Tuesday',
      'Reporters then asked about budgets',
    ]);
  });

  it('does not let words inside quote marks pass as framing', () => {
    const a = matcher.match('“These people try to hide what they do online. Reporters then asked about budgets.”');
    expect(a.verdict).not.toBe('verbatim');
  });

  it('matches release narrative with no speaker', () => {
    const a = matcher.match('The campaign was supported by road safety charities and fleet operators.');
    expect(a.verdict).toBe('verbatim');
    expect(a.best?.kind).toBe('narrative');
    expect(a.best?.speaker).toBeNull();
  });

  it('never calls a same-topic sentence verbatim or altered', () => {
    for (const text of [
      'Police arrested 660 people for online grooming offences across the country last year.',
      'Knife crime fell by a third after officers visited schools in every region.',
      'Fraud victims lost an average of £720 each when shopping online before Christmas, banks said.',
      'The internet is a dangerous place for children, police warned.',
    ]) {
      expect(['not-found', 'paraphrase'], text).toContain(matcher.match(text).verdict);
    }
  });

  it('refuses unusable input with a reason', () => {
    for (const [text, reason] of [
      ['', /empty/],
      ['   \n\t', /empty/],
      ['!!! ... 123 456', /no words/],
      ['two words', /too short/],
      ['x'.repeat(1_000_000), /too long/],
    ] as const) {
      const a = matcher.match(text);
      expect(a.verdict).toBe('invalid');
      expect(a.reason).toMatch(reason);
      expect(a.best).toBeNull();
    }
  });
});

describe('a small index', () => {
  // With few statements every term is "rare"; the share a candidate must reach is
  // measured over the same terms retrieval scores it by.
  const seedsOnly = createMatcher(buildIndex(releasesIn('data/releases')));
  it('still finds an altered figure', () => {
    const a = seedsOnly.match('arresting over 600 offenders and safeguarding over 500 children each month');
    expect(a.verdict).toBe('altered');
    expect(a.best?.differences).toEqual([{ type: 'number', page: '600', original: '400' }]);
  });
});

describe('provenance', () => {
  it('gives the earliest release as the original and lists the later repeat with its date', () => {
    const a = withRepeat.match('The internet is not a safe or anonymous place for abusing children.');
    expect(a.verdict).toBe('verbatim');
    expect(a.best?.date).toBe('2017-08-04');
    expect(a.candidates.map((c) => c.date)).toContain('2019-01-15');
  });

  it('prefers the release whose words the page follows exactly over an earlier near-match', () => {
    const a = withRepeat.match('The internet is not a safe or anonymous place for abusing children. We will keep saying it.');
    expect(a.best?.date).toBe('2019-01-15');
    expect(a.verdict).toBe('verbatim');
  });
});

describe('attribution', () => {
  it('says when the page names someone else', () => {
    const a = matcher.match('Criminals follow the money', { context: 'Chief Constable Helen Marsh said: “Criminals follow the money.”' });
    expect(a.best?.attribution).toEqual({ names: ['Chief Constable Helen Marsh'], consistent: false });
  });

  it('accepts the speaker by surname alone or with a typo', () => {
    expect(matcher.match('Criminals follow the money', { context: 'Desai said criminals follow the money.' }).best?.attribution?.consistent).toBe(true);
    expect(matcher.match('Criminals follow the money', { context: 'Priya Dessai told the conference that criminals follow the money.' }).best?.attribution?.consistent).toBe(true);
  });
});

describe('an index whose words disagree with its texts (a file edited by hand)', () => {
  // Built from one text, then the text changed and the word streams kept: the streams say 400
  // and "Leeds", the text 600 and "Bradford".
  const release = parseRelease(
    ['3 Mar 2021', 'Officers arrested 400 people in Leeds last year for county lines offences, the force said.', 'Press office'].join('\n'),
    'edited.txt',
  );
  const data = buildIndex([release]);
  const edited = { ...data, statements: data.statements.map((s) => ({ ...s, text: s.text.replace('400', '600').replace('Leeds', 'Bradford') })) };
  const m = createMatcher(edited);

  it('shows the reading of the text, not of the streams, when they differ where the reading reads', () => {
    const a = m.match('Officers arrested 600 people in Bradford last year for county lines offences');
    expect(a.verdict).toBe('verbatim');
    expect(a.best!.differences).toEqual([]);
    const [s, e] = a.best!.span;
    expect(a.best!.quote.slice(s, e)).toBe('Officers arrested 600 people in Bradford last year for county lines offences');
  });

  it('marks the difference against the text, with offsets in the text', () => {
    const a = m.match('Officers arrested 400 people in Bradford last year for county lines offences');
    expect(a.verdict).toBe('altered');
    expect(a.best!.differences).toEqual([{ type: 'number', page: '400', original: '600' }]);
  });
});

describe('figures in every form', () => {
  const figures = parseRelease(
    [
      '02 Dec 2025',
      'Knife crime figures published today.',
      'Chief Constable Jane Doe said:',
      '“Knife crime in the county has fallen from a 30-year high, and the 24-hour patrols will continue into a third year. We are the eleventh force to sign up to the national scheme, and a third of all offenders are now under 18.”',
      '“Last year officers arrested 2014 people.”',
    ].join('\n'),
    'figures.txt',
  );
  const m = createMatcher(buildIndex([...base, figures]));
  const figureDiffs = (text: string) => {
    const a = m.match(text);
    expect(a.verdict, text).toBe('altered');
    return a.best!.differences.filter((d) => d.type === 'number').map((d) => [d.page, d.original]);
  };

  it('a changed hyphenated figure is a changed figure, not a spelling', () => {
    expect(figureDiffs('Knife crime in the county has fallen from a 40-year high, and the 24-hour patrols will continue')).toEqual([['40-year', '30-year']]);
    expect(figureDiffs('has fallen from a 30-year high, and the 12-hour patrols will continue into a third year')).toEqual([['12-hour', '24-hour']]);
  });

  it('a changed fraction or ordinal in words is a changed figure', () => {
    expect(figureDiffs('We are the twelfth force to sign up to the national scheme, and a third of all offenders are now under 18')).toEqual([['twelfth', 'eleventh']]);
    expect(figureDiffs('We are the eleventh force to sign up to the national scheme, and a half of all offenders are now under 18')).toEqual([['half', 'third']]);
  });

  it('the same ordinal in words and figures is no difference', () => {
    const a = m.match('We are the 11th force to sign up to the national scheme, and a third of all offenders are now under 18');
    expect(a.verdict).toBe('verbatim');
    expect(a.best!.differences).toEqual([]);
  });

  it('a changed figure that ends the passage shows both sides', () => {
    expect(figureDiffs('Last year officers arrested 2015')).toEqual([['2015', '2014']]);
    expect(figureDiffs('“Last year officers arrested 2015,” she said.')).toEqual([['2015', '2014']]);
  });
});

describe('a highlight that takes in the page around the quotation', () => {
  it('skips furniture between two quoted paragraphs: a READ MORE link, an advertisement, a caption', () => {
    // As a block quotation (no marks), where nothing but the furniture test keeps those words out.
    for (const furniture of ['READ MORE: Police chief quits over expenses row', 'Advertisement', 'Pictured: officers at the scene on Tuesday']) {
      const a = matcher.match(`These people try to hide what they do online.\n${furniture}\nIt is a challenge for police to find and sift through the millions of these images`);
      expect(a.verdict, furniture).toBe('verbatim');
      expect(a.best?.differences, furniture).toEqual([]);
    }
  });

  it('reads the writer’s lead-in as framing: its year is never a changed figure', () => {
    const a = matcher.match('In 2014 Deputy Chief Constable Peter Goodman said: “Back in July police arrested 660 people for this crime”');
    expect(a.verdict).toBe('verbatim');
    expect(a.best?.differences).toEqual([]);
  });
});

describe('paraphrase only on the statement’s own content', () => {
  it('a short topical line or headline that shares only the subject is not in the index', () => {
    for (const line of ['This is what the police chiefs said about online child abuse', 'Knife crime: what the police chiefs said']) {
      expect(matcher.match(line).verdict, line).toBe('not-found');
    }
  });
});

describe('stock sentences from two occasions', () => {
  // Two forces print the same sentence with their own town and figure.
  const release = (date: string, name: string, town: string, figure: string, file: string) =>
    parseRelease(
      [date, `${town} police publish their annual victim survey`, `Superintendent ${name} said:`, `“About ${figure} of victims in ${town} never report what happened to them. We want that to change.”`].join('\n'),
      file,
    );
  const stock = createMatcher(buildIndex([release('4 May 2021', 'Ann Castel', 'Gloucester', 'two thirds', 'a.txt'), release('4 Apr 2021', 'Tom Reeve', 'Bedford', 'a third', 'b.txt')]));

  it('a changed figure is one difference, and the page keeping the place finds that place’s statement', () => {
    const a = stock.match('About a third of victims in Gloucester never report what happened to them.');
    expect(a.verdict).toBe('altered');
    expect(a.best?.speaker?.name).toBe('Ann Castel');
    expect(a.best?.differences).toEqual([{ type: 'number', page: 'a third', original: 'two thirds' }]);
  });

  it('among equally cheap alignments, the one that keeps more words matched: the figure alone changed', () => {
    const a = stock.match('About half of victims in Bedford never report what happened to them.');
    expect(a.best?.differences).toEqual([{ type: 'number', page: 'half', original: 'a third' }]);
  });
});

describe('ranges of years', () => {
  const ranges = createMatcher(
    buildIndex([
      parseRelease(['6 Jun 2017', 'Annual figures published', 'Chief Constable Ruth Mallory said:', '“Recorded burglaries fell again in 2015-16, and the fall has continued this year.”'].join('\n'), 'r.txt'),
    ]),
  );

  it('2015-16, 2015/16 and 2015–16 are one range; another range is a changed figure', () => {
    for (const form of ['2015/16', '2015–16', '2015-16']) {
      expect(ranges.match(`Recorded burglaries fell again in ${form}, and the fall has continued this year.`).verdict).toBe('verbatim');
    }
    const a = ranges.match('Recorded burglaries fell again in 2014/15, and the fall has continued this year.');
    expect(a.verdict).toBe('altered');
    expect(a.best?.differences.map((d) => d.type)).toEqual(['number']);
  });
});

describe('attribution of the release’s own words', () => {
  const own = createMatcher(
    buildIndex([
      parseRelease(['22 Aug 2017', 'Seven charged over student money mules', 'Officers traced more than £1.7 million moving through 93 student accounts between October and May.', 'Detective Superintendent Harriet Vance said:', '“They offered £300 for an account.”'].join('\n'), 'n.txt'),
    ]),
  );
  const text = 'Officers traced more than £1.7 million moving through 93 student accounts between October and May';

  it('a name in the paragraph before is not the speaker of the release’s narrative', () => {
    // The paragraph before names her; the passage's own paragraph (the context's last) names no one.
    const a = own.match(text, { context: `Detective Superintendent Harriet Vance said: “They offered £300 for an account.”\n${text}, the force said.` });
    expect(a.best?.kind).toBe('narrative');
    expect(a.best?.attribution?.consistent).not.toBe(false);
  });

  it('a highlight, or its own paragraph, that puts the narrative in someone’s mouth is flagged', () => {
    const a = own.match(`${text}, Harriet Vance said.`);
    expect(a.best?.attribution).toEqual({ names: ['Harriet Vance'], consistent: false });
    const b = own.match(text, { context: `Police said more.\nHarriet Vance said: “${text}.”` });
    expect(b.best?.attribution?.consistent).toBe(false);
  });
});

describe('quotations of common words only', () => {
  const pike = createMatcher(
    buildIndex([
      parseRelease(['9 Feb 2024', 'Drug lines closed in county operation', '“We will not stop here,” said Chief Constable Andrew Pike. “Every line we close is one that can no longer prey on children, and we are coming for them.”'].join('\n'), 'p.txt'),
    ]),
  );

  it('are found word for word, though no rare word can retrieve them', () => {
    for (const q of ['“We will not stop here,” said CC Andrew Pike.', 'we are coming for them']) {
      const a = pike.match(q);
      expect(a.verdict, q).toBe('verbatim');
      expect(a.best?.speaker?.name).toBe('Andrew Pike');
    }
  });

  it('and only word for word: common words in another order or with others are not claimed', () => {
    expect(pike.match('we will not stop at all').verdict).toBe('not-found');
    expect(pike.match('we are coming for you').verdict).toBe('not-found');
  });
});
