/** A small real index, built from the two seed releases with the core, for the extension's unit tests. */
import fs from 'node:fs';
import path from 'node:path';
import { buildIndex, parseRelease, type IndexData } from '../../core';

const RELEASES = path.resolve(__dirname, '../../data/releases');

export function seedIndex(): IndexData {
  const files = fs.readdirSync(RELEASES).filter((f) => f.endsWith('.txt')).sort();
  return buildIndex(
    files.map((f) => parseRelease(fs.readFileSync(path.join(RELEASES, f), 'utf8'), f)),
    '2026-01-02T03:04:05.000Z',
  );
}
