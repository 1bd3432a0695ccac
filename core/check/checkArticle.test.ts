import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, createMatcher, parseRelease } from '..';
import { checkArticle } from './checkArticle';
import { reportMarkdown } from './reportMarkdown';

const root = join(__dirname, '..', '..');
function releasesIn(dir: string) {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => parseRelease(readFileSync(join(root, dir, f), 'utf8'), f));
}
const matcher = createMatcher(buildIndex([...releasesIn('data/releases'), ...releasesIn('tests/fixtures/releases')]));
const article = readFileSync(join(root, 'tests/fixtures/articles/online-abuse.txt'), 'utf8');

describe('checkArticle', () => {
  const report = checkArticle(matcher, article);
  const byText = (words: string) => {
    const item = report.items.find((i) => i.quotation.text.includes(words));
    if (!item) throw new Error(`no quotation with “${words}”`);
    return item;
  };

  it('finds every quotation of the article, in order, each answer carrying its position as id', () => {
    // The standfirst ("Police chiefs say …") is reported speech too.
    expect(report.items).toHaveLength(7);
    report.items.forEach((item, i) => expect(item.answer.id).toBe(i));
    expect(report.summary).toMatchObject({ total: 7, verbatim: 3, altered: 1, paraphrase: 2, 'not-found': 1, misattributed: 1 });
    expect(report.items[0].quotation.text).toMatch(/^Police chiefs say the internet/);
  });

  it('labels a verbatim quotation attributed to its speaker', () => {
    const { answer } = byText('not a safe or anonymous place');
    expect(answer.verdict).toBe('verbatim');
    expect(answer.best?.speaker?.name).toBe('Simon Bailey');
    expect(answer.best?.attribution?.consistent).toBe(true);
  });

  it('labels an altered figure, the speaker found through a pronoun in the paragraph before', () => {
    const { answer } = byText('600 offenders');
    expect(answer.verdict).toBe('altered');
    expect(answer.best?.differences).toContainEqual({ type: 'number', page: '600', original: '400' });
    expect(answer.best?.attribution).toEqual({ names: ['Chief Constable Simon Bailey'], consistent: true });
  });

  it('flags words attributed to the wrong person', () => {
    const { answer } = byText('try to hide what they do online');
    expect(answer.verdict).toBe('verbatim');
    expect(answer.best?.speaker?.name).toBe('Peter Goodman');
    expect(answer.best?.attribution).toEqual({ names: ['Sara Thornton'], consistent: false });
  });

  it('reads reported speech as a paraphrase of what was said', () => {
    const item = byText('Bailey told reporters');
    expect(item.quotation.kind).toBe('reported');
    expect(item.answer.verdict).toBe('paraphrase');
    expect(item.answer.best?.speaker?.name).toBe('Simon Bailey');
  });

  it('says plainly when nobody in the index said it', () => {
    expect(byText('new online safety officer').answer.verdict).toBe('not-found');
  });

  it('finds a release’s own quotations verbatim, long paragraphs included, each attributed to the speaker named before them', () => {
    for (const [file, speaker] of [
      ['000_d0c768d28ef181f6.txt', 'Peter Goodman'],
      ['004_a15ad19b33b3b0ea.txt', 'Simon Bailey'],
    ]) {
      const text = readFileSync(join(root, 'data/releases', file), 'utf8');
      const r = checkArticle(matcher, text);
      expect(r.items.length).toBe(5);
      expect(r.summary.verbatim).toBe(5);
      expect(r.summary.misattributed).toBe(0);
      // A quotation running over several paragraphs: its later paragraphs still find the speaker.
      expect(r.items[3].answer.best?.speaker?.name).toBe(speaker);
      expect(r.items[3].answer.best?.attribution?.consistent).toBe(true);
    }
  });

  it('writes a Markdown report', () => {
    const md = reportMarkdown(report, { title: 'Police step up fight', pageUrl: 'https://news.example/abuse', on: new Date('2026-12-02T10:00:00Z') });
    expect(md).toMatch(/^# Police step up fight\n\nArticle: <https:\/\/news.example\/abuse> {2}\nChecked on 2 Dec 2026 with On the Record.\n\n7 quotations, 3 verbatim, 1 altered, 2 paraphrase, 1 not in the index, 1 attributed to someone else\n/);
    expect(md).toContain('## 3. Altered: a figure changed (said 400, the page has 600)');
    expect(md).toContain('- Figure: page “600” — said “400”');
    expect(md).toContain('- **Attribution:** The page names Sara Thornton; Deputy Chief Constable Peter Goodman said it.');
    // Each citation quotes the words checked, not the release's lead.
    expect(md).toContain('> “arresting over 400 offenders and safeguarding over 500 children each month.”');
    expect(md).toContain('## 5. Paraphrase (reported speech)');
    expect(md).toContain('**Chief Constable Simon Bailey**, National Police Chiefs Council Lead for Child Protection (NPCC), 4 Aug 2017.');
  });
});
