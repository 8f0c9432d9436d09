/**
 * Configuration: .fazhi-lint.json / .fazhi-lint.jsonc found by searching upward from the checked file, with
 * `extends` (relative paths and the built-in presets only: nothing is ever executed or fetched), rule severities
 * and options. Validation reports the file, line and column of every error.
 */
import { parseTree, findNodeAtLocation, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Language, Rule, SeveritySetting } from './rule.js';
import { PROFILE_KINDS, type ProfileKind } from '../model/profile.js';
import { parseMonthDay, type Deadlines, type ProfileSetting } from './settings.js';

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
  if (text === undefined) throw new ConfigError(path, 1, 1, '文件不存在或无法读取 / cannot read the file');
  return text;
}

function resolveInto(host: ConfigHost, path: string, text: string, rules: readonly Rule[], base: ResolvedConfig, chain: Chain, depth: number): ResolvedConfig {
  chain.seen.add(path);
  chain.chars += text.length;
  if (chain.chars > MAX_CONFIG_CHAIN_CHARS) throw new ConfigError(path, 1, 1, `extends 链中的配置文件合计过大（超过 ${MAX_CONFIG_CHAIN_CHARS / 1024 / 1024} MB）/ the extends chain is too large`);
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
      throw new ConfigError(path, ext.line, ext.column, `extends 只接受相对路径（./ 或 ../）或内置预设 ${PRESETS.join('、')} / extends takes a relative path or a built-in preset`);
    }
    const target = host.resolve(host.dirname(path), ext.value);
    // every problem of reaching the target is reported where it is named, in this file
    const here = (msg: string) => new ConfigError(path, ext.line, ext.column, msg);
    if (chain.seen.has(target)) throw here(`extends 循环引用 / circular extends`);
    if (depth + 1 >= MAX_EXTENDS_DEPTH) throw here(`extends 嵌套超过 ${MAX_EXTENDS_DEPTH} 层 / extends nested more than ${MAX_EXTENDS_DEPTH} deep`);
    let targetText: string | undefined;
    try {
      targetText = host.readFile(target);
    } catch (err) {
      if (err instanceof ConfigReadRefused) throw here(`extends “${ext.value}”：${err.reason}`);
      throw err;
    }
    if (targetText === undefined) throw here(`extends “${ext.value}”：文件不存在或无法读取 / cannot read the file`);
    config = resolveInto(host, target, targetText, rules, config, chain, depth + 1);
  }
  for (const id of Object.keys(parsed.config.rules ?? {})) chain.named.add(id);
  // relative to the file that names it, like extends: a shared base config may name a report beside itself
  if (parsed.config.previous !== undefined) parsed.config.previous = host.resolve(host.dirname(path), parsed.config.previous);
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
    files: base.files,
  };
}

interface ParsedConfig {
  extends: { value: string; line: number; column: number }[];
  config: Partial<ResolvedConfig>;
}

const SEVERITIES = ['off', 'info', 'warning', 'error'];
const TOP_KEYS = ['$schema', 'extends', 'rules', 'language', 'include', 'exclude', 'previous', 'root', 'profile', 'deadlines'];

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
  if (errors.length) fail(errors[0].offset, `JSON 语法错误（${printParseErrorCode(errors[0].error)}）/ JSON syntax error`);
  if (!root || root.type !== 'object') return fail(root?.offset ?? 0, '配置文件应为一个 JSON 对象 / the config must be a JSON object');

  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const out: ParsedConfig = { extends: [], config: {} };
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    const key = keyNode?.value as string;
    if (!TOP_KEYS.includes(key)) fail(keyNode.offset, `未知的配置项“${key}”（可用：${TOP_KEYS.join('、')}）/ unknown key`);
    if (!valueNode) continue;
    switch (key) {
      case 'extends': {
        const list = valueNode.type === 'array' ? valueNode.children ?? [] : [valueNode];
        for (const n of list) {
          if (n.type !== 'string') fail(n.offset, 'extends 应为字符串或字符串数组 / extends must be a string or an array of strings');
          out.extends.push({ value: n.value as string, ...pos(n.offset) });
        }
        break;
      }
      case 'language':
        if (valueNode.value !== 'zh-CN' && valueNode.value !== 'en') fail(valueNode.offset, 'language 应为 "zh-CN" 或 "en" / language must be "zh-CN" or "en"');
        out.config.language = valueNode.value;
        break;
      case 'include':
      case 'exclude':
        out.config[key] = stringArray(valueNode, key, fail);
        break;
      case 'previous':
        if (valueNode.type !== 'string' || !(valueNode.value as string).trim()) fail(valueNode.offset, 'previous 应为上年度报告的路径（相对于本配置文件）/ previous must be the path of last year\'s report, relative to this config file');
        out.config.previous = valueNode.value as string;
        break;
      case 'profile':
        out.config.profile = profileSetting(valueNode, fail);
        break;
      case 'deadlines':
        out.config.deadlines = deadlinesSetting(valueNode, fail);
        break;
      case 'root':
        if (valueNode.type !== 'boolean') fail(valueNode.offset, 'root 应为 true 或 false / root must be a boolean');
        break;
      case 'rules':
        if (valueNode.type !== 'object') fail(valueNode.offset, 'rules 应为对象 / rules must be an object');
        out.config.rules = {};
        for (const rp of valueNode.children ?? []) {
          const [idNode, settingNode] = rp.children ?? [];
          const id = idNode.value as string;
          const rule = byId.get(id);
          if (!rule) fail(idNode.offset, `未知的规则“${id}”/ unknown rule "${id}"${suggest(id, [...byId.keys()])}`);
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
    if (k.type !== 'string' || !PROFILE_KINDS.includes(k.value) || k.value === 'unknown') fail(k.offset, `profile 应为 "auto" 或 ${KINDS_TEXT} / profile must be "auto" or one of ${KINDS_TEXT}`);
    return k.value as ProfileKind;
  };
  if (n.type === 'string') return { kind: kind(n) };
  if (n.type !== 'object') return fail(n.offset, 'profile 应为字符串或对象 / profile must be a string or an object');
  const out: ProfileSetting = {};
  for (const p of n.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k.value === 'kind') out.kind = kind(v);
    else if (k.value === 'areas') {
      if (v.type !== 'array') fail(v.offset, 'profile.areas 应为数组 / profile.areas must be an array');
      out.areas = (v.children ?? []).map((a) => {
        const name = a.type === 'object' ? findNodeAtLocation(a, ['name']) : undefined;
        const terms = a.type === 'object' ? findNodeAtLocation(a, ['terms']) : undefined;
        if (!name || name.type !== 'string' || !String(name.value).trim() || !terms || terms.type !== 'array' || !(terms.children ?? []).length || (terms.children ?? []).some((t) => t.type !== 'string' || !String(t.value).trim())) {
          fail(a.offset, 'profile.areas 的每一项应为 { "name": 名称, "terms": [词语, …] } / each area must be { "name": string, "terms": [non-empty strings] }');
        }
        for (const q of a.children ?? []) {
          const key = q.children?.[0];
          if (key && key.value !== 'name' && key.value !== 'terms') fail(key.offset, `未知的键“${key.value}”（应为 name 或 terms）/ unknown key`);
        }
        return { name: String(name!.value), terms: (terms!.children ?? []).map((t) => String(t.value)) };
      });
    } else fail(k.offset, `未知的键“${k.value}”（应为 kind 或 areas）/ unknown key`);
  }
  return out;
}

function deadlinesSetting(n: Node, fail: (o: number, m: string) => never): Partial<Deadlines> {
  if (n.type !== 'object') return fail(n.offset, 'deadlines 应为对象，如 { "report": "03-01", "publish": "04-01" } / deadlines must be an object');
  const out: Partial<Deadlines> = {};
  for (const p of n.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k.value !== 'report' && k.value !== 'publish') fail(k.offset, `未知的键“${k.value}”（应为 report 或 publish）/ unknown key`);
    const d = v?.type === 'string' ? parseMonthDay(v.value) : null;
    if (!d) fail(v?.offset ?? k.offset, `deadlines.${k.value} 应为“月-日”，如 "03-01" / deadlines.${k.value} must be a month-day such as "03-01"`);
    out[k.value as 'report' | 'publish'] = d!;
  }
  return out;
}

function suggest(id: string, ids: string[]): string {
  const near = ids.find((x) => x.includes(id) || id.includes(x) || levenshtein(x, id) <= 3);
  return near ? `（是否为“${near}”？/ did you mean "${near}"?）` : '';
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function stringArray(n: Node, key: string, fail: (o: number, m: string) => never): string[] {
  if (n.type !== 'array' || (n.children ?? []).some((c) => c.type !== 'string')) fail(n.offset, `${key} 应为字符串数组（glob）/ ${key} must be an array of glob strings`);
  return (n.children ?? []).map((c) => c.value as string);
}

function ruleSetting(rule: Rule, n: Node, fail: (o: number, m: string) => never): RuleSetting {
  const sevMsg = `“${rule.meta.id}”的级别应为 ${SEVERITIES.map((s) => `"${s}"`).join('、')} / severity must be one of ${SEVERITIES.join(', ')}`;
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
      if (k && k.value !== 'severity' && k.value !== 'options') fail(k.offset, `未知的键“${k.value}”（应为 severity 或 options）/ unknown key`);
    }
  }
  if (!severityNode || severityNode.type !== 'string' || !SEVERITIES.includes(severityNode.value)) fail(severityNode?.offset ?? n.offset, sevMsg);
  const options: Record<string, unknown> = {};
  if (optionsNode) {
    if (optionsNode.type !== 'object') fail(optionsNode.offset, '规则选项应为对象 / rule options must be an object');
    const schema = rule.meta.options ?? {};
    for (const p of optionsNode.children ?? []) {
      const [k, v] = p.children ?? [];
      const name = k.value as string;
      // own keys only: "__proto__" or "constructor" name no option
      const opt = Object.hasOwn(schema, name) ? schema[name] : undefined;
      if (!opt) fail(k.offset, `规则“${rule.meta.id}”没有选项“${name}”${Object.keys(schema).length ? `（可用：${Object.keys(schema).join('、')}）` : ''} / unknown option`);
      const ok =
        opt.type === 'array'
          ? v.type === 'array' && (v.children ?? []).every((c) => c.type === (opt.items?.type ?? 'string'))
          : v.type === opt.type;
      if (!ok) fail(v.offset, `选项“${name}”应为 ${opt.type} / option "${name}" must be ${opt.type}`);
      const allowed = opt.type === 'array' ? opt.items?.enum : undefined;
      for (const c of allowed ? v.children ?? [] : []) {
        if (!allowed!.includes(c.value)) fail(c.offset, `选项“${name}”没有取值“${c.value}”（可用：${allowed!.join('、')}）/ unknown value${suggest(String(c.value), [...allowed!])}`);
      }
      options[name] = opt.type === 'array' ? (v.children ?? []).map((c) => c.value) : v.value;
    }
  }
  return { severity: severityNode!.value as SeveritySetting, options };
}
