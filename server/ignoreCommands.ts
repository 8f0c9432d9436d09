/**
 * The commands behind "忽略此处（不改动正文）" on Node: record an ignore in the document's config file (created
 * beside the draft when there is none; node/configEdit.ts keeps its comments and writes atomically), and remove one.
 * A broken config is not edited: the user's fix of it comes first.
 */
import * as path from 'node:path';
import { ui, type Language } from '../rules/index.js';
import { addIgnore, removeIgnore, type ConfigEditResult } from '../node/index.js';
import type { IgnoreCommandArgs, IgnoreCommandResult, UnignoreCommandArgs } from '../protocol/index.js';
import { filePathOf } from './previous.js';

export interface IgnoreHost {
  /** the config file that applies to a document, and whether it is broken */
  configFor(uri: string): { file?: string; error?: unknown };
  /** where config files may be read and written (the workspace folders); empty: anywhere */
  folders: readonly string[];
  language: Language;
}

function result(r: ConfigEditResult, lang: Language): IgnoreCommandResult {
  if (r.ok) return { ok: true, file: r.file };
  return { ok: false, file: r.file, error: ui(lang, 'ignoreFailed', { file: r.file, reason: ui(lang, `ignoreReason_${r.reason}`, { code: r.code ?? '' }) }) };
}

/** Record an ignore in the document's config file (created beside the draft when there is none). */
export function runIgnore(host: IgnoreHost, args: IgnoreCommandArgs): IgnoreCommandResult {
  const lang = host.language;
  const draft = typeof args?.uri === 'string' ? filePathOf(args.uri) : undefined;
  if (!draft || typeof args.rule !== 'string' || typeof args.sentence !== 'string') return { ok: false, error: ui(lang, 'ignoreFailed', { file: args?.uri ?? '', reason: ui(lang, 'ignoreReason_noFile') }) };
  const found = host.configFor(args.uri);
  // a broken config is not edited: the user's fix of it comes first, and an edit might land in the wrong place
  if (found.error) return { ok: false, file: found.file, error: ui(lang, 'ignoreFailed', { file: found.file ?? '', reason: ui(lang, 'ignoreReason_configBroken') }) };
  const roots = host.folders.length ? host.folders : undefined;
  return result(addIgnore(draft, found.file, { rule: args.rule, sentence: args.sentence, ...(typeof args.text === 'string' && args.text ? { text: args.text } : {}) }, roots), lang);
}

/** Remove an ignore from the config file that holds it. */
export function runUnignore(host: IgnoreHost, args: UnignoreCommandArgs): IgnoreCommandResult {
  const lang = host.language;
  const e = args?.entry;
  if (typeof args?.source !== 'string' || !e || typeof e.rule !== 'string' || typeof e.sentence !== 'string') return { ok: false, error: ui(lang, 'ignoreFailed', { file: '', reason: ui(lang, 'ignoreReason_noFile') }) };
  // only a config file: the command names a path, and nothing else may be written through it
  if (!/^\.fazhi-lint\.jsonc?$/.test(path.basename(args.source))) return { ok: false, error: ui(lang, 'ignoreFailed', { file: args.source, reason: ui(lang, 'ignoreReason_notObject') }) };
  const roots = host.folders.length ? host.folders : undefined;
  return result(removeIgnore(args.source, { rule: e.rule, sentence: e.sentence, ...(typeof e.file === 'string' ? { file: e.file } : {}), ...(typeof e.text === 'string' ? { text: e.text } : {}) }, roots), lang);
}
