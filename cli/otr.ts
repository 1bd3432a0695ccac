/**
 * otr: the On the Record command line. Argument parsing and dispatch only; the commands
 * live in cli/commands/. stdout carries only answers (or the index summary); messages go to stderr.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCheck } from './commands/check';
import { crawlCommand, runCrawl } from './commands/crawl';
import { runIndex } from './commands/index';
import { runMatch } from './commands/match';
import { CliError } from './errors';
import { BUNDLED_INDEX, REPO_ROOT, userBase } from './paths';

export const USAGE = `Usage:
  otr index [PATH...] [--out FILE] [--strict] [--verbose]
      Build the index from release files and folders (default: data/releases; folders
      are searched for *.txt, *.html and *.htm). Prints a summary with the warnings
      counted by kind (--verbose: each one). A file that cannot be a release is left
      out and named on stderr, and the exit code is 3; with --strict it stops the build
      (exit 1, nothing written).
  otr match [--index FILE] [--context TEXT] [--json] TEXT
      Match one passage (TEXT "-" reads it from stdin). Readable answer, or JSON with --json.
  otr match --jsonl [--index FILE]
      One JSON object a line on stdin, {"id": …, "text": …, "context"?: …};
      one answer a line on stdout, in order.
  otr check [--index FILE] [--json | --markdown] FILE
      Find every quotation in an article or a draft (.txt, or .html read as a page) and
      check each: a readable report, the answers as JSON (--json), or Markdown (--markdown).
  otr crawl URL... --out DIR [--rate N] [--since YYYY-MM-DD] [--max N] [--tries N]
      Crawl newsroom listing pages (followed page after page), RSS/Atom feeds or sitemaps
      for the release pages they list on their own site, and save each release as
      DIR/<host>/<year>/<date>-<slug>.txt (its address on the first line), ready for
      otr index. Polite: robots.txt honoured, at most N requests a second to a site
      (--rate, default 1; 0 for no limit), 429/503 retried (--tries, default 4).
      Run it again to carry on or to fetch only what is new (state in DIR/.otr-crawl.json).
      --since: no release older than the date; --max: save at most N releases this run.
      Exit 0 when all went well, 3 when some pages failed, 1 when nothing could be read.
  Without --index, match and check use the bundled index (data/index.otr).
`;

/** Runs parseArgs, turning its complaints (unknown flag, missing value) into usage errors. */
function parse<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw new CliError((err as Error).message, true);
  }
}

const HELP = { type: 'boolean', short: 'h' } as const;

/** The index to match against: --index FILE, or the bundled one. */
function indexOf(indexArg: string | undefined, base: string): { file: string; shown: string; hint?: string } {
  return indexArg
    ? { file: path.resolve(base, indexArg), shown: indexArg }
    : {
        file: BUNDLED_INDEX,
        shown: path.relative(REPO_ROOT, BUNDLED_INDEX),
        hint: ' (build it with `npm run index`, or give --index FILE)',
      };
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const base = userBase();
  const stdout = process.stdout;

  if (command === undefined) throw new CliError('no command given', true);
  if (command === 'help' || command === '--help' || command === '-h') {
    stdout.write(USAGE);
    return 0;
  }

  if (command === 'index') {
    const { values, positionals } = parse(() =>
      parseArgs({
        args: rest,
        allowPositionals: true,
        options: { out: { type: 'string', short: 'o' }, strict: { type: 'boolean' }, verbose: { type: 'boolean', short: 'v' }, help: HELP },
      }),
    );
    if (values.help) {
      stdout.write(USAGE);
      return 0;
    }
    return runIndex({ paths: positionals, out: values.out, base, strict: Boolean(values.strict), verbose: Boolean(values.verbose) }, (s) => stdout.write(s));
  }

  if (command === 'match') {
    const { values, positionals } = parse(() =>
      parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          index: { type: 'string', short: 'i' },
          context: { type: 'string', short: 'c' },
          json: { type: 'boolean' },
          jsonl: { type: 'boolean' },
          help: HELP,
        },
      }),
    );
    if (values.help) {
      stdout.write(USAGE);
      return 0;
    }
    await runMatch(
      {
        index: indexOf(values.index, base),
        context: values.context,
        json: Boolean(values.json),
        jsonl: Boolean(values.jsonl),
        text: positionals,
        color: Boolean(stdout.isTTY) && !process.env.NO_COLOR,
      },
      process.stdin,
      stdout,
    );
    return 0;
  }

  if (command === 'check') {
    const { values, positionals } = parse(() =>
      parseArgs({
        args: rest,
        allowPositionals: true,
        options: { index: { type: 'string', short: 'i' }, json: { type: 'boolean' }, markdown: { type: 'boolean' }, help: HELP },
      }),
    );
    if (values.help) {
      stdout.write(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new CliError(positionals.length ? 'check reads one FILE' : 'no file given: otr check FILE', true);
    runCheck(
      {
        index: indexOf(values.index, base),
        file: { path: path.resolve(base, positionals[0]), shown: positionals[0] },
        json: Boolean(values.json),
        markdown: Boolean(values.markdown),
        color: Boolean(stdout.isTTY) && !process.env.NO_COLOR,
      },
      stdout,
    );
    return 0;
  }

  if (command === 'crawl') {
    const { values, positionals } = parse(() =>
      parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          out: { type: 'string', short: 'o' },
          rate: { type: 'string' },
          since: { type: 'string' },
          max: { type: 'string' },
          tries: { type: 'string' },
          help: HELP,
        },
      }),
    );
    if (values.help) {
      stdout.write(USAGE);
      return 0;
    }
    return runCrawl(crawlCommand(positionals, values), base);
  }

  throw new CliError(`unknown command: ${command}`, true);
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    if (err instanceof CliError) {
      for (const line of err.details) process.stderr.write(`${line}\n`);
      process.stderr.write(`otr: ${err.message}\n`);
      if (err.usage) process.stderr.write(`\n${USAGE}`);
      process.exitCode = err.exitCode;
    } else {
      process.stderr.write(`otr: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 70;
    }
  },
);
