/**
 * The config files of a server without a file system (the browser, server/browserPlatform.ts), read through the
 * client (fazhiLint/readFile: `vscode.workspace.fs`, workspace-folder files of at most READ_FILE_MAX_BYTES): the
 * nearest .fazhi-lint.json(c) at or above a document, climbing no higher than its workspace folder, with its
 * `extends` chain — parsed, validated and merged under the settings exactly as on Node (rules/engine/config.ts's
 * loadConfigFile, SettingsStore.withConfigFile), only the reading is the client's. A document in no workspace folder
 * is checked with the settings alone, as is every document when the client does not read files.
 *
 * Reading is asynchronous and a check is not: a config is loaded once per directory and cached; until it is known
 * a document is checked with what was known before (the settings alone, or the config before the file changed) and
 * checked again when it arrives (onLoaded). Changed config files (invalidate) are read again.
 */
import { CONFIG_FILE_NAMES, ConfigError, ConfigReadRefused, both, loadConfigFile, refusalText, type ConfigHost, type Rule } from '../rules/index.js';
import { base64ToBytes, type ReadFileParams, type ReadFileResult } from '../protocol/index.js';
import { SettingsStore, type DocumentConfig } from './settings.js';
import { folderOf, uriDirname, uriJoin, uriResolve } from './uris.js';

/** How the platform reads a workspace file through the client. */
export interface ClientFiles {
  /** whether the client said it answers fazhiLint/readFile (initializationOptions.readsFiles) */
  readsFiles(): boolean;
  readFile(params: ReadFileParams): Promise<ReadFileResult>;
}

/** A read as the config host sees it: the text, no such file, or why it was not read. */
type Read = { text: string } | { missing: true } | { refused: string };

/** Thrown by the synchronous host for a file not read yet: the loader reads it and tries again. */
class NotReadYet {
  constructor(readonly uri: string) {}
}

/** A directory's config: known, or being read (with what a check gets meanwhile). */
interface DirEntry {
  known?: DocumentConfig;
  loading?: Promise<void>;
  /** what it was before the config files changed, given meanwhile */
  before?: DocumentConfig;
  /** a check got a config while this one was being read: check again when it is known */
  servedEarly?: boolean;
}

/** No more levels than this between a document and its workspace folder are climbed. */
const MAX_LEVELS = 64;

export class BrowserConfigStore extends SettingsStore {
  private folderUris: string[] = [];
  private readonly byDir = new Map<string, DirEntry>();
  private readonly reads = new Map<string, Promise<Read>>();
  private readonly done = new Map<string, Read>();
  /** counts invalidate(): a load begun before it does not store its result */
  private generation = 0;

  constructor(
    rules: readonly Rule[],
    private readonly client: ClientFiles,
    /** configs arrived that checks had to do without: every document is checked again */
    private readonly onLoaded: () => void,
  ) {
    super(rules);
  }

  /** The workspace folders' URIs: the bounds of every lookup and every read. */
  get folders(): string[] {
    return this.folderUris;
  }

  set folders(uris: string[]) {
    this.folderUris = uris;
    this.invalidate();
  }

  override invalidate(): void {
    super.invalidate();
    this.generation++;
    this.reads.clear();
    this.done.clear();
    for (const [dir, e] of this.byDir) {
      const before = e.known ?? e.before;
      if (before) this.byDir.set(dir, { before });
      else this.byDir.delete(dir);
    }
  }

  override errors(): Map<string, ConfigError> {
    const out = new Map<string, ConfigError>();
    // (while a changed file is read again, its error as it was)
    for (const e of this.byDir.values()) {
      const error = e.known ? e.known.error : e.before?.error;
      if (error) out.set(error.file, error);
    }
    return out;
  }

  override prepare(uri: string): Promise<void> | undefined {
    const dir = this.lookupDir(uri);
    if (dir === undefined) return undefined;
    const e = this.entry(dir);
    return e.known ? undefined : e.loading;
  }

  override forUri(uri: string): DocumentConfig {
    const dir = this.lookupDir(uri);
    if (dir === undefined) return super.forUri(uri);
    const e = this.entry(dir);
    if (e.known) return e.known;
    e.servedEarly = true;
    return e.before ?? super.forUri(uri);
  }

  /** The directory a document's config is looked for from, when the client reads files and it is in a folder. */
  private lookupDir(uri: string): string | undefined {
    if (!this.client.readsFiles()) return undefined;
    return folderOf(uri, this.folderUris) !== undefined ? uriDirname(uri) : undefined;
  }

  /** The directory's entry, its load begun if nothing is known of it yet. */
  private entry(dir: string): DirEntry {
    let e = this.byDir.get(dir);
    if (!e) this.byDir.set(dir, (e = {}));
    if (!e.known && !e.loading) {
      const generation = this.generation;
      const entry = e;
      // a failure that is no config error (a bug): the settings alone, rather than a document never checked
      const fallback = (): DocumentConfig => ({ config: this.settingsConfig(this.settingsFor(dir)), language: this.languageOf(this.settingsFor(dir)) });
      e.loading = this.load(dir, generation).catch(fallback).then((known) => {
        if (generation !== this.generation || this.byDir.get(dir) !== entry) return;
        entry.known = known;
        entry.loading = entry.before = undefined;
        if (entry.servedEarly || known.error) this.onLoaded();
      });
    }
    return e;
  }

  private async load(dir: string, generation: number): Promise<DocumentConfig> {
    const settings = this.settingsFor(dir);
    const folder = folderOf(dir, this.folderUris) ?? dir;
    // the nearest config file: every level up to the folder asked at once, the nearest that exists taken
    const candidates: string[] = [];
    for (let d = dir, i = 0; i < MAX_LEVELS; i++) {
      for (const name of CONFIG_FILE_NAMES) candidates.push(uriJoin(d, name));
      if (d === folder) break;
      const up = uriDirname(d);
      if (up === d) break;
      d = up;
    }
    const found = await Promise.all(candidates.map((c) => this.readCached(c)));
    const at = found.findIndex((r) => !('missing' in r));
    if (at < 0) return { config: this.settingsConfig(settings), language: this.languageOf(settings) };
    const file = candidates[at];
    // the Node loader over what was read: a file of the chain not read yet is read, then the chain loaded again
    for (let attempt = 0; attempt < 64; attempt++) {
      try {
        return this.withConfigFile(settings, loadConfigFile(this.host(), file, this.rules), file);
      } catch (err) {
        if (err instanceof NotReadYet) {
          await this.readCached(err.uri);
          // the config files changed meanwhile: this load's result is not kept (a new one reads them again)
          if (generation !== this.generation) break;
          continue;
        }
        if (err instanceof ConfigError) return this.withBrokenFile(settings, file, err);
        throw err;
      }
    }
    return this.withBrokenFile(settings, file, new ConfigError(file, 1, 1, both('read_failed', { code: 'ELOOP' })));
  }

  /** The config host over the reads done so far: each file read once per generation. */
  private host(): ConfigHost {
    return {
      readFile: (uri) => {
        // an extends target stays inside the workspace folders (the client would refuse it too)
        if (folderOf(uri, this.folderUris) === undefined) throw new ConfigReadRefused(refusalText({ reason: 'outside' }));
        const r = this.done.get(uri);
        if (!r) throw new NotReadYet(uri);
        if ('text' in r) return r.text;
        if ('missing' in r) return undefined;
        throw new ConfigReadRefused(r.refused);
      },
      dirname: uriDirname,
      join: uriJoin,
      resolve: uriResolve,
    };
  }

  private readCached(uri: string): Promise<Read> {
    let p = this.reads.get(uri);
    if (!p) {
      const generation = this.generation;
      p = this.readNow(uri).then((r) => {
        if (generation === this.generation) this.done.set(uri, r);
        return r;
      });
      this.reads.set(uri, p);
    }
    return p;
  }

  private async readNow(uri: string): Promise<Read> {
    if (folderOf(uri, this.folderUris) === undefined) return { refused: refusalText({ reason: 'outside' }) };
    let r: ReadFileResult;
    try {
      r = await this.client.readFile({ uri });
    } catch {
      return { refused: refusalText({ reason: 'unreadable', code: 'EIO' }) };
    }
    if (r.ok) return 'base64' in r ? { text: new TextDecoder('utf-8').decode(base64ToBytes(r.base64)) } : { refused: refusalText({ reason: 'notRegular', kind: 'directory' }) };
    if (r.reason === 'notFound') return { missing: true };
    return { refused: refusalText(r) };
  }
}
