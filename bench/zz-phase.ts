import { readFileSync } from 'node:fs';
import { loadIndex, createMatcher } from '../core/index';
import { TermIndex } from '../core/match/retrieval';
import { readPassage, wordsOf } from '../core/match/passage';
import { contentTerms } from '../core/text/terms';
import { tokenize } from '../core/text/tokens';
import { align } from '../core/match/align';
import { wordComparer } from '../core/match/similarity';
const N = Number(process.argv[2] ?? 100000);
const data = loadIndex(readFileSync(`/tmp/otr-${N}.json`, 'utf8'));
const qs = JSON.parse(readFileSync(`/tmp/otr-${N}-q.json`, 'utf8')) as { kind: string; text: string }[];
const s = data.search!;
const ti = new TermIndex({ terms: s.terms, lists: s.postings }, data.statements.length);
const vocab = new Set(s.words.split(' '));
const cmp = wordComparer((w) => vocab.has(w));
const m = createMatcher(data);
const agg: Record<string, { n: number; cands: number; m: number; tRet: number; tTok: number; tAlign: number; tMatch: number }> = {};
for (const q of [...qs, ...qs]) {
  const a = (agg[q.kind] ??= { n: 0, cands: 0, m: 0, tRet: 0, tTok: 0, tAlign: 0, tMatch: 0 });
  let t = performance.now();
  m.match(q.text);
  a.tMatch += performance.now() - t;
  const p = readPassage(q.text);
  const terms = contentTerms(wordsOf(p));
  t = performance.now();
  const cs = ti.candidates(terms, 24);
  a.tRet += performance.now() - t;
  const total = terms.reduce((n, x) => n + ti.idf(x), 0);
  const kept = cs.filter((c) => c.score >= total * 0.3);
  for (const c of kept) {
    t = performance.now();
    const toks = tokenize(data.statements[c.doc].text);
    a.tTok += performance.now() - t;
    t = performance.now();
    align(p, toks, !p.quoted, cmp);
    a.tAlign += performance.now() - t;
    a.m += toks.length;
  }
  a.n++; a.cands += kept.length;
}
for (const [k, a] of Object.entries(agg)) console.log(k.padEnd(16), 'match', (a.tMatch / a.n).toFixed(2), 'ms | candidates', (a.cands / a.n).toFixed(1), 'avg stmt words', (a.m / Math.max(1, a.cands)).toFixed(0), '| retrieval', (a.tRet / a.n).toFixed(2), 'tokenize', (a.tTok / a.n).toFixed(2), 'align', (a.tAlign / a.n).toFixed(2), 'ms');
