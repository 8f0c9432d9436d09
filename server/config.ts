/**
 * Settings (`fazhi-lint.*` from the editor) merged UNDER the workspace's .fazhi-lint.json(c): a rule the config
 * file names (directly or through `extends`) takes the file's severity; every other rule takes the setting's,
 * then its default. Config files are read, never executed; a broken one is reported, and the document is then
 * checked with the settings alone.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigLookup } from '../node/index.js';
import { ConfigError, type Rule } from '../rules/index.js';
import { SettingsStore, type DocumentConfig } from './settings.js';

export { DEFAULT_SETTINGS, normalizeSettings, type DocumentConfig, type LanguageSetting, type RunMode, type Settings } from './settings.js';

export class ConfigStore extends SettingsStore {
  private byDir = new Map<string, DocumentConfig>();
  private folderPaths: string[] = [];
  private lookup: ConfigLookup;

  constructor(rules: readonly Rule[]) {
    super(rules);
    this.lookup = this.newLookup();
  }

  /**
   * Workspace folder paths: where an untitled document looks for its config, and the bounds of every config read
   * (a lookup climbs no higher than the folder, an `extends` stays inside it).
   */
  get folders(): string[] {
    return this.folderPaths;
  }

  set folders(paths: string[]) {
    this.folderPaths = paths;
    this.lookup = this.newLookup();
    this.invalidate();
  }

  private newLookup(): ConfigLookup {
    return new ConfigLookup({ rules: this.rules, roots: this.folderPaths, stopAtRoots: true });
  }

  /** Forget what was read: settings changed or a config file changed on disk. */
  override invalidate(): void {
    super.invalidate();
    this.byDir.clear();
    this.lookup.clear();
  }

  /** Every config file currently broken, by its URI, with its error (for diagnostics on the file). */
  override errors(): Map<string, ConfigError> {
    const out = new Map<string, ConfigError>();
    for (const c of this.byDir.values()) if (c.error) out.set(pathToFileURL(c.error.file).toString(), c.error);
    return out;
  }

  override forUri(uri: string): DocumentConfig {
    const dir = this.dirOf(uri);
    let c = this.byDir.get(dir ?? '');
    if (!c) {
      c = this.compute(dir);
      this.byDir.set(dir ?? '', c);
    }
    return c;
  }

  /** A document's folder is matched by its directory (the folders' settings are keyed by path here). */
  protected override folderKeyOf(uri: string): string | undefined {
    return this.dirOf(uri);
  }

  private dirOf(uri: string): string | undefined {
    if (uri.startsWith('file:')) {
      try {
        return path.dirname(fileURLToPath(uri));
      } catch {
        return undefined;
      }
    }
    return this.folders[0];
  }

  private compute(dir: string | undefined): DocumentConfig {
    // the settings of the workspace folder holding the document (multi-root workspaces), else the window's
    const settings = this.settingsFor(dir);
    if (!dir) return { config: this.settingsConfig(settings), language: this.languageOf(settings) };
    let file: string | undefined;
    try {
      file = this.lookup.find(dir);
      if (!file) return { config: this.settingsConfig(settings), language: this.languageOf(settings) };
      return this.withConfigFile(settings, this.lookup.forDir(dir).config, file);
    } catch (err) {
      if (err instanceof ConfigError) return this.withBrokenFile(settings, file, err);
      throw err;
    }
  }
}
