/**
 * `node bench/run.mjs bench/cold-profile.ts [rounds]`: cold full checks of the corpus reports, `rounds` times
 * (default 200) after a warm-up, for `node --cpu-prof` (issue 17's cold check). Prints CPU ms per pass.
 */
import * as path from 'node:path';
import { check, allRules, defaultConfig, clearCaches } from '../rules/index.js';
import { corpusReports } from './inputs.js';

const corpus = corpusReports(path.resolve(process.cwd(), '../shared/corpus'));
const config = defaultConfig(allRules);
const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 200);
const pass = () => {
  for (const { text } of corpus) {
    clearCaches();
    check(text, { config });
  }
};
for (let i = 0; i < 20; i++) pass();
const u0 = process.cpuUsage();
for (let i = 0; i < rounds; i++) pass();
const u = process.cpuUsage(u0);
console.log(`cold corpus pass: ${((u.user + u.system) / 1000 / rounds).toFixed(2)} ms CPU (${rounds} rounds)`);
