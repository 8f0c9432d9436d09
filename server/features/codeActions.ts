/**
 * Code actions: each fix of a finding as a quick fix on its diagnostic, "fix all of this rule", the
 * source.fixAll.fazhi-lint save action, "ignore here" (features/ignores.ts: recorded in the config, the text
 * unchanged), and "disable this rule for this line / file". Every edit is computed
 * against the checked version and carries that version, so the editor refuses it if the text moved on.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { compatibleFixes, ui, type Finding, type Report, type TextEdit } from '../../rules/index.js';
import type { CheckedDocument } from '../documents.js';
import { locatedRange, rangesOverlap, toRange } from '../positions.js';
import { SOURCE, toDiagnostic } from './diagnostics.js';
import { ignoreAction } from './ignores.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.fazhi-lint`;

/** the edits as a change to one version of a document (what it needs of a check: the document's lines) */
export function workspaceEdit(checked: Pick<CheckedDocument, 'uri' | 'version'> & { result: { report: Pick<Report, 'lines'> } }, edits: readonly TextEdit[]): WorkspaceEdit {
  const lines = checked.result.report.lines;
  const lsp: LspTextEdit[] = edits.map((e) => ({ range: toRange(lines, e.start, e.end), newText: e.newText }));
  return { documentChanges: [{ textDocument: { uri: checked.uri, version: checked.version }, edits: lsp }] };
}

/** All fixes of these findings that can be applied together (safe ones only unless told otherwise). */
export function combinedEdits(findings: readonly Finding[], safeOnly: boolean): TextEdit[] {
  const candidates = findings.filter((f) => f.fixes.length && (!safeOnly || f.fixes[0].safe)).map((f) => ({ edits: f.fixes[0].edits }));
  return compatibleFixes(candidates).flatMap((c) => c.edits);
}

function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  if (!only || only.length === 0) return kind !== FIX_ALL_KIND; // save actions only when asked for
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export function codeActions(checked: CheckedDocument, params: CodeActionParams): CodeAction[] {
  const { findings, report } = checked.result;
  const lang = checked.language;
  const out: CodeAction[] = [];

  if (wants(params, FIX_ALL_KIND)) {
    const edits = combinedEdits(findings, true);
    if (edits.length) out.push({ title: ui(lang, 'fixAll'), kind: FIX_ALL_KIND, edit: workspaceEdit(checked, edits) });
  }
  if (!wants(params, CodeActionKind.QuickFix)) return out;

  // the findings the editor asks about: those of our diagnostics in the context (found again by rule and
  // range in this version's findings), else those under the range; indexed so a request is O(findings + diagnostics)
  const ours = new Map<string, Diagnostic>();
  for (const d of params.context.diagnostics) if (d.source === SOURCE) ours.set(diagnosticKey(String(d.code), d.range), d);
  const pairs: { finding: Finding; diagnostic: Diagnostic }[] = [];
  const fixableByRule = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.fixes.length) {
      const same = fixableByRule.get(f.ruleId);
      if (same) same.push(f);
      else fixableByRule.set(f.ruleId, [f]);
    }
    const range = locatedRange(f);
    const d = ours.get(diagnosticKey(f.ruleId, range));
    if (d) pairs.push({ finding: f, diagnostic: d });
    else if (!ours.size && rangesOverlap(range, params.range)) pairs.push({ finding: f, diagnostic: toDiagnostic(checked.uri, f) });
  }

  const fixAllOffered = new Set<string>();
  for (const { finding, diagnostic } of pairs) {
    // another rule's fix of the same words (heading-sequence wants 4、, heading-numeral-style 2.): the one edit
    // that satisfies both (4.) comes first, and is the preferred fix
    const together = fixTogether(checked, finding, findings);
    if (together) out.push({ title: together.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: workspaceEdit(checked, together.edits) });
    finding.fixes.forEach((fx, i) => {
      out.push({ title: fx.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0 && !together, edit: workspaceEdit(checked, fx.edits) });
    });
    const sameRule = fixableByRule.get(finding.ruleId) ?? [];
    if (sameRule.length > 1 && !fixAllOffered.has(finding.ruleId)) {
      fixAllOffered.add(finding.ruleId);
      const edits = combinedEdits(sameRule, false);
      out.push({ title: ui(lang, 'fixAllRule', { rule: finding.ruleId }), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(checked, edits) });
    }
  }
  // hiding this one finding without touching the text comes before the disable comments, which are text
  for (const { finding, diagnostic } of pairs) {
    const ignore = ignoreAction(checked, finding, diagnostic);
    if (ignore) out.push(ignore);
  }
  const disabled = new Set<string>();
  for (const { finding, diagnostic } of pairs) {
    if (disabled.has(finding.ruleId) || finding.messageId === 'ruleError') continue;
    disabled.add(finding.ruleId);
    out.push({ title: ui(lang, 'disableLine', { rule: finding.ruleId }), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(checked, [disableLineEdit(report.source, report.lines.starts[finding.line - 1], finding.ruleId)]) });
    out.push({ title: ui(lang, 'disableFile', { rule: finding.ruleId }), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(checked, [disableFileEdit(report.source, report.frontmatter, finding.ruleId)]) });
  }
  return out;
}

function diagnosticKey(code: string, r: Range): string {
  return `${code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** The line break the document uses, so an inserted line matches its neighbours. */
export function eolOf(source: string): string {
  const m = /\r\n|\r|\n/.exec(source);
  return m ? m[0] : '\n';
}

/** `<!-- fazhi-lint-disable-next-line id -->` on its own line above, indented like the line. */
export function disableLineEdit(source: string, lineStart: number, ruleId: string): TextEdit {
  const indent = /^[ \t\u3000]*/.exec(source.slice(lineStart, lineStart + 200))![0];
  return { start: lineStart, end: lineStart, newText: `${indent}<!-- fazhi-lint-disable-next-line ${ruleId} -->${eolOf(source)}` };
}

/** `<!-- fazhi-lint-disable id -->` at the top of the file, after any front matter. */
export function disableFileEdit(source: string, frontmatter: string | null, ruleId: string): TextEdit {
  let at = 0;
  if (frontmatter !== null) {
    const m = /^\uFEFF?(---|\+\+\+)[^]*?(\r\n|\r|\n)\1[ \t]*(\r\n|\r|\n|$)/.exec(source);
    if (m) at = m[0].length;
  } else if (source.charCodeAt(0) === 0xfeff) at = 1;
  const eol = eolOf(source);
  const needsBreak = at > 0 && at === source.length && !/[\r\n]$/.test(source);
  return { start: at, end: at, newText: `${needsBreak ? eol : ''}<!-- fazhi-lint-disable ${ruleId} -->${eol}` };
}

/**
 * The first fix of `finding` and of every other rule's finding on the same words, as one edit, when they apply
 * together (disjoint edits): titled with what the words become. Undefined when no other fix touches them.
 */
export function fixTogether(checked: CheckedDocument, finding: Finding, findings: readonly Finding[]): { title: string; edits: TextEdit[] } | undefined {
  if (!finding.fixes.length) return undefined;
  const others = findings.filter((f) => f !== finding && f.ruleId !== finding.ruleId && f.fixes.length && f.start < finding.end && finding.start < f.end);
  if (!others.length) return undefined;
  const candidates = [finding, ...others].map((f) => ({ edits: f.fixes[0].edits }));
  const chosen = compatibleFixes(candidates);
  if (chosen.length !== candidates.length) return undefined;
  const edits = chosen.flatMap((c) => c.edits);
  const from = Math.min(finding.start, ...others.map((f) => f.start));
  const to = Math.max(finding.end, ...others.map((f) => f.end));
  // the words as they will read: the edits inside them applied to their text
  const source = checked.result.report.source;
  const inside = edits.filter((e) => e.start >= from && e.end <= to).sort((a, b) => b.start - a.start);
  let text = source.slice(from, to);
  for (const e of inside) text = text.slice(0, e.start - from) + e.newText + text.slice(e.end - from);
  return { title: ui(checked.language, 'fixTogether', { text: text.trim(), rules: [finding.ruleId, ...others.map((f) => f.ruleId)].join(' + ') }), edits };
}
