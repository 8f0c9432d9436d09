/**
 * `node bench/run.mjs bench/cold-alloc.ts [rounds]`: where a cold corpus check allocates (the sampling heap profiler,
 * collected objects included), by the bundle's source module and function. Written to /tmp/cold-alloc.heapprofile.
 */
import * as path from 'node:path';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { check, allRules, defaultConfig, clearCaches } from '../rules/index.js';
import { corpusReports } from './inputs.js';

const corpus = corpusReports(path.resolve(process.cwd(), '../shared/corpus'));
const config = defaultConfig(allRules);
const rounds = Number(process.argv.slice(3).find((a) => /^\d+$/.test(a)) ?? 20);
const pass = () => {
  for (const { text } of corpus) {
    clearCaches();
    check(text, { config });
  }
};
for (let i = 0; i < 10; i++) pass();
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
for (let i = 0; i < rounds; i++) pass();
const { profile } = await session.post('HeapProfiler.stopSampling');
writeFileSync('/tmp/cold-alloc.heapprofile', JSON.stringify(profile));
const textBytes = corpus.reduce((n, c) => n + c.text.length * 2, 0);
let total = 0;
const walk = (n: { selfSize: number; children: unknown[] }) => {
  total += n.selfSize;
  for (const c of n.children) walk(c as typeof n);
};
walk(profile.head as never);
console.log(`allocated per cold corpus pass: ${(total / rounds / 1e6).toFixed(2)} MB = ${(total / rounds / textBytes).toFixed(0)}× the text (UTF-16)`);
