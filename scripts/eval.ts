/**
 * npm run eval [-- --cases FILE] [--releases PATH...]
 *
 * Runs the evaluation cases (every tests/eval/*.jsonl) through the code of `otr match --jsonl`,
 * against an index built in memory from data/releases and tests/fixtures/releases the way
 * `otr index` builds it, and scores them as tests/eval/README.md says. Prints each failing
 * case (what was expected, what came back), then the figures; exits 1 when any case fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { serializeIndex, speakerName, type Answer, type Match, type Verdict } from '../core/index';
import { indexReleases } from '../cli/commands/index';
import { answerJsonLine, matcherFromText } from '../cli/commands/match';
import { CliError } from '../cli/errors';
import { REPO_ROOT, userBase } from '../cli/paths';

/** Every case file in tests/eval: dev.jsonl (the shared public cases) and shapes.jsonl (over the fixtures of real release shapes). */
export const DEFAULT_CASES = path.join(REPO_ROOT, 'tests', 'eval');
export const DEFAULT_RELEASES = [path.join(REPO_ROOT, 'data', 'releases'), path.join(REPO_ROOT, 'tests', 'fixtures', 'releases')];

export interface Expect {
  verdict: Verdict[];
  /** Part of the best match's speaker name; null: the release's own narrative; absent: no match expected. */
  speaker?: string | null;
  date?: string;
  attribution?: 'consistent' | 'mismatch';
  also_date?: string;
}

export interface EvalCase {
  id: string | number;
  text: unknown;
  context?: unknown;
  expect: Expect;
}

export interface CaseResult {
  case: EvalCase;
  answer: Answer;
  /** One line per `expect` field that does not hold: what was expected, what came back. */
  failures: string[];
  /** Speaker and date both right (only for cases that expect a match). */
  sourceRight?: boolean;
  verdictRight: boolean;
  /** A verbatim or altered verdict on a case that expects no match. */
  falseMatch?: boolean;
  attributionRight?: boolean;
  alsoDateRight?: boolean;
}

export interface Figures {
  cases: number;
  right: number;
  source: [number, number];
  verdict: [number, number];
  falseMatches: [number, number];
  attribution: [number, number];
  alsoDate: [number, number];
}

/** A case expects a match when it names a speaker (or null for narrative) or a date. */
function expectsMatch(e: Expect): boolean {
  return e.speaker !== undefined || e.date !== undefined;
}

function who(best: Match | null): string {
  if (!best) return 'no match';
  return best.speaker ? `"${best.speaker.name ?? speakerName(best.speaker)}"` : 'narrative (no speaker)';
}

/** Scores one answer against its case, following tests/eval/README.md. */
export function scoreCase(c: EvalCase, answer: Answer): CaseResult {
  const e = c.expect;
  const best = answer.best ?? null;
  const failures: string[] = [];

  const verdictRight = e.verdict.includes(answer.verdict);
  if (!verdictRight) {
    failures.push(`verdict: expected ${e.verdict.join(' or ')}, got ${answer.verdict}${answer.reason ? ` (${answer.reason})` : ''}`);
  }

  let speakerRight = true;
  if (e.speaker === null) {
    speakerRight = best !== null && best.speaker === null;
    if (!speakerRight) failures.push(`speaker: expected narrative (no speaker), got ${who(best)}`);
  } else if (typeof e.speaker === 'string') {
    // A speaker the release does not name ("An ACPO spokesman") is matched by that description.
    const name = best?.speaker ? (best.speaker.name ?? speakerName(best.speaker)) : undefined;
    speakerRight = typeof name === 'string' && name.toLowerCase().includes(e.speaker.toLowerCase());
    if (!speakerRight) failures.push(`speaker: expected "${e.speaker}", got ${who(best)}`);
  }

  let dateRight = true;
  if (e.date !== undefined) {
    dateRight = best?.date === e.date;
    if (!dateRight) failures.push(`date: expected ${e.date}, got ${best ? best.date : 'no match'}`);
  }

  let attributionRight: boolean | undefined;
  if (e.attribution !== undefined) {
    const a = best?.attribution;
    attributionRight = a !== undefined && a.consistent === (e.attribution === 'consistent');
    if (!attributionRight) {
      const got = !best ? 'no match' : !a ? 'no attribution check' : `${a.consistent ? 'consistent' : 'mismatch'} (names: ${a.names.join(', ') || 'none'})`;
      failures.push(`attribution: expected ${e.attribution}, got ${got}`);
    }
  }

  let alsoDateRight: boolean | undefined;
  if (e.also_date !== undefined) {
    const dates = (answer.candidates ?? []).map((m) => m.date);
    alsoDateRight = dates.includes(e.also_date);
    if (!alsoDateRight) failures.push(`also_date: expected a candidate dated ${e.also_date}, got candidates dated [${dates.join(', ')}]`);
  }

  const matchExpected = expectsMatch(e);
  return {
    case: c,
    answer,
    failures,
    verdictRight,
    sourceRight: matchExpected ? speakerRight && dateRight : undefined,
    falseMatch: matchExpected ? undefined : answer.verdict === 'verbatim' || answer.verdict === 'altered',
    attributionRight,
    alsoDateRight,
  };
}

export function figures(results: CaseResult[]): Figures {
  const count = (pick: (r: CaseResult) => boolean | undefined): [number, number] => {
    const applicable = results.filter((r) => pick(r) !== undefined);
    return [applicable.filter((r) => pick(r)).length, applicable.length];
  };
  return {
    cases: results.length,
    right: results.filter((r) => r.failures.length === 0).length,
    source: count((r) => r.sourceRight),
    verdict: count((r) => r.verdictRight),
    falseMatches: count((r) => r.falseMatch),
    attribution: count((r) => r.attributionRight),
    alsoDate: count((r) => r.alsoDateRight),
  };
}

/** Reads the cases file: one JSON case a line, blank lines skipped. A malformed case is an error. */
/** The cases of a .jsonl file, or of every .jsonl file in a folder (in name order). */
export function readCases(file: string): { lines: string[]; cases: EvalCase[] } {
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    const out = { lines: [] as string[], cases: [] as EvalCase[] };
    for (const name of fs.readdirSync(file).filter((n) => n.endsWith('.jsonl')).sort()) {
      const one = readCases(path.join(file, name));
      out.lines.push(...one.lines);
      out.cases.push(...one.cases);
    }
    if (out.cases.length === 0) throw new CliError(`no cases (*.jsonl) in ${file}`);
    return out;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read cases ${file}: ${(err as Error).message}`);
  }
  const lines: string[] = [];
  const cases: EvalCase[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let c: EvalCase;
    try {
      c = JSON.parse(line);
    } catch (err) {
      throw new CliError(`${file}:${i + 1}: not valid JSON (${(err as Error).message})`);
    }
    if (!c || typeof c !== 'object' || !c.expect || !Array.isArray(c.expect.verdict)) {
      throw new CliError(`${file}:${i + 1}: a case needs "id", "text" and "expect": {"verdict": [...]}`);
    }
    lines.push(line);
    cases.push(c);
  });
  return { lines, cases };
}

export interface EvalOptions {
  cases?: string;
  releases?: string[];
  /** The folder relative paths are taken from. */
  base?: string;
}

/** Builds the index in memory, answers every case as `otr match --jsonl` would, and scores it. */
export function runEval(opts: EvalOptions = {}): { results: CaseResult[]; figures: Figures } {
  const base = opts.base ?? process.cwd();
  const { data } = indexReleases(opts.releases ?? DEFAULT_RELEASES, base);
  // Through the serialised form, as the command line reads an index file.
  const matcher = matcherFromText(serializeIndex(data), 'the evaluation index');
  const { lines, cases } = readCases(path.resolve(base, opts.cases ?? DEFAULT_CASES));
  const results = cases.map((c, i) => scoreCase(c, answerJsonLine(matcher, lines[i])));
  return { results, figures: figures(results) };
}

function pct([n, of]: [number, number]): string {
  return of === 0 ? `${n}/${of}` : `${n}/${of} (${((100 * n) / of).toFixed(1)}%)`;
}

export function formatReport(results: CaseResult[], f: Figures): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.failures.length === 0) continue;
    const text = typeof r.case.text === 'string' ? JSON.stringify(r.case.text.length > 100 ? `${r.case.text.slice(0, 99)}…` : r.case.text) : String(r.case.text);
    lines.push(`FAIL ${r.case.id}  ${text}`);
    for (const failure of r.failures) lines.push(`  ${failure}`);
  }
  if (lines.length) lines.push('');
  lines.push(
    `cases right       ${pct([f.right, f.cases])}`,
    `source accuracy   ${pct(f.source)}  (speaker and date, over cases that expect a match)`,
    `verdict accuracy  ${pct(f.verdict)}`,
    `false matches     ${f.falseMatches[0]} of ${f.falseMatches[1]} cases that expect no match`,
    `attribution       ${pct(f.attribution)}`,
    `also listed       ${pct(f.alsoDate)}  (a later repeat among the candidates)`,
  );
  return lines.join('\n') + '\n';
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { cases: { type: 'string' }, releases: { type: 'string', multiple: true } },
    });
  } catch (err) {
    throw new CliError((err as Error).message, true);
  }
  const { values, positionals } = parsed;
  // `--releases a b c`: the words after --releases are release paths too.
  if (positionals.length && !values.releases) throw new CliError(`unexpected argument: ${positionals[0]} (release paths go after --releases)`, true);
  const releases = values.releases ? [...values.releases, ...positionals] : undefined;
  const { results, figures: f } = runEval({ cases: values.cases, releases, base: userBase() });
  process.stdout.write(formatReport(results, f));
  return f.right === f.cases ? 0 : 1;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    if (err instanceof CliError) {
      for (const line of err.details) process.stderr.write(`${line}\n`);
      process.stderr.write(`eval: ${err.message}\n`);
      if (err.usage) process.stderr.write('usage: npm run eval [-- --cases FILE] [--releases PATH...]\n');
      process.exitCode = 2;
    } else throw err;
  }
}
