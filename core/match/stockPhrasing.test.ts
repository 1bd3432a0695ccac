/**
 * An archive of stock phrasing: 20,000 releases whose quotations are made of the same few
 * dozen sentences, so that a statement's figure is its only rare word. A quotation printed
 * with its figure changed must still be found, and called altered, with the figure shown:
 * retrieval by rare terms alone ties thousands of statements, and only the order of the
 * passage's words tells its source.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, createMatcher, type ParsedRelease } from '..';

/** A small seeded generator (mulberry32), so the archive is the same every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STOCK = [
  'We will continue to work with our partners to keep communities safe',
  'Officers will be out in our neighbourhoods over the coming weeks',
  'We know that most of these offences can be prevented',
  'I would urge anyone with information to come forward and talk to us',
  'This shows what can be achieved when we work together',
  'We will not stand still and there is more to do',
  'Every report helps us build a picture of what is happening in our communities',
  'Our officers work tirelessly to protect the public',
  'We are determined to bring offenders to justice',
  'Tackling this crime remains a priority for every force',
  'We want people to feel safe in their homes and on the streets',
  'Prevention and early intervention sit at the centre of our approach',
];
const FIGURED = [
  (n: number) => `Last year officers arrested ${n} people for these offences`,
  (n: number) => `In the last month alone we recorded ${n} reports`,
  (n: number) => `Since the operation began we have seized ${n} weapons`,
  (n: number) => `Our teams have visited ${n} homes across the county`,
];

function archive(releases: number, seed: number) {
  const rnd = mulberry32(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const seen = new Set<string>();
  const out: { parsed: ParsedRelease; quote: string; figure: number }[] = [];
  for (let i = 0; out.length < releases; i++) {
    const a = pick(STOCK);
    const b = pick(STOCK);
    const f = pick(FIGURED);
    const figure = 100 + Math.floor(rnd() * 9000);
    const quote = `${a}. ${f(figure)}. ${b}.`;
    if (a === b || seen.has(quote)) continue;
    seen.add(quote);
    const day = 1 + (i % 28);
    const date = `${2010 + (i % 14)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    out.push({
      quote,
      figure,
      parsed: {
        release: { id: i.toString(16).padStart(16, '0'), date, title: `Release ${i}` },
        statements: [{ kind: 'quote', speaker: { name: 'Jane Doe', rank: 'Chief Constable', role: null }, text: quote, line: 3 }],
        warnings: [],
      },
    });
  }
  return out;
}

describe('stock phrasing: a changed figure as the only rare word', () => {
  it('at 20,000 releases, every quotation with its figure changed is found and called altered', () => {
    const releases = archive(20_000, 7);
    const matcher = createMatcher(buildIndex(releases.map((r) => r.parsed)));
    const rnd = mulberry32(11);
    const missed: string[] = [];
    for (let q = 0; q < 150; q++) {
      const r = releases[Math.floor(rnd() * releases.length)];
      const changed = r.figure + 1 + Math.floor(rnd() * 50);
      const passage = `“${r.quote.replace(String(r.figure), String(changed))}”`;
      const a = matcher.match(passage);
      // Statements that differ only in their figure are all this quotation with one figure changed:
      // any of them is a true reading (the earliest is shown as the original).
      const figures = a.best?.differences ?? [];
      const ok =
        a.verdict === 'altered' &&
        figures.length === 1 &&
        figures[0].type === 'number' &&
        figures[0].page === String(changed) &&
        a.best!.quote.replace(figures[0].original, figures[0].page) === passage.slice(1, -1);
      if (!ok) missed.push(`${passage} → ${a.verdict} ${JSON.stringify(figures)} ${a.best?.quote ?? ''}`);
    }
    expect(missed).toEqual([]);
  });
});
