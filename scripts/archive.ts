/**
 * npm run archive [-- --config FILE] [--out DIR] [--index FILE] [--since YYYY-MM-DD] [--max N] [--only NAME]
 *
 * The bundled index's recipe: crawls every newsroom in data/newsrooms.json (the national policing
 * newsroom first) with `otr crawl` into build/archive/ (kept out of git: the folder ignores itself),
 * then builds the index with `otr index --strict` from data/releases (the seeds) and the crawled
 * releases into data/index.otr. A later run carries on where the last stopped and fetches only
 * what is new. Needs the network; the repository keeps only the seeds.
 *
 * Then `npm run build`: its index step (`npm run index`) reads data/releases and, when it is
 * there, build/archive, so the extension carries the whole archive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { crawlCommand, runCrawl } from '../cli/commands/crawl';
import { runIndex } from '../cli/commands/index';
import { CliError } from '../cli/errors';
import { DEFAULT_RELEASES, REPO_ROOT } from '../cli/paths';

interface Newsroom {
  name: string;
  urls: string[];
  rate?: number;
}

/** The config, checked: a clear message for each mistake. */
export function readNewsrooms(file: string): Newsroom[] {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const list = (value as { newsrooms?: unknown })?.newsrooms;
  if (!Array.isArray(list) || list.length === 0) throw new CliError(`${file}: expected {"newsrooms": [{"name": …, "urls": [ … ]}, …]}`);
  return list.map((n, i) => {
    const entry = n as Partial<Newsroom>;
    if (typeof entry?.name !== 'string' || !Array.isArray(entry.urls) || entry.urls.length === 0 || !entry.urls.every((u) => typeof u === 'string')) {
      throw new CliError(`${file}: newsroom ${i + 1} needs a "name" and a list of "urls"`);
    }
    if (entry.rate !== undefined && !(typeof entry.rate === 'number' && entry.rate > 0)) throw new CliError(`${file}: newsroom ${entry.name}: "rate" must be a positive number`);
    return { name: entry.name, urls: entry.urls, ...(entry.rate ? { rate: entry.rate } : {}) };
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      out: { type: 'string' },
      index: { type: 'string' },
      since: { type: 'string' },
      max: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const base = process.env.INIT_CWD ?? process.cwd();
  const config = values.config ? path.resolve(base, values.config) : path.join(REPO_ROOT, 'data', 'newsrooms.json');
  const out = values.out ? path.resolve(base, values.out) : path.join(REPO_ROOT, 'build', 'archive');
  const index = values.index ? path.resolve(base, values.index) : path.join(REPO_ROOT, 'data', 'index.otr');
  const newsrooms = readNewsrooms(config).filter((n) => !values.only || n.name.toLowerCase().includes(values.only.toLowerCase()));
  if (newsrooms.length === 0) throw new CliError(`no newsroom in ${config} is named like "${values.only}"`);

  fs.mkdirSync(out, { recursive: true });
  // The crawled releases are built into the index, never committed.
  if (!fs.existsSync(path.join(out, '.gitignore'))) fs.writeFileSync(path.join(out, '.gitignore'), '*\n');

  let worst = 0;
  for (const n of newsrooms) {
    process.stderr.write(`archive: crawling ${n.name} (${n.urls.join(', ')})\n`);
    const cmd = crawlCommand(n.urls, { out, rate: String(n.rate ?? 1), ...(values.since ? { since: values.since } : {}), ...(values.max ? { max: values.max } : {}) });
    const code = await runCrawl(cmd, base);
    if (code !== 0) process.stderr.write(`archive: ${n.name}: ${code === 1 ? 'could not be read' : 'some pages failed'} (exit ${code}); the index is built from what was saved\n`);
    worst = Math.max(worst, code === 1 ? 3 : code);
  }

  process.stderr.write(`archive: building ${path.relative(base, index) || index} from the seeds and the crawled releases\n`);
  const built = runIndex({ paths: [DEFAULT_RELEASES, out], out: index, base, strict: true }, (s) => process.stdout.write(s.split('\n').slice(0, 1).join('\n') + '\n'));
  return Math.max(worst, built);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    if (err instanceof CliError) {
      for (const line of err.details) process.stderr.write(`${line}\n`);
      process.stderr.write(`archive: ${err.message}\n`);
      process.exitCode = err.exitCode;
    } else {
      process.stderr.write(`archive: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 70;
    }
  },
);
