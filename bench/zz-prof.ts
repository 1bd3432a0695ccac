import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { generateCorpus } from './corpus';
import { generateQueries } from './queries';
import { buildIndex, createMatcher, loadIndex, parseRelease, serializeIndex } from '../core/index';
const N = Number(process.argv[2] ?? 100000);
const f = `/tmp/otr-${N}.json`, qf = `/tmp/otr-${N}-q.json`;
if (!existsSync(f)) {
  const c = generateCorpus({ statements: N, seed: 1 });
  writeFileSync(qf, JSON.stringify(generateQueries(c, { perKind: 100, seed: 1 })));
  writeFileSync(f, serializeIndex(buildIndex(c.releases.map(r => parseRelease(r.text, r.source)))));
}
const qs = JSON.parse(readFileSync(qf, 'utf8')) as { kind: string; text: string }[];
const json = readFileSync(f, 'utf8');
let t = performance.now();
const m = createMatcher(loadIndex(json));
console.log('load', (performance.now() - t).toFixed(0));
const times: number[] = [];
const cpu0 = process.cpuUsage();
t = performance.now();
for (const q of qs) { const t1 = performance.now(); m.match(q.text); times.push(performance.now() - t1); }
const wall = performance.now() - t; const cpu = process.cpuUsage(cpu0);
times.sort((a, b) => a - b);
console.log('wall', wall.toFixed(0), 'cpu', ((cpu.user + cpu.system) / 1000).toFixed(0), 'p50', times[350].toFixed(2), 'p95', times[665].toFixed(2), 'max', times[699].toFixed(1));
