import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The matching core stands alone: the extension, the command line and the tests all
 * stand on it, so it may import nothing from the browser, WXT, Node or the code
 * that uses it. Tests beside it may use Node.
 */
const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

describe('core boundaries', () => {
  const files = sources(join(root, 'core'));
  const allowedPackages = new Set(['fuse.js', 'stemmer']);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s imports only the core and pure packages', (_name, file) => {
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = relative(root, join(file, '..', spec));
        expect(target.startsWith('core'), `${spec} leaves core/`).toBe(true);
      } else {
        expect(allowedPackages.has(spec), `${spec} is not a pure package the core may use`).toBe(true);
      }
    }
  });

  it('uses no browser or Node globals', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(/\b(?:browser|chrome|window|document|process|require)\s*[.(]/.test(text), relative(root, file)).toBe(false);
    }
  });
});
