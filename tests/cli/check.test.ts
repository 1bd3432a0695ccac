/** `otr check FILE` end to end: an article as text and as HTML, readable, --json, --markdown, errors. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildTestIndex, otr, tempDir } from './run';

const ARTICLES = path.join(ROOT, 'tests', 'fixtures', 'articles');
let dir: string;
let index: string;

beforeAll(() => {
  dir = tempDir();
  index = buildTestIndex(dir);
});

describe('otr check FILE', () => {
  it.each(['online-abuse.txt', 'online-abuse.html'])('prints a readable report of %s, each quotation labelled', (name) => {
    const r = otr(['check', '--index', index, path.join(ARTICLES, name)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(': 7 quotations, 3 verbatim, 1 altered, 2 paraphrase, 1 not in the index, 1 attributed to someone else');
    const all = r.stdout.split(/\n\n(?=\d+\. )/).slice(1);
    expect(all).toHaveLength(7);
    // The standfirst ("Police chiefs say …") reports Bailey in the writer's words.
    expect(all[0]).toMatch(/^1\. PARAPHRASE \(reported speech\)\n   Police chiefs say the internet is changing/);
    expect(all[0]).toContain('Chief Constable Simon Bailey');
    const items = all.slice(1);
    expect(items[0]).toMatch(/^2\. VERBATIM\n   “The internet is not a safe or anonymous place for abusing children\.”/);
    expect(items[0]).toContain('Chief Constable Simon Bailey, National Police Chiefs Council Lead for Child Protection');
    expect(items[1]).toMatch(/^3\. ALTERED/);
    expect(items[1]).toContain('Figure: page “600” — said “400”');
    expect(items[2]).toMatch(/^4\. VERBATIM/);
    expect(items[2]).toContain('ATTRIBUTION: The page names Sara Thornton; Deputy Chief Constable Peter Goodman said it.');
    expect(items[3]).toMatch(/^5\. PARAPHRASE \(reported speech\)\n   Bailey told reporters/);
    expect(items[4]).toMatch(/^6\. NOT IN THE INDEX\n   ‘Every school in the county/);
    expect(items[5]).toMatch(/^7\. VERBATIM/);
    expect(items[5]).toContain('Commander Priya Desai');
    // Nothing from the page's script, style sheet or comments.
    expect(r.stdout).not.toMatch(/style sheet|script string|comment is not/);
  });

  it('prints the answers as JSON with --json, in the shape of otr match, id = position', () => {
    const r = otr(['check', '--index', index, '--json', path.join(ARTICLES, 'online-abuse.html')]);
    expect(r.code).toBe(0);
    const answers = JSON.parse(r.stdout);
    expect(Array.isArray(answers)).toBe(true);
    expect(answers.map((a: any) => a.id)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(answers.map((a: any) => a.verdict)).toEqual(['paraphrase', 'verbatim', 'altered', 'verbatim', 'paraphrase', 'not-found', 'verbatim']);
    expect(Object.keys(answers[0]).slice(0, 4)).toEqual(['id', 'verdict', 'best', 'candidates']);
    expect(answers[0].quotation.kind).toBe('reported');
    expect(answers[2].best.differences).toContainEqual({ type: 'number', page: '600', original: '400' });
    expect(answers[3].best.attribution).toEqual({ names: ['Sara Thornton'], consistent: false });
    expect(answers[4].quotation.kind).toBe('reported');
    expect(answers[5].quotation.text).toBe('‘Every school in the county will get a new online safety officer next year.’');
  });

  it('writes Markdown for an editor with --markdown', () => {
    const r = otr(['check', '--index', index, '--markdown', path.join(ARTICLES, 'online-abuse.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Quotation check: online-abuse\.txt\n/);
    expect(r.stdout).toContain('- Figure: page “600” — said “400”');
  });

  it('reads a draft with no quotations as an empty report', () => {
    const file = path.join(dir, 'draft.txt');
    fs.writeFileSync(file, 'Nothing quoted here. Only the writer speaks.\n');
    const r = otr(['check', '--index', index, file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: 0 quotations\n$/);
    expect(JSON.parse(otr(['check', '--index', index, '--json', file]).stdout)).toEqual([]);
  });

  it('refuses a missing file, no file, two files, and binary data', () => {
    const missing = otr(['check', '--index', index, path.join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.txt: no such file/);
    expect(otr(['check', '--index', index]).code).toBe(2);
    expect(otr(['check', '--index', index, 'a.txt', 'b.txt']).code).toBe(2);
    expect(otr(['check', '--index', index, '--json', '--markdown', path.join(ARTICLES, 'online-abuse.txt')]).code).toBe(2);
    const bin = path.join(dir, 'photo.txt');
    fs.writeFileSync(bin, Buffer.from([0x41, 0, 0x42]));
    const b = otr(['check', '--index', index, bin]);
    expect(b.code).not.toBe(0);
    expect(b.stderr).toMatch(/photo\.txt is not text/);
  });
});
