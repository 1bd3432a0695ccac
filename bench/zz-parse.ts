import { generateCorpus, speakerName } from './corpus';
import { parseRelease } from '../core/index';
import { normaliseQuote } from './engines/otr';
const c = generateCorpus({ statements: 10000, seed: 1 });
let shown = 0;
for (const r of c.releases) {
  const p = parseRelease(r.text, r.source);
  const got = new Set(p.statements.map((s) => `${s.speaker?.name ?? ''}|${normaliseQuote(s.text)}`));
  for (const id of r.statements) {
    const st = c.statements[id];
    if (!got.has(`${speakerName(c, st) ?? ''}|${normaliseQuote(st.text)}`) && shown++ < 4) {
      console.log('MISSING', speakerName(c, st), JSON.stringify(st.text.slice(0, 150)));
      console.log(r.text);
      console.log(p.statements.map(s => `  [${s.kind}] ${s.speaker?.name ?? '-'} (${s.speaker?.rank}; ${s.speaker?.role}): ${s.text.slice(0, 100)}`).join('\n'));
    }
  }
}
