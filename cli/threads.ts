/**
 * A batch of files across threads (issue 17): the main thread and up to three checking threads (cli/worker.ts,
 * bundled as dist/cli-worker.cjs) check files at once; the main thread prints each file's record in the files'
 * order, so the output is the same, byte for byte, as on one thread.
 */
import { existsSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PreviousText } from '../rules/index.js';
import type { Target } from '../node/index.js';
import { THREAD_MIN_FILES, begin, runHere, type Begun, type FileFact, type FileRecord, type FixInfo, type Io, type RunChecker } from './main.js';

declare const __dirname: string | undefined;
/** The checking thread's script (bundled beside dist/cli.cjs; from the sources there is none: one thread). */
const THREAD_SCRIPT = typeof __dirname === 'string' && existsSync(path.join(__dirname, 'cli-worker.cjs')) ? path.join(__dirname, 'cli-worker.cjs') : undefined;

/**
 * How many threads check a batch, the main one included: one for a handful of files, else one per idle core up to
 * four. Idle: the cores less the load average of the last minute — on a machine whose cores are busy with other
 * work a second thread only adds its start and its heap (measured: 500 reports at load 4–6 on 2 cores took 7.8 s in
 * two threads against 6.5 s in one, docs/performance.md). FAZHI_CLI_THREADS=N sets it (1: the main thread alone).
 */
export function threadCount(files: number, env: NodeJS.ProcessEnv = process.env, cores = os.availableParallelism(), load = os.loadavg()[0]): number {
  if (!THREAD_SCRIPT) return 1;
  return threadsFor(files, env.FAZHI_CLI_THREADS, cores, load);
}

/** threadCount's rule, given the machine (`forced`: FAZHI_CLI_THREADS as set, if it is). */
export function threadsFor(files: number, forced: string | undefined, cores: number, load: number): number {
  // a number asked for is taken as it is (beyond four, beyond the cores), but never more threads than files
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.max(1, Math.min(Number(forced), files));
  if (files <= THREAD_MIN_FILES) return 1;
  return Math.max(1, Math.min(Math.floor(cores - load + 0.5), cores, 4, files));
}

export async function checkBatch(argv: string[], io: Io): Promise<number> {
  const r = begin(argv, io);
  if (typeof r === 'number') return r;
  const targets = r.targets();
  const threads = threadCount(targets.length);
  if (threads === 1) runHere(targets, r);
  else await runInThreads(targets, r, threads - 1, argv, io.cwd);
  return r.finish();
}

/** A message to a checking thread, and its answer (cli/worker.ts). */
export type ThreadJob = ({ i: number; target: Target } & ({ phase: 'fix' } | { phase: 'fact' } | { phase: 'check'; fix?: FixInfo })) | { phase: 'learn'; fact: FileFact };
type FileJob = Exclude<ThreadJob, { phase: 'learn' }>;
export type ThreadAnswer = { i: number; value: FileRecord | FixInfo | FileFact | undefined } | { i: number; error: string };
export interface ThreadData {
  argv: string[];
  cwd: string;
  namedPrevious: PreviousText | null | undefined;
}

/** Files a checking thread has in hand at once (one checked, one waiting), and how far past the next file to print any may be. */
const IN_HAND = 2;
const AHEAD = 32;
/**
 * A checking thread's heap: the main thread's own limit is V8's (sized for the machine), a checking thread's is
 * smaller, so a batch's peak memory stays near one thread's (V8 grows a heap lazily, several times what it holds).
 * A file larger than WORKER_MAX_BYTES is checked on the main thread; a thread that runs out of memory anyway
 * hands its files back to the main thread, and the batch goes on without it.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 4 };
/** FAZHI_CLI_THREAD_HEAP_MB=N: a checking thread's old-generation limit instead (a test starves it to see the hand-back) */
const workerLimits = (env: NodeJS.ProcessEnv) => (/^\d+$/.test(env.FAZHI_CLI_THREAD_HEAP_MB ?? '') ? { ...WORKER_LIMITS, maxOldGenerationSizeMb: Number(env.FAZHI_CLI_THREAD_HEAP_MB) } : WORKER_LIMITS);
const WORKER_MAX_BYTES = 1024 * 1024;

interface Pool {
  workers: Worker[];
  /** false: the thread ended (out of memory): its files went to the main thread */
  alive: boolean[];
  /** each target's size on disk, to keep the large ones on the main thread */
  sizes: number[];
}

/**
 * The batch across the main thread and `helpers` checking threads, printed in the files' order: each thread
 * checks a file at a time and answers with its record; the main thread applies the records in order as they
 * complete, and checks files itself between answers. No file is started more than AHEAD past the next one to
 * print, so the records held waiting stay few (memory bounded, not by the batch's size).
 */
async function runInThreads(targets: Target[], r: Begun, helpers: number, argv: string[], cwd: string): Promise<void> {
  const data: ThreadData = { argv, cwd, namedPrevious: r.namedPrevious };
  const workers = Array.from({ length: helpers }, () => new Worker(THREAD_SCRIPT!, { workerData: data, resourceLimits: workerLimits(process.env) }));
  const pool: Pool = { workers, alive: workers.map(() => true), sizes: targets.map((t) => sizeOf(t.path)) };
  const here = (job: FileJob) => fileJob(r.checker, job);
  try {
    let fixes: (FixInfo | undefined)[] = [];
    if (r.fixWrite) {
      // --fix: every fix written before any file is checked, as on one thread
      fixes = new Array(targets.length);
      await inThreads(pool, here, (i) => ({ i, target: targets[i], phase: 'fix' }), (i, v) => void (fixes[i] = v as FixInfo | undefined));
    }
    if (r.checker.pairs) {
      // every draft looks for last year's report among the run's files, and reads each as a candidate: read once
      // per run, each thread a share, every thread told (as on one thread, where each is read once)
      await inThreads(pool, here, (i) => ({ i, target: targets[i], phase: 'fact' }), (_, v) => {
        const fact = v as FileFact | undefined;
        if (!fact) return;
        r.checker.learn(fact);
        workers.forEach((w, k) => pool.alive[k] && w.postMessage({ phase: 'learn', fact } satisfies ThreadJob));
      });
    }
    await inThreads(
      pool,
      here,
      // the fixed text stays behind: the check reads the file
      (i) => ({ i, target: targets[i], phase: 'check', fix: fixes[i] && { ...fixes[i]!, output: '' } }),
      (i, v) => r.apply(targets[i], v as FileRecord),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** One file's job, on whichever thread (cli/worker.ts runs it too). */
export function fileJob(c: RunChecker, job: FileJob): FixInfo | FileFact | FileRecord | undefined {
  return job.phase === 'fix' ? c.fix(job.target) : job.phase === 'fact' ? c.fact(job.target) : c.check(job.target, job.fix);
}

function inThreads(pool: Pool, here: (job: FileJob) => unknown, job: (i: number) => FileJob, apply: (i: number, value: unknown) => void): Promise<void> {
  const { workers, alive, sizes } = pool;
  const count = sizes.length;
  return new Promise((resolve, reject) => {
    let next = 0;
    let applied = 0;
    let finished = false;
    let hereBusy = false;
    const waiting = new Map<number, unknown>();
    const held = workers.map(() => new Set<number>());
    /** files of a thread that ended, for the main thread */
    const handedBack: number[] = [];
    const end = (err?: Error) => {
      if (finished) return;
      finished = true;
      for (const w of workers) w.removeAllListeners();
      if (err) reject(err);
      else resolve();
    };
    const answered = (i: number, value: unknown) => {
      waiting.set(i, value);
      try {
        while (waiting.has(applied)) {
          const v = waiting.get(applied);
          waiting.delete(applied);
          apply(applied++, v);
        }
      } catch (err) {
        return end(err as Error);
      }
      if (applied === count) return end();
      feed();
    };
    const open = () => next < count && next < applied + AHEAD;
    const feed = () => {
      if (finished) return;
      for (let k = 0; k < workers.length; k++) {
        // a large file waits for the main thread, and the files after it with it (the order of starting stays)
        while (alive[k] && held[k].size < IN_HAND && open() && sizes[next] <= WORKER_MAX_BYTES) {
          held[k].add(next);
          workers[k].postMessage(job(next++));
        }
      }
      // the main thread takes a file too, when one is left; between two of its files it reads the answers
      if (!hereBusy && (handedBack.length || open())) {
        hereBusy = true;
        const mine = job(handedBack.length ? handedBack.shift()! : next++);
        setImmediate(() => {
          let value: unknown;
          try {
            value = here(mine);
          } catch (err) {
            return end(err as Error);
          }
          hereBusy = false;
          answered(mine.i, value);
        });
      }
    };
    const lost = (k: number) => {
      if (finished || !alive[k]) return;
      alive[k] = false;
      workers[k].removeAllListeners();
      handedBack.push(...[...held[k]].sort((x, y) => x - y));
      held[k].clear();
      feed();
    };
    workers.forEach((w, k) => {
      if (!alive[k]) return;
      w.removeAllListeners();
      w.on('message', (a: ThreadAnswer) => {
        if (finished) return;
        held[k].delete(a.i);
        if ('error' in a) return end(new Error(a.error));
        answered(a.i, a.value);
      });
      w.on('error', () => lost(k));
      w.on('exit', () => lost(k));
    });
    if (count === 0) return end();
    feed();
  });
}
