/**
 * `node bench/run.mjs bench/cold.ts`: only the cold full check of issue 17 beside remark-parse and markdownlint
 * (the corpus reports and the 100 KB report), side by side as `npm run bench` takes them, and where a cold corpus
 * check spends its time (model parts and each rule). Nothing written. `--cpu` times by process CPU instead of the
 * wall clock (less disturbed on a loaded machine).
 */
import * as path from 'node:path';
import * as os from 'node:os';
import { lint as markdownlint } from 'markdownlint/sync';
import { check, allRules, defaultConfig, clearCaches } from '../rules/index.js';
import { parseMarkdown } from '../rules/model/parse.js';
import { round, utf8, sideBySide, rowTable, rows } from './measure.js';
import { profileParts } from './parts.js';
import { corpusReports, generatedDocument } from './inputs.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const config = defaultConfig(allRules);
const corpus = corpusReports(CORPUS);
const report100k = generatedDocument(corpus, 100 * 1024);
const clock = process.argv.includes('--cpu') ? 'cpu' : 'wall';

const fullCheck = (text: string) => {
  clearCaches();
  return check(text, { config });
};
const mdlint = (text: string) => markdownlint({ strings: { doc: text } });

const loadBefore = os.loadavg();
const byInput: Record<string, { parse: number; full: number; mdl: number }> = {};
for (const { name, text } of [...corpus, { name: 'report-100KB', text: report100k }]) {
  const r = sideBySide(name, utf8(text), { 'remark-parse': () => parseMarkdown(text), 'full check': () => fullCheck(text), markdownlint: () => mdlint(text) }, { clock });
  byInput[name] = { parse: r['remark-parse'].medianMs, full: r['full check'].medianMs, mdl: r.markdownlint.medianMs };
}
const names = corpus.map((c) => c.name);
const sum = (k: 'parse' | 'full' | 'mdl') => names.reduce((n, x) => n + byInput[x][k], 0);
const b = byInput['report-100KB'];

// where the time goes: each part once per report, cold, summed over the corpus
const profile = profileParts(
  corpus.map((c) => c.text),
  config,
  10,
  { cold: true },
);

console.log(rowTable(rows));
console.log(`\nclock ${clock}; load before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`corpus: full ${round(sum('full'))} ms, markdownlint ${round(sum('mdl'))} ms, remark ${round(sum('parse'))} ms → ${round(sum('full') / sum('mdl'))}× markdownlint, ${round(sum('full') / sum('parse'))}× remark`);
console.log(`100 KB: full ${b.full} ms, markdownlint ${b.mdl} ms, remark ${b.parse} ms → ${round(b.full / b.mdl)}× markdownlint, ${round(b.full / b.parse)}× remark`);
console.log('\ncold corpus check by part (ms, summed over the corpus reports):');
for (const [part, ms] of [...profile].sort((x, y) => y[1] - x[1])) if (ms >= 0.05) console.log(`  ${part.padEnd(40)} ${ms.toFixed(2)}`);
