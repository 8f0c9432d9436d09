/**
 * "忽略此处（不改动正文）": a quick fix that hides a finding through the nearest config file's `ignores` instead
 * of a disable comment in the text (rules/engine/ignores.ts anchors it; node/configEdit.ts writes it), the command
 * that undoes one, and the list of the ignores that apply to a document with the finding each hides now.
 */
import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { ignoreAnchor, sameFile, sameIgnore, ui, type Finding, type Language, type ResolvedConfig } from '../../rules/index.js';
import { addIgnore, removeIgnore, type ConfigEditResult } from '../../node/index.js';
import { IGNORE_COMMAND, type IgnoreCommandArgs, type IgnoreCommandResult, type IgnoredItem, type UnignoreCommandArgs } from '../../protocol/index.js';
import type { CheckedDocument } from '../documents.js';
import { filePathOf } from '../previous.js';

/** The quick fix hiding one finding; none for a document that is not a file (nowhere to name it from). */
export function ignoreAction(checked: CheckedDocument, finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  if (filePathOf(checked.uri) === undefined || finding.messageId === 'ruleError') return undefined;
  const a = ignoreAnchor(checked.result.report, finding);
  const args: IgnoreCommandArgs = { uri: checked.uri, rule: finding.ruleId, sentence: a.sentence, ...(a.text ? { text: a.text } : {}) };
  const title = ui(checked.language, 'ignoreHere');
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: IGNORE_COMMAND, arguments: [args] } };
}

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

/** The ignores of a document's config that apply to it, each with the finding it hides now (or none). */
export function ignoredItems(checked: CheckedDocument, config: ResolvedConfig): IgnoredItem[] {
  const lang = checked.language;
  const file = filePathOf(checked.uri);
  const hidden = checked.result.ignored ?? [];
  const out: IgnoredItem[] = [];
  for (const e of config.ignores ?? []) {
    if (e.file !== undefined && (file === undefined || !sameFile(e.file, file))) continue;
    const hit = hidden.find((h) => h.by.source === e.source && sameIgnore(h.by.written, e.written));
    const label = hit ? `${e.rule}: ${hit.finding.message}` : e.text ? `${e.rule}: ${e.text}` : e.rule;
    const description = hit ? ui(lang, 'ignoredLine', { line: hit.finding.line }) : ui(lang, 'ignoredStale');
    out.push({ label, description: e.file === undefined ? `${description} · ${ui(lang, 'ignoredAllFiles')}` : description, detail: e.sentence, line: hit ? hit.finding.line : null, unignore: { source: e.source, entry: e.written } });
  }
  return out.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}
