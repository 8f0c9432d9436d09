/** Findings → LSP diagnostics (push model: publishDiagnostics, which every client understands). */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { ruleById, ui, type ConfigError, type Finding, type Severity } from '../../rules/index.js';
import type { CheckedDocument } from '../documents.js';
import { locatedRange } from '../positions.js';
import { rulePageUri } from '../rulePages.js';
import { uriOfFile } from '../fileUris.js';

export const SOURCE = 'fazhi-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};


/** one codeDescription per rule, shared by all its diagnostics */
const pages = new Map<string, { href: string }>();

/**
 * Only what an editor shows. Code actions need nothing more: the server keeps each version's findings and finds
 * a diagnostic's finding again by rule and range (features/codeActions.ts), so no fix travels with a diagnostic.
 */
export function toDiagnostic(uri: string, f: Finding): Diagnostic {
  let page = pages.get(f.ruleId);
  if (!page) pages.set(f.ruleId, (page = { href: rulePageUri(f.ruleId) }));
  const d: Diagnostic = {
    range: locatedRange(f),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: page,
    source: SOURCE,
    message: f.message,
  };
  // a related place in last year's report carries that file's path
  if (f.related.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: r.filePath ? uriOfFile(r.filePath) : uri, range: locatedRange(r) }, message: r.message }));
  // text to delete (the rule's metadata says so): editors fade it out
  if (ruleById(f.ruleId)?.meta.flagsRemovableText) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

export function diagnosticsOf(checked: CheckedDocument): Diagnostic[] {
  return checked.result.findings.map((f) => toDiagnostic(checked.uri, f));
}

/** A broken config file: one error at the position the parser reported. */
export function configDiagnostic(err: ConfigError, language: 'zh-CN' | 'en'): Diagnostic {
  const line = Math.max(0, err.line - 1);
  const character = Math.max(0, err.column - 1);
  return {
    range: { start: { line, character }, end: { line, character: character + 1 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'config',
    message: ui(language, 'configErrorShort', { message: err.detail }),
  };
}
