/**
 * Which files to check: named files always; directories walked for the extensions some decoder reads; quoted
 * globs expanded here (shells usually do it). The walk is a generator so thousands of files never sit in memory
 * at once. A walk stays inside the directory it walks: a symlink whose target lies outside it is reported and
 * not followed, and symlinked directories are never entered (no loops).
 */
import { opendirSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { draftExtensions } from './decode.js';
import { insideRoots } from './read.js';
import type { IgnoreFilter } from './ignore.js';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.cache', '.vscode-test']);

export interface Target {
  path: string;
  /** named on the command line (always checked) rather than found by walking */
  explicit: boolean;
}

export type TargetError = { path: string; reason: 'notFound' | 'unreadable' | 'outside'; detail?: string };

function hasGlob(s: string): boolean {
  return /[*?[\]{}]/.test(s);
}

function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const base: string[] = [];
  for (const p of parts) {
    if (hasGlob(p)) break;
    base.push(p);
  }
  return base.join('/') || '.';
}

/** `skip`: walked files and directories to leave out (.fazhi-lintignore, negated globs); named files are always kept. */
export function* expandTargets(args: string[], onError: (e: TargetError) => void, cwd = process.cwd(), skip?: IgnoreFilter): Generator<Target> {
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let isDir: boolean;
    try {
      // statSync follows the link: a link to a directory is walked like the directory
      isDir = statSync(abs).isDirectory();
    } catch (err) {
      if (hasGlob(arg)) {
        const isMatch = picomatch(arg.replace(/\\/g, '/'), { dot: false });
        const base = path.resolve(cwd, globBase(arg));
        for (const file of walkDir(base, onError, [base], skip)) {
          const rel = path.relative(cwd, file).split(path.sep).join('/');
          if (isMatch(rel)) yield { path: file, explicit: true };
        }
        continue;
      }
      const code = (err as NodeJS.ErrnoException).code;
      onError({ path: arg, reason: code === 'ENOENT' ? 'notFound' : 'unreadable', detail: code });
      continue;
    }
    if (isDir) {
      for (const file of walkDir(abs, onError, [abs], skip)) yield { path: file, explicit: false };
    } else {
      yield { path: abs, explicit: true };
    }
  }
}

/**
 * Draft files under a directory, sorted, files before subdirectories. Without recursion (a deep tree cannot
 * overflow the stack). `roots` bounds where a symlinked file may point (default: the directory walked).
 */
export function* walkDir(dir: string, onError: (e: TargetError) => void, roots: readonly string[] = [dir], skip?: IgnoreFilter): Generator<string> {
  const extensions = draftExtensions();
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let handle;
    try {
      handle = opendirSync(d);
    } catch (err) {
      onError({ path: d, reason: 'unreadable', detail: (err as NodeJS.ErrnoException).code });
      continue;
    }
    const subdirs: string[] = [];
    const files: string[] = [];
    try {
      let entry: Dirent | null;
      while ((entry = handle.readSync()) !== null) {
        const full = path.join(d, entry.name);
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && !SKIP_DIRS.has(entry.name) && !skip?.ignores(full, true)) subdirs.push(full);
        } else if ((entry.isFile() || entry.isSymbolicLink()) && extensions.includes(path.extname(entry.name).toLowerCase())) {
          if (skip?.ignores(full, false)) continue;
          if (entry.isSymbolicLink() && !linkStaysInside(full, roots)) {
            onError({ path: full, reason: 'outside' });
            continue;
          }
          files.push(full);
        }
      }
    } finally {
      handle.closeSync();
    }
    files.sort();
    yield* files;
    subdirs.sort().reverse();
    stack.push(...subdirs);
  }
}

/** A dangling link stays inside (reading it reports ENOENT); a link resolving outside the roots does not. */
function linkStaysInside(link: string, roots: readonly string[]): boolean {
  let real: string;
  try {
    real = realpathSync(link);
  } catch {
    return true;
  }
  return insideRoots(real, roots);
}

/**
 * Draft files in the same directory as a file (itself excluded): where last year's report usually sits. Listed in
 * one call (readdirSync): a draft's folder is listed once per check that looks for last year's report, and a Dir
 * handle cost several times the listing of a small folder.
 */
export function filesBeside(file: string): string[] {
  const out: string[] = [];
  const dir = path.dirname(file);
  const extensions = draftExtensions();
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (full !== file && (entry.isFile() || entry.isSymbolicLink()) && extensions.includes(path.extname(entry.name).toLowerCase())) {
      if (entry.isSymbolicLink() && !linkStaysInside(full, [dir])) continue;
      out.push(full);
    }
  }
  return out.sort();
}

/** include / exclude globs of the config, relative to the config file's directory. */
export function matchesConfigGlobs(file: string, baseDir: string, include?: string[], exclude?: string[]): boolean {
  const rel = path.relative(baseDir, file).split(path.sep).join('/');
  if (include?.length && !picomatch(include)(rel)) return false;
  if (exclude?.length && picomatch(exclude)(rel)) return false;
  return true;
}
