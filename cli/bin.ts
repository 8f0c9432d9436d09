import { readFileSync } from 'node:fs';
import { main } from './main.js';

function readStdin(): Uint8Array {
  try {
    return readFileSync(0);
  } catch {
    return new Uint8Array();
  }
}

let code: number;
try {
  code = main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin,
    isTTY: !!process.stderr.isTTY && !!process.stdout.isTTY,
    cwd: process.cwd(),
  });
} catch (err) {
  process.stderr.write(`fazhi-lint: 内部错误 / internal error: ${(err as Error)?.stack ?? err}\n`);
  code = 2;
}
process.exitCode = code;
