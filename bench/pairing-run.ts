/**
 * `npm run bench:pairing`: issue 14's figure alone — what pairing with last year's report adds to a full check of
 * the pair (target < 20 %), as the CLI checks a pair (bench/pairing.ts: `fazhi-lint last.md this.md`, caches
 * cleared after each file as the CLI clears them) — on the corpus pairs (each report with its own text one year
 * earlier) and the written pairs of the issue-14 tests, with the cold time of the rules that read the pair (and problem-plan-unmatched,
 * which matches by the same key terms) summed over the corpus pairs. Timed by this process's CPU time (`-- --wall`:
 * by the wall clock, as `npm run bench` is), so a busy shared machine disturbs it less. Prints only; results.json
 * is `npm run bench`'s.
 */
import * as path from 'node:path';
import { allRules, defaultConfig, createReport, clearCaches, ruleContext } from '../rules/index.js';
import { previousReport } from '../rules/model/previous.js';
import { QUICK, load, round, rows, rowTable } from './measure.js';
import { corpusReports } from './inputs.js';
import { benchPairing, corpusPairs, fixturePairs, type Pair } from './pairing.js';

const ROOT = process.cwd();
const config = defaultConfig(allRules);
const corpus = corpusPairs(corpusReports(path.resolve(ROOT, '../shared/corpus')));
const fixtures = fixturePairs(path.resolve(ROOT, 'test/fixtures/previous'));

/**
 * Rounds per pair: a pair's check is some 20 ms, and one figure is the ratio of two sums of medians, so the few
 * rounds of `npm run bench` leave it moving by ten points from run to run on this shared machine.
 */
const RUNS = 120;
/** --wall: time by the wall clock (as npm run bench does) instead of this process's CPU time */
const clock = process.argv.includes('--wall') ? 'wall' : 'cpu';
process.stderr.write(`pairing: corpus pairs (${clock} time)\n`);
const onCorpus = benchPairing(corpus, { clock, runs: RUNS, budgetMs: 30_000 });
process.stderr.write('pairing: the issue-14 test pairs\n');
const onFixtures = benchPairing(fixtures, { clock, runs: RUNS, budgetMs: 30_000 });

/** Cold CPU time of each pairing rule on this year's report paired with last year's, summed over the pairs (ms per pass). */
function ruleTimes(pairs: readonly Pair[], ids: readonly string[]): Record<string, number> {
  const reps = QUICK ? 3 : 15;
  const out: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  for (let r = 0; r < reps; r++) {
    for (const { name, text, lastYear } of pairs) {
      // each rule in a cold check of its own: no rule finds the segmenter's cache warmed by another
      for (const id of ids) {
        clearCaches();
        const prev = previousReport({ text: lastYear, filePath: `last-${name}` });
        const report = createReport(text, undefined, prev);
        // the models every rule reads, built first so the rule's time is its own
        void report.checklist;
        void report.year;
        void prev?.checklist;
        const context = ruleContext(report, config);
        const rule = allRules.find((x) => x.meta.id === id)!;
        const s = process.cpuUsage();
        rule.check(report, config.rules[id].options, context);
        const u = process.cpuUsage(s);
        out[id] += (u.user + u.system) / 1000 / reps;
      }
    }
  }
  for (const id of ids) out[id] = round(out[id]);
  return out;
}
const rules = ruleTimes(corpus, ['plan-followup', 'text-recycled', 'problem-plan-unmatched']);

const out = process.stdout;
out.write(`\nfazhi-lint bench:pairing — ${clock === 'cpu' ? 'CPU time of this process' : 'wall clock'}, Node ${process.version}, load ${load().join(' ')}\n\n`);
out.write(rowTable(rows) + '\n\n');
out.write(`pairing overhead, corpus pairs (${corpus.length}): ${(onCorpus.overhead * 100).toFixed(1)} %  (alone ${onCorpus.aloneMs} ms, paired ${onCorpus.pairedMs} ms, sums of medians)  target ≤ 20 %: ${onCorpus.overhead <= 0.2 ? 'met' : 'MISS'}\n`);
out.write(`pairing overhead, issue-14 test pairs (${fixtures.length}): ${(onFixtures.overhead * 100).toFixed(1)} %  (alone ${onFixtures.aloneMs} ms, paired ${onFixtures.pairedMs} ms)\n`);
out.write('\nrules on the corpus pairs, cold, CPU time summed (ms per pass):\n');
for (const [id, ms] of Object.entries(rules)) out.write(`  ${id.padEnd(28)} ${ms.toFixed(3).padStart(9)}\n`);
