/**
 * Configuration: .fazhi-lint.json / .fazhi-lint.jsonc found by searching upward from the checked file, with
 * `extends` (relative paths and the built-in presets only: nothing is ever executed or fetched), rule severities
 * and options. Validation reports the file, line and column of every error.
 */
import { parseTree, findNodeAtLocation, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Language, Rule, SeveritySetting } from './rule.js';
import { PROFILE_KINDS, type ProfileKind } from '../model/profile.js';
import { parseMonthDay, type Deadlines, type ProfileSetting } from './settings.js';
import { both, say } from '../messages/bilingual.js';
import type { IgnoreEntry, ResolvedIgnore } from './ignores.js';

export { NATIONAL_DEADLINES, parseMonthDay, type CoverageArea, type Deadlines, type MonthDay, type ProfileSetting } from './settings.js';

export const CONFIG_FILE_NAMES = ['.fazhi-lint.jsonc', '.fazhi-lint.json'];
export const PRESETS = ['fazhi-lint:recommended', 'fazhi-lint:all'] as const;

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  language?: Language;
  profile?: ProfileSetting;
  deadlines?: Partial<Deadlines>;
  include?: string[];
  exclude?: string[];
  /**
   * Last year's report for the drafts this config governs (`"previous": "path"`, relative to the config file),
   * resolved to an absolute path; the file side reads it (node/previous.ts) instead of looking for one.
   */
  previous?: string;
  /**
   * Findings hidden without touching the drafts (engine/ignores.ts), from every file of the chain, their `file`
   * resolved against the config file that holds them.
   */
  ignores?: ResolvedIgnore[];
  /** the config files that were read, nearest first */
  files: string[];
  /**
   * Rules the config files themselves decide: named in `rules` of any file of the chain, or changed from their
   * defaults by a preset. An editor merges its own settings under the file for every other rule.
   */
  named?: string[];
}

export interface ConfigHost {
  /**
   * The file's text, or undefined when there is no such file. A host that will not read an existing file (not a
   * regular file, too large, outside the workspace) throws ConfigReadRefused with the reason: the error then
   * names the config that pointed there, and nothing of the refused file is read or quoted.
   */
  readFile(path: string): string | undefined;
  dirname(path: string): string;
  join(...parts: string[]): string;
  resolve(base: string, rel: string): string;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = 'ConfigError';
  }
}

/** Thrown by a ConfigHost for a file it will not read; `reason` is a bilingual sentence without file content. */
export class ConfigReadRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ConfigReadRefused';
  }
}

/** Why a file was not read, as node/read.ts says it and the editor's client does in a browser (no file content). */
export interface ReadRefusal {
  reason: 'notFound' | 'notRegular' | 'tooLarge' | 'outside' | 'unreadable';
  /** notRegular: what it is (FIFO, directory…) */
  kind?: string;
  /** tooLarge: the limit, bytes */
  limit?: number;
  /** the system's error code */
  code?: string;
}

/** Why a read was refused, for a config error (bilingual, like every config message). */
export function refusalText(f: ReadRefusal): string {
  switch (f.reason) {
    case 'notRegular':
      return both('read_notRegular', { kind: f.kind ?? '' });
    case 'tooLarge':
      return both('read_tooLarge', { kb: Math.round((f.limit ?? 0) / 1024) });
    case 'outside':
      return both('read_outside');
    case 'notFound':
      return both('read_notFound');
    default:
      return both('read_failed', { code: f.code ?? 'EIO' });
  }
}

/** An extends chain deeper than this is a loop through links or a mistake. */
export const MAX_EXTENDS_DEPTH = 16;
/** The chain's files together: a config is a few hundred characters. */
export const MAX_CONFIG_CHAIN_CHARS = 2 * 1024 * 1024;

/** Severities and options every rule starts with. */
export function defaultConfig(rules: readonly Rule[], all = false): ResolvedConfig {
  const out: Record<string, RuleSetting> = {};
  for (const r of rules) {
    const d = r.meta.defaultSeverity;
    const severity: SeveritySetting = typeof d === 'string' ? d : all ? d.off : 'off';
    const options: Record<string, unknown> = {};
    for (const [k, o] of Object.entries(r.meta.options ?? {})) options[k] = o.default;
    out[r.meta.id] = { severity, options };
  }
  return { rules: out, files: [] };
}

/** The nearest config file at or above a directory. */
export function findConfigFile(host: ConfigHost, startDir: string): string | undefined {
  let dir = startDir;
  for (let i = 0; i < 64; i++) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = host.join(dir, name);
      if (host.readFile(p) !== undefined) return p;
    }
    const parent = host.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** Load a config file (and what it extends) on top of the rules' defaults. Throws ConfigError. */
export function loadConfigFile(host: ConfigHost, path: string, rules: readonly Rule[]): ResolvedConfig {
  const chain: Chain = { seen: new Set(), chars: 0, named: new Set() };
  const text = readOwn(host, path);
  const config = resolveInto(host, path, text, rules, defaultConfig(rules), chain, 0);
  return { ...config, named: [...chain.named] };
}

/** Config for a file: the nearest config file's, or the defaults. Throws ConfigError. */
export function configForFile(host: ConfigHost, filePath: string, rules: readonly Rule[]): ResolvedConfig {
  const found = findConfigFile(host, host.dirname(filePath));
  return found ? loadConfigFile(host, found, rules) : defaultConfig(rules);
}

interface Chain {
  seen: Set<string>;
  chars: number;
  named: Set<string>;
}

/** The text of the config file at the head of a chain: its own problems are reported on it. */
function readOwn(host: ConfigHost, path: string): string {
  let text: string | undefined;
  try {
    text = host.readFile(path);
  } catch (err) {
    if (err instanceof ConfigReadRefused) throw new ConfigError(path, 1, 1, err.reason);
    throw err;
  }
  if (text === undefined) throw new ConfigError(path, 1, 1, both('config_unreadable'));
  return text;
}

function resolveInto(host: ConfigHost, path: string, text: string, rules: readonly Rule[], base: ResolvedConfig, chain: Chain, depth: number): ResolvedConfig {
  chain.seen.add(path);
  chain.chars += text.length;
  if (chain.chars > MAX_CONFIG_CHAIN_CHARS) throw new ConfigError(path, 1, 1, both('config_chainTooLarge', { mb: MAX_CONFIG_CHAIN_CHARS / 1024 / 1024 }));
  const parsed = parseConfigText(path, text, rules);
  let config = base;
  for (const ext of parsed.extends) {
    if (ext.value === 'fazhi-lint:recommended') continue;
    if (ext.value === 'fazhi-lint:all') {
      const all = defaultConfig(rules, true);
      const defaults = defaultConfig(rules);
      for (const [id, s] of Object.entries(all.rules)) if (s.severity !== defaults.rules[id]?.severity) chain.named.add(id);
      config = mergeConfig(config, { ...all, files: [] });
      continue;
    }
    if (!/^\.{1,2}[\\/]/.test(ext.value)) {
      throw new ConfigError(path, ext.line, ext.column, both('config_extendsPath', { presets: { 'zh-CN': PRESETS.join('、'), en: PRESETS.join(', ') } }));
    }
    const target = host.resolve(host.dirname(path), ext.value);
    // every problem of reaching the target is reported where it is named, in this file
    const here = (msg: string) => new ConfigError(path, ext.line, ext.column, msg);
    if (chain.seen.has(target)) throw here(both('config_extendsCycle'));
    if (depth + 1 >= MAX_EXTENDS_DEPTH) throw here(both('config_extendsDepth', { max: MAX_EXTENDS_DEPTH }));
    let targetText: string | undefined;
    try {
      targetText = host.readFile(target);
    } catch (err) {
      if (err instanceof ConfigReadRefused) throw here(say('zh-CN', 'config_extendsTarget', { target: ext.value, reason: err.reason }));
      throw err;
    }
    // the reason is said in both languages already: the head of the line once
    if (targetText === undefined) throw here(say('zh-CN', 'config_extendsTarget', { target: ext.value, reason: both('config_unreadable') }));
    config = resolveInto(host, target, targetText, rules, config, chain, depth + 1);
  }
  for (const id of Object.keys(parsed.config.rules ?? {})) chain.named.add(id);
  // relative to the file that names it, like extends: a shared base config may name a report beside itself
  if (parsed.config.previous !== undefined) parsed.config.previous = host.resolve(host.dirname(path), parsed.config.previous);
  if (parsed.ignores.length) {
    parsed.config.ignores = parsed.ignores.map((e) => ({ ...e, ...(e.file !== undefined ? { file: host.resolve(host.dirname(path), e.file) } : {}), source: path, written: e }));
  }
  const merged = mergeConfig(config, parsed.config);
  return { ...merged, files: [path, ...config.files] };
}

function mergeConfig(base: ResolvedConfig, over: Partial<ResolvedConfig>): ResolvedConfig {
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [id, s] of Object.entries(over.rules ?? {})) {
    rules[id] = { severity: s.severity, options: { ...(base.rules[id]?.options ?? {}), ...s.options } };
  }
  return {
    rules,
    language: over.language ?? base.language,
    profile: over.profile || base.profile ? { ...base.profile, ...over.profile } : undefined,
    deadlines: over.deadlines || base.deadlines ? { ...base.deadlines, ...over.deadlines } : undefined,
    include: over.include ?? base.include,
    exclude: over.exclude ?? base.exclude,
    previous: over.previous ?? base.previous,
    // every file's ignores count: a shared base config may hide a finding of every draft
    ignores: over.ignores || base.ignores ? [...(base.ignores ?? []), ...(over.ignores ?? [])] : undefined,
    files: base.files,
  };
}

interface ParsedConfig {
  extends: { value: string; line: number; column: number }[];
  config: Partial<ResolvedConfig>;
  /** `ignores` as written (file relative to this config file) */
  ignores: IgnoreEntry[];
}

const SEVERITIES = ['off', 'info', 'warning', 'error'];
const TOP_KEYS = ['$schema', 'extends', 'rules', 'language', 'include', 'exclude', 'previous', 'root', 'profile', 'deadlines', 'ignores'];

/** Parse and validate one config file's text. Throws ConfigError at the first problem, with its position. */
export function parseConfigText(path: string, text: string, rules: readonly Rule[]): ParsedConfig {
  const errors: ParseError[] = [];
  const root = parseTree(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true, disallowComments: false });
  const pos = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split(/\r\n|\r|\n/).length;
    const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) ;
    return { line, column };
  };
  const fail = (offset: number, msg: string): never => {
    const p = pos(offset);
    throw new ConfigError(path, p.line, p.column, msg);
  };
  if (errors.length) fail(errors[0].offset, both('config_jsonSyntax', { code: printParseErrorCode(errors[0].error) }));
  if (!root || root.type !== 'object') return fail(root?.offset ?? 0, both('config_notObject'));

  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const out: ParsedConfig = { extends: [], config: {}, ignores: [] };
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    const key = keyNode?.value as string;
    if (!TOP_KEYS.includes(key)) fail(keyNode.offset, both('config_unknownKey', { key, keys: { 'zh-CN': TOP_KEYS.join('、'), en: TOP_KEYS.join(', ') } }));
    if (!valueNode) continue;
    switch (key) {
      case 'extends': {
        const list = valueNode.type === 'array' ? valueNode.children ?? [] : [valueNode];
        for (const n of list) {
          if (n.type !== 'string') fail(n.offset, both('config_extendsType'));
          out.extends.push({ value: n.value as string, ...pos(n.offset) });
        }
        break;
      }
      case 'language':
        if (valueNode.value !== 'zh-CN' && valueNode.value !== 'en') fail(valueNode.offset, both('config_language'));
        out.config.language = valueNode.value;
        break;
      case 'include':
      case 'exclude':
        out.config[key] = stringArray(valueNode, key, fail);
        break;
      case 'previous':
        if (valueNode.type !== 'string' || !(valueNode.value as string).trim()) fail(valueNode.offset, both('config_previous'));
        out.config.previous = valueNode.value as string;
        break;
      case 'profile':
        out.config.profile = profileSetting(valueNode, fail);
        break;
      case 'deadlines':
        out.config.deadlines = deadlinesSetting(valueNode, fail);
        break;
      case 'ignores':
        out.ignores = ignoreEntries(valueNode, byId, fail);
        break;
      case 'root':
        if (valueNode.type !== 'boolean') fail(valueNode.offset, both('config_root'));
        break;
      case 'rules':
        if (valueNode.type !== 'object') fail(valueNode.offset, both('config_rulesType'));
        out.config.rules = {};
        for (const rp of valueNode.children ?? []) {
          const [idNode, settingNode] = rp.children ?? [];
          const id = idNode.value as string;
          const rule = byId.get(id);
          if (!rule) fail(idNode.offset, both('config_unknownRule', { rule: id, hint: suggest(id, [...byId.keys()]) }));
          out.config.rules[id] = ruleSetting(rule!, settingNode, fail);
        }
        break;
    }
  }
  return out;
}

const KINDS_TEXT = PROFILE_KINDS.filter((k) => k !== 'unknown').map((k) => `"${k}"`).join('、');

function profileSetting(n: Node, fail: (o: number, m: string) => never): ProfileSetting {
  const kind = (k: Node): ProfileKind | undefined => {
    if (k.type === 'string' && k.value === 'auto') return undefined;
    if (k.type !== 'string' || !PROFILE_KINDS.includes(k.value) || k.value === 'unknown') fail(k.offset, both('config_profileKind', { kinds: KINDS_TEXT }));
    return k.value as ProfileKind;
  };
  if (n.type === 'string') return { kind: kind(n) };
  if (n.type !== 'object') return fail(n.offset, both('config_profileType'));
  const out: ProfileSetting = {};
  for (const p of n.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k.value === 'kind') out.kind = kind(v);
    else if (k.value === 'areas') {
      if (v.type !== 'array') fail(v.offset, both('config_areasType'));
      out.areas = (v.children ?? []).map((a) => {
        const name = a.type === 'object' ? findNodeAtLocation(a, ['name']) : undefined;
        const terms = a.type === 'object' ? findNodeAtLocation(a, ['terms']) : undefined;
        if (!name || name.type !== 'string' || !String(name.value).trim() || !terms || terms.type !== 'array' || !(terms.children ?? []).length || (terms.children ?? []).some((t) => t.type !== 'string' || !String(t.value).trim())) {
          fail(a.offset, both('config_areaShape'));
        }
        for (const q of a.children ?? []) {
          const key = q.children?.[0];
          if (key && key.value !== 'name' && key.value !== 'terms') fail(key.offset, both('config_areaKey', { key: String(key.value) }));
        }
        return { name: String(name!.value), terms: (terms!.children ?? []).map((t) => String(t.value)) };
      });
    } else fail(k.offset, both('config_profileKey', { key: String(k.value) }));
  }
  return out;
}

function deadlinesSetting(n: Node, fail: (o: number, m: string) => never): Partial<Deadlines> {
  if (n.type !== 'object') return fail(n.offset, both('config_deadlinesType'));
  const out: Partial<Deadlines> = {};
  for (const p of n.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k.value !== 'report' && k.value !== 'publish') fail(k.offset, both('config_deadlineKey', { key: String(k.value) }));
    const d = v?.type === 'string' ? parseMonthDay(v.value) : null;
    if (!d) fail(v?.offset ?? k.offset, both('config_deadlineDay', { key: String(k.value) }));
    out[k.value as 'report' | 'publish'] = d!;
  }
  return out;
}

function ignoreEntries(n: Node, byId: Map<string, Rule>, fail: (o: number, m: string) => never): IgnoreEntry[] {
  if (n.type !== 'array') fail(n.offset, both('config_ignoresType'));
  return (n.children ?? []).map((item) => {
    if (item.type !== 'object') fail(item.offset, both('config_ignoreShape'));
    const entry: Partial<IgnoreEntry> = {};
    for (const p of item.children ?? []) {
      const [k, v] = p.children ?? [];
      const key = k.value as string;
      if (key !== 'rule' && key !== 'file' && key !== 'sentence' && key !== 'text') fail(k.offset, both('config_ignoreKey', { key }));
      if (!v || v.type !== 'string') fail(v?.offset ?? k.offset, both('config_ignoreString', { key }));
      entry[key as keyof IgnoreEntry] = v.value as string;
    }
    if (entry.rule === undefined || entry.sentence === undefined) fail(item.offset, both('config_ignoreShape'));
    if (!byId.has(entry.rule!)) {
      const rule = findNodeAtLocation(item, ['rule'])!;
      fail(rule.offset, both('config_unknownRule', { rule: entry.rule!, hint: suggest(entry.rule!, [...byId.keys()]) }));
    }
    return entry as IgnoreEntry;
  });
}

function suggest(id: string, ids: string[]): string | Record<Language, string> {
  const near = ids.find((x) => x.includes(id) || id.includes(x) || levenshtein(x, id) <= 3);
  return near ? { 'zh-CN': say('zh-CN', 'config_didYouMean', { near }), en: say('en', 'config_didYouMean', { near }) } : '';
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function stringArray(n: Node, key: string, fail: (o: number, m: string) => never): string[] {
  if (n.type !== 'array' || (n.children ?? []).some((c) => c.type !== 'string')) fail(n.offset, both('config_globs', { key }));
  return (n.children ?? []).map((c) => c.value as string);
}

function ruleSetting(rule: Rule, n: Node, fail: (o: number, m: string) => never): RuleSetting {
  const sevMsg = both('config_severity', { rule: rule.meta.id, severities: { 'zh-CN': SEVERITIES.map((s) => `"${s}"`).join('、'), en: SEVERITIES.join(', ') } });
  let severityNode: Node | undefined = n;
  let optionsNode: Node | undefined;
  if (n.type === 'array') {
    severityNode = n.children?.[0];
    optionsNode = n.children?.[1];
  } else if (n.type === 'object') {
    severityNode = findNodeAtLocation(n, ['severity']);
    optionsNode = findNodeAtLocation(n, ['options']);
    for (const p of n.children ?? []) {
      const k = p.children?.[0];
      if (k && k.value !== 'severity' && k.value !== 'options') fail(k.offset, both('config_settingKey', { key: String(k.value) }));
    }
  }
  if (!severityNode || severityNode.type !== 'string' || !SEVERITIES.includes(severityNode.value)) fail(severityNode?.offset ?? n.offset, sevMsg);
  const options: Record<string, unknown> = {};
  if (optionsNode) {
    if (optionsNode.type !== 'object') fail(optionsNode.offset, both('config_optionsType'));
    const schema = rule.meta.options ?? {};
    for (const p of optionsNode.children ?? []) {
      const [k, v] = p.children ?? [];
      const name = k.value as string;
      // own keys only: "__proto__" or "constructor" name no option
      const opt = Object.hasOwn(schema, name) ? schema[name] : undefined;
      if (!opt) fail(k.offset, both('config_unknownOption', {
          rule: rule.meta.id,
          option: name,
          known: Object.keys(schema).length ? { 'zh-CN': say('zh-CN', 'config_knownOptions', { options: Object.keys(schema).join('、') }), en: say('en', 'config_knownOptions', { options: Object.keys(schema).join(', ') }) } : '',
        }));
      const ok =
        opt.type === 'array'
          ? v.type === 'array' && (v.children ?? []).every((c) => c.type === (opt.items?.type ?? 'string'))
          : v.type === opt.type;
      if (!ok) fail(v.offset, both('config_optionType', { option: name, type: opt.type }));
      const allowed = opt.type === 'array' ? opt.items?.enum : undefined;
      for (const c of allowed ? v.children ?? [] : []) {
        if (!allowed!.includes(c.value)) fail(c.offset, both('config_optionValue', { option: name, value: String(c.value), values: { 'zh-CN': allowed!.join('、'), en: allowed!.join(', ') }, hint: suggest(String(c.value), [...allowed!]) }));
      }
      options[name] = opt.type === 'array' ? (v.children ?? []).map((c) => c.value) : v.value;
    }
  }
  return { severity: severityNode!.value as SeveritySetting, options };
}
