/**
 * The editor's settings (`fazhi-lint.*`) and the configs documents are checked with when no config file is read:
 * the rule defaults under the settings. Node-free, shared by the Node server and the browser one (server/browser.ts).
 * config.ts adds the config files on Node, browserConfig.ts in the browser (read through the client); both merge a
 * file over the settings with withConfigFile.
 */
import { ConfigError, defaultConfig, languageFor, type Language, type ResolvedConfig, type Rule, type SeveritySetting } from '../rules/index.js';

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

/** Where documents get their config: the settings alone here; ConfigStore (config.ts) adds the config files. */
export class SettingsStore {
  settings: Settings = DEFAULT_SETTINGS;
  /** the editor's display language, for language "auto" */
  locale: string | undefined;

  constructor(protected readonly rules: readonly Rule[]) {}

  /** The language of messages that belong to no document (config errors, progress, the rule list). */
  uiLanguage(): Language {
    return this.settings.language === 'auto' ? languageFor(this.locale) : this.settings.language;
  }

  /**
   * Each workspace folder's own settings (a multi-root workspace's folder settings, read with the folder's scope),
   * by folder path (or, on a platform without files, by folder URI); a document takes those of the innermost
   * folder holding it, else `settings` — every setting: enable, run, the debounce, the rules and the language.
   */
  private folderSettings = new Map<string, Settings>();

  setSettings(s: Settings, byFolder?: Map<string, Settings>): void {
    this.settings = s;
    if (byFolder) this.folderSettings = byFolder;
    this.invalidate();
  }

  /** The settings of the innermost workspace folder holding `dir` (a path, / or \\ separated), else the window's. */
  settingsFor(dir: string | undefined): Settings {
    if (dir === undefined || !this.folderSettings.size) return this.settings;
    const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
    const d = norm(dir);
    let best: string | undefined;
    for (const f of this.folderSettings.keys()) {
      const nf = norm(f);
      if ((d === nf || d.startsWith(nf + '/')) && (!best || f.length > best.length)) best = f;
    }
    return best ? this.folderSettings.get(best)! : this.settings;
  }

  /** The settings a document is checked with: those of the workspace folder holding it, else the window's. */
  settingsOf(uri: string): Settings {
    return this.folderSettings.size ? this.settingsFor(this.folderKeyOf(uri)) : this.settings;
  }

  /**
   * What `settingsFor` matches a document's folder by: here (no file system) the URI without its last segment, as
   * the folders are keyed by URI; config.ts's store takes the document's directory.
   */
  protected folderKeyOf(uri: string): string | undefined {
    const bare = uri.replace(/[?#].*$/, '');
    const slash = bare.lastIndexOf('/');
    return slash > 0 ? bare.slice(0, slash) : undefined;
  }

  /** A language setting as a language ("auto": the editor's display language). */
  protected languageOf(s: Settings): Language {
    return s.language === 'auto' ? languageFor(this.locale) : s.language;
  }

  /** the settings-only configs, by the settings object they were made from (the window's or a folder's) */
  private settingsOnly = new Map<Settings, DocumentConfig>();

  /** Forget what was read: settings changed or a config file changed on disk. */
  invalidate(): void {
    this.settingsOnly.clear();
  }

  /** Every config file currently broken, by its URI, with its error (for diagnostics on the file). */
  errors(): Map<string, ConfigError> {
    return new Map();
  }

  /**
   * Whether a document's config is still being read (the browser: through the client, browserConfig.ts): a promise
   * that settles once it is known, to check the document then; undefined when it is known already (here, always).
   */
  prepare(_uri: string): Promise<void> | undefined {
    return undefined;
  }

  forUri(uri: string): DocumentConfig {
    const settings = this.settingsOf(uri);
    let c = this.settingsOnly.get(settings);
    if (!c) this.settingsOnly.set(settings, (c = { config: this.settingsConfig(settings), language: this.languageOf(settings) }));
    return c;
  }

  /**
   * A document's config when a config file applies (config.ts on Node, browserConfig.ts through the client): the
   * file decides the rules it names (directly or through extends), the settings decide the others.
   */
  protected withConfigFile(settings: Settings, fromFile: ResolvedConfig, file: string): DocumentConfig {
    const rules = { ...this.settingsConfig(settings).rules };
    for (const id of fromFile.named ?? []) if (fromFile.rules[id]) rules[id] = fromFile.rules[id];
    return { config: { ...fromFile, rules }, language: fromFile.language ?? this.languageOf(settings), file };
  }

  /** A broken config file: the document is checked with the settings alone, and the error is reported on the file. */
  protected withBrokenFile(settings: Settings, file: string | undefined, error: ConfigError): DocumentConfig {
    return { config: this.settingsConfig(settings), language: this.languageOf(settings), file, error };
  }

  /** The rule defaults with the settings' severities. */
  protected settingsConfig(settings: Settings = this.settings): ResolvedConfig {
    const config = defaultConfig(this.rules);
    for (const [id, severity] of Object.entries(settings.rules)) {
      const s = config.rules[id];
      if (s) config.rules[id] = { ...s, severity };
    }
    return config;
  }
}
