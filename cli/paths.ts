import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding cli/), whatever the current directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bundled index, used by `otr match` when no --index is given. */
export const BUNDLED_INDEX = path.join(REPO_ROOT, 'data', 'index.otr');

/** The releases `otr index` reads when given no path. */
export const DEFAULT_RELEASES = path.join(REPO_ROOT, 'data', 'releases');

/**
 * The folder relative paths on the command line are taken from. `npm run` moves into the
 * package folder before running a script, so under npm it is the folder npm was started in.
 */
export function userBase(env: NodeJS.ProcessEnv = process.env): string {
  const viaNpm = ['otr', 'index', 'eval'].includes(env.npm_lifecycle_event ?? '');
  return viaNpm && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}
