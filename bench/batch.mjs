// `node bench/batch.mjs [runs]`: only the bench's batch of 500 reports (bench/run.ts does the same inside the
// full `npm run bench`), the CLI on one thread (FAZHI_CLI_THREADS=1) and in threads (the default) against
// markdownlint-cli2, each a whole process timed with its peak RSS by GNU time, in rotated order. For the figures
// of cli/threads.ts without the hour of the full bench. markdownlint-cli2 is found as bench/run.ts finds it
// (node_modules or $MARKDOWNLINT_CLI2). Build first (node scripts/build.mjs).
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = process.cwd();
const runs = Number(process.argv[2] ?? 3);
const outDir = path.resolve('node_modules/.cache/fazhi-bench');
mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, 'inputs.mjs');
await build({ entryPoints: ['bench/inputs.ts'], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning' });
const { corpusReports, distinctReports } = await import(pathToFileURL(outfile).href);

const cli = path.join(ROOT, 'dist/cli.cjs');
const cli2 = [process.env.MARKDOWNLINT_CLI2, path.join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs')].find((p) => p && existsSync(p));
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-batch-'));
try {
  const reports = distinctReports(corpusReports(path.resolve(ROOT, '../shared/corpus')), 500);
  for (const r of reports) writeFileSync(path.join(dir, r.name), r.text);
  const names = reports.map((r) => r.name);
  const timed = (args, env = {}) => {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
    const m = /([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
    return m ? [Number(m[1]) * 1000, Number(m[2]) / 1024] : null;
  };
  const who = {
    'cli, 1 thread': () => timed([process.execPath, cli, ...names], { FAZHI_CLI_THREADS: '1' }),
    'cli, threads': () => timed([process.execPath, cli, ...names]),
    ...(cli2 ? { 'markdownlint-cli2': () => timed([process.execPath, cli2, '*.md']) } : {}),
  };
  const keys = Object.keys(who);
  const got = Object.fromEntries(keys.map((k) => [k, []]));
  process.stdout.write(`500 reports, ${runs} runs each (rotated), ${os.availableParallelism()} cores, Node ${process.version}; load before ${load()}\n`);
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(i + j) % keys.length];
      const x = who[k]();
      if (x) got[k].push(x);
    }
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const m = Object.fromEntries(keys.map((k) => [k, [med(got[k].map((x) => x[0])), med(got[k].map((x) => x[1]))]]));
  for (const k of keys) process.stdout.write(`  ${k}: ${(m[k][0] / 1000).toFixed(2)} s wall, ${m[k][1].toFixed(0)} MB peak RSS\n`);
  if (cli2) {
    const d = m['markdownlint-cli2'];
    for (const k of keys.slice(0, 2)) process.stdout.write(`  ${k} / markdownlint-cli2: wall ${(m[k][0] / d[0]).toFixed(2)}× (target ≤ 0.6), RSS ${(m[k][1] / d[1]).toFixed(2)}× (target ≤ 1)\n`);
  } else process.stdout.write('  markdownlint-cli2 not found (node_modules or $MARKDOWNLINT_CLI2)\n');
  process.stdout.write(`load after ${load()}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
