/**
 * The file system as the checking core sees it: a ConfigHost that reads config files only when they are regular
 * files under the size limit and inside the roots it was given (nothing read outside the workspace, nothing
 * quoted from a refused file), and the atomic write every --fix and every caller uses.
 */
import { chownSync, closeSync, constants, accessSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigReadRefused, refusalText, type ConfigHost } from '../rules/index.js';
import { MAX_CONFIG_BYTES, readRegularFile } from './read.js';

export { refusalText };

/** Config files on the real file system; `roots`, when given, confine every read (extends included). */
export function nodeConfigHost(roots?: readonly string[]): ConfigHost {
  return {
    readFile(p) {
      const r = readRegularFile(p, { maxBytes: MAX_CONFIG_BYTES, roots });
      if (r.ok) return new TextDecoder('utf-8').decode(r.bytes);
      if (r.reason === 'notFound') return undefined;
      throw new ConfigReadRefused(refusalText(r));
    },
    dirname: (p) => path.dirname(p),
    join: (...parts) => path.join(...parts),
    resolve: (base, rel) => path.resolve(base, rel),
  };
}

export type WriteResult = { ok: true } | { ok: false; reason: 'readOnly' | 'failed'; code: string };

/**
 * Replace a file's bytes atomically: write a temporary file beside it, flush it, give it the file's mode (and
 * owner, where allowed), then rename it over the file. A reader sees the old file or the new one, never half of
 * one; a failure leaves the old file as it was. A file without any write permission bit is read-only to us even
 * for a user (root) the system would let write it: the mode says its owner does not want it changed.
 */
export function writeFileAtomic(file: string, bytes: Uint8Array): WriteResult {
  let real: string;
  let st;
  try {
    // write through a symlink to its target: the link stays a link
    real = realpathSync(file);
    st = statSync(real);
  } catch (err) {
    return { ok: false, reason: 'failed', code: (err as NodeJS.ErrnoException).code ?? 'EIO' };
  }
  if (!st.isFile()) return { ok: false, reason: 'failed', code: 'ENOTREG' };
  if ((st.mode & 0o222) === 0) return { ok: false, reason: 'readOnly', code: 'EACCES' };
  try {
    accessSync(real, constants.W_OK);
  } catch (err) {
    return { ok: false, reason: 'readOnly', code: (err as NodeJS.ErrnoException).code ?? 'EACCES' };
  }
  return writeViaTemp(real, bytes, st.mode & 0o7777, st);
}

/** Write `bytes` to a temporary file beside `real`, flush it, give it `mode` (and `owner`), rename it over `real`. */
function writeViaTemp(real: string, bytes: Uint8Array, mode: number, owner?: { uid: number; gid: number }): WriteResult {
  const tmp = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.fazhi-tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    fchmodSync(fd, mode);
    if (owner) {
      try {
        chownSync(tmp, owner.uid, owner.gid);
      } catch {
        // only a privileged user may give a file away; the mode is kept either way
      }
    }
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, real);
    return { ok: true };
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    return { ok: false, reason: 'failed', code: (err as NodeJS.ErrnoException).code ?? 'EIO' };
  }
}

/**
 * An output file (`-o review.html`): replaced atomically like a draft when it exists (keeping its mode), created
 * the same way — complete or not at all — when it does not.
 */
export function writeOutputFile(file: string, bytes: Uint8Array): WriteResult {
  let exists = true;
  try {
    statSync(file);
  } catch {
    exists = false;
  }
  if (exists) return writeFileAtomic(file, bytes);
  const dir = path.dirname(path.resolve(file));
  let realDir: string;
  try {
    realDir = realpathSync(dir);
  } catch (err) {
    return { ok: false, reason: 'failed', code: (err as NodeJS.ErrnoException).code ?? 'ENOENT' };
  }
  return writeViaTemp(path.join(realDir, path.basename(file)), bytes, 0o644);
}
