import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIGHT_COLOURS, PALETTE_CSS } from './palette';

const root = path.resolve(__dirname, '..');
const hexColours = (code: string) => [...code.matchAll(/#[0-9a-f]{3,8}\b/gi)].map((m) => m[0].toLowerCase());

describe('one palette', () => {
  it('defines every colour once, light and dark', () => {
    const light = PALETTE_CSS.slice(0, PALETTE_CSS.indexOf('@media'));
    const dark = PALETTE_CSS.slice(PALETTE_CSS.indexOf('@media'));
    for (const name of Object.keys(LIGHT_COLOURS)) {
      expect(light, name).toContain(`--otr-${name}:`);
      expect(dark, name).toContain(`--otr-${name}:`);
    }
  });

  // The Verify button is written out in the content script (which every page gets and whose
  // size is capped), so it cannot import the palette: its colours must still be the palette's.
  it('leaves no colour of its own in the surfaces: the content script button uses palette colours only', () => {
    const palette = new Set(Object.values(LIGHT_COLOURS).map((c) => c.toLowerCase()));
    const content = fs.readFileSync(path.join(root, 'entrypoints/content.ts'), 'utf8');
    const used = hexColours(content);
    expect(used.length).toBeGreaterThan(0);
    for (const c of used) expect(palette, c).toContain(c);
    const surfaces = ['lib/content/pageCheck.tsx', 'lib/content/cardUi.tsx', 'components/cardStyles.ts', 'components/CheckReport.tsx', 'components/pages.css'];
    for (const f of surfaces) expect(hexColours(fs.readFileSync(path.join(root, f), 'utf8')), f).toEqual([]);
  });
});
