import { writeFileSync, renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';

/** Write beside the target, then rename over it: a reader never sees half a file, a failure leaves the old one. */
export function writeAtomic(target: string, data: string | Uint8Array): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
