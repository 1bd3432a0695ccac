/** The release parser: attribution patterns, the tail, errors, ids; on small releases in the seeds' layout. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedRelease, Statement } from '../types';
import { ReleaseParseError } from './errors';
import { parseRelease } from './parseRelease';
import { formatWarning } from './warnings';

const ROOT = path.resolve(__dirname, '../..');
const readRepo = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const SEED_000 = 'data/releases/000_d0c768d28ef181f6.txt';
const SEED_004 = 'data/releases/004_a15ad19b33b3b0ea.txt';
const FIXTURES = 'tests/fixtures/releases';

const CONTACT = ['Communications office', 'By phone: 0800 000 0000', 'By email: press.office@example.police.uk'];
const LEAD = 'Forces across the country will take part in a week of action, the organisation announced today.';

/** A release in the seeds' layout: date line, lead, the given paragraphs, the contact block. */
function release(...body: string[]): string {
  return ['12 Mar 2019', LEAD, ...body, ...CONTACT].join('\n');
}
function parse(text: string, file = 'test.txt'): ParsedRelease {
  return parseRelease(text, file);
}
/** The warnings as one text, each as "line N: message". */
const warned = (r: ParsedRelease) => r.warnings.map(formatWarning).join('\n');
const quotes = (r: ParsedRelease): Statement[] => r.statements.filter((s) => s.kind === 'quote');
const only = (r: ParsedRelease): Statement => {
  const q = quotes(r);
  expect(q).toHaveLength(1);
  return q[0];
};
/** The ReleaseParseError a parse throws (fails the test on any other outcome). */
function parseError(text: string, file = 'dir/bad.txt'): ReleaseParseError {
  try {
    parseRelease(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ReleaseParseError);
    return e as ReleaseParseError;
  }
  throw new Error('expected a ReleaseParseError, the release parsed');
}

describe('attribution before the quotation', () => {
  it('"Role, Rank Name said:" with a multi-paragraph quotation is one statement', () => {
    const r = parse(
      release(
        'National Policing Lead for Cyber-crime, Deputy Chief Constable Peter Goodman said:',
        '“The first paragraph says one thing.',
        '“The second says another.',
        '“The third closes it.”',
        'Narrative between quotations.',
      ),
    );
    const q = only(r);
    expect(q.text).toBe('The first paragraph says one thing.\nThe second says another.\nThe third closes it.');
    expect(q.speaker).toEqual({ name: 'Peter Goodman', rank: 'Deputy Chief Constable', role: 'National Policing Lead for Cyber-crime' });
    expect(q.line).toBe(4);
    expect(r.statements.map((s) => s.kind)).toEqual(['narrative', 'quote', 'narrative']);
    expect(r.statements[2]).toEqual({ kind: 'narrative', speaker: null, text: 'Narrative between quotations.', line: 7 });
    expect(r.warnings).toEqual([]);
  });

  it('"Rank Name, Role, said:"', () => {
    const q = only(parse(release('Commander Priya Desai, National Police Chiefs’ Council Lead for Economic Crime, said:', '“Criminals follow the money.”')));
    expect(q.speaker).toEqual({ name: 'Priya Desai', rank: 'Commander', role: 'National Police Chiefs’ Council Lead for Economic Crime' });
    expect(q.text).toBe('Criminals follow the money.');
  });

  it('"Police and Crime Commissioner Name said:": the elected office is the role, never a rank', () => {
    for (const [line, role] of [
      ['Police and Crime Commissioner Ellis Marrow said:', 'Police and Crime Commissioner'],
      ['Police, Fire and Crime Commissioner Ellis Marrow said:', 'Police, Fire and Crime Commissioner'],
      ['Northdale Police and Crime Commissioner Ellis Marrow said:', 'Northdale Police and Crime Commissioner'],
    ]) {
      const q = only(parse(release(line, '“Every village keeps its officer.”')));
      expect(q.speaker, line).toEqual({ name: 'Ellis Marrow', rank: null, role });
    }
    // A police commissioner's rank stays a rank.
    expect(only(parse(release('Deputy Commissioner Ellis Marrow said:', '“Every village keeps its officer.”'))).speaker).toEqual({ name: 'Ellis Marrow', rank: 'Deputy Commissioner', role: null });
  });

  it('"Name said: “…”" on one line', () => {
    const q = only(parse(release('Chief Constable Helen Marsh, NPCC Lead for Roads Policing, said: “These figures are encouraging. Keep going.”')));
    expect(q.speaker).toEqual({ name: 'Helen Marsh', rank: 'Chief Constable', role: 'NPCC Lead for Roads Policing' });
    expect(q.text).toBe('These figures are encouraging. Keep going.');
    expect(q.line).toBe(3);
  });

  it('"Name said: “…" on one line, continued by further quoted paragraphs', () => {
    const q = only(parse(release('Chief Constable Helen Marsh said: “The first paragraph.', '“The second.”')));
    expect(q.text).toBe('The first paragraph.\nThe second.');
    expect(q.speaker?.name).toBe('Helen Marsh');
  });

  it('an intro clause before the role is dropped: "Commenting on the announcement, Role, Chief Constable Name said:"', () => {
    const q = only(
      parse(release('Commenting on the announcement, National Police Chiefs Council Lead for Child Protection, Chief Constable Simon Bailey said:', '“The internet is not a safe place.”')),
    );
    expect(q.speaker).toEqual({ name: 'Simon Bailey', rank: 'Chief Constable', role: 'National Police Chiefs Council Lead for Child Protection' });
  });

  it('"Speaking at the launch, ACC Jo Bloggs, the NPCC lead for mental health, said:"', () => {
    const q = only(parse(release('Speaking at the launch, ACC Jo Bloggs, the NPCC lead for mental health, said:', '“Officers are not clinicians.”')));
    expect(q.speaker).toEqual({ name: 'Jo Bloggs', rank: 'ACC', role: 'the NPCC lead for mental health' });
  });

  it('a name with an apostrophe: "Detective Chief Superintendent Ann O’Neill said:"', () => {
    const q = only(parse(release('Detective Chief Superintendent Ann O’Neill said:', '“We will find them.”')));
    expect(q.speaker).toEqual({ name: 'Ann O’Neill', rank: 'Detective Chief Superintendent', role: null });
  });

  it('a rank and a knighthood: "Chief Constable Sir Hugh Orde said:"', () => {
    const q = only(parse(release('Chief Constable Sir Hugh Orde said:', '“Alpha.”')));
    expect(q.speaker?.name).toBe('Hugh Orde');
    expect(q.speaker?.rank).toMatch(/^Chief Constable\b/);
    expect(q.speaker?.role).toBeNull();
  });

  it('"ACPO President, Sir Hugh Orde, said:"', () => {
    const q = only(parse(release('ACPO President, Sir Hugh Orde, said:', '“Alpha.”')));
    expect(q.speaker).toEqual({ name: 'Hugh Orde', rank: null, role: 'ACPO President', honorific: 'Sir' });
  });

  it('a minister: "The Home Secretary, Amber Smith, said:"', () => {
    const q = only(parse(release('The Home Secretary, Amber Smith, said:', '“Alpha.”')));
    expect(q.speaker).toEqual({ name: 'Amber Smith', rank: null, role: 'The Home Secretary' });
  });

  it('a role written before the name without commas: "NPCC Chair Martin Hewitt said:"', () => {
    const q = only(parse(release('NPCC Chair Martin Hewitt said:', '“Alpha.”')));
    expect(q.speaker).toEqual({ name: 'Martin Hewitt', rank: null, role: 'NPCC Chair' });
  });

  it('post-nominals are not part of the name; the role after it is kept', () => {
    const q = only(parse(release('Chief Constable Sara Thornton CBE QPM, Chair of the National Police Chiefs’ Council, said:', '“Alpha.”')));
    expect(q.speaker).toEqual({ name: 'Sara Thornton', rank: 'Chief Constable', role: 'Chair of the National Police Chiefs’ Council' });
  });

  it('a role in a relative clause is kept as written', () => {
    const q = only(parse(release('Det Ch Supt Ann O’Neill, who leads the investigation, said:', '“Alpha.”')));
    expect(q.speaker).toEqual({ name: 'Ann O’Neill', rank: 'Det Ch Supt', role: 'who leads the investigation' });
  });

  it('a lower-case role before the name: "The head of the unit, Detective Inspector Rob Hale, said:"', () => {
    const q = only(parse(release('The head of the unit, Detective Inspector Rob Hale, said:', '“Alpha.”')));
    expect(q.speaker).toEqual({ name: 'Rob Hale', rank: 'Detective Inspector', role: 'The head of the unit' });
  });

  it('names with accents, hyphens and Mc', () => {
    expect(only(parse(release('Detective Inspector José Álvarez said:', '“Alpha.”'))).speaker?.name).toBe('José Álvarez');
    expect(only(parse(release('Assistant Commissioner Helen Ball-Smith said:', '“Alpha.”'))).speaker?.name).toBe('Helen Ball-Smith');
    expect(only(parse(release('Detective Superintendent Jim McDonald, of Police Scotland, said:', '“Alpha.”'))).speaker).toEqual({
      name: 'Jim McDonald',
      rank: 'Detective Superintendent',
      role: 'of Police Scotland',
    });
  });

  it('other verbs of speech: "told the conference:", "added that:"', () => {
    expect(only(parse(release('Chief Constable Simon Bailey told the conference:', '“Alpha.”'))).speaker?.name).toBe('Simon Bailey');
    const q = only(parse(release('Chief Constable Simon Bailey, the NPCC lead for child protection, added that:', '“Alpha.”')));
    expect(q.speaker).toEqual({ name: 'Simon Bailey', rank: 'Chief Constable', role: 'the NPCC lead for child protection' });
  });

  it('a role naming an organisation before the name: "Chief Executive of Victim Support, Nicola Lewis said:"', () => {
    const q = only(parse(release('Chief Executive of Victim Support, Nicola Lewis said:', '“Victims deserve to be heard.”')));
    expect(q.speaker).toEqual({ name: 'Nicola Lewis', rank: null, role: 'Chief Executive of Victim Support' });
  });

  it('a non-police partner: "Jane Doe, chief executive of the charity SafeKids, said:"', () => {
    const q = only(parse(release('Jane Doe, chief executive of the charity SafeKids, said:', '“Children deserve better.”')));
    expect(q.speaker).toEqual({ name: 'Jane Doe', rank: null, role: 'chief executive of the charity SafeKids' });
  });

  it('a spokesperson with no name is nobody named: the description as role, and the organisation', () => {
    const speaker = (line: string) => only(parse(release(line, '“Alpha.”'))).speaker;
    expect(speaker('A Home Office spokesperson said:')).toEqual({ name: null, rank: null, role: 'spokesperson', organisation: 'Home Office' });
    expect(speaker('An ACPO spokesman said:')).toEqual({ name: null, rank: null, role: 'spokesman', organisation: 'ACPO' });
    expect(speaker('A spokesperson for the NPCC said:')).toEqual({ name: null, rank: null, role: 'spokesperson', organisation: 'NPCC' });
    expect(speaker('A spokeswoman for Westmarch Police said:')).toEqual({ name: null, rank: null, role: 'spokeswoman', organisation: 'Westmarch Police' });
  });
});

describe('attribution after the quotation', () => {
  it('"“…,” said Rank Name, role."', () => {
    const q = only(
      parse(release('“We want drivers to put their phones out of reach,” said Assistant Chief Constable Tom Ridley, deputy lead for roads policing.')),
    );
    expect(q.speaker).toEqual({ name: 'Tom Ridley', rank: 'Assistant Chief Constable', role: 'deputy lead for roads policing' });
    // The comma belongs to the release's sentence, not to the quotation.
    expect(q.text).toBe('We want drivers to put their phones out of reach');
    expect(q.line).toBe(3);
  });

  it('"“A,” said X. “B.”" on one line is one statement of X', () => {
    const r = parse(release('“The first sentence,” said Chief Constable Simon Bailey. “The second sentence.”'));
    const q = only(r);
    expect(q.speaker?.name).toBe('Simon Bailey');
    expect(q.text).toContain('The first sentence');
    expect(q.text).toContain('The second sentence.');
    expect(q.text).not.toContain('Bailey');
    expect(r.statements.filter((s) => s.kind === 'narrative')).toHaveLength(1);
  });

  it('an attribution in the middle of a multi-paragraph quotation: “A,” said X. “B. / “C.”', () => {
    const q = only(parse(release('“Alpha beta,” said Chief Constable Simon Bailey, NPCC lead for child protection. “Gamma delta.', '“Epsilon zeta.”')));
    expect(q.speaker).toEqual({ name: 'Simon Bailey', rank: 'Chief Constable', role: 'NPCC lead for child protection' });
    expect(q.text.split('\n')).toHaveLength(2);
    expect(q.text).toMatch(/^Alpha beta,? Gamma delta\.\nEpsilon zeta\.$/);
  });

  it('"he said" in the middle of a quotation keeps the speaker named before it', () => {
    const r = parse(release('Chief Constable Simon Bailey said:', '“Alpha beta.', '“Gamma delta,” he said. “Epsilon.', '“Zeta.”'));
    const q = only(r);
    expect(q.speaker).toEqual({ name: 'Simon Bailey', rank: 'Chief Constable', role: null });
    expect(q.text.split('\n')).toHaveLength(3);
    expect(q.text).toMatch(/^Alpha beta\.\nGamma delta,? Epsilon\.\nZeta\.$/);
    expect(r.warnings).toEqual([]);
  });

  it('"“…,” he added." after a quotation whose speaker was named before it', () => {
    const r = parse(release('Chief Constable Simon Bailey said:', '“Alpha beta,” he added.'));
    expect(only(r).speaker?.name).toBe('Simon Bailey');
    expect(r.warnings).toEqual([]);
  });
});

describe('more ways releases attribute', () => {
  it('a name followed by a lower-case role without a comma: "Professor John Smith from the University of Leicester said:"', () => {
    const q = only(parse(release('Professor John Smith from the University of Leicester said:', '“Alpha.”')));
    expect(q.speaker).toEqual({ name: 'John Smith', rank: null, role: 'from the University of Leicester', honorific: 'Professor' });
  });

  it('initials in a name: "Chief Constable J.P. Bloggs said:"', () => {
    expect(only(parse(release('Chief Constable J.P. Bloggs said:', '“Alpha.”'))).speaker).toEqual({ name: 'J.P. Bloggs', rank: 'Chief Constable', role: null });
  });

  it('acting and temporary ranks, a peer, a minister with post-nominals, a PCC', () => {
    const speaker = (line: string) => only(parse(release(line, '“Alpha.”'))).speaker;
    expect(speaker('T/Chief Constable Jo Bloggs said:')).toEqual({ name: 'Jo Bloggs', rank: 'T/Chief Constable', role: null });
    expect(speaker('Acting Deputy Chief Constable Jo Bloggs said:')).toEqual({ name: 'Jo Bloggs', rank: 'Acting Deputy Chief Constable', role: null });
    expect(speaker('Lord Hogan-Howe said:')).toEqual({ name: 'Hogan-Howe', rank: null, role: null, honorific: 'Lord' });
    expect(speaker('The Policing Minister, Nick Hurd MP, said:')).toEqual({ name: 'Nick Hurd', rank: null, role: 'The Policing Minister' });
    expect(speaker('Martin Hewitt QPM, Chair of the NPCC, said:')).toEqual({ name: 'Martin Hewitt', rank: null, role: 'Chair of the NPCC' });
    expect(speaker('Police and Crime Commissioner for Kent, Matthew Scott, said:')).toEqual({ name: 'Matthew Scott', rank: null, role: 'Police and Crime Commissioner for Kent' });
    expect(speaker('Chief Inspector Anna van der Berg said:')).toEqual({ name: 'Anna van der Berg', rank: 'Chief Inspector', role: null });
    expect(speaker('Deputy Assistant Commissioner Lucy D’Orsi, the national lead for protest, said:')).toEqual({
      name: 'Lucy D’Orsi',
      rank: 'Deputy Assistant Commissioner',
      role: 'the national lead for protest',
    });
    expect(speaker('Chief Constable Simon Bailey says:')?.name).toBe('Simon Bailey');
  });

  it('"“…,” added Rank Name."', () => {
    expect(only(parse(release('“Alpha beta,” added Chief Constable Simon Bailey.'))).speaker?.name).toBe('Simon Bailey');
  });

  it('a dash and a name after the quotation: "“…” – Rank Name"', () => {
    const r = parse(release('“Alpha beta.” – Chief Constable Simon Bailey, NPCC lead'));
    expect(only(r)).toMatchObject({ text: 'Alpha beta.', speaker: { name: 'Simon Bailey', rank: 'Chief Constable', role: 'NPCC lead' } });
    expect(r.statements).toHaveLength(2);
  });

  it('two speakers on one line: "X said: “A.” Y said: “B.”" are two statements', () => {
    const r = parse(release('Chief Constable Simon Bailey said: “Alpha.” NPCC Chair Sara Thornton said: “Beta.”'));
    const [a, b] = quotes(r);
    expect(a).toMatchObject({ text: 'Alpha.', speaker: { name: 'Simon Bailey' }, line: 3 });
    expect(b).toMatchObject({ text: 'Beta.', speaker: { name: 'Sara Thornton', role: 'NPCC Chair' }, line: 3 });
  });

  it('a quotation with no attribution after an attributed one goes to the last speaker, with a warning', () => {
    const r = parse(release('“One,” said Chief Constable Simon Bailey.', '“Two.”'));
    const [a, b] = quotes(r);
    expect(b.speaker).toEqual(a.speaker);
    expect(warned(r)).toMatch(/line 4.*Simon Bailey/);
  });

  it('a realistic release with a minister, a chief officer, a charity and a pronoun', () => {
    const text = [
      '09 Jan 2023',
      'Forces will share a new national database of stolen bikes, the Home Office announced today.',
      'The Home Secretary, Amber Smith, said: “Bike theft blights our towns. This database will help return bikes to their owners.”',
      'Speaking at the launch, ACC Jo Bloggs, the NPCC lead for acquisitive crime, said:',
      '“Officers recover thousands of bikes every year but cannot trace the owners of most of them.',
      '“A single database changes that,” she said. “We would urge everyone to register their bike.',
      '“It takes two minutes.”',
      'The database was built with the charity Cycle Safe and will open to the public in March.',
      'Jane Doe, chief executive of Cycle Safe, said:',
      '“We have campaigned for this for ten years.”',
      'Ms Bloggs added: “It is a good day for cyclists.”',
      'Notes to editors',
      'The National Police Chiefs’ Council (NPCC) brings police forces together.',
      'Media enquiries: press.office@npcc.police.uk',
    ].join('\n');
    const r = parse(text);
    expect(r.statements.map((s) => [s.kind, s.speaker?.name ?? null, s.line])).toEqual([
      ['narrative', null, 2],
      ['quote', 'Amber Smith', 3],
      ['quote', 'Jo Bloggs', 5],
      ['narrative', null, 8],
      ['quote', 'Jane Doe', 10],
      ['quote', 'Jo Bloggs', 11],
    ]);
    expect(r.statements[1].speaker).toEqual({ name: 'Amber Smith', rank: null, role: 'The Home Secretary' });
    expect(r.statements[2].speaker).toEqual({ name: 'Jo Bloggs', rank: 'ACC', role: 'the NPCC lead for acquisitive crime' });
    expect(r.statements[2].text.split('\n')).toHaveLength(3);
    expect(r.statements[2].text).not.toMatch(/she said/);
    expect(r.statements[4].speaker).toEqual({ name: 'Jane Doe', rank: null, role: 'chief executive of Cycle Safe' });
    expect(r.statements[5].speaker).toEqual(r.statements[2].speaker);
    expect(r.release).toMatchObject({ date: '2023-01-09', organisation: 'NPCC' });
    expect(r.warnings).toEqual([]);
  });
});

describe('continuing a speaker already named', () => {
  it('"“…,” she said." continues the speaker named before', () => {
    const r = parse(release('Commander Priya Desai said:', '“Alpha beta.”', '“Gamma delta,” she said.'));
    const [a, b] = quotes(r);
    expect(a.speaker?.name).toBe('Priya Desai');
    expect(b.speaker).toEqual(a.speaker);
    expect(b.text).toMatch(/^Gamma delta,?$/);
  });

  it('"He said:" and "She added:" continue the last named speaker', () => {
    const r = parse(
      release(
        'Chief Constable Simon Bailey, NPCC Lead for Child Protection, said:',
        '“Alpha.”',
        'The funding is part of a wider programme.',
        'He said:',
        '“Beta.”',
        'She added:',
        '“Gamma.”',
      ),
    );
    const q = quotes(r);
    expect(q.map((s) => s.text)).toEqual(['Alpha.', 'Beta.', 'Gamma.']);
    for (const s of q) expect(s.speaker).toEqual({ name: 'Simon Bailey', rank: 'Chief Constable', role: 'NPCC Lead for Child Protection' });
    expect(q.map((s) => s.line)).toEqual([4, 7, 9]);
  });

  it('"He added: “…”" on one line', () => {
    const q = quotes(parse(release('Chief Constable Simon Bailey said:', '“Alpha.”', 'He added: “Beta.”')));
    expect(q[1]).toMatchObject({ text: 'Beta.', speaker: { name: 'Simon Bailey' } });
  });

  it('"Ms Surname added:" goes back to the speaker of that surname, past another speaker', () => {
    const r = parse(
      release(
        'Commander Priya Desai, NPCC Lead for Economic Crime, said:',
        '“Alpha.”',
        'Jane Doe, chief executive of the charity SafeKids, said:',
        '“Beta.”',
        'Ms Desai added:',
        '“Gamma.”',
      ),
    );
    const [a, b, c] = quotes(r);
    expect(b.speaker).toEqual({ name: 'Jane Doe', rank: null, role: 'chief executive of the charity SafeKids' });
    expect(c.speaker).toEqual(a.speaker);
    expect(c.speaker).toEqual({ name: 'Priya Desai', rank: 'Commander', role: 'NPCC Lead for Economic Crime' });
  });

  it('"Bailey added:" and "Chief Constable Bailey added: “…”" resolve to the named speaker', () => {
    for (const tail of [['Bailey added:', '“Beta.”'], ['Chief Constable Bailey added: “Beta.”'], ['Mr Bailey added:', '“Beta.”']]) {
      const [a, b] = quotes(parse(release('Chief Constable Simon Bailey, NPCC lead, said:', '“Alpha.”', ...tail)));
      expect(b.text).toBe('Beta.');
      expect(b.speaker).toEqual(a.speaker);
    }
  });

  it('a pronoun with nobody named before it is a warning, not a guess', () => {
    const r = parse(release('She said:', '“Alpha.”'));
    expect(only(r).speaker).toBeNull();
    expect(warned(r)).toMatch(/line 4/);
  });
});

describe('quotation marks', () => {
  it('straight double quotes work as curly ones', () => {
    const q = only(parse(release('Chief Constable Simon Bailey said:', '"Alpha beta.', '"Gamma delta."')));
    expect(q.text).toBe('Alpha beta.\nGamma delta.');
    expect(q.speaker?.name).toBe('Simon Bailey');
  });

  it('straight quotes after the quotation: "\\"…,\\" said X."', () => {
    const q = only(parse(release('"Keep your phone out of reach," said Chief Constable Helen Marsh.')));
    expect(q.speaker?.name).toBe('Helen Marsh');
    expect(q.text).toMatch(/^Keep your phone out of reach,?$/);
  });

  it('single quotes and apostrophes inside a quotation are kept in the text', () => {
    const q = only(parse(release('Chief Constable Simon Bailey said:', '“A message to so-called ‘paedophile hunters’: don’t do it. It’s the police\'s job.”')));
    expect(q.text).toBe('A message to so-called ‘paedophile hunters’: don’t do it. It’s the police\'s job.');
  });

  it('a quotation nested in the same curly marks does not end the quotation', () => {
    const r = parse(release('Chief Constable Simon Bailey said:', '“We call it “Operation Sceptre” and it works.”'));
    expect(only(r).text).toBe('We call it “Operation Sceptre” and it works.');
    expect(r.warnings).toEqual([]);
  });

  it('a nested quotation ending a paragraph (“… “done”.) leaves the paragraph open for the next', () => {
    const r = parse(release('Chief Constable Simon Bailey said:', '“They told us it was “done”.', '“It was not.”'));
    expect(only(r).text).toBe('They told us it was “done”.\nIt was not.');
    expect(r.warnings).toEqual([]);
  });

  it('a full stop set outside the closing mark is not a statement', () => {
    const r = parse(release('Chief Constable Simon Bailey said:', '“Alpha beta”.'));
    expect(only(r).text).toBe('Alpha beta');
    expect(r.statements.every((s) => s.text.trim() !== '')).toBe(true);
  });

  it('text after a closing mark that is not an attribution is the release’s narrative', () => {
    const r = parse(release('Chief Constable Simon Bailey said:', '“Alpha.” The programme runs until March.'));
    expect(only(r).text).toBe('Alpha.');
    expect(r.statements.at(-1)).toMatchObject({ kind: 'narrative', text: 'The programme runs until March.', line: 4 });
  });
});

describe('the lead, narrative and releases with no quotation', () => {
  it('a lead that repeats a sentence of a later quotation is not a separate statement, and is warned about', () => {
    const text = [
      '12 Mar 2019',
      'We will protect children and stop offenders sooner',
      'Chief Constable Simon Bailey said:',
      '“Police arrested 660 people. We will protect children and stop offenders sooner.”',
      ...CONTACT,
    ].join('\n');
    const r = parse(text);
    expect(r.statements).toHaveLength(1);
    expect(r.statements[0]).toMatchObject({ kind: 'quote', line: 4, speaker: { name: 'Simon Bailey' } });
    expect(r.release.title).toBe('We will protect children and stop offenders sooner');
    expect(r.warnings.map(formatWarning).some((w) => /line 2/.test(w) && /lead/i.test(w) && /Simon Bailey/.test(w))).toBe(true);
  });

  it('a lead that only shares a few words with a quotation stays a narrative statement', () => {
    const r = parse(['12 Mar 2019', 'Police will protect children this summer', 'Chief Constable Simon Bailey said:', '“We will protect children and stop offenders sooner.”', ...CONTACT].join('\n'));
    expect(r.statements[0]).toMatchObject({ kind: 'narrative', line: 2 });
    expect(r.warnings).toEqual([]);
  });

  it('a release with no quotation: every paragraph is narrative with no speaker', () => {
    const r = parse(['30 Jan 2021', 'Burglaries fell by a tenth.', 'Fraud rose by a third.', 'The figures are published today.', ...CONTACT].join('\n'));
    expect(r.statements).toEqual([
      { kind: 'narrative', speaker: null, text: 'Burglaries fell by a tenth.', line: 2 },
      { kind: 'narrative', speaker: null, text: 'Fraud rose by a third.', line: 3 },
      { kind: 'narrative', speaker: null, text: 'The figures are published today.', line: 4 },
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.release.title).toBe('Burglaries fell by a tenth.');
  });

  it('an attribution line with no quotation after it is narrative', () => {
    const r = parse(release('Chief Constable Simon Bailey said:', 'Narrative follows.'));
    expect(quotes(r)).toEqual([]);
    expect(r.statements.map((s) => s.text)).toContain('Narrative follows.');
  });
});

describe('the tail: contact block, notes to editors, organisation', () => {
  it('notes to editors and the "About" paragraph are not statements; the organisation comes from them', () => {
    const r = parse(
      [
        '12 Mar 2019',
        LEAD,
        'Chief Constable Simon Bailey said:',
        '“Alpha.”',
        'Notes to editors',
        '1. The operation ran in 43 forces.',
        'About the NPCC',
        'The National Police Chiefs’ Council (NPCC) brings police forces in the UK together.',
      ].join('\n'),
    );
    expect(r.statements.map((s) => s.text)).toEqual([LEAD, 'Alpha.']);
    expect(r.release.organisation).toBe('NPCC');
  });

  it('a participial lead-in before the speaker, and a civilian office of policing named before "Mrs X said:"', () => {
    const r = parse(
      [
        '3 Mar 2026',
        'New chief sets out her priorities for neighbourhood policing.',
        'Chief Constable Helena Dravecki took up her post this week.',
        'Speaking at her first public meeting in Westmarch Guildhall, she said:',
        '“I want an officer people know by name in each of our wards.”',
        'The Police and Crime Commissioner for Westmarch, Gwendolyn Farr, welcomed the plan.',
        'Mrs Farr said: “Residents told us again and again that they want to see officers on foot.”',
      ].join('\n'),
    );
    const quotes = r.statements.filter((s) => s.kind === 'quote').map((s) => s.speaker);
    expect(quotes[0]).toMatchObject({ name: 'Helena Dravecki', rank: 'Chief Constable' });
    expect(quotes[1]).toMatchObject({ name: 'Gwendolyn Farr', role: 'Police and Crime Commissioner for Westmarch' });
  });

  it('a force named in the tail is read within its line: a heading above it is not part of its name', () => {
    const r = parse(['3 Mar 2020', LEAD, 'Chief Constable Simon Bailey said:', '“Alpha.”', 'Background', 'Fenmoor Police and Westmarch Police signed an agreement.'].join('\n'));
    expect(r.release.organisation).toBe('Fenmoor Police');
  });

  it('"ENDS" ends the statements', () => {
    const r = parse(['12 Mar 2019', LEAD, 'Chief Constable Simon Bailey said:', '“Alpha.”', 'ENDS', 'Notes', 'Anything at all.'].join('\n'));
    expect(r.statements.map((s) => s.text)).toEqual([LEAD, 'Alpha.']);
  });

  it('seed 000 (ACPO): one five-paragraph statement by Peter Goodman; the contact block and ACPO self-description left out', () => {
    const r = parseRelease(readRepo(SEED_000), SEED_000);
    expect(r.release).toMatchObject({ date: '2014-10-03', organisation: 'ACPO', source: '000_d0c768d28ef181f6.txt' });
    expect(r.release.title).toBe('We are working hard to continue to speed up our processes so that we can protect children and stop offenders sooner');
    expect(r.statements).toHaveLength(1);
    const [q] = r.statements;
    expect(q).toMatchObject({ kind: 'quote', line: 4 });
    expect(q.speaker).toEqual({ name: 'Peter Goodman', rank: 'Deputy Chief Constable', role: 'National Policing Lead for Cyber-crime' });
    const paras = q.text.split('\n');
    expect(paras).toHaveLength(5);
    expect(paras[0]).toMatch(/^There has been an exponential rise/);
    expect(paras[4]).toMatch(/stop offenders sooner\.$/);
    expect(q.text).not.toMatch(/[“”]/);
    // The lead repeats the quotation's last sentence.
    expect(r.warnings.map(formatWarning).some((w) => /line 2/.test(w))).toBe(true);
    const all = r.statements.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/Press Office|independent, professionally led|295 members|press\.office/);
  });

  it('seed 004 (NPCC): lead, Bailey (four paragraphs), narrative, Thornton', () => {
    const r = parseRelease(readRepo(SEED_004), SEED_004);
    expect(r.release).toMatchObject({ date: '2017-08-04', organisation: 'NPCC' });
    expect(r.statements.map((s) => [s.kind, s.speaker?.name ?? null, s.line])).toEqual([
      ['narrative', null, 2],
      ['quote', 'Simon Bailey', 4],
      ['narrative', null, 8],
      ['quote', 'Sara Thornton', 10],
    ]);
    expect(r.statements[1].speaker).toEqual({ name: 'Simon Bailey', rank: 'Chief Constable', role: 'National Police Chiefs Council Lead for Child Protection' });
    expect(r.statements[3].speaker).toEqual({ name: 'Sara Thornton', rank: null, role: 'National Police Chiefs’ Council Chair' });
    expect(r.statements[1].text.split('\n')).toHaveLength(4);
    expect(r.statements[1].text).toContain('so-called paedophile hunters');
    expect(r.statements[1].text).toContain('Don’t try');
    expect(r.statements.map((s) => s.text).join('\n')).not.toMatch(/0800|press\.office|Communications office/);
  });

  it('the dev fixtures name no organisation (their contact block is fictional)', () => {
    for (const f of fs.readdirSync(path.join(ROOT, FIXTURES)).filter((n) => n.startsWith('dev-') && n.endsWith('.txt'))) {
      const r = parseRelease(readRepo(path.join(FIXTURES, f)), f);
      expect(r.release.organisation, f).toBeUndefined();
      expect(r.statements.map((s) => s.text).join('\n'), f).not.toMatch(/0800|press\.office|Communications office/);
    }
  });
});

describe('the fixtures', () => {
  const fixture = (name: string) => parseRelease(readRepo(path.join(FIXTURES, name)), name);

  it('knife crime: Role, Rank Name said: with three paragraphs; figures kept', () => {
    const r = fixture('dev-knife-crime-2019.txt');
    const q = only(r);
    expect(q.speaker).toEqual({ name: 'Martin Lowry', rank: 'Deputy Chief Constable', role: 'National Police Chiefs’ Council Lead for Knife Crime' });
    expect(q.text.split('\n')).toHaveLength(3);
    expect(q.text).toContain('more than 7,800 knives from circulation and led to 1,140 arrests');
    expect(r.release.date).toBe('2019-03-12');
  });

  it('fraud: Rank Name, Role, said: then She added:', () => {
    const r = fixture('dev-fraud-2020.txt');
    const [a, b] = quotes(r);
    expect(a.speaker).toEqual({ name: 'Priya Desai', rank: 'Commander', role: 'National Police Chiefs’ Council Lead for Economic Crime' });
    expect(a.text.split('\n')).toHaveLength(2);
    expect(b.speaker).toEqual(a.speaker);
    expect(b.line).toBe(7);
    expect(quotes(r)).toHaveLength(2);
    expect(r.release.title).toBe('Fraudsters are exploiting the pandemic to target people shopping online in the run-up to Christmas');
  });

  it('roads: a quotation on the same line as said:, then one attributed after', () => {
    const r = fixture('dev-roads-2018.txt');
    const [a, b] = quotes(r);
    expect(a).toMatchObject({ line: 4, speaker: { name: 'Helen Marsh', rank: 'Chief Constable', role: 'National Police Chiefs’ Council Lead for Roads Policing' } });
    expect(a.text).toMatch(/^These figures are encouraging.*every road in the country\.$/);
    expect(b).toMatchObject({ line: 5, speaker: { name: 'Tom Ridley', rank: 'Assistant Chief Constable', role: 'deputy lead for roads policing' } });
    expect(r.statements.filter((s) => s.kind === 'narrative').map((s) => s.line)).toEqual([2, 3, 6]);
  });

  it('statistics: narrative only', () => {
    const r = fixture('dev-statistics-2021.txt');
    expect(quotes(r)).toEqual([]);
    expect(r.statements).toHaveLength(4);
    expect(r.statements.every((s) => s.speaker === null)).toBe(true);
  });
});

describe('errors name the file and the line', () => {
  it('an empty file, or only white space', () => {
    for (const text of ['', '   \n\t\n  ']) {
      const e = parseError(text);
      expect(e.issues).toEqual([{ file: 'dir/bad.txt', line: 1, reason: expect.stringMatching(/empty/) }]);
      expect(e.message).toContain('dir/bad.txt:1:');
    }
  });

  it('a date line only', () => {
    expect(parseError('12 Mar 2019\n').issues[0]).toMatchObject({ line: 2, reason: expect.stringMatching(/no paragraphs/) });
  });

  it('no date line', () => {
    const e = parseError('Police say things.\nMore things.');
    expect(e.issues[0]).toMatchObject({ file: 'dir/bad.txt', line: 1, reason: expect.stringMatching(/date/) });
  });

  it('the date line after blank lines is found, and errors count those lines', () => {
    expect(parseError('\n\nnot a date\nLead.').issues[0].line).toBe(3);
    expect(parseRelease('\n\n12 Mar 2019\nLead.', 'x').release.date).toBe('2019-03-12');
  });

  it('a date that does not exist, or a month that is not one', () => {
    expect(parseError('31 Feb 2020\nLead.').issues[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/not a real date/) });
    expect(parseError('29 Feb 2019\nLead.').issues[0].line).toBe(1);
    expect(parseError('3 Foo 2014\nLead.').issues[0].reason).toMatch(/no date anywhere/);
    expect(parseRelease('29 Feb 2020\nLead.', 'x').release.date).toBe('2020-02-29');
    expect(parseRelease('3 October 2014\nLead.', 'x').release.date).toBe('2014-10-03');
  });

  it('NUL bytes, on the line they are on', () => {
    expect(parseError('12 Mar 2019\nLead.\nab\u0000c').issues[0]).toMatchObject({ line: 3, reason: expect.stringMatching(/NUL/) });
  });

  it('U+FFFD (text decoded from invalid UTF-8), on its line', () => {
    expect(parseError('12 Mar 2019\nLead.\nmore\nSome \uFFFD text').issues[0]).toMatchObject({ line: 4, reason: expect.stringMatching(/UTF-8/) });
  });

  it('a quotation opened and followed by narrative ends where its quoted run ends, with a warning on the line it opened', () => {
    const r = parse(release('Chief Constable Simon Bailey said:', '“Alpha beta.', 'Narrative here.'));
    expect(only(r)).toMatchObject({ text: 'Alpha beta.', line: 4, speaker: { name: 'Simon Bailey' } });
    expect(r.statements.at(-1)).toMatchObject({ kind: 'narrative', text: 'Narrative here.', line: 5 });
    expect(r.warnings).toEqual([expect.objectContaining({ line: 4, kind: 'unclosed-quote' })]);
  });

  it('a quotation never closed, at the end of the body or before the contact block: every quoted paragraph kept', () => {
    for (const text of [
      ['12 Mar 2019', LEAD, 'Chief Constable Simon Bailey said:', '“Alpha beta.', '“Gamma.'].join('\n'),
      release('Chief Constable Simon Bailey said:', '“Alpha beta.', '“Gamma.'),
      release('Chief Constable Simon Bailey said:', '“Alpha beta.', '“Gamma.', 'Notes to editors', 'The operation ran in 43 forces.'),
    ]) {
      const r = parse(text);
      expect(only(r).text).toBe('Alpha beta.\nGamma.');
      expect(r.warnings.map((w) => [w.line, w.kind])).toEqual([[4, 'unclosed-quote']]);
    }
  });

  it('continuation paragraphs without an opening mark belong to the quotation when a later one closes it', () => {
    const r = parse(release('Chief Constable Simon Bailey said:', '“Alpha beta.', 'Gamma delta.', 'Epsilon zeta.”', 'Narrative after.'));
    expect(only(r).text).toBe('Alpha beta.\nGamma delta.\nEpsilon zeta.');
    expect(r.statements.at(-1)).toMatchObject({ kind: 'narrative', text: 'Narrative after.' });
    expect(r.warnings).toEqual([]);
  });

  it('never any other exception, whatever the input', () => {
    const inputs = [
      '\uFEFF',
      '12 Mar 2019\n“',
      '12 Mar 2019\n”',
      '12 Mar 2019\n“”',
      '12 Mar 2019\n"',
      '12 Mar 2019\nX said: “',
      '12 Mar 2019\n“a,” said',
      '12 Mar 2019\n“a,” said “b',
      '12 Mar 2019\nLead \uD800 x.',
      '99 Mar 2019\n',
      '12 Mar 99999\n',
      '12 Mar 2019\r\rLead\r',
      '1 Jan 2000\n' + '“'.repeat(500),
      '1 Jan 2000\n' + 'said: '.repeat(300) + '“x”',
    ];
    for (const text of inputs) {
      try {
        parseRelease(text, 'f.txt');
      } catch (e) {
        expect(e, JSON.stringify(text)).toBeInstanceOf(ReleaseParseError);
      }
    }
  });
});

describe('any input', () => {
  it('parses or throws ReleaseParseError naming a line of the file, never anything else', () => {
    const piece = fc.constantFrom(
      '12 Mar 2019', '31 Feb 2020', 'Lead.', 'Chief Constable Simon Bailey said:', 'She added:', '“', '”', '"', '‘', '’', '“Alpha.', '“Beta.”',
      '“A,” said Jo Bloggs. “B', '” said', ' – ', 'Communications office', 'Notes to editors', '\u0000', '\uFFFD', '\ud800', ':', ',',
    );
    const line = fc.oneof(fc.array(piece, { maxLength: 5 }).map((a) => a.join(' ')), fc.string({ unit: 'binary', maxLength: 30 }));
    const text = fc.tuple(fc.boolean(), fc.array(line, { maxLength: 12 })).map(([dated, ls]) => (dated ? ['12 Mar 2019', ...ls] : ls).join('\n'));
    fc.assert(
      fc.property(text, (t) => {
        try {
          const r = parseRelease(t, 'f.txt');
          const lines = t.split(/\r\n?|\n/).length;
          for (const s of r.statements) {
            expect(s.line).toBeGreaterThanOrEqual(1);
            expect(s.line).toBeLessThanOrEqual(lines);
            expect(s.text.trim()).not.toBe('');
          }
        } catch (e) {
          expect(e).toBeInstanceOf(ReleaseParseError);
          const issues = (e as ReleaseParseError).issues;
          expect(issues.length).toBeGreaterThan(0);
          for (const i of issues) {
            expect(i.file).toBe('f.txt');
            expect(i.line).toBeGreaterThanOrEqual(1);
            expect(i.line).toBeLessThanOrEqual(t.split(/\r\n?|\n/).length + 1);
          }
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('release id and date', () => {
  const base = release('Chief Constable Simon Bailey said:', '“Alpha beta.”');

  it('the same content gives the same id; a changed word gives another', () => {
    const id = parse(base).release.id;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(parse(base, 'other-name.txt').release.id).toBe(id);
    expect(parse(base.replace('Alpha', 'Alpah')).release.id).not.toBe(id);
  });

  it('CRLF, CR, trailing spaces and blank lines do not change the id', () => {
    const id = parse(base).release.id;
    expect(parse(base.replace(/\n/g, '\r\n')).release.id).toBe(id);
    expect(parse(base.replace(/\n/g, '\r')).release.id).toBe(id);
    expect(parse(base.replace(/\n/g, '  \n')).release.id).toBe(id);
    expect(parse(base + '\n\n').release.id).toBe(id);
    expect(parse('\uFEFF' + base).release.id).toBe(id);
  });

  it('the date is ISO; the source is the bare file name', () => {
    const r = parseRelease(base, '/home/someone/releases/x.txt');
    expect(r.release.date).toBe('2019-03-12');
    expect(r.release.source).toBe('x.txt');
    expect(parseRelease(base, 'C:\\releases\\y.txt').release.source).toBe('y.txt');
    expect(parseRelease(base, 'z.txt', 'https://example.org/r').release.url).toBe('https://example.org/r');
    expect(parse(base.replace('12 Mar 2019', '3 Oct 2014')).release.date).toBe('2014-10-03');
  });
});

describe('shapes a blind trial found', () => {
  const speakerOf = (r: ParsedRelease, words: string) => r.statements.find((s) => s.text.includes(words))?.speaker ?? null;

  it('"she" is the latest person who may be a woman, not the man just called "he"', () => {
    const r = parse(
      [
        '07 Oct 2019',
        'Courier fraud warning issued by the force',
        'The Chief Constable of Wrexford Constabulary, Gwen Ashworth-Tate, has warned older residents to be on their guard.',
        'Gwen Ashworth-Tate said:',
        '“Fraudsters are phoning people and pretending to be police officers.”',
        'Detective Sergeant Owen MacAteer, who investigates fraud for the force, said victims had lost £240,000.',
        'He added: “Please talk to elderly relatives about this.”',
        '“Is it really too much to ask that people check who is calling?” she asked.',
        '“We will catch the people responsible,” she said.',
      ].join('\n'),
    );
    expect(speakerOf(r, 'Fraudsters are phoning')).toMatchObject({ name: 'Gwen Ashworth-Tate', rank: 'Chief Constable', role: 'Chief Constable of Wrexford Constabulary' });
    expect(speakerOf(r, 'Please talk')?.name).toBe('Owen MacAteer');
    expect(speakerOf(r, 'too much to ask')?.name).toBe('Gwen Ashworth-Tate');
    expect(speakerOf(r, 'catch the people')?.name).toBe('Gwen Ashworth-Tate');
    expect(r.statements.some((s) => /she asked/.test(s.text))).toBe(false);
  });

  it('two people of one surname: "Mr" and "Ms" tell them apart', () => {
    const r = parse(
      release(
        'PC Daniel Mackenzie joined the force in 1991. His daughter, PC Isla Mackenzie, joined last year.',
        'PC Daniel Mackenzie said: “When I started we had one radio between three of us.”',
        'PC Isla Mackenzie said: “Dad still gives me advice on every shift.”',
        '“She is a better officer than I was at her age,” Mr Mackenzie added.',
        '“I will never hear the end of that now,” said Ms Mackenzie.',
      ),
    );
    expect(speakerOf(r, 'better officer')?.name).toBe('Daniel Mackenzie');
    expect(speakerOf(r, 'never hear the end')?.name).toBe('Isla Mackenzie');
  });

  it('a spokesperson for a force named with an appositive; a rank and role in brackets; a dash line', () => {
    const r = parse(
      release(
        'A spokeswoman for Northdale Police, one of the forces named in the report, said: “We began recording use of force in April.”',
        'The force has made a referral to the Independent Police Complaints Commission.',
        '“We will co-operate fully with the investigation.”',
        '– Chief Superintendent Gareth Penhaligon (Head of Custody, Northdale Police)',
        'PC Rhys Bevan (Roads Policing Unit) said: “The victim is lucky to be alive.”',
      ),
    );
    expect(speakerOf(r, 'began recording')).toEqual({ name: null, rank: null, role: 'spokeswoman', organisation: 'Northdale Police' });
    expect(speakerOf(r, 'co-operate fully')).toMatchObject({ name: 'Gareth Penhaligon', rank: 'Chief Superintendent', role: 'Head of Custody, Northdale Police' });
    expect(speakerOf(r, 'lucky to be alive')).toMatchObject({ name: 'Rhys Bevan', rank: 'PC', role: 'Roads Policing Unit' });
    expect(r.statements.some((s) => /Penhaligon/.test(s.text))).toBe(false);
  });

  it('"said Rank Name, role." alone on the line after the quotation', () => {
    const r = parse(release('“This was a large and sophisticated operation.', '“It was a fire risk to the businesses on either side,”', 'said Detective Chief Inspector Saoirse Ní Bhriain, who led the raid.'));
    expect(only(r)).toMatchObject({ text: 'This was a large and sophisticated operation.\nIt was a fire risk to the businesses on either side', speaker: { name: 'Saoirse Ní Bhriain', rank: 'Detective Chief Inspector', role: 'who led the raid' } });
  });

  it('surnames with particles, and a knight by his given name', () => {
    const r = parse(
      release(
        'Cmdr Rhiannon ap Dafydd, the national coordinator for protective security, said: “Attacks are rare.”',
        'Ms ap Dafydd added: “Do not be frightened, be prepared.”',
        'Sir Malcolm Dunstable QPM, the force’s former Chief Constable, presented the awards.',
        '“I have never been prouder of this force,” said Sir Malcolm.',
      ),
    );
    expect(speakerOf(r, 'be prepared')).toEqual(speakerOf(r, 'Attacks are rare'));
    expect(speakerOf(r, 'be prepared')?.name).toBe('Rhiannon ap Dafydd');
    expect(speakerOf(r, 'never been prouder')).toMatchObject({ name: 'Malcolm Dunstable', honorific: 'Sir', role: 'the force’s former Chief Constable' });
  });

  it('a subheading inside the body is not a statement; list items are', () => {
    const r = parse(release('Officers’ powers', 'The following steps have been taken:', '• the officers involved have been placed on restricted duties', 'Drivers face six penalty points.'));
    const texts = r.statements.map((s) => s.text);
    expect(texts).not.toContain('Officers’ powers');
    expect(texts).toContain('• the officers involved have been placed on restricted duties');
  });
});

describe('shapes a second blind trial found', () => {
  const speakerOf = (r: ParsedRelease, words: string) => r.statements.find((s) => s.text.includes(words))?.speaker ?? null;

  it('judges: the title is never part of the name', () => {
    const r = parse(
      release(
        'Sentencing her, His Honour Judge Malcolm Derwent said: “It is difficult to imagine a meaner crime.”',
        'Her Honour Judge Patricia Okoro KC said: “The public must be protected from you.”',
        'Mrs Justice Amelia Carrow said: “This was a cruel and calculated offence.”',
      ),
    );
    expect(speakerOf(r, 'meaner crime')).toMatchObject({ name: 'Malcolm Derwent', rank: null, honorific: 'His Honour Judge' });
    expect(speakerOf(r, 'must be protected')).toMatchObject({ name: 'Patricia Okoro', honorific: 'Her Honour Judge' });
    expect(speakerOf(r, 'cruel and calculated')).toMatchObject({ name: 'Amelia Carrow', honorific: 'Mrs Justice' });
  });

  it('a Q&A: the answers are the words of the person the questions were put to', () => {
    const r = parse(
      release(
        'We put your questions to Chief Superintendent Fiona Garvey, commander for the southern area.',
        'Q: Why is the front counter closing on two days a week?',
        'A: Fewer than 15 people a day now use the counter, and most could be helped online.',
      ),
    );
    expect(r.statements.find((s) => s.text.startsWith('Why is the front counter'))).toMatchObject({ kind: 'narrative', speaker: null });
    expect(r.statements.find((s) => s.text.startsWith('Fewer than 15 people'))).toMatchObject({ kind: 'quote', speaker: { name: 'Fiona Garvey', rank: 'Chief Superintendent' } });
  });

  it('a byline naming the press office, or a sentence opening "For further information", does not end the release', () => {
    const r = parse(
      [
        '05 Apr 2022',
        'By Oakshire Police press office · 5 April 2022',
        'Students are being warned about a rent deposit scam.',
        'For further information about the scam, officers are visiting halls of residence this week.',
        'PC Jo Mercer said: “If a landlord asks for a deposit before you have seen the flat, walk away.”',
        'For further information contact the press office on 01632 960000.',
        'The operation ran in 43 forces.',
      ].join('\n'),
    );
    expect(speakerOf(r, 'walk away')?.name).toBe('Jo Mercer');
    const texts = r.statements.map((s) => s.text).join('\n');
    expect(texts).toContain('officers are visiting halls');
    expect(texts).not.toMatch(/By Oakshire|press office on|43 forces/);
  });

  it('a role given as "of …" in the narrative, and a dateline, are read', () => {
    const r = parse(
      release(
        'Published: 15 January 2024 · Riverton city centre',
        'Detective Chief Inspector Amir Rashidi, of Riverton Police’s organised crime unit, said the find was one of the largest.',
        '“It was only a matter of time before someone was hurt,” he said.',
      ),
    );
    expect(speakerOf(r, 'matter of time')).toMatchObject({ name: 'Amir Rashidi', role: 'of Riverton Police’s organised crime unit' });
    expect(r.statements.some((s) => s.text.startsWith('Published'))).toBe(false);
  });
});
