// `node bench/compare.mjs BASE` — this checkout's checker against another checkout's (BASE: a directory with the
// same layout, e.g. `git worktree add /tmp/base 190aa7d`), in ONE process: both are bundled into one file (two
// independent copies of the modules and their caches) and run alternately, so both see the same load. Times are
// CPU time (process.cpuUsage), medians; the shared machine's wall clock is too noisy for a before/after. Also checks
// that both give the same findings on the corpus and the 100 KB input. Prints one JSON object.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';

const base = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !existsSync(path.join(base, 'rules/index.ts'))) {
  console.error('usage: node bench/compare.mjs BASE   (BASE: another checkout of fazhi-lint)');
  process.exit(2);
}
const here = path.resolve('.');
const outDir = path.resolve('node_modules/.cache/fazhi-compare');
mkdirSync(outDir, { recursive: true });
const entry = path.join(outDir, 'entry.ts');
const imp = (root, p) => JSON.stringify(path.join(root, p));
writeFileSync(
  entry,
  `
import * as A from ${imp(base, 'rules/index.ts')};
import * as B from ${imp(here, 'rules/index.ts')};
import { DocumentChecker as DA } from ${imp(base, 'server/documents.ts')};
import { DocumentChecker as DB } from ${imp(here, 'server/documents.ts')};
import { corpusReports, generatedDocument } from ${imp(here, 'bench/inputs.ts')};
import * as os from 'node:os';
const corpusInputs = corpusReports(${JSON.stringify(path.resolve(here, '../shared/corpus'))});
const corpus = corpusInputs.map((c) => c.text);
const cpu = (fn) => { const s = process.cpuUsage(); fn(); const d = process.cpuUsage(s); return (d.user + d.system) / 1000; };
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const r2 = (x) => Math.round(x * 100) / 100;
const cA = A.defaultConfig(A.allRules), cB = B.defaultConfig(B.allRules);
const coldA = (ts) => ts.forEach((t) => { A.clearCaches(); A.check(t, { config: cA }); });
const coldB = (ts) => ts.forEach((t) => { B.clearCaches(); B.check(t, { config: cB }); });
const out = { base: ${JSON.stringify(base)}, loadStart: os.loadavg().map(r2) };
const k100 = generatedDocument(corpusInputs, 100 * 1024);
const m1 = generatedDocument(corpusInputs, 1024 * 1024);
out.sameFindings = [...corpus, k100].every((t) => JSON.stringify(A.check(t, { config: cA }).findings) === JSON.stringify(B.check(t, { config: cB }).findings));
/** alternate a and b n times (who goes first alternates too) */
function ab(a, b, n) {
  const x = [], y = [];
  for (let i = 0; i < n; i++) if (i % 2) { y.push(cpu(b)); x.push(cpu(a)); } else { x.push(cpu(a)); y.push(cpu(b)); }
  return { base: r2(med(x)), this: r2(med(y)), ratio: r2(med(y) / med(x)) };
}
for (let i = 0; i < 3; i++) { coldA(corpus); coldB(corpus); }
out.coldCorpus = ab(() => coldA(corpus), () => coldB(corpus), 30);
out.cold100KB = ab(() => coldA([k100]), () => coldB([k100]), 20);
function typist(Checker, config, text, where) {
  const c = new Checker({ configFor: () => ({ config, language: 'zh-CN' }), debounceMs: 0 });
  c.open('file:///k.md', 'markdown', 1, text);
  c.checkNow('file:///k.md');
  const lines = text.split('\\n');
  const line = where === 'top' ? lines.findIndex((l, i) => i > 0 && l.trim().length > 20) : Math.floor(lines.length / 2);
  let character = lines[line].length, v = 1;
  return { key: () => { c.change('file:///k.md', ++v, [{ range: { start: { line, character }, end: { line, character } }, text: '。' }]); character++; c.checkNow('file:///k.md'); }, dispose: () => c.dispose() };
}
for (const [name, text, where, n] of [['keystroke100KBtop', k100, 'top', 20], ['keystroke100KBmiddle', k100, 'middle', 20], ['keystroke1MBtop', m1, 'top', 4], ['keystroke1MBmiddle', m1, 'middle', 4]]) {
  const a = typist(DA, cA, text, where), b = typist(DB, cB, text, where);
  out[name] = ab(a.key, b.key, n);
  a.dispose(); b.dispose();
}
out.loadEnd = os.loadavg().map(r2);
console.log(JSON.stringify(out, null, 1));
`,
);
const outfile = path.join(outDir, 'compare.mjs');
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  external: ['markdownlint', 'markdownlint/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*', 'playwright-core'],
  mainFields: ['module', 'main'],
  nodePaths: [path.resolve('node_modules')],
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
