/**
 * checkDraft(): a draft's text → Report → does it read as a report? (before any rule runs) → rules. No file system:
 * node/check.ts's checkFile() reads the file and comes here, the Node language server comes here with an open
 * document's text, and the browser one (server/browser.ts) too.
 */
import {
  checkReport,
  checklistOf,
  ruleContext,
  createReport,
  looksLikeReport,
  declaredKind,
  readsTextAsReport,
  allRules,
  locate,
  previousReport,
  ui,
  isLargeDocument,
  DOCS_BASE,
  type Finding,
  type CheckResult,
  type Language,
  type PreviousText,
  type Report,
  type DeclaredKind,
  type ResolvedConfig,
  type Rule,
} from '../rules/index.js';
import { pendingChangesFinding } from './docx/pending.js';

export interface DraftContext {
  config: ResolvedConfig;
  language: Language;
  filePath?: string;
  rules?: readonly Rule[];
  /**
   * Last year's report, or how to find it from this year's (node/previous.ts): asked only when a rule reads it,
   * so a draft whose previous-report rules are off never looks.
   */
  previous?: PreviousText | null | ((report: Report) => PreviousText | null);
}

export interface DraftCheck {
  /** decided from the draft's opening and outline, before the rules */
  readsAsReport: boolean;
  /** false when the draft does not read as a report and only reports were asked for */
  rulesRan: boolean;
  result: CheckResult;
}

/**
 * Text → Report → reads as a report? → rules. With `reportsOnly` (a walked file, an editor document that may be
 * a README) the rules do not run on a draft that does not read as a report: its result has no findings.
 */
export function checkDraft(text: string, ctx: DraftContext, reportsOnly: boolean): DraftCheck {
  const report = draftReport(text, ctx.filePath, ctx.previous);
  // an empty file is one fact, not four missing sections and a missing signature
  if (text.trim() === '' && !reportsOnly) {
    return { readsAsReport: false, rulesRan: false, result: { report, findings: [emptyDraftFinding(ctx.language)], checklist: checklistOf(report), profile: ruleContext(report, ctx.config).profile, coverage: null, degraded: false } };
  }
  const readsAsReport = looksLikeReport(report);
  if (!readsAsReport && reportsOnly) {
    return { readsAsReport, rulesRan: false, result: { report, findings: [], checklist: checklistOf(report), profile: ruleContext(report, ctx.config).profile, coverage: null, degraded: isLargeDocument(text) } };
  }
  // a document that says it is another kind (an interpretation, a plan, a notice) is checked as text, not as a report:
  // one note that says so instead of four missing sections, a missing title and a missing signature
  const kind = readsAsReport ? null : declaredKind(report);
  if (kind) {
    const rules = draftRules(report, ctx.rules);
    const result = checkReport(report, { config: ctx.config, language: ctx.language, rules });
    const note = notReportFinding(report, kind, ctx.language);
    const at = result.findings.findIndex((f) => f.start > note.start);
    const findings = at < 0 ? [...result.findings, note] : [...result.findings.slice(0, at), note, ...result.findings.slice(at)];
    return { readsAsReport, rulesRan: true, result: { ...result, findings } };
  }
  return { readsAsReport, rulesRan: true, result: checkReport(report, { config: ctx.config, language: ctx.language, rules: ctx.rules }) };
}

/**
 * The rules a draft is checked and fixed with: for a document that declares another kind, none of those that read
 * it as a report — so --fix does not insert a report's sections, title or signature into a plan it was told is one.
 */
export function draftRules(report: Report, rules: readonly Rule[] = allRules): readonly Rule[] {
  return declaredKind(report) ? rules.filter((r) => !readsTextAsReport(r)) : rules;
}

/** The id of the note a document declaring another kind gets (not a rule: it comes from reading the input). */
export const NOT_REPORT_NOTE = 'not-a-report';

/** The one note a document declaring another kind gets, on the line that declares it (its title or opening). */
export function notReportFinding(report: Report, kind: DeclaredKind, lang: Language): Finding {
  return {
    ...locate(report, { start: kind.block.start, end: kind.block.end }),
    ruleId: NOT_REPORT_NOTE,
    severity: 'info',
    message: ui(lang, 'notReport', { word: kind.word }),
    messageId: 'notReport',
    data: { word: kind.word },
    related: [],
    fixes: [],
    docsUrl: NOT_REPORT_DOCS,
  };
}

/** Where the not-a-report note is explained (it comes from reading the input, not a rule). */
export const NOT_REPORT_DOCS = DOCS_BASE.replace(/rules\/$/, '') + 'extension.md#not-a-report';

/**
 * A draft's report as checkDraft() makes it: the same text, file and last year's report give the same model (the
 * language server makes it again for a document whose model it let go: server/documents.ts).
 */
export function draftReport(text: string, filePath: string | undefined, previous: DraftContext['previous']): Report {
  return createReport(text, filePath, typeof previous === 'function' ? (r) => previousReport(previous(r)) : previousReport(previous));
}

/** The one finding an empty (or blank) file named for checking gets: on line 1, no fix. */
export function emptyDraftFinding(lang: Language): Finding {
  return { ...pendingChangesFinding(lang), ruleId: 'empty-file', severity: 'warning', message: ui(lang, 'emptyDraft'), messageId: 'empty', docsUrl: EMPTY_FILE_DOCS };
}

/** Where the empty-file finding is explained (it comes from the input, not a rule). */
export const EMPTY_FILE_DOCS = DOCS_BASE.replace(/rules\/$/, '') + 'extension.md#empty-file';
