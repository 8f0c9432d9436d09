/**
 * "忽略此处（不改动正文）": a quick fix that hides a finding through the nearest config file's `ignores` instead
 * of a disable comment in the text (rules/engine/ignores.ts anchors it), and the list of the ignores that apply to
 * a document with the finding each hides now. The commands that write the config file are Node's
 * (server/ignoreCommands.ts, node/configEdit.ts): a document that is not a file gets no such action.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { ignoreAnchor, sameFile, sameIgnore, ui, type Finding, type ResolvedConfig } from '../../rules/index.js';
import { IGNORE_COMMAND, type IgnoreCommandArgs, type IgnoredItem } from '../../protocol/index.js';
import type { CheckedDocument } from '../documents.js';

/** The quick fix hiding one finding; none for a document that is not a file (nowhere to name it from). */
export function ignoreAction(checked: CheckedDocument, finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  if (checked.filePath === undefined || finding.messageId === 'ruleError') return undefined;
  const a = ignoreAnchor(checked.result.report, finding);
  const args: IgnoreCommandArgs = { uri: checked.uri, rule: finding.ruleId, sentence: a.sentence, ...(a.text ? { text: a.text } : {}) };
  const title = ui(checked.language, 'ignoreHere');
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: IGNORE_COMMAND, arguments: [args] } };
}

/** The ignores of a document's config that apply to it, each with the finding it hides now (or none). */
export function ignoredItems(checked: CheckedDocument, config: ResolvedConfig): IgnoredItem[] {
  const lang = checked.language;
  const file = checked.filePath;
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
