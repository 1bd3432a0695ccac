/**
 * npm run mutate [-- NAME...]
 *
 * SECURITY.md, claim by claim: each defence is removed in turn (one exact edit to the source),
 * the tests SECURITY.md names for it are run, and the defence counts as covered only if they
 * fail. The source is restored after each run, whatever happens. Prints one line a defence and
 * exits 1 if any test passed with its defence removed (a claim no test can fail).
 *
 * The defences here are checked by unit and component tests (a few seconds each). The ones only
 * a real browser can show (closed shadow roots, trusted clicks, the content script's own
 * lifecycle) were removed by hand, as SECURITY.md says.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Mutation {
  name: string;
  claim: string;
  file: string;
  find: string;
  replace: string;
  tests: string[];
}

const MUTATIONS: Mutation[] = [
  {
    name: 'sender-id',
    claim: 'The background answers only senders whose id is this extension’s',
    file: 'lib/protocol.ts',
    find: "return !!sender && typeof sender.id === 'string' && sender.id === extensionId && extensionId !== '';",
    replace: 'return !!sender;',
    tests: ['tests/extension/protocol.test.ts', 'tests/extension/wiring.test.ts'],
  },
  {
    name: 'least-privilege',
    claim: 'A content script is answered only verify and check-page',
    file: 'lib/protocol.ts',
    find: "if (role === 'extension-page') return true;",
    replace: 'return true;',
    tests: ['tests/extension/wiring.test.ts'],
  },
  {
    name: 'ids-recomputed',
    claim: 'A release’s id is recomputed from its content when a file is read',
    file: 'core/import/releases.ts',
    find: '  if (id === r.release.id) return r;\n  const warning',
    replace: '  if (id === id) return r;\n  const warning',
    tests: ['tests/extension/forgedRecord.test.ts', 'core/import/import.test.ts'],
  },
  {
    name: 'miscut-texts',
    claim: 'An index file whose text lengths are shifted but add up is refused',
    file: 'core/import/releases.ts',
    find: '    if (shifted >= 0) {',
    replace: '    if (shifted >= 0 && shifted < 0) {',
    tests: ['tests/extension/forgedRecord.test.ts'],
  },
  {
    name: 'save-recomputes',
    claim: 'The background recomputes every id it saves, whatever the page sent',
    file: 'lib/background/service.ts',
    find: 'for (const r of req.releases.map(withContentId))',
    replace: 'for (const r of req.releases)',
    tests: ['tests/extension/forgedRecord.test.ts'],
  },
  {
    name: 'invisibles',
    claim: 'Bidi controls and zero-width characters are removed from releases as they are read',
    file: 'core/text/clip.ts',
    find: "return text.replace(INVISIBLE, '');",
    replace: 'return text;',
    tests: ['core/import/invisibles.test.ts'],
  },
  {
    name: 'isolated-fields',
    claim: 'Every field a release supplies is shown isolated (<bdi>)',
    file: 'components/Isolated.tsx',
    find: '<bdi key={i}>{p.field}</bdi>',
    replace: '<span key={i}>{p.field}</span>',
    tests: ['tests/present/isolation.test.tsx'],
  },
  {
    name: 'receipts',
    claim: 'A batch saved before the worker stopped is reported saved, not "already kept"',
    file: 'lib/background/releaseStore.ts',
    find: '        if (earlier) {',
    replace: '        if (earlier && false) {',
    tests: ['tests/extension/sources.test.ts'],
  },
  {
    name: 'import-size',
    claim: 'A file over the size limit is refused with its size',
    file: 'core/import/releases.ts',
    find: 'if (text.length > limit) issue(',
    replace: 'if (text.length < 0) issue(',
    tests: ['core/import/importHostile.test.ts'],
  },
  {
    name: 'batch-size',
    claim: 'An import-save carries at most one batch',
    file: 'lib/protocol.ts',
    find: 'msg.releases.length > MAX_IMPORT_RELEASES',
    replace: 'msg.releases.length < 0',
    tests: ['tests/extension/sources.test.ts'],
  },
];

function run(tests: string[]): { passed: boolean; summary: string } {
  const r = spawnSync('npx', ['vitest', 'run', ...tests], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  const out = `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  const summary = /Tests\s+(.*)/.exec(out)?.[1]?.trim() ?? `exit ${r.status}`;
  return { passed: r.status === 0, summary };
}

function main(): number {
  const only = process.argv.slice(2);
  const chosen = only.length ? MUTATIONS.filter((m) => only.includes(m.name)) : MUTATIONS;
  if (!chosen.length) {
    console.error(`no such mutation; known: ${MUTATIONS.map((m) => m.name).join(', ')}`);
    return 2;
  }
  let survived = 0;
  for (const m of chosen) {
    const file = path.join(ROOT, m.file);
    const original = fs.readFileSync(file, 'utf8');
    const count = original.split(m.find).length - 1;
    if (count !== 1) {
      console.log(`?? ${m.name.padEnd(18)} the defence's code was not found once in ${m.file} (found ${count}): update scripts/mutate.ts`);
      survived++;
      continue;
    }
    try {
      fs.writeFileSync(file, original.replace(m.find, m.replace));
      const { passed, summary } = run(m.tests);
      if (passed) survived++;
      console.log(`${passed ? 'SURVIVED' : 'caught  '} ${m.name.padEnd(18)} ${m.claim} — ${m.tests.join(', ')}: ${summary}`);
    } finally {
      fs.writeFileSync(file, original);
    }
  }
  console.log(survived ? `\n${survived} of ${chosen.length} defences are not held by a test that fails without them.` : `\nAll ${chosen.length} defences are held: each one's tests fail without it.`);
  return survived ? 1 : 0;
}

process.exitCode = main();
