import { generateCorpus, speakerName } from './corpus';
import { generateQueries } from './queries';
import { otrEngine } from './engines/otr';
const kind = process.argv[2] ?? 'verbatim';
const c = generateCorpus({ statements: 10000, seed: 1 });
const qs = generateQueries(c, { perKind: 100, seed: 1 }).filter(q => q.kind === kind);
const e = otrEngine();
const { serialised } = e.build(c);
const l = e.load(serialised);
let shown = 0;
for (const q of qs) {
  const a = l.query(q.text); const r = l.resolve(a);
  if (r.id === q.expected || shown++ > 8) continue;
  const st = q.expected === null ? null : c.statements[q.expected];
  console.log('Q:', q.text);
  console.log('  expected:', st ? `${c.releases[st.release].date} ${speakerName(c, st)}: ${st.text.replace(/\n/g,' / ').slice(0, 300)}` : '-');
  console.log('  got:', a.verdict, a.best ? `${a.best.date} ${a.best.speaker?.name}: ${a.best.quote.replace(/\n/g, ' / ').slice(0, 300)}` : '', 'resolved', r.id, a.reason ?? '');
}
