// first: sets how the heap grows before it has (node/heap.ts)
import '../node/heap.js';
import { readFileSync } from 'node:fs';
import { checkBatch } from './threads.js';
import type { Io } from './main.js';
import { both } from '../rules/index.js';

function readStdin(): Uint8Array {
  try {
    return readFileSync(0);
  } catch {
    return new Uint8Array();
  }
}

/**
 * The command line: `fazhi-lint export …` (asynchronous: the Word writer is), else a check (a batch in threads).
 * The Word writer (the docx library: most of the bundle's code) is loaded for `export` only: every check, and
 * every checking thread (cli/worker.ts, which never reaches this), starts without evaluating it.
 */
function run(argv: string[], io: Io): Promise<number> {
  // the one subcommand; a file named "export" is checked as ./export
  if (argv[0] === 'export') return import('./export.js').then((m) => m.runExport(argv.slice(1), io));
  return checkBatch(argv, io);
}

// `fazhi-lint … | head -1`: the reader went away. Stop writing and end quietly, as other command-line tools do.
let stdoutClosed = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  stdoutClosed = true;
  process.exit(process.exitCode ?? 0);
});
process.stderr.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

run(process.argv.slice(2), {
  stdout: (s) => void (stdoutClosed || process.stdout.write(s)),
  stderr: (s) => void process.stderr.write(s),
  readStdin,
  isTTY: !!process.stderr.isTTY && !!process.stdout.isTTY,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`fazhi-lint: ${both('cli_internalError')}: ${(err as Error)?.stack ?? err}\n`);
    process.exitCode = 2;
  },
);
