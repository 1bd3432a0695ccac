/**
 * The core's own limits (issue 17): a context longer than MAX_CONTEXT_CHARS is cut around the
 * passage, keeping the part nearest it; the attribution check reads at most MAX_NAMES names; a
 * passage over MAX_PASSAGE_CHARS is `invalid` with a reason that names the limit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, createMatcher, findQuotations, parseRelease } from '.';
import { contextAround, cutContext, MAX_CONTEXT_CHARS, MAX_NAMES, MAX_PASSAGE_CHARS } from './limits';
import { findNames } from './match/attribution';

const root = join(__dirname, '..');
const releasesIn = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => parseRelease(readFileSync(join(root, dir, f), 'utf8'), f));
const matcher = createMatcher(buildIndex(releasesIn('data/releases')));
const quote = 'The internet is not a safe or anonymous place for abusing children';
/** Words with no capital letter, so they name nobody. */
const filler = (n: number) => 'and the officers went on with their work '.repeat(Math.ceil(n / 41)).slice(0, n);

describe('the context limit', () => {
  it('leaves a context within the limit as it is', () => {
    const ctx = filler(MAX_CONTEXT_CHARS);
    expect(contextAround(ctx, quote)).toBe(ctx);
  });

  it('cuts a longer one to the limit, keeping the passage, the name before it and its paragraph’s end', () => {
    const ctx = `Chief Constable Jane Doe said: ${filler(20_000)}\nChief Constable Simon Bailey said: “${quote}.” ${filler(500)}\nNext paragraph, Mr John Smith said.`;
    const cut = contextAround(ctx, `“${quote}”`);
    expect(cut.length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS);
    expect(cut).toContain(`Simon Bailey said: “${quote}.”`);
    expect(cut).not.toContain('Jane Doe');
    // The passage's paragraph ends the context (the matcher reads it as the passage's own).
    expect(cut.endsWith(filler(500))).toBe(true);
    expect(cut).not.toContain('John Smith');
    // A cut in a word moves to the word's end.
    expect(filler(20_000)).toContain(cut.slice(0, cut.indexOf('\n')));
    expect(cut).toMatch(/^(?:and|the|officers|went|on|with|their|work) /);
  });

  it('keeps the end of a context that does not hold the passage (callers end it with the passage’s paragraph)', () => {
    const ctx = `Chief Constable Jane Doe said: ${filler(20_000)} Chief Constable Simon Bailey said:`;
    const cut = contextAround(ctx, 'words the context does not hold');
    expect(cut.length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS);
    expect(cut.endsWith('Simon Bailey said:')).toBe(true);
    expect(cutContext(ctx, 5, 10).length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS);
  });

  it('is applied by the matcher: a name beyond the limit before the passage is not read', () => {
    // Jane Doe is named 20,000 characters before the quotation; read whole, the context would
    // make her the page's speaker and the attribution inconsistent.
    const context = `Chief Constable Jane Doe said that. ${filler(20_000)}\n“${quote}.”`;
    const a = matcher.match(`“${quote}”`, { context });
    expect(a.verdict).toBe('verbatim');
    expect(a.best?.attribution?.names ?? []).not.toContain('Chief Constable Jane Doe');
  });

  it('is applied by findQuotations: each quotation of a long paragraph gets its own part of it', () => {
    const paragraph = Array.from({ length: 300 }, (_, i) => `Officer Number${'abcdefghij'[i % 10]} said “${quote} ${i}.”`).join(' ');
    const found = findQuotations(paragraph);
    expect(found).toHaveLength(300);
    for (const q of found) {
      expect(q.context.length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS);
      expect(q.context).toContain(q.text);
    }
  });
});

describe('the names limit', () => {
  it(`reads at most ${MAX_NAMES} names, the nearest the passage`, () => {
    const surnames = Array.from({ length: 40 }, (_, i) => `Bail${String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26))}`);
    const text = surnames.map((s) => `Chief Constable Simon ${s} said this.`).join(' ');
    const names = findNames(text);
    expect(names).toHaveLength(MAX_NAMES);
    expect(names[names.length - 1]).toBe(`Chief Constable Simon ${surnames[surnames.length - 1]}`);
  });
});

describe('the passage limit', () => {
  it('answers a passage over the limit invalid, naming the limit', () => {
    const a = matcher.match('x '.repeat(MAX_PASSAGE_CHARS / 2) + 'x');
    expect(a.verdict).toBe('invalid');
    expect(a.reason).toMatch(new RegExp(`too long .*at most ${MAX_PASSAGE_CHARS}`));
  });
});
