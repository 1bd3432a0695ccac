/**
 * This project's matcher. The file is serializeIndex(buildIndex(releases parsed from their
 * text)), so the build exercises the parser too; load is loadIndex + createMatcher, the time
 * until the first highlight can be answered.
 * Scoring: right when answer.best is the source statement — same release id, same speaker
 * name, same quotation text (compared without quote marks, apostrophe style, line breaks or
 * final punctuation). For not_found queries: right when the verdict is "not-found".
 */
import { buildIndex, createMatcher, loadIndex, parseRelease, serializeIndex, type Answer, type ParsedRelease } from '../../core/index';
import { speakerName, type Corpus } from '../corpus';
import type { Engine } from './types';

export function normaliseQuote(text: string): string {
  return text.replace(/[“”"]/g, '').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().replace(/[.,]$/, '');
}

const key = (releaseId: string, speaker: string | null, text: string) => `${releaseId}\u0000${speaker ?? ''}\u0000${normaliseQuote(text)}`;

export function otrEngine(): Engine<Answer> {
  let keys = new Map<string, number>();
  return {
    name: 'otr',
    label: 'On the Record',
    build(c: Corpus) {
      const t0 = performance.now();
      const parsed: (ParsedRelease | null)[] = [];
      const errors: string[] = [];
      for (const r of c.releases) {
        try {
          parsed.push(parseRelease(r.text, r.source));
        } catch (e) {
          parsed.push(null);
          if (errors.length < 5) errors.push(`${r.source}: ${String((e as Error).message).split('\n')[0]}`);
          else errors.push('');
        }
      }
      const t1 = performance.now();
      const data = buildIndex(parsed.filter((p): p is ParsedRelease => p !== null));
      const t2 = performance.now();
      const serialised = serializeIndex(data);
      const t3 = performance.now();

      // Ground truth → the parsed release's id; and how much of it the parser recovered.
      keys = new Map();
      let recovered = 0;
      let parsedStatements = 0;
      c.statements.forEach((st) => {
        const p = parsed[st.release];
        if (p) keys.set(key(p.release.id, speakerName(c, st), st.text), st.id);
      });
      const found = new Set<number>();
      for (const p of parsed) {
        if (!p) continue;
        parsedStatements += p.statements.length;
        for (const s of p.statements) {
          const id = keys.get(key(p.release.id, s.speaker?.name ?? null, s.text));
          if (id !== undefined && !found.has(id)) {
            found.add(id);
            recovered++;
          }
        }
      }
      return {
        serialised,
        phases: { parse_ms: t1 - t0, index_ms: t2 - t1, serialise_ms: t3 - t2 },
        info: { parse_errors: errors.length, parse_error_examples: errors.filter(Boolean), parsed_statements: parsedStatements, statements_recovered: recovered },
      };
    },
    load(serialised) {
      const matcher = createMatcher(loadIndex(serialised));
      return {
        query: (text) => matcher.match(text),
        resolve: (a) => {
          if (a.verdict === 'not-found' || a.verdict === 'invalid' || !a.best) return { id: null, verdict: a.verdict };
          const id = keys.get(key(a.best.release.id, a.best.speaker?.name ?? null, a.best.quote));
          return { id: id ?? -1, verdict: a.verdict };
        },
      };
    },
  };
}
