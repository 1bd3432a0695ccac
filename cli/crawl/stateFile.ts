/**
 * A crawl's state in its output folder: `.otr-crawl.json`, a snapshot written whole (a temporary
 * file, then a rename), and `.otr-crawl.log`, the events since, one JSON line each, appended as
 * they happen. A crawl killed at any moment leaves a snapshot that is whole and a journal whose
 * last line at worst is cut short (and is ignored); replaying the journal onto the snapshot gives
 * the state as of the kill. Finishing a run folds the journal into a new snapshot.
 * Both names start with "." so that `otr index DIR` passes them by.
 */
import fs from 'node:fs';
import path from 'node:path';
import { applyEvent, emptyState, readEvent, readState, type CrawlEvent, type CrawlState } from '../../lib/crawl/state';
import { writeFileAtomic } from '../commands/index';
import { CliError } from '../errors';

export const SNAPSHOT = '.otr-crawl.json';
export const JOURNAL = '.otr-crawl.log';
const LOCK = '.otr-crawl.lock';

export class StateFile {
  readonly state: CrawlState;
  private fd: number | null = null;

  private constructor(
    readonly dir: string,
    state: CrawlState,
  ) {
    this.state = state;
  }

  /** Reads the state in `dir` (a fresh one when there is none), the journal replayed onto the snapshot. */
  static open(dir: string): StateFile {
    const snapshot = path.join(dir, SNAPSHOT);
    let state = emptyState();
    if (fs.existsSync(snapshot)) {
      try {
        state = readState(JSON.parse(fs.readFileSync(snapshot, 'utf8')));
      } catch (err) {
        throw new CliError(`cannot read the crawl state ${snapshot}: ${(err as Error).message} (delete it to crawl afresh)`);
      }
    }
    const journal = path.join(dir, JOURNAL);
    if (fs.existsSync(journal)) {
      for (const line of fs.readFileSync(journal, 'utf8').split('\n')) {
        const ev = line.trim() ? readEvent(line) : null;
        if (ev) applyEvent(state, ev); // a line cut short by a kill is no event, and is passed by
      }
    }
    return new StateFile(dir, state);
  }

  /** Appends an event to the journal (already applied to the state by the crawler). */
  record(ev: CrawlEvent): void {
    this.fd ??= fs.openSync(path.join(this.dir, JOURNAL), 'a');
    fs.writeSync(this.fd, JSON.stringify(ev) + '\n');
  }

  /** Writes the state whole as the snapshot and empties the journal. */
  compact(): void {
    writeFileAtomic(path.join(this.dir, SNAPSHOT), JSON.stringify(this.state));
    // Had a kill come between the two, the journal would be replayed onto a snapshot that holds
    // it already, which changes nothing.
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
    }
    fs.rmSync(path.join(this.dir, JOURNAL), { force: true });
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * Claims the folder for this process: a second crawl into the same folder at the same time would
 * interleave their journals. A lock left by a process that is gone (killed) is taken over.
 */
export function lockFolder(dir: string): () => void {
  const lock = path.join(dir, LOCK);
  for (let tries = 0; tries < 2; tries++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lock, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new CliError(`cannot write in ${dir}: ${(err as Error).message}`);
      const pid = Number(fs.readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new CliError(`another otr crawl (process ${pid}) is writing to ${dir}; wait for it to end, or give another --out`);
      }
      fs.rmSync(lock, { force: true });
    }
  }
  throw new CliError(`cannot lock ${dir} (${LOCK})`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files a killed crawl left (".name.txt.PID.TIME.tmp"); they are never named *.txt. */
export function removeLeftovers(dir: string): number {
  let removed = 0;
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /^\..*\.tmp$/.test(e.name)) {
        fs.rmSync(p, { force: true });
        removed++;
      }
    }
  };
  walk(dir);
  return removed;
}
