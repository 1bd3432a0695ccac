/** `otr match`: one passage (readable or --json), or a stream of JSON lines (--jsonl). */
import type { Readable, Writable } from 'node:stream';
import { createMatcher, loadIndex, type Answer, type Matcher } from '../../core/index';
import { CliError } from '../errors';
import { formatAnswer } from '../format';
import { decodeText, MAX_TEXT_BYTES } from '../readReleases';
import { MAX_INDEX_BYTES, readBoundedFile, readBoundedStream } from '../files';
import { MAX_LINE_BYTES } from '../../core/limits';

type Id = Answer['id'];

export function invalidAnswer(id: Id, reason: string): Answer {
  return { id, verdict: 'invalid', reason, best: null, candidates: [] };
}

/** Reads an index file and makes a matcher of it; any failure is a CliError saying which file and why. */
export function loadMatcher(file: string, shown: string, hint = ''): Matcher {
  // A regular file of at most MAX_INDEX_BYTES, checked before it is read, and read no further.
  const read = readBoundedFile(file, MAX_INDEX_BYTES);
  if ('reason' in read) throw new CliError(`cannot read index ${shown}: ${read.reason}${/^no such file/.test(read.reason) ? hint : ''}`, true);
  return matcherFromText(read.bytes.toString('utf8'), shown);
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

/**
 * The lines of a stream, as bytes, each read whole only up to `limit` bytes: past it the line's
 * bytes are counted and dropped until its newline, so a line of any length (a 4 MB context, a
 * 700 MB line, /dev/zero) costs at most `limit` bytes of memory. A line over the limit comes with
 * `size` > `limit` and its first `limit` bytes.
 */
export async function* boundedLines(input: Readable, limit: number): AsyncGenerator<{ bytes: Buffer; size: number }> {
  let parts: Buffer[] = [];
  let kept = 0;
  let size = 0;
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : (raw as Buffer);
    let from = 0;
    while (from < chunk.length) {
      const newline = chunk.indexOf(0x0a, from);
      const end = newline < 0 ? chunk.length : newline;
      size += end - from;
      if (kept < limit) {
        const take = chunk.subarray(from, Math.min(end, from + limit - kept));
        parts.push(take);
        kept += take.length;
      }
      if (newline < 0) break;
      yield { bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts, kept), size };
      parts = [];
      kept = 0;
      size = 0;
      from = newline + 1;
    }
  }
  if (size > 0) yield { bytes: Buffer.concat(parts, kept), size };
}

/**
 * The id of a line too long to parse, when it can be read cheaply: an "id" that is the object's
 * first field (a string or a number), read from the line's first 4,096 bytes. Otherwise null.
 */
export function leadingId(head: Buffer): Id {
  const m = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\\n]|\\.){0,1000}"|-?\d{1,30}(?:\.\d{1,30})?(?:[eE][+-]?\d{1,3})?)\s*[,}]/.exec(
    head.subarray(0, 4096).toString('utf8'),
  );
  if (!m) return null;
  try {
    const id: unknown = JSON.parse(m[1]);
    return typeof id === 'string' || typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

/**
 * Streams JSON lines from `input` to answers on `output`, one a line, in order; blank lines are
 * skipped. A line over `limit` bytes (MAX_LINE_BYTES) is answered `invalid`, with its id when
 * `leadingId` reads it, and is never held whole; the stream goes on.
 */
export async function matchJsonLines(matcher: Matcher, input: Readable, output: Writable, limit = MAX_LINE_BYTES): Promise<void> {
  for await (const { bytes, size } of boundedLines(input, limit)) {
    let answer: Answer;
    if (size > limit) {
      answer = invalidAnswer(leadingId(bytes), `the line is too long: ${size} bytes (the limit is ${limit} bytes a line)`);
    } else {
      const line = bytes.toString('utf8').replace(/\r$/, '');
      if (line.trim() === '') continue;
      answer = answerJsonLine(matcher, line);
    }
    await write(output, JSON.stringify(answer) + '\n');
  }
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
    // At most MAX_TEXT_BYTES are read from stdin (`otr match - < /dev/zero` ends at once).
    const read = await readBoundedStream(stdin, MAX_TEXT_BYTES);
    const decoded = 'bytes' in read ? decodeText(read.bytes) : read;
    answer =
      'text' in decoded
        ? answerPassage(matcher, decoded.text, opts.context, null)
        : invalidAnswer(null, `the passage on stdin is ${decoded.reason}`);
  } else {
    answer = answerPassage(matcher, opts.text.join(' '), opts.context, null);
  }
  await write(stdout, opts.json ? JSON.stringify(answer, null, 2) + '\n' : formatAnswer(answer, { color: opts.color }));
}
