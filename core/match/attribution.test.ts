/** Who the page says is speaking, compared with the speaker the release names. */
import { describe, expect, it } from 'vitest';
import type { Speaker } from '../types';
import { checkAttribution, findNames } from './attribution';

const BAILEY: Speaker = { name: 'Simon Bailey', rank: 'Chief Constable', role: 'National Police Chiefs Council Lead for Child Protection' };
const THORNTON: Speaker = { name: 'Sara Thornton', rank: null, role: 'National Police Chiefs’ Council Chair' };
const O_NEILL: Speaker = { name: 'Ann O’Neill', rank: 'Detective Chief Superintendent', role: null };

describe('findNames', () => {
  it('reads no name in an acronym or a one-letter surname ("PCSOs", "Band D")', () => {
    expect(findNames('He said PCSOs would be based in three villages, and MPs agreed.')).toEqual([]);
    expect(findNames('Chief Constable Oliver Penhallow said council tax for Band D homes would rise.')).toEqual(['Chief Constable Oliver Penhallow']);
  });

  it('finds a full name, a rank with a name, a title with a surname', () => {
    expect(findNames('Simon Bailey said the internet is not safe.')).toEqual(['Simon Bailey']);
    expect(findNames('Chief Constable Simon Bailey said the internet is not safe.')).toEqual(['Chief Constable Simon Bailey']);
    expect(findNames('Chief Constable Bailey said the internet is not safe.')).toEqual(['Chief Constable Bailey']);
    expect(findNames('Mr Bailey told the BBC it was not safe.')).toEqual(['Mr Bailey']);
  });

  it('strips role words before the name', () => {
    expect(findNames('NPCC Chair Sara Thornton said the projects are central.')).toEqual(['Sara Thornton']);
  });

  it('finds a surname alone only beside a verb of speech', () => {
    expect(findNames('Bailey said the internet is not safe.')).toEqual(['Bailey']);
    expect(findNames('Bailey, the NPCC lead, said it.')).toEqual(['Bailey']);
    expect(findNames('Bailey has said it before.')).toEqual(['Bailey']);
    expect(findNames('“It is not safe,” said Bailey, the NPCC lead.')).toEqual(['Bailey']);
    expect(findNames('Bailey is a common name in London.')).toEqual([]);
  });

  it('prefers names in sentences that report speech', () => {
    expect(findNames('Sara Thornton chaired the meeting. Simon Bailey said the internet is not safe.')).toEqual(['Simon Bailey']);
  });

  it('finds nobody in text with no names, or only organisations and places', () => {
    expect(findNames('')).toEqual([]);
    expect(findNames('Police said the internet is not safe.')).toEqual([]);
    expect(findNames('The internet is not safe, according to the National Police Chiefs’ Council.')).toEqual([]);
    expect(findNames('The chief constable said it.')).toEqual([]);
  });

  it('a byline names the writer, not a speaker', () => {
    expect(findNames('By Danny Pike')).toEqual([]);
    expect(findNames('By Ellen Cartwright, Crime Reporter\nPolice warned that cold water can kill.')).toEqual([]);
    expect(findNames('By Ellen Cartwright\nDet Supt Harriet Vance said it was cold.')).toEqual(['Det Supt Harriet Vance']);
  });
});

describe('checkAttribution', () => {
  it('the full name is consistent', () => {
    expect(checkAttribution('Simon Bailey said the internet is not safe.', BAILEY)).toEqual({ names: ['Simon Bailey'], consistent: true });
  });

  it('rank and surname is consistent', () => {
    expect(checkAttribution('Chief Constable Bailey said the internet is not safe.', BAILEY)).toEqual({ names: ['Chief Constable Bailey'], consistent: true });
  });

  it('a surname alone with a verb of speech is consistent', () => {
    expect(checkAttribution('Bailey said the internet is not safe.', BAILEY)).toEqual({ names: ['Bailey'], consistent: true });
    expect(checkAttribution('“It is not safe,” Bailey said.', BAILEY)?.consistent).toBe(true);
  });

  it('a typo in the surname is the same person', () => {
    expect(checkAttribution('Simon Baily said the internet is not safe.', BAILEY)).toEqual({ names: ['Simon Baily'], consistent: true });
    expect(checkAttribution('Chief Constable Baily said it.', BAILEY)?.consistent).toBe(true);
    expect(checkAttribution('Sarah Thorton said it.', THORNTON)?.consistent).toBe(true);
  });

  it('curly and straight apostrophes in a name are the same person', () => {
    expect(checkAttribution("Ann O'Neill said it.", O_NEILL)?.consistent).toBe(true);
    expect(checkAttribution('Detective Chief Superintendent O’Neill said it.', O_NEILL)?.consistent).toBe(true);
  });

  it('another person is inconsistent, and named', () => {
    expect(checkAttribution('Sara Thornton said the internet is not safe.', BAILEY)).toEqual({ names: ['Sara Thornton'], consistent: false });
    expect(checkAttribution('Thornton said so.', BAILEY)).toEqual({ names: ['Thornton'], consistent: false });
    expect(checkAttribution('Simon Bailey said it.', THORNTON)).toEqual({ names: ['Simon Bailey'], consistent: false });
  });

  it('the same surname with another first name is another person', () => {
    expect(checkAttribution('Sarah Bailey said the internet is not safe.', BAILEY)).toEqual({ names: ['Sarah Bailey'], consistent: false });
  });

  it('a name with a statement that has no speaker (narrative) is inconsistent', () => {
    expect(checkAttribution('Simon Bailey said it.', null)).toEqual({ names: ['Simon Bailey'], consistent: false });
  });

  it('no names: undefined, whoever the speaker', () => {
    expect(checkAttribution('Police said the internet is not safe.', BAILEY)).toBeUndefined();
    expect(checkAttribution('', BAILEY)).toBeUndefined();
    expect(checkAttribution('The chief constable said it.', null)).toBeUndefined();
  });

  it('a name that ends its sentence is still found ("…,” said Rank Name.)', () => {
    expect(findNames('“It is not safe,” said Chief Constable Simon Bailey.')).toEqual(['Chief Constable Simon Bailey']);
    expect(checkAttribution('“It is not safe,” said Bailey.', BAILEY)).toEqual({ names: ['Bailey'], consistent: true });
  });

  it('an organisation after "of" is not a person', () => {
    expect(findNames('Carol Baines of Age Concern Together said the figures were worrying.')).toEqual(['Carol Baines']);
  });
});
