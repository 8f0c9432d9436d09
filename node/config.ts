/**
 * Config lookup on the file system: the nearest .fazhi-lint.json(c) at or above a file's directory, loaded with
 * its `extends` chain through a confined host. Where a lookup may climb and what `extends` may reach:
 * - `roots` are the workspace (the server's workspace folders; for the CLI the working directory, the trees named
 *   on the command line and the directory of an explicit --config). An `extends` target must lie inside a root or
 *   inside the directory of the config file heading its chain; symlinks are resolved before that test.
 * - with `stopAtRoots` (the server) the lookup climbs no higher than the innermost root holding the file; a file
 *   in no root, and every CLI lookup, climbs to the file system's root (a config in an ancestor directory is the
 *   user's own).
 * Results are cached per directory until clear(); an error is cached too, so a broken config is read once.
 */
import { lstatSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, defaultConfig, loadConfigFile, type ResolvedConfig, type Rule } from '../rules/index.js';
import { nodeConfigHost } from './host.js';
import { isInside, realRoot } from './read.js';

export interface FoundConfig {
  config: ResolvedConfig;
  /** the directory include/exclude globs are relative to: the config file's, or where the lookup started */
  dir: string;
  /** the config file, when one applies */
  file?: string;
}

export interface ConfigLookupOptions {
  rules: readonly Rule[];
  roots: readonly string[];
  stopAtRoots?: boolean;
}

export class ConfigLookup {
  private readonly byDir = new Map<string, FoundConfig | ConfigError>();

  constructor(readonly options: ConfigLookupOptions) {}

  clear(): void {
    this.byDir.clear();
  }

  /** The config for a file (by its directory). Throws ConfigError for a broken config. */
  forFile(file: string): FoundConfig {
    return this.forDir(path.dirname(file));
  }

  forDir(dir: string): FoundConfig {
    let hit = this.byDir.get(dir);
    if (!hit) {
      try {
        hit = this.compute(dir);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        hit = err;
      }
      if (this.byDir.size > 10_000) this.byDir.clear();
      this.byDir.set(dir, hit);
    }
    if (hit instanceof ConfigError) throw hit;
    return hit;
  }

  /** A config file named explicitly (--config): its directory heads its chain. Throws ConfigError. */
  load(file: string): FoundConfig {
    const host = nodeConfigHost([...this.options.roots, path.dirname(file)]);
    return { config: loadConfigFile(host, file, this.options.rules), dir: path.dirname(file), file };
  }

  /** The nearest config file's path at or above dir, within the lookup's bounds; any kind of file counts. */
  find(dir: string): string | undefined {
    const stop = this.options.stopAtRoots ? this.innermostRoot(dir) : undefined;
    let d = path.resolve(dir);
    for (let i = 0; i < 256; i++) {
      for (const name of CONFIG_FILE_NAMES) {
        const p = path.join(d, name);
        if (exists(p)) return p;
      }
      if (stop !== undefined && path.resolve(d) === stop) return undefined;
      const parent = path.dirname(d);
      if (parent === d) return undefined;
      d = parent;
    }
    return undefined;
  }

  private compute(dir: string): FoundConfig {
    const file = this.find(dir);
    if (!file) return { config: defaultConfig(this.options.rules), dir };
    return this.load(file);
  }

  private innermostRoot(dir: string): string | undefined {
    const real = realRoot(dir);
    let best: string | undefined;
    for (const r of this.options.roots) {
      const abs = path.resolve(r);
      if ((isInside(path.resolve(dir), abs) || isInside(real, realRoot(r))) && (!best || abs.length > best.length)) best = abs;
    }
    return best;
  }
}

/** Anything at the path, a dangling link included: a FIFO or broken config is found, then reported, not skipped. */
function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
