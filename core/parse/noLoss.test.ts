/**
 * No quoted text disappears: releases generated in every way real ones are written —
 * date lines of every form, headlines, quotations in curly, straight or single marks,
 * continuation paragraphs with or without opening marks, closed or never closed,
 * attributed before, on the same line, after, by signature lines or not at all — each
 * parse into releases whose statements hold every quoted and narrative paragraph; the
 * first paragraph of every quotation is always a quotation, never narrative.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRelease } from './parseRelease';

const WORDS = 'officers patrol every street and the figures show burglary fell while fraud rose across forty towns this winter with help from neighbours'.split(' ');
const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 5, maxLength: 14 })
  .map((w) => w.join(' '))
  .map((s) => s[0].toUpperCase() + s.slice(1) + '.');
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));

const DATES = ['03 Oct 2014', '7 October 2019', '7th October 2019', 'Tuesday 3 March 2020', 'Date published: 27th November 2018 10.56am', 'Oct 07, 2019 14:59 BST', 'Published 4 August 2017', '2019-10-07'];
const MARKS = { curly: ['“', '”'], straight: ['"', '"'], single: ['‘', '’'], straightSingle: ["'", "'"] } as const;
const BEFORE = ['Chief Constable Jane Doe said:', 'T/ACC Ravi Patel, NPCC Lead for Roads Policing, said:', 'She added:', 'A spokesperson for the NPCC said:', 'Det Supt Claire Bannister told reporters:'];
const AFTER = ['said Chief Constable Jane Doe.', 'she said.', 'added Det Supt Claire Bannister.'];
/** Who each attribution names: a name, "NPCC" for the unnamed spokesperson, null for a pronoun (no claim). */
const BEFORE_NAMES = ['Jane Doe', 'Ravi Patel', null, 'NPCC', 'Claire Bannister'];
const AFTER_NAMES = ['Jane Doe', null, 'Claire Bannister'];

interface Quote {
  kind: 'quote';
  paragraphs: string[];
  marks: keyof typeof MARKS;
  attribution: 'line' | 'same-line' | 'after' | 'signature' | 'none';
  who: number;
  continuation: 'marked' | 'unmarked';
  closed: boolean;
}
type Item = { kind: 'narrative'; text: string } | Quote;

const quote: fc.Arbitrary<Quote> = fc.record({
  kind: fc.constant('quote' as const),
  paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 4 }),
  marks: fc.constantFrom('curly', 'straight', 'single', 'straightSingle'),
  attribution: fc.constantFrom('line', 'same-line', 'after', 'signature', 'none'),
  who: fc.nat(4),
  continuation: fc.constantFrom('marked', 'unmarked'),
  closed: fc.boolean(),
});
const item: fc.Arbitrary<Item> = fc.oneof(paragraph.map((text) => ({ kind: 'narrative' as const, text })), quote);

function write(q: Quote): string[] {
  const [open, close] = MARKS[q.marks];
  // A quotation left open is one whose closing mark is missing; an attribution after it needs the mark.
  const closed = q.closed || q.attribution === 'after';
  const lines = q.paragraphs.map((p, i) => {
    const first = i === 0;
    const last = i === q.paragraphs.length - 1;
    let text = (first || q.continuation === 'marked' ? open : '') + p;
    if (last && closed) text = q.attribution === 'after' ? `${text.replace(/\.$/, ',')}${close} ${AFTER[q.who % AFTER.length]}` : text + close;
    return text;
  });
  if (q.attribution === 'line') return [BEFORE[q.who], ...lines];
  if (q.attribution === 'same-line') return [`${BEFORE[q.who]} ${lines[0]}`, ...lines.slice(1)];
  if (q.attribution === 'signature') return [...lines, 'Jane Doe QPM', 'Chief Constable, Westmarch Police'];
  return lines;
}

/** Makes every paragraph distinct ("… Mark bc."), so each can be found where it went. */
function distinct<T extends { lead: string; items: Item[] }>(r: T): T {
  let n = 0;
  const tag = (p: string) => {
    let k = ++n;
    let code = '';
    for (; k > 0; k = Math.floor(k / 26)) code += String.fromCharCode(97 + (k % 26));
    return `${p} Mark ${code} ${code}x ${code}y ${code}z.`;
  };
  return {
    ...r,
    lead: tag(r.lead),
    items: r.items.map((it) => (it.kind === 'narrative' ? { ...it, text: tag(it.text) } : { ...it, paragraphs: it.paragraphs.map(tag) })),
  };
}

const release = fc.record({
  date: fc.constantFrom(...DATES),
  headline: fc.option(fc.constantFrom('Forces step up patrols this winter', 'Police chiefs: ‘We will not stand by’'), { nil: undefined }),
  lead: paragraph,
  items: fc.array(item, { minLength: 1, maxLength: 6 }),
  tail: fc.constantFrom([], ['Notes to editors', 'The operation ran in 43 forces.'], ['ENDS'], ['For further information', 'Press office: 01632 960000']),
}).map(distinct);

/** Words only, so that marks and a comma before "said" do not count. */
const words = (s: string) => s.toLowerCase().replace(/[^a-z\s]/g, ' ').replace(/\s+/g, ' ').trim();

describe('no quoted text disappears', () => {
  it('every quoted and narrative paragraph is in the statements; a quotation’s first paragraph is a quotation', () => {
    fc.assert(
      fc.property(release, (r) => {
        const body = r.items.flatMap((it) => (it.kind === 'narrative' ? [it.text] : write(it)));
        const text = [r.date, ...(r.headline ? [r.headline] : []), r.lead, ...body, ...r.tail].join('\n');
        const parsed = parseRelease(text, 'generated.txt');
        const all = parsed.statements.map((s) => ` ${words(s.text)} `);
        const quotes = parsed.statements.filter((s) => s.kind === 'quote').map((s) => ` ${words(s.text)} `);
        const held = (p: string, within: string[]) => within.some((s) => s.includes(` ${words(p)} `));
        expect(held(r.lead, all), `the lead: ${r.lead}\n${text}`).toBe(true);
        r.items.forEach((it, i) => {
          if (it.kind === 'narrative') {
            expect(held(it.text, all), `narrative: ${it.text}\n${text}`).toBe(true);
            return;
          }
          expect(held(it.paragraphs[0], quotes), `first quoted paragraph: ${it.paragraphs[0]}\n${text}`).toBe(true);
          for (const p of it.paragraphs) expect(held(p, all), `quoted paragraph: ${p}\n${text}`).toBe(true);
          const before = r.items[i - 1];
          const runsIn = before?.kind === 'quote' && !before.closed && before.attribution !== 'after';
          if (runsIn) return; // a quotation left open runs on into the next one: no claim about where it ends
          // A closed quotation is one statement, whatever its continuation paragraphs carry.
          const whole = ` ${words(it.paragraphs.join(' '))} `;
          const closed = it.closed || it.attribution === 'after';
          if (closed) expect(quotes.some((q) => q.includes(whole)), `the whole quotation in one statement\n${text}`).toBe(true);
          // …and its speaker is the one named for it.
          const named = it.attribution === 'after' ? [AFTER_NAMES[it.who % AFTER.length]] : it.attribution === 'line' || it.attribution === 'same-line' ? [BEFORE_NAMES[it.who]] : [];
          const expected = named[0];
          if (expected === undefined) return;
          const st = parsed.statements.find((s) => s.kind === 'quote' && ` ${words(s.text)} `.includes(` ${words(it.paragraphs[0])} `));
          if (expected === 'NPCC') expect(st?.speaker, text).toMatchObject({ name: null, organisation: 'NPCC' });
          else if (expected) expect(st?.speaker?.name, text).toBe(expected);
        });
        // The tail is never matched.
        expect(all.join(' ')).not.toMatch(/operation ran in|press office/);
      }),
      { numRuns: Number(process.env.NUM_RUNS ?? 400) },
    );
  });
});
