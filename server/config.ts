/**
 * Settings (`fazhi-lint.*` from the editor) merged UNDER the workspace's .fazhi-lint.json(c): a rule the config
 * file names (directly or through `extends`) takes the file's severity; every other rule takes the setting's,
 * then its default. Config files are read, never executed; a broken one is reported, and the document is then
 * checked with the settings alone.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigLookup } from '../node/index.js';
import {
  ConfigError,
  defaultConfig,
  languageFor,
  type Language,
  type ResolvedConfig,
  type Rule,
  type SeveritySetting,
} from '../rules/index.js';

export type RunMode = 'onType' | 'onSave';
export type LanguageSetting = 'zh-CN' | 'en' | 'auto';

export interface Settings {
  enable: boolean;
  run: RunMode;
  language: LanguageSetting;
  rules: Record<string, SeveritySetting>;
  debounceMs: number;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', language: 'zh-CN', rules: {}, debounceMs: 300 };

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** Accept whatever a client sends (VS Code, Neovim, a test) and keep only well-formed values. */
export function normalizeSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  const s = { ...base, rules: { ...base.rules } };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
  if (r.language === 'zh-CN' || r.language === 'en' || r.language === 'auto') s.language = r.language;
  if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs)) s.debounceMs = Math.max(0, Math.min(r.debounceMs, 10_000));
  if (r.rules && typeof r.rules === 'object') {
    s.rules = {};
    for (const [id, sev] of Object.entries(r.rules as Record<string, unknown>)) if (typeof sev === 'string' && SEVERITIES.has(sev)) s.rules[id] = sev as SeveritySetting;
  }
  return s;
}

export interface DocumentConfig {
  config: ResolvedConfig;
  language: Language;
  /** the config file that applies, if any */
  file?: string;
  /** set when that file (or one it extends) is broken; config then holds the settings alone */
  error?: ConfigError;
}

export class ConfigStore {
  settings: Settings = DEFAULT_SETTINGS;
  /**
   * Each workspace folder's own settings (a multi-root workspace's folder settings, read with the folder's scope);
   * a document takes those of the innermost folder holding it, else `settings`. Only the rules and the language
   * differ by folder; enable, run and the debounce are the window's.
   */
  private folderSettings = new Map<string, Settings>();
  /** the editor's display language, for language "auto" */
  locale: string | undefined;
  private byDir = new Map<string, DocumentConfig>();
  private folderPaths: string[] = [];
  private lookup: ConfigLookup;

  constructor(private readonly rules: readonly Rule[]) {
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
  invalidate(): void {
    this.byDir.clear();
    this.lookup.clear();
  }

  /** The language of messages that belong to no document (config errors, progress, the rule list). */
  uiLanguage(): Language {
    return this.settings.language === 'auto' ? languageFor(this.locale) : this.settings.language;
  }

  setSettings(s: Settings, byFolder?: Map<string, Settings>): void {
    this.settings = s;
    if (byFolder) this.folderSettings = byFolder;
    this.invalidate();
  }

  /** The settings of the innermost workspace folder holding `dir`, else the window's. */
  settingsFor(dir: string | undefined): Settings {
    if (dir === undefined || !this.folderSettings.size) return this.settings;
    let best: string | undefined;
    for (const f of this.folderSettings.keys()) {
      const rel = path.relative(f, dir);
      const inside = rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
      if (inside && (!best || f.length > best.length)) best = f;
    }
    return best ? this.folderSettings.get(best)! : this.settings;
  }

  /** Every config file currently broken, with its error (for diagnostics on the file). */
  errors(): Map<string, ConfigError> {
    const out = new Map<string, ConfigError>();
    for (const c of this.byDir.values()) if (c.error) out.set(c.error.file, c.error);
    return out;
  }

  forUri(uri: string): DocumentConfig {
    const dir = this.dirOf(uri);
    let c = this.byDir.get(dir ?? '');
    if (!c) {
      c = this.compute(dir);
      this.byDir.set(dir ?? '', c);
    }
    return c;
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
    const settings = this.settingsFor(dir);
    const base = this.settingsConfig(settings);
    const settingsLanguage = settings.language === 'auto' ? languageFor(this.locale) : settings.language;
    if (!dir) return { config: base, language: settingsLanguage };
    let file: string | undefined;
    try {
      file = this.lookup.find(dir);
      if (!file) return { config: base, language: settingsLanguage };
      const fromFile = this.lookup.forDir(dir).config;
      // the file decides the rules it names (directly or through extends); the settings decide the others
      const rules = { ...base.rules };
      for (const id of fromFile.named ?? []) if (fromFile.rules[id]) rules[id] = fromFile.rules[id];
      const config: ResolvedConfig = { ...fromFile, rules };
      return { config, language: fromFile.language ?? settingsLanguage, file };
    } catch (err) {
      if (err instanceof ConfigError) return { config: base, language: settingsLanguage, file, error: err };
      throw err;
    }
  }

  private settingsConfig(settings: Settings): ResolvedConfig {
    const config = defaultConfig(this.rules);
    for (const [id, severity] of Object.entries(settings.rules)) {
      const s = config.rules[id];
      if (s) config.rules[id] = { ...s, severity };
    }
    return config;
  }
}
