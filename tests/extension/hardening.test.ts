import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const DIRS = ['entrypoints', 'components', 'lib', 'core'];

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) return sources(p);
    return /\.(tsx?|html)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('extension hardening', () => {
  const files = DIRS.flatMap((d) => sources(path.join(root, d)));

  it('never writes HTML from data', () => {
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      expect(/\binnerHTML\b|\bouterHTML\b|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write\b/.test(text), path.relative(root, f)).toBe(false);
    }
  });

  const manifestFile = path.join(root, '.output/chrome-mv3/manifest.json');
  it.skipIf(!fs.existsSync(manifestFile))('asks for the least permissions', () => {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    expect([...m.permissions].sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage']);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_permissions ?? []).toEqual([]);
    // A newsroom's site is asked for when the reader follows it, never at install.
    expect([...(m.optional_host_permissions ?? [])].sort()).toEqual(['http://*/*', 'https://*/*']);
  });

  // Both builds: the browser's default CSP (no policy of our own that could loosen it), no
  // `externally_connectable` (web pages cannot message the background), only the card
  // script exposed to pages, and in Firefox's MV2 permissions no host pattern either.
  const manifests = ['chrome-mv3', 'firefox-mv2'].map((b) => path.join(root, `.output/${b}/manifest.json`));
  it.skipIf(!manifests.every((f) => fs.existsSync(f)))('keeps the default CSP, takes no messages from web pages, exposes only the card', () => {
    for (const f of manifests) {
      const m = JSON.parse(fs.readFileSync(f, 'utf8'));
      expect(m.content_security_policy, f).toBeUndefined();
      expect(m.externally_connectable, f).toBeUndefined();
      const exposed = (m.web_accessible_resources as (string | { resources: string[] })[]).flatMap((r) => (typeof r === 'string' ? [r] : r.resources));
      expect(exposed, f).toEqual(['card.js']);
      expect([...m.permissions].sort(), f).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage']);
      // An icon at every size the stores ask for, each file present.
      expect(Object.keys(m.icons ?? {}).sort((a, b) => Number(a) - Number(b)), f).toEqual(['16', '32', '48', '96', '128']);
      for (const file of Object.values(m.icons as Record<string, string>)) expect(fs.existsSync(path.join(path.dirname(f), file)), file).toBe(true);
    }
  });

  const content = path.join(root, '.output/chrome-mv3/content-scripts/content.js');
  it.skipIf(!fs.existsSync(content))('keeps the content script small (≤ 20 kB minified, 20,000 bytes, as the build reports it) and the card out of it', () => {
    const code = fs.readFileSync(content, 'utf8');
    const card = fs.readFileSync(path.join(root, '.output/chrome-mv3/card.js'), 'utf8');
    console.log(`[size] content script ${code.length} bytes, card (loaded on demand) ${card.length} bytes`);
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(20_000);
    expect(code).not.toContain('otr-card');
  });

  // The card hands itself over as card.js's default export, not through a global either script sets or reads.
  it.skipIf(!fs.existsSync(content))('hands the card to the content script as a module export, with no global between them', () => {
    const card = fs.readFileSync(path.join(root, '.output/chrome-mv3/card.js'), 'utf8');
    expect(card).toMatch(/\nexport default onTheRecordCardModule;\n/);
    for (const code of [card, fs.readFileSync(content, 'utf8')]) expect(code).not.toMatch(/globalThis\.__onTheRecord|window\.__onTheRecord/);
  });

  // The worker's test hook lives in the test build only (npm run build:test); the builds readers install have none.
  const backgrounds = [path.join(root, '.output/chrome-mv3/background.js'), path.join(root, '.output/firefox-mv2/background.js')];
  const testBackground = path.join(root, '.output/chrome-mv3-test/background.js');
  it.skipIf(!backgrounds.every((f) => fs.existsSync(f)) || !fs.existsSync(testBackground))('has no test hook in a production build', () => {
    const hook = /\.otr\s*=/;
    expect(fs.readFileSync(testBackground, 'utf8')).toMatch(hook);
    for (const f of backgrounds) expect(fs.readFileSync(f, 'utf8'), f).not.toMatch(hook);
  });
});
