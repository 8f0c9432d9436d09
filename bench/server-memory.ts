/**
 * `node bench/run.mjs bench/server-memory.ts [documents]`: only the bench's server memory figure (bench/run.ts
 * measures the same inside the full `npm run bench`): the bundled server (dist/server.cjs) over stdio, as an editor
 * starts it, with N distinct reports opened one after another (default 50), each waited for until its diagnostics
 * arrive; then the server's resident set size and its peak, from the kernel. Also the RSS at start (initialised, no
 * document), and again once it has been idle a few seconds ("settled": the server compacts its heap after a second
 * with nothing published). Build first (node scripts/build.mjs). FAZHI_SERVER_ARGS: node options for the server (e.g. a heap
 * snapshot signal while looking for what a document keeps).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { LspSession } from './lsp.js';
import { corpusReports, distinctReports } from './inputs.js';

// run.mjs passes this script's own path first
const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 50);
const serverPath = path.resolve('dist/server.cjs');
const SETTLE_MS = 3000;
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const corpus = corpusReports(path.resolve('../shared/corpus'));
const s = new LspSession(serverPath, (process.env.FAZHI_SERVER_ARGS ?? '').split(' ').filter(Boolean));
try {
  await s.initialize();
  await new Promise((r) => setTimeout(r, 500));
  const start = s.memory();
  const pending: Promise<unknown>[] = [];
  for (const c of distinctReports(corpus, count)) {
    const uri = `file:///bench/open/${c.name}`;
    pending.push(s.diagnosticsFor(uri, 1, 120_000));
    await s.open(uri, c.text);
  }
  await Promise.all(pending);
  await new Promise((r) => setTimeout(r, 500));
  const mem = s.memory();
  process.stdout.write(`server (pid ${s.child.pid}), Node ${process.version}, load ${load()}\n`);
  if (start) process.stdout.write(`  at start: RSS ${start.rssMB.toFixed(1)} MB\n`);
  if (mem) process.stdout.write(`  ${count} distinct reports open: RSS ${mem.rssMB.toFixed(1)} MB, peak ${mem.peakMB.toFixed(1)} MB (target ≤ 100 MB)\n`);
  // and once the server has been idle a while (node/heap.ts compacts the heap after a second with nothing published)
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const settled = s.memory();
  if (settled) process.stdout.write(`  settled (${(SETTLE_MS + 500) / 1000} s after the last diagnostics): RSS ${settled.rssMB.toFixed(1)} MB\n`);
  if (process.env.FAZHI_SERVER_HOLD) await new Promise((r) => setTimeout(r, Number(process.env.FAZHI_SERVER_HOLD)));
} finally {
  await s.close();
}
