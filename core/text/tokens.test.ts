/** The tokenizer: folding, numbers, offsets; and properties against a naive reference, with fast-check. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWord, tokenize, type Token } from './tokens';

const norms = (s: string) => tokenize(s).map((t) => t.norm);
/** What the reader sees of each token. */
const seen = (s: string) => tokenize(s).map((t) => s.slice(t.start, t.end));
const numbers = (s: string) => tokenize(s).filter((t) => t.num).map((t) => t.norm);

describe('folding', () => {
  it('case and accents', () => {
    expect(norms('CAFÉ Café café cafe')).toEqual(['cafe', 'cafe', 'cafe', 'cafe']);
    expect(norms('naïve Ångström Œuvre')).toEqual(['naive', 'angstrom', 'œuvre']);
    expect(norms('José ÁLVAREZ')).toEqual(['jose', 'alvarez']);
  });

  it('curly and straight apostrophes are the same word', () => {
    expect(norms('people’s')).toEqual(norms("people's"));
    expect(norms('don’t')).toEqual(norms("don't"));
    expect(norms('O’Neill')).toEqual(norms("O'Neill"));
    expect(norms("don't")).toEqual(['dont']);
  });

  it('quote marks and dashes are not words', () => {
    expect(norms('“Hello” — ‘world’ – "again" - end')).toEqual(['hello', 'world', 'again', 'end']);
    expect(norms('Vision 2025 – an ambitious')).toEqual(['vision', '2025', 'an', 'ambitious']);
  });

  it('a hyphenated word is one token, whatever the hyphen', () => {
    expect(norms('cyber-crime')).toEqual(['cybercrime']);
    expect(norms('cyber‐crime cyber‑crime cybercrime')).toEqual(['cybercrime', 'cybercrime', 'cybercrime']);
  });

  it('line breaks are spaces; a word hyphenated across a line break is joined', () => {
    expect(norms('child\nsexual\r\nabuse')).toEqual(['child', 'sexual', 'abuse']);
    expect(norms('digital inves-\ntigation')).toEqual(['digital', 'investigation']);
    expect(norms('inves-\r\n   tigation')).toEqual(['investigation']);
    expect(seen('inves-\ntigation here')).toEqual(['inves-\ntigation', 'here']);
  });

  it('foldWord lowers, strips accents, apostrophes and hyphens', () => {
    expect(foldWord('Cyber-Crime')).toBe('cybercrime');
    expect(foldWord('O’Néill')).toBe('oneill');
    expect(foldWord('ﬁnd')).toBe('find');
  });
});

describe('numbers', () => {
  it('figures and words are the same value', () => {
    expect(numbers('4,000')).toEqual(['4000']);
    expect(numbers('four thousand')).toEqual(['4000']);
    expect(numbers('six hundred')).toEqual(['600']);
    expect(numbers('600')).toEqual(['600']);
    expect(numbers('twenty-five')).toEqual(['25']);
    expect(numbers('twenty five')).toEqual(['25']);
    expect(numbers('one hundred and ten')).toEqual(['110']);
    expect(numbers('four thousand two hundred and ten')).toEqual(['4210']);
  });

  it('a number written in words is one token spanning its words', () => {
    expect(tokenize('over six hundred officers')).toEqual([
      { norm: 'over', start: 0, end: 4, num: false },
      { norm: '600', start: 5, end: 16, num: true },
      { norm: 'officers', start: 17, end: 25, num: false },
    ]);
  });

  it('scales: £4.2 million and £2.4 million differ; 4.2m is 4.2 million', () => {
    expect(numbers('£4.2 million')).toEqual(['4200000']);
    expect(numbers('£2.4 million')).toEqual(['2400000']);
    expect(numbers('£4.2m')).toEqual(['4200000']);
    expect(numbers('£20 million')).toEqual(numbers('£20m'));
    expect(numbers('1.5 billion')).toEqual(['1500000000']);
    expect(seen('£4.2 million more')).toEqual(['4.2 million', 'more']);
  });

  it('400 is not 4,000; 7,800 is not 7.8', () => {
    expect(numbers('400')).not.toEqual(numbers('4,000'));
    expect(numbers('7,800')).toEqual(['7800']);
    expect(numbers('7.8')).toEqual(['7.8']);
  });

  it('50% is 50 per cent', () => {
    expect(norms('50%')).toEqual(norms('50 per cent'));
    expect(norms('50 per cent')).toEqual(['50', 'percent']);
    expect(norms('fifty per cent')).toEqual(['50', 'percent']);
  });

  it('"one" alone is a word, not a number', () => {
    expect(tokenize('one driver is one too many').filter((t) => t.num)).toEqual([]);
  });

  it('a number at the end of a sentence does not swallow the next sentence', () => {
    expect(numbers('They arrested 660. Thousand Oaks is a place.')).toEqual(['660']);
  });

  it('a comma between numbers in a list is not a thousands separator when spaced', () => {
    expect(numbers('400, 500 and 600')).toEqual(['400', '500', '600']);
  });
});

describe('offsets point at the original text', () => {
  it('each token covers the characters it came from', () => {
    const text = '  “Don’t” said\nCAFÉ-owner  4,310 drivers; £4.2 million.';
    const toks = tokenize(text);
    expect(toks.map((t) => text.slice(t.start, t.end))).toEqual(['Don’t', 'said', 'CAFÉ-owner', '4,310', 'drivers', '4.2 million']);
    expect(toks.map((t) => t.norm)).toEqual(['dont', 'said', 'cafeowner', '4310', 'drivers', '4200000']);
  });

  it('offsets count UTF-16 code units, as String.slice does (emoji before a word)', () => {
    const text = '😀😀 police';
    expect(tokenize(text)).toEqual([{ norm: 'police', start: 5, end: 11, num: false }]);
  });
});

// ---- Properties -----------------------------------------------------------

/** Any text, including lone surrogates, control characters, RTL, emoji, quotes and dashes. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.array(
    fc.constantFrom(
      'a', 'Z', 'é', 'É', '1', '4,000', '4.2', '%', ' ', '\n', '\r\n', '\t', '-', '-\n', '’', "'", '“', '”', '"', '—', '–', ',', '.',
      '\u0000', '\u0007', '\u200b', '\u200f', '\u202e', 'שלום', 'مرحبا', '😀', '\ud800', '\udc00', '\u0301', 'ﬁ', 'million', 'six',
      'hundred', 'and', 'per', 'cent', 'one', 'twenty',
    ),
    { maxLength: 60 },
  ).map((a) => a.join('')),
);

/** Realistic words: English letters, accents, apostrophes, figures. */
const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z]{1,10}$/),
  fc.constantFrom('Café', 'naïve', 'people’s', "don't", 'cyber-crime', 'O’Neill', 'Ångström', 'Œuvre'),
  fc.integer({ min: 0, max: 99_999 }).map(String),
  fc.constantFrom('4,000', '4.2', '50%', 'six', 'hundred', 'million', 'per', 'cent', 'one', 'twenty'),
);
const spaces = fc.constantFrom(' ', '  ', '\t', ' \n ');
const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 20 }), spaces).map(([ws, sp]) => ws.join(sp));

function checkOffsets(text: string, toks: Token[]): void {
  let last = 0;
  for (const t of toks) {
    expect(Number.isInteger(t.start) && Number.isInteger(t.end)).toBe(true);
    expect(t.start).toBeGreaterThanOrEqual(last);
    expect(t.end).toBeGreaterThan(t.start);
    expect(t.end).toBeLessThanOrEqual(text.length);
    last = t.end;
  }
}

describe('properties', () => {
  it('tokenize never throws; offsets are within bounds and increasing', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const toks = tokenize(text);
        let last = -1;
        for (const t of toks) {
          expect(Number.isInteger(t.start) && Number.isInteger(t.end)).toBe(true);
          expect(t.start).toBeGreaterThan(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          last = t.start;
        }
      }),
      { numRuns: 400, seed: 1 },
    );
  });

  it('tokens do not overlap and are never empty (text without "%" or a lone combining mark)', () => {
    fc.assert(
      fc.property(
        anyText.map((t) => t.replace(/[%\p{M}]/gu, '')),
        (text) => {
          const toks = tokenize(text);
          checkOffsets(text, toks);
          for (const t of toks) expect(t.norm.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 400, seed: 1 },
    );
  });

  it('matches a naive reference on words of plain letters: split on white space, lower-case', () => {
    // Consonants only: never a number word, "per cent" or a scale.
    const plain = fc.array(fc.stringMatching(/^[BCDFGHJKLNPQRSTVWXZbcdfghjklnpqrstvwxz]{1,8}$/), { minLength: 0, maxLength: 30 });
    fc.assert(
      fc.property(plain, fc.array(spaces, { minLength: 31, maxLength: 31 }), (words, gaps) => {
        const text = words.map((w, i) => w + gaps[i]).join('');
        const toks = tokenize(text);
        expect(toks.map((t) => t.norm)).toEqual(words.map((w) => w.toLowerCase()));
        expect(toks.map((t) => text.slice(t.start, t.end))).toEqual(words);
      }),
      { numRuns: 300, seed: 2 },
    );
  });

  it('each token folds the original characters it covers (words that are not numbers)', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        for (const t of tokenize(text)) {
          if (t.num || t.norm === 'percent') continue;
          expect(foldWord(text.slice(t.start, t.end))).toBe(t.norm);
        }
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('tokenizing is stable under case change', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        expect(norms(text.toUpperCase())).toEqual(norms(text));
        expect(norms(text.toLowerCase())).toEqual(norms(text));
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it('tokenizing is stable when runs of spaces become line breaks', () => {
    fc.assert(
      fc.property(sentence, fc.constantFrom('\n', '\r\n', ' \n', '\n\n'), (text, nl) => {
        expect(norms(text.replace(/[ \t]+/g, nl))).toEqual(norms(text));
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('foldWord is idempotent', () => {
    // Characters with a compatibility decomposition to a capital letter (𝑨, ℋ) are left out.
    const words = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }).filter((x) => x.normalize('NFKD') === x.normalize('NFD')), word);
    fc.assert(
      fc.property(words, (w) => {
        const once = foldWord(w);
        expect(foldWord(once)).toBe(once);
      }),
      { numRuns: 500, seed: 6 },
    );
  });
});
