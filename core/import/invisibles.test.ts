import { describe, expect, it } from 'vitest';
import { exportReleases, parseRelease, readImport } from '../index';

const RLO = '\u202E';
const ZWSP = '\u200B';

describe('names and titles display as the letters they hold', () => {
  it('a release file: bidi controls and zero-width characters are removed from every field shown', () => {
    const genuine = parseRelease(['4 Aug 2017', 'Funding for child protection', 'Chief Constable Simon Bailey said:', '“The internet is not a safe place for abusing children.”'].join('\n'), 'a.txt');
    const hostile = {
      ...genuine,
      release: { ...genuine.release, title: `Funding${RLO} 7102 guA 4 —` },
      statements: genuine.statements.map((s) => ({ ...s, text: `${s.text}${ZWSP}`, speaker: s.speaker ? { ...s.speaker, name: `Simon${RLO}yeliaB${ZWSP}` } : null })),
    };
    const [read] = readImport('hostile.json', JSON.stringify(exportReleases([hostile])));
    const shown = JSON.stringify(read);
    expect(shown).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
    expect(read.statements.find((s) => s.speaker)?.speaker?.name).toBe('SimonyeliaB');
  });

  it('a text release: the same, before it is parsed', () => {
    const r = parseRelease(['4 Aug 2017', 'Funding for child protection', `Chief Constable Jane${ZWSP} Doe said:`, `“The internet is not a safe${RLO} place.”`].join('\n'), 'b.txt');
    expect(r.statements.find((s) => s.speaker)?.speaker?.name).toBe('Jane Doe');
    expect(JSON.stringify(r)).not.toMatch(/[\u200B\u202E]/);
  });
});
