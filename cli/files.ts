/**
 * Which files to check: named files always; directories walked for .md/.markdown/.txt; quoted globs expanded
 * here (shells usually do it). The walk is a generator so thousands of files never sit in memory at once.
 */
import { opendirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export const REPORT_EXTENSIONS = ['.md', '.markdown', '.txt'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.cache', '.vscode-test']);

export interface Target {
  path: string;
  /** named on the command line (always checked) rather than found by walking */
  explicit: boolean;
}

export type TargetError = { path: string; reason: 'notFound' | 'unreadable'; detail?: string };

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

export function* expandTargets(args: string[], onError: (e: TargetError) => void, cwd = process.cwd()): Generator<Target> {
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch (err) {
      if (hasGlob(arg)) {
        const isMatch = picomatch(arg.replace(/\\/g, '/'), { dot: false });
        const base = path.resolve(cwd, globBase(arg));
        for (const file of walk(base, onError)) {
          const rel = path.relative(cwd, file).split(path.sep).join('/');
          if (isMatch(rel)) yield { path: file, explicit: true };
        }
        continue;
      }
      const code = (err as NodeJS.ErrnoException).code;
      onError({ path: arg, reason: code === 'ENOENT' ? 'notFound' : 'unreadable', detail: code });
      continue;
    }
    if (st.isDirectory()) {
      for (const file of walk(abs, onError)) yield { path: file, explicit: false };
    } else {
      yield { path: abs, explicit: true };
    }
  }
}

function* walk(dir: string, onError: (e: TargetError) => void): Generator<string> {
  let handle;
  try {
    handle = opendirSync(dir);
  } catch (err) {
    onError({ path: dir, reason: 'unreadable', detail: (err as NodeJS.ErrnoException).code });
    return;
  }
  const subdirs: string[] = [];
  try {
    let entry: Dirent | null;
    const files: string[] = [];
    while ((entry = handle.readSync()) !== null) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIP_DIRS.has(entry.name)) subdirs.push(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && REPORT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        files.push(full);
      }
    }
    files.sort();
    yield* files;
  } finally {
    handle.closeSync();
  }
  subdirs.sort();
  for (const d of subdirs) yield* walk(d, onError);
}

/** include / exclude globs of the config, relative to the config file's directory. */
export function matchesConfigGlobs(file: string, baseDir: string, include?: string[], exclude?: string[]): boolean {
  const rel = path.relative(baseDir, file).split(path.sep).join('/');
  if (include?.length && !picomatch(include)(rel)) return false;
  if (exclude?.length && picomatch(exclude)(rel)) return false;
  return true;
}
