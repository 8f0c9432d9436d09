import { writeOutputFile } from '../node/index.js';

/** Write a whole output file atomically (node/'s writer): a reader never sees half a file, a failure leaves the old one. */
export function writeAtomic(target: string, data: string | Uint8Array): void {
  const r = writeOutputFile(target, typeof data === 'string' ? new TextEncoder().encode(data) : data);
  if (!r.ok) throw Object.assign(new Error(`${target}: ${r.code}`), { code: r.code });
}
