/**
 * Reading from the file system, the one way every caller does it: only regular files, never more than a size
 * limit, never blocking. A FIFO, a socket or a device (`/dev/zero` behind a symlink) is refused before a byte is
 * read; the check is made again on the open descriptor, so a file swapped for a FIFO in between is refused too.
 * Confinement: a path may be required to resolve (symlinks followed) inside one of a set of root directories.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';

/** A draft larger than this is not a draft anyone edits by hand (the corpus' largest is under 100 KB). */
export const MAX_DRAFT_BYTES = 16 * 1024 * 1024;
/** A config file is a few hundred bytes; a megabyte is generous. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export type ReadFailure =
  /** no such file (or a dangling link) */
  | { ok: false; reason: 'notFound'; code: string }
  /** a FIFO, socket or device: reading it could block or never end */
  | { ok: false; reason: 'notRegular'; code: string; kind: string }
  | { ok: false; reason: 'tooLarge'; code: string; size: number; limit: number }
  /** resolves (through a symlink or `..`) outside the roots it must stay in */
  | { ok: false; reason: 'outside'; code: string }
  /** any other error of the system (EACCES, EISDIR, EIO…) */
  | { ok: false; reason: 'unreadable'; code: string };

export type ReadResult = { ok: true; bytes: Buffer; stats: Stats; realPath: string } | ReadFailure;

export interface ReadOptions {
  maxBytes: number;
  /** when given, the file's real path must lie inside one of these directories */
  roots?: readonly string[];
}

export function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  if (st.isDirectory()) return 'directory';
  return 'special file';
}

/** Why a stat forbids reading, or undefined when it is a regular file under the limit. */
function refuse(st: Stats, maxBytes: number): ReadFailure | undefined {
  // a directory keeps the system's own code: that is what users know (and what `cat` says)
  if (st.isDirectory()) return { ok: false, reason: 'unreadable', code: 'EISDIR' };
  if (!st.isFile()) return { ok: false, reason: 'notRegular', code: 'ENOTREG', kind: kindOf(st) };
  if (st.size > maxBytes) return { ok: false, reason: 'tooLarge', code: 'EFBIG', size: st.size, limit: maxBytes };
  return undefined;
}

const realRootCache = new Map<string, string>();

/** A root's real path (symlinks resolved), or the path itself when it does not exist. */
export function realRoot(root: string): string {
  let r = realRootCache.get(root);
  if (r === undefined) {
    try {
      r = realpathSync(root);
    } catch {
      r = path.resolve(root);
    }
    if (realRootCache.size > 1000) realRootCache.clear();
    realRootCache.set(root, r);
  }
  return r;
}

/** Is `p` (already a real, absolute path) the root itself or inside it? */
export function isInside(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function insideRoots(realPath: string, roots: readonly string[]): boolean {
  return roots.some((r) => isInside(realPath, realRoot(r)));
}

/** Read a regular file: bounded, non-blocking, and confined when roots are given. Never throws. */
export function readRegularFile(file: string, options: ReadOptions): ReadResult {
  let st: Stats;
  let real: string;
  try {
    st = statSync(file);
    real = realpathSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, reason: 'notFound', code } : { ok: false, reason: 'unreadable', code };
  }
  if (options.roots && !insideRoots(real, options.roots)) return { ok: false, reason: 'outside', code: 'EOUTSIDE' };
  const before = refuse(st, options.maxBytes);
  if (before) return before;
  let fd: number;
  try {
    // O_NONBLOCK: should the file have become a FIFO since the stat, opening it still returns at once
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    return { ok: false, reason: 'unreadable', code: (err as NodeJS.ErrnoException).code ?? 'EIO' };
  }
  try {
    const fst = fstatSync(fd);
    const now = refuse(fst, options.maxBytes);
    if (now) return now;
    // read at most limit + 1 bytes: a file growing while it is read is cut off at the limit, not followed
    const chunks: Buffer[] = [];
    let n = 0;
    let buf = Buffer.allocUnsafe(Math.min(fst.size, options.maxBytes) + 1);
    let used = 0;
    for (;;) {
      const got = readSync(fd, buf, used, buf.length - used, null);
      if (got === 0) break;
      used += got;
      n += got;
      if (n > options.maxBytes) break;
      if (used === buf.length) {
        chunks.push(buf);
        buf = Buffer.allocUnsafe(Math.min(64 * 1024, options.maxBytes + 1 - n));
        used = 0;
      }
    }
    chunks.push(buf.subarray(0, used));
    if (n > options.maxBytes) return { ok: false, reason: 'tooLarge', code: 'EFBIG', size: n, limit: options.maxBytes };
    const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    return { ok: true, bytes, stats: fst, realPath: real };
  } catch (err) {
    return { ok: false, reason: 'unreadable', code: (err as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    closeSync(fd);
  }
}
