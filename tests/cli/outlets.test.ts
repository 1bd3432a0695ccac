/**
 * `otr check` on articles written in the styles UK outlets print quotations
 * (tests/fixtures/articles/outlets.ts): every quotation found and judged; none in the furniture.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTLET_ARTICLES } from '../fixtures/articles/outlets';
import { ROOT, buildTestIndex, otr, tempDir } from './run';

const ARTICLES = path.join(ROOT, 'tests', 'fixtures', 'articles');
let index: string;
beforeAll(() => {
  index = buildTestIndex(tempDir());
});

interface Item {
  verdict: string;
  quotation: { text: string; kind: string };
  best: { speaker: { name: string | null } | null; differences: { type: string; page: string; original: string }[]; attribution?: { consistent: boolean } } | null;
}

describe('otr check on articles in outlet styles', () => {
  for (const article of OUTLET_ARTICLES) {
    it(article.style, () => {
      const r = otr(['check', '--index', index, '--json', path.join(ARTICLES, article.file)]);
      expect(r.code, r.stderr).toBe(0);
      const items: Item[] = JSON.parse(r.stdout);
      expect(items.map((i) => i.quotation.text)).toHaveLength(article.count);
      for (const want of article.quotations) {
        const item = items.find((i) => i.quotation.text.includes(want.words));
        expect(item, `a quotation holding “${want.words}”`).toBeDefined();
        expect([want.verdict].flat(), want.words).toContain(item!.verdict);
        if (want.speaker) expect(item!.best?.speaker?.name, want.words).toBe(want.speaker);
        if (want.differences) expect(item!.best?.differences, want.words).toEqual(want.differences);
        expect(item!.best?.attribution?.consistent === false, `${want.words}: attributed to someone else`).toBe(want.misattributed ?? false);
      }
      if (article.never) expect(items.map((i) => i.quotation.text).join('\n')).not.toMatch(article.never);
    });
  }
});
