/**
 * Which walked files to leave out: `.fazhi-lintignore` (gitignore semantics, by the `ignore` package that git-like
 * tools share) in the directory a walk starts from, and the negated globs of a command line (`'!archive/**'`).
 * Paths are tested relative to that directory; a path outside it is never ignored (the file's patterns do not
 * speak of it). Files named on the command line are always checked, as with every other filter of the walk.
 */
import * as path from 'node:path';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { MAX_CONFIG_BYTES, readRegularFile, type ReadFailure } from './read.js';

export const IGNORE_FILE_NAME = '.fazhi-lintignore';

export interface IgnoreFilter {
  /** true when the walk should skip this file or (isDir) this whole directory */
  ignores(abs: string, isDir: boolean): boolean;
}

export type IgnoreLoad = { ok: true; filter: IgnoreFilter | undefined } | { ok: false; file: string; failure: ReadFailure };

/**
 * The filter for a walk from `base`: its .fazhi-lintignore when there is one, and `negated` globs (without their
 * `!`, relative to `base`). `filter` is undefined when nothing is ignored.
 */
export function loadIgnore(base: string, negated: readonly string[] = [], roots: readonly string[] = [base]): IgnoreLoad {
  const file = path.join(base, IGNORE_FILE_NAME);
  const read = readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, roots });
  let ig: ReturnType<typeof ignore> | undefined;
  if (read.ok) ig = ignore().add(new TextDecoder('utf-8').decode(read.bytes).replace(/^\uFEFF/, ''));
  else if (read.reason !== 'notFound') return { ok: false, file, failure: read };
  const globs = negated.map((g) => g.replace(/\\/g, '/').replace(/^\.\//, ''));
  const isMatch = globs.length ? picomatch(globs, { dot: true }) : undefined;
  // a directory is skipped whole when a glob names everything under it (archive/** skips archive/)
  const dirMatch = globs.length ? picomatch(globs.filter((g) => g.endsWith('/**')).map((g) => g.slice(0, -3)), { dot: true }) : undefined;
  if (!ig && !isMatch) return { ok: true, filter: undefined };
  return {
    ok: true,
    filter: {
      ignores(abs, isDir) {
        const rel = path.relative(base, abs).split(path.sep).join('/');
        if (!rel || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
        if (ig?.ignores(isDir ? rel + '/' : rel)) return true;
        if (isDir) return !!dirMatch?.(rel);
        return !!isMatch?.(rel);
      },
    },
  };
}
