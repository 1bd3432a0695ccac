/** `otr match`: one passage (readable or --json), or a stream of JSON lines (--jsonl). */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createMatcher, loadIndex, type Answer, type Matcher } from '../../core/index';
import { CliError } from '../errors';
import { formatAnswer } from '../format';
import { decodeText } from '../readReleases';

type Id = Answer['id'];

export function invalidAnswer(id: Id, reason: string): Answer {
  return { id, verdict: 'invalid', reason, best: null, candidates: [] };
}

/** Reads an index file and makes a matcher of it; any failure is a CliError saying which file and why. */
export function loadMatcher(file: string, shown: string, hint = ''): Matcher {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (err as Error).message;
    throw new CliError(`cannot read index ${shown}: ${why}${hint}`, true);
  }
  return matcherFromText(text, shown);
}

/** Makes a matcher of an index file's text, as `otr match --index FILE` does. */
export function matcherFromText(text: string, shown: string): Matcher {
  try {
    return createMatcher(loadIndex(text));
  } catch (err) {
    throw new CliError(`${shown} is not a usable index: ${err instanceof Error ? err.message : String(err)}`, true);
  }
}

/** Asks the matcher, and answers `invalid` rather than crash when the matcher throws. */
export function answerPassage(matcher: Matcher, text: string, context: string | undefined, id: Id): Answer {
  let answer: Answer;
  try {
    answer = matcher.match(text, context === undefined ? { id } : { context, id });
  } catch (err) {
    return invalidAnswer(id, `the matcher failed on this passage: ${err instanceof Error ? err.message : String(err)}`);
  }
  // The answer carries its input's id, whatever the matcher did with it; id comes first.
  const { id: _fromMatcher, ...rest } = answer;
  return { id, ...rest };
}

/** Answers one line of `otr match --jsonl`: {"id", "text", "context"?}; other fields are ignored. */
export function answerJsonLine(matcher: Matcher, line: string): Answer {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return invalidAnswer(null, `not valid JSON (${(err as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalidAnswer(null, 'each line must be a JSON object: {"id": …, "text": …}');
  }
  const input = value as Record<string, unknown>;
  const id = input.id ?? null;
  if (typeof id !== 'string' && typeof id !== 'number' && id !== null) {
    return invalidAnswer(null, '"id" must be a string or a number');
  }
  if (typeof input.text !== 'string') {
    return invalidAnswer(id, input.text === undefined ? 'no "text" field' : '"text" must be a string');
  }
  const context = input.context ?? undefined;
  if (context !== undefined && typeof context !== 'string') {
    return invalidAnswer(id, '"context" must be a string');
  }
  return answerPassage(matcher, input.text, context, id);
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** Streams JSON lines from `input` to answers on `output`, one a line, in order; blank lines are skipped. */
export async function matchJsonLines(matcher: Matcher, input: Readable, output: Writable): Promise<void> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    await write(output, JSON.stringify(answerJsonLine(matcher, line)) + '\n');
  }
}

async function readAll(input: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export interface MatchOptions {
  /** The index file, resolved, and how to name it in messages. */
  index: { file: string; shown: string; hint?: string };
  context?: string;
  json: boolean;
  jsonl: boolean;
  /** The passage words from the command line; ["-"] reads stdin. */
  text: string[];
  /** Colour and emphasis for the readable answer. */
  color: boolean;
}

export async function runMatch(opts: MatchOptions, stdin: Readable, stdout: Writable): Promise<void> {
  if (opts.jsonl) {
    if (opts.text.length > 0) throw new CliError('--jsonl reads its passages from stdin: give no TEXT', true);
    if (opts.context !== undefined) throw new CliError('with --jsonl, give "context" in each line, not --context', true);
  } else if (opts.text.length === 0) {
    throw new CliError('no passage given: otr match TEXT (or - to read it from stdin)', true);
  }
  const matcher = loadMatcher(opts.index.file, opts.index.shown, opts.index.hint);
  if (opts.jsonl) return matchJsonLines(matcher, stdin, stdout);

  let answer: Answer;
  if (opts.text.length === 1 && opts.text[0] === '-') {
    const decoded = decodeText(await readAll(stdin));
    answer =
      'text' in decoded
        ? answerPassage(matcher, decoded.text, opts.context, null)
        : invalidAnswer(null, `the passage on stdin is ${decoded.reason}`);
  } else {
    answer = answerPassage(matcher, opts.text.join(' '), opts.context, null);
  }
  await write(stdout, opts.json ? JSON.stringify(answer, null, 2) + '\n' : formatAnswer(answer, { color: opts.color }));
}
