// @vitest-environment happy-dom
/**
 * One answer, one description: over generated answers (every verdict, differences of every
 * kind, notes, a contradicted or agreeing attribution), the card, the page check's panel, the
 * Markdown report and `otr match`'s text all state the same verdict line and the same count of
 * differences as the answer, and none shows a difference the answer does not hold.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { Answer, Difference, Match, Note, Segment, Verdict } from '../../core/types';
import { describe as describeAnswer } from '../../core/present/describe';
import { buildIndex, createMatcher, parseRelease } from '../../core/index';
import { reportMarkdown } from '../../core/check/reportMarkdown';
import { summarise } from '../../core/check/checkArticle';
import { formatAnswer } from '../../cli/format';
import { ResultCard } from '../../components/ResultCard';
import { CheckReportView } from '../../components/CheckReport';

const word = fc.constantFrom('police', 'officers', 'safeguarding', 'protecting', 'children', 'arrests', 'month', 'week', 'county', 'force');
const figure = fc.constantFrom('400', '600', 'four hundred', '12%', 'a third', '2015/16', '11th');
const phrase = (w: fc.Arbitrary<string>) => fc.array(w, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));

const difference: fc.Arbitrary<Difference> = fc.oneof(
  fc.record({ type: fc.constant<'replaced'>('replaced'), page: phrase(word), original: phrase(word) }),
  fc.record({ type: fc.constant<'inserted'>('inserted'), page: phrase(word), original: fc.constant('') }),
  fc.record({ type: fc.constant<'omitted'>('omitted'), page: fc.constant(''), original: phrase(word) }),
  fc.record({ type: fc.constant<'number'>('number'), page: figure, original: figure }),
);
const note: fc.Arbitrary<Note> = fc.oneof(
  fc.record({ type: fc.constant<'elision'>('elision'), page: fc.constant('…'), original: phrase(word) }),
  fc.record({ type: fc.constant<'insertion'>('insertion'), page: fc.constant('[the force]'), original: phrase(word) }),
);

const QUOTE = 'The internet is not a safe or anonymous place for abusing children. We are already arresting over 400 offenders each month.';

const answer: fc.Arbitrary<Answer> = fc
  .record({
    verdict: fc.constantFrom<Verdict>('verbatim', 'altered', 'paraphrase', 'not-found', 'invalid'),
    differences: fc.array(difference, { maxLength: 4 }),
    notes: fc.array(note, { maxLength: 2 }),
    misattributed: fc.boolean(),
    quoteKind: fc.constantFrom<'quote' | 'narrative'>('quote', 'narrative'),
  })
  .map(({ verdict, differences, notes, misattributed, quoteKind }) => {
    if (verdict === 'not-found' || verdict === 'invalid') return { id: null, verdict, reason: verdict === 'invalid' ? 'too short to tell' : undefined, best: null, candidates: [] };
    // A verbatim answer holds no differences; an altered one at least one; a paraphrase only changed figures (it rewords, never refigures).
    const ds =
      verdict === 'verbatim' ? [] :
      verdict === 'paraphrase' ? differences.filter((d) => d.type === 'number') :
      differences.length === 0 ? [{ type: 'replaced' as const, page: 'protecting', original: 'safeguarding' }] : differences;
    const segments: Segment[] = [{ type: 'same', page: 'We are already', original: 'We are already' }];
    for (const d of ds) segments.push(d, { type: 'same', page: 'children', original: 'children' });
    const best: Match = {
      kind: quoteKind,
      speaker: quoteKind === 'quote' ? { name: 'Simon Bailey', rank: 'Chief Constable', role: 'National Policing Lead for Child Protection' } : null,
      date: '2017-08-04',
      release: { id: 'r1', date: '2017-08-04', title: 'Online grooming: new funding', organisation: 'NPCC', url: 'https://news.example/r1' },
      quote: QUOTE,
      span: [69, 120],
      marks: [[69, 120]],
      score: 0.9,
      differences: ds,
      notes,
      segments,
      attribution: misattributed ? { names: ['Sara Thornton'], consistent: false } : { names: ['Simon Bailey'], consistent: true },
      verdict,
    };
    return { id: null, verdict, best, candidates: [best] };
  });

/** How many differences a verdict line says there are (null: it names no count). */
function countIn(label: string): number | null {
  const m = /\((\d+) differences?/.exec(label);
  if (m) return Number(m[1]);
  if (/: a figure changed|with a figure changed/.test(label)) return 1;
  const f = /(\d+) figures changed/.exec(label);
  return f ? Number(f[1]) : null;
}

afterEach(() => document.body.replaceChildren());

/** The card, the panel (and draft report), Markdown and `otr match` against the one description. */
function assertSurfacesAgree(a: Answer): void {
        const d = describeAnswer(a);
        const n = a.best?.differences.length ?? 0;
        expect(d.count).toBe(n);
        const said = countIn(d.label);
        if (a.verdict === 'altered') expect(said).toBe(n);
        if (said !== null) expect(said).toBe(n);

        // The card.
        const host = document.createElement('div');
        document.body.append(host);
        act(() => render(<ResultCard answer={a} pageText="We are already arresting" onClose={() => undefined} />, host));
        expect(host.querySelector('.otr-verdict')!.textContent).toBe(d.label);
        // Every change the card shows is one the answer holds, and it shows each of them.
        const shown = [...host.querySelectorAll('.otr-chg, .otr-notes[aria-label="Differences"] li')];
        expect(shown.length, 'card').toBe(n);
        act(() => render(null, host));

        // The panel (and the draft report: the same component).
        const report = { items: [{ quotation: { text: 'We are already arresting', query: 'We are already arresting', context: '', kind: 'quoted' as const, start: 0, end: 24 }, answer: a }], summary: summarise([{ quotation: {} as never, answer: a }]) };
        act(() => render(<CheckReportView report={report} />, host));
        expect(host.querySelector('.otr-label')!.textContent).toBe(d.label);
        expect(host.querySelectorAll('.otr-diffs li').length, 'panel').toBe(n);
        expect(!!host.querySelector('.otr-warn')).toBe(d.attribution !== null);
        act(() => render(null, host));
        host.remove();

        // Markdown.
        const md = reportMarkdown(report, { on: new Date('2026-12-02T00:00:00Z') });
        const heading = md.split('\n').find((l) => l.startsWith('## 1. '))!;
        expect(heading.replace(/\\/g, '')).toBe(`## 1. ${d.label}`);
        expect(md.match(/^- (?:Figure|Changed|Added|Left out without a mark): /gm)?.length ?? 0, 'markdown').toBe(n);

        // otr match.
        const text = formatAnswer(a, { color: false });
        expect(text.split('\n')[0]).toBe(d.label.toUpperCase());
        const diffs = text.split('\n\n').find((b) => b.startsWith('Differences:'));
        expect(diffs ? diffs.trim().split('\n').length - 1 : 0, 'otr').toBe(n);
}

// Answers the matcher really gives: statements from the fixture releases, changed the ways
// pages change them (a figure, a word, words dropped or cut with "…", another name around it).
const RELEASES = path.resolve(__dirname, '../fixtures/releases');
const matcher = createMatcher(
  buildIndex(
    fs.readdirSync(RELEASES).filter((f) => f.endsWith('.txt')).sort().map((f) => parseRelease(fs.readFileSync(path.join(RELEASES, f), 'utf8'), f)),
    '2026-01-02T03:04:05.000Z',
  ),
);
const statements = buildIndex(
  fs.readdirSync(RELEASES).filter((f) => f.endsWith('.txt')).sort().map((f) => parseRelease(fs.readFileSync(path.join(RELEASES, f), 'utf8'), f)),
).statements.map((st) => st.text).filter((t) => t.split(/\s+/).length >= 8);

const edit = fc.constantFrom('none', 'figure', 'word', 'drop', 'cut', 'swap-figure-words');
const realPassage = fc
  .record({ which: fc.nat(), from: fc.nat(), length: fc.integer({ min: 6, max: 30 }), edits: fc.array(edit, { maxLength: 3 }), at: fc.nat(), name: fc.boolean() })
  .map(({ which, from, length, edits, at, name }) => {
    const words = statements[which % statements.length].split(/\s+/);
    const start = from % Math.max(1, words.length - length);
    let ws = words.slice(start, start + length);
    for (const e of edits) {
      const i = at % ws.length;
      if (e === 'figure') ws = ws.map((w) => w.replace(/\d+/, (d) => String(Number(d) * 3 + 7)));
      else if (e === 'word') ws[i] = 'regrettably';
      else if (e === 'drop' && ws.length > 6) ws.splice(i, 1);
      else if (e === 'cut' && ws.length > 8) ws.splice(i, 2, '…');
      else if (e === 'swap-figure-words') ws = ws.map((w) => (w === '400' ? 'four hundred' : w));
    }
    return { text: ws.join(' '), context: name ? `Sara Thornton said: “${ws.join(' ')}”` : '' };
  });

describe('every surface states the answer’s verdict and differences, and no others', () => {
  it('card, panel, Markdown and otr, over generated answers', () => {
    fc.assert(fc.property(answer, assertSurfacesAgree), { numRuns: Number(process.env.NUM_RUNS ?? 150) });
  });

  it('card, panel, Markdown and otr, over the matcher’s own answers to changed statements', () => {
    expect(statements.length).toBeGreaterThan(20);
    const seen = new Set<string>();
    fc.assert(
      fc.property(realPassage, ({ text, context }) => {
        const a = matcher.match(text, { context });
        seen.add(a.verdict);
        assertSurfacesAgree(a);
      }),
      { numRuns: Number(process.env.NUM_RUNS ?? 150) },
    );
    // The run reached the verdicts that carry differences, not only the easy ones.
    expect([...seen]).toEqual(expect.arrayContaining(['verbatim', 'altered']));
  });
});
