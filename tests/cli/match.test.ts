/** `otr match` end to end: one passage, stdin, --json, --jsonl and hostile input. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex, otr, tempDir } from './run';
import { joinIndex, splitIndex } from '../support/indexText';

let dir: string;
let index: string;

beforeAll(() => {
  dir = tempDir();
  index = buildTestIndex(dir);
});

function jsonl(lines: string[] | string): { code: number | null; answers: any[]; stdout: string; stderr: string } {
  const input = Array.isArray(lines) ? lines.join('\n') + '\n' : lines;
  const r = otr(['match', '--jsonl', '--index', index], input);
  const answers = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { ...r, answers };
}

describe('otr match TEXT', () => {
  it('gives a readable answer: verdict, speaker, date, release, the marked quotation', () => {
    const r = otr(['match', '--index', index, 'These people try to hide what they do online.']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^VERBATIM/);
    expect(r.stdout).toContain('Deputy Chief Constable Peter Goodman, National Policing Lead for Cyber-crime');
    expect(r.stdout).toContain('3 Oct 2014 (2014-10-03)');
    expect(r.stdout).toContain('000_d0c768d28ef181f6.txt');
    expect(r.stdout).toMatch(/»These people try to hide what they do online\.?«/);
    expect(r.stdout).not.toContain('\x1b['); // no colour when stdout is not a terminal
  });

  it('shows a changed figure as page against original', () => {
    const r = otr(['match', '--index', index, 'Back in July police arrested 600 people for this crime']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ALTERED/);
    expect(r.stdout).toMatch(/Figure: page “600” — said “660”/);
  });

  it('answers JSON with --json', () => {
    const r = otr(['match', '--index', index, '--json', 'Criminals follow the money, and this year the money has moved online.']);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(Object.keys(answer)[0]).toBe('id');
    expect(answer.id).toBeNull();
    expect(answer.verdict).toBe('verbatim');
    expect(answer.best.speaker.name).toContain('Desai');
    expect(answer.best.date).toBe('2020-11-21');
    expect(Array.isArray(answer.candidates)).toBe(true);
  });

  it('checks attribution against --context', () => {
    const r = otr([
      'match',
      '--index',
      index,
      '--json',
      '--context',
      'Sara Thornton, the chair of the National Police Chiefs’ Council, told reporters: "Don\'t try to take it into your own hands."',
      "Don't try to take it into your own hands",
    ]);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer.best.speaker.name).toContain('Bailey');
    expect(answer.best.attribution.consistent).toBe(false);
  });

  it('reads the passage from stdin with -', () => {
    const r = otr(['match', '--index', index, '--json', '-'], 'no call or message\nis worth a life\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).best.speaker.name).toContain('Ridley');
  });

  it('says plainly when the index holds nothing like the passage', () => {
    const r = otr(['match', '--index', index, 'The council will resurface the high street next summer, the transport committee said.']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NOT IN THE INDEX/);
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
  ])('answers invalid to an %s passage, exit 0', (_, text) => {
    const r = otr(['match', '--index', index, '--json', text]);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer.verdict).toBe('invalid');
    expect(answer.reason).toBeTruthy();
  });

  it('answers invalid to binary bytes and invalid UTF-8 on stdin', () => {
    for (const bytes of [Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00]), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])]) {
      const r = otr(['match', '--index', index, '--json', '-'], bytes);
      expect(r.code).toBe(0);
      const answer = JSON.parse(r.stdout);
      expect(answer.verdict).toBe('invalid');
      expect(answer.reason).toMatch(/not text/);
    }
  });

  it('answers invalid to a 1 MB passage instead of crashing', () => {
    const huge = 'the police service is doing more than ever before '.repeat(21_000); // ~1 MB
    const r = otr(['match', '--index', index, '--json', '-'], huge);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).verdict).toBe('invalid');
  });
});

describe('otr match usage errors', () => {
  it('refuses a missing passage, with usage on stderr and nothing on stdout', () => {
    const r = otr(['match', '--index', index]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no passage given');
    expect(r.stderr).toContain('Usage:');
  });

  it('refuses an unknown flag', () => {
    const r = otr(['match', '--index', index, '--fuzzy', 'words']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("Unknown option '--fuzzy'");
  });

  it('refuses an unknown command', () => {
    const r = otr(['search', 'words']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command: search');
  });

  it('refuses an index file that does not exist', () => {
    const r = otr(['match', '--index', path.join(dir, 'missing.json'), 'words']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('missing.json: no such file');
  });

  it('refuses a file that is not an index', () => {
    const bad = path.join(dir, 'not-json.json');
    fs.writeFileSync(bad, 'this is not JSON');
    const r = otr(['match', '--index', bad, 'words']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('not-json.json is not a usable index');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an index of another format version, saying so', () => {
    const { header, texts, streams } = splitIndex(fs.readFileSync(index, 'utf8'));
    const old = path.join(dir, 'version-99.otr');
    fs.writeFileSync(old, joinIndex({ ...header, version: 99 }, texts, streams));
    const r = otr(['match', '--index', old, 'words']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/version/i);
    expect(r.stderr).toContain('99');
  });

  it('refuses TEXT or --context together with --jsonl', () => {
    expect(otr(['match', '--jsonl', '--index', index, 'words'], '').code).toBe(2);
    expect(otr(['match', '--jsonl', '--index', index, '--context', 'x'], '').code).toBe(2);
  });
});

describe('otr match --jsonl', () => {
  it('answers one line per input line, in order, each with its id', () => {
    const cases = [
      { id: 'a', text: 'These people try to hide what they do online.' },
      { id: 2, text: 'Back in July police arrested 600 people for this crime', extra: 'ignored' },
      { id: 'c', text: 'Criminals follow the money', context: 'Commander Priya Desai said: “Criminals follow the money.”' },
      { id: 'd', text: 'The council will resurface the high street next summer.' },
    ];
    const r = jsonl(cases.map((c) => JSON.stringify(c)));
    expect(r.code).toBe(0);
    expect(r.answers.map((a) => a.id)).toEqual(['a', 2, 'c', 'd']);
    expect(r.answers.map((a) => a.verdict)).toEqual(['verbatim', 'altered', 'verbatim', 'not-found']);
    expect(r.answers[2].best.attribution.consistent).toBe(true);
  });

  it('answers a bad line with invalid and a reason, skips blank lines, and goes on', () => {
    const lines = [
      '{"id": "ok1", "text": "no call or message is worth a life"}',
      '',
      '   ',
      'this is not JSON',
      '{"id": "no-text"}',
      '{"id": "number", "text": 42}',
      '[1, 2, 3]',
      '"just a string"',
      '{"id": "space", "text": "   "}',
      '{"id": "ctx", "text": "words", "context": 7}',
      '{"id": {"nested": true}, "text": "words"}',
      '{"id": "nul", "text": "\\u0000\\u0001binary"}',
      '{"id": "ok2", "text": "A moment’s distraction can destroy lives"}',
    ];
    const r = jsonl(lines.join('\r\n') + '\r\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.answers.map((a) => a.id)).toEqual(['ok1', null, 'no-text', 'number', null, null, 'space', 'ctx', null, 'nul', 'ok2']);
    const [ok1, ...rest] = r.answers;
    const ok2 = rest.pop();
    expect(ok1.verdict).toBe('verbatim');
    expect(ok2.verdict).toBe('verbatim');
    for (const a of rest.slice(0, -1)) {
      expect(a.verdict).toBe('invalid');
      expect(a.reason).toBeTruthy();
      expect(a.best).toBeNull();
    }
    expect(['invalid', 'not-found']).toContain(rest[rest.length - 1].verdict); // control characters
  });

  it('answers invalid to a 1 MB line and goes on', () => {
    const huge = JSON.stringify({ id: 'huge', text: 'x'.repeat(1024 * 1024) });
    const r = jsonl([huge, '{"id": "after", "text": "no call or message is worth a life"}']);
    expect(r.code).toBe(0);
    expect(r.answers.map((a) => [a.id, a.verdict])).toEqual([
      ['huge', 'invalid'],
      ['after', 'verbatim'],
    ]);
  });

  it('prints nothing for empty input', () => {
    const r = jsonl('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });
});
