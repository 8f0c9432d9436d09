/**
 * A checking thread of the CLI (bundled as dist/cli-worker.cjs, started by cli/main.ts for a batch): the run's own
 * options and config, set up as the main thread set them up, then one file per message — fixed (--fix, first
 * pass) or checked — answered as plain data the main thread prints in the files' order.
 */
// first: sets how the heap grows before it has (node/heap.ts)
import '../node/heap.js';
import { parentPort, workerData } from 'node:worker_threads';
import { begin } from './main.js';
import { fileJob, type ThreadAnswer, type ThreadData, type ThreadJob } from './threads.js';

const data = workerData as ThreadData;
const quiet = () => {};
const r = begin(data.argv, { stdout: quiet, stderr: quiet, readStdin: () => new Uint8Array(), isTTY: false, cwd: data.cwd }, { namedPrevious: data.namedPrevious });

parentPort!.on('message', (job: ThreadJob) => {
  if (job.phase === 'learn') {
    if (typeof r !== 'number') r.checker.learn(job.fact);
    return;
  }
  let answer: ThreadAnswer;
  try {
    if (typeof r === 'number') throw new Error(`the run's options did not set up on a checking thread (${r})`);
    answer = { i: job.i, value: fileJob(r.checker, job) };
  } catch (err) {
    answer = { i: job.i, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort!.postMessage(answer);
});
