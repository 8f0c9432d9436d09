/**
 * The public API of the checking core: check(text, options) → findings and the statutory checklist;
 * fix(text, findings) → the text with their fixes applied. No file system, no editor, no process.
 */
import { createReport, type Report } from './model/report.js';
import { runRules, type Finding, type IgnoredFinding } from './engine/run.js';
import { defaultConfig, type ResolvedConfig } from './engine/config.js';
import { applyFixesToText } from './engine/fix.js';
import { allRules } from './registry.js';
import { DEFAULT_FOLLOWUP, previousPlansOf, previousReport, type FollowupOptions, type PlanFollowupLine, type PreviousPlans, type PreviousText } from './model/previous.js';
import { ui, type UiKey } from './messages/index.js';
import { ruleContext } from './engine/context.js';
import type { Profile } from './model/profile.js';
import type { Language, Rule } from './engine/rule.js';
import type { ChecklistStatus } from './model/checklist.js';
import type { StatutoryItem } from './model/vocabulary.js';
import { utf8Exceeds } from './model/text.js';
import { coverageOf, type AreaCoverage, type Coverage } from './model/coverage.js';
import { declaredKind } from './model/kind.js';

export type { Finding, Fix, Related, Located, IgnoredFinding } from './engine/run.js';
export { ignoreAnchor, ignoreEntryFor, sameIgnore, sameFile, type IgnoreEntry, type ResolvedIgnore, type IgnoreAnchor } from './engine/ignores.js';
export type { Rule, RuleContext, RuleMeta, Severity, SeveritySetting, Language, TextEdit, RawFinding } from './engine/rule.js';
export type { ResolvedConfig, ConfigHost, RuleSetting, Deadlines, MonthDay, CoverageArea, ProfileSetting, ReadRefusal } from './engine/config.js';
export { ruleContext } from './engine/context.js';
export { detectProfile, resolveProfile, classifyOrgan, PROFILE_KINDS, type Profile, type ProfileKind } from './model/profile.js';
export type { Report } from './model/report.js';
export type { ChecklistStatus } from './model/checklist.js';
export { REQUIRED_ITEMS, type StatutoryItem } from './model/vocabulary.js';
export { ConfigError, ConfigReadRefused, MAX_EXTENDS_DEPTH, configForFile, findConfigFile, loadConfigFile, defaultConfig, parseConfigText, CONFIG_FILE_NAMES, refusalText } from './engine/config.js';
export { applyEdits, applyFixesToText, compatibleFixes } from './engine/fix.js';
export { asPrevious, createReport } from './model/report.js';
export { declaredKind, type DeclaredKind } from './model/kind.js';
export { previousReport, pairedPrevious, planFollowups, previousPlansOf, sameOrgan, type PreviousText, type PlanFollowup, type FollowupStatus, type PlanFollowupLine, type PreviousPlans } from './model/previous.js';
export { detectOrgan, type Organ } from './model/organ.js';
export { coverageOf, GANGYAO_AREAS, type Coverage, type AreaCoverage, type GangyaoArea } from './model/coverage.js';
export { publicationDeadline } from './form/disclosure-deadline.js';
export { clearCaches } from './model/cache.js';
export { allRules, ruleById } from './registry.js';
export { ruleMessage, ruleText, ui, languageFor, BASIS, fixTitle, profileLabel, checklistItemLabel, both, say, type BilingualKey } from './messages/index.js';
export { DOCS_BASE, locate } from './engine/run.js';
export { sizeText, utf8Length } from './model/text.js';

/**
 * Above this size in UTF-8 bytes (the file's size, not its UTF-16 length: a Chinese draft has a third as many
 * units as bytes) only the cheap rules run, so an editor never freezes on a huge file.
 */
export const LARGE_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** Is a draft large enough to be checked with the cheap rules only? */
export function isLargeDocument(source: string): boolean {
  return utf8Exceeds(source, LARGE_DOCUMENT_BYTES);
}

export interface ChecklistItem {
  item: StatutoryItem;
  status: ChecklistStatus;
  line: number | null;
  heading: string | null;
}

export interface CheckResult {
  report: Report;
  findings: Finding[];
  checklist: ChecklistItem[];
  /** who reports: read from the report, or the config's `"profile"` */
  profile: Profile;
  /**
   * which areas of work the measures report on: the 纲要's nine for a government or joint report, the config's own
   * areas for any body; null when neither applies (model/coverage.ts)
   */
  coverage: Coverage | null;
  /** true when the document was too large and only cheap rules ran */
  degraded: boolean;
  /** findings the config's `ignores` hide (not in `findings`) */
  ignored?: IgnoredFinding[];
}

export interface CheckOptions {
  config?: ResolvedConfig;
  language?: Language;
  filePath?: string;
  rules?: readonly Rule[];
  /** a throwing rule or an unknown message id throws instead of becoming a ruleError finding (tests) */
  strict?: boolean;
  /**
   * Last year's report (its text and path): plan-followup and text-recycled read it when it is the same organ's
   * report for year − 1, and are silent otherwise. Finding it is the caller's business (node/previous.ts).
   */
  previous?: PreviousText | null;
  /**
   * Every rule whatever the size: no cheap-rules mode above LARGE_DOCUMENT_BYTES (the bench's growth rows time
   * the full check on 5 MB; an editor or the CLI never sets it).
   */
  anySize?: boolean;
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  return checkReport(createReport(text, options.filePath, previousReport(options.previous)), options);
}

/**
 * Run the rules on a Report already built (a caller that first asked whether it reads as a report); a previous
 * report is given to createReport then.
 */
/**
 * Rules that read the text as an annual report: its statutory sections, its title and signature as a report's,
 * last year's report. On a document that declares another kind they say nothing true, so they do not run there.
 */
const REPORT_READING_RULES = new Set(['title-format', 'signature-date', 'disclosure-deadline', 'text-recycled']);
export const readsTextAsReport = (rule: Rule): boolean => rule.meta.family === 'checklist' || REPORT_READING_RULES.has(rule.meta.id);

/**
 * Does a check with this config read last year's report (a rule marked readsPrevious is on)? With none on, a caller
 * need neither look for that report nor keep a checked file's report for the next draft to pair with.
 */
export function readsPrevious(config: ResolvedConfig, rules: readonly Rule[] = allRules): boolean {
  return rules.some((r) => r.meta.readsPrevious && (config.rules[r.meta.id]?.severity ?? 'off') !== 'off');
}

export function checkReport(report: Report, options: Omit<CheckOptions, 'filePath' | 'previous'> = {}): CheckResult {
  const rules = options.rules ?? allRules;
  const config = options.config ?? defaultConfig(rules);
  const degraded = !options.anySize && isLargeDocument(report.source);
  const context = ruleContext(report, config);
  const ignored: IgnoredFinding[] = [];
  const findings = runRules(report, rules, { config, language: options.language, cheapOnly: degraded, strict: options.strict, context, ignored });
  const coverage = coverageOf(report, context.profile.kind, context.areas);
  return { report, findings, checklist: checklistOf(report), profile: context.profile, coverage, degraded, ...(ignored.length ? { ignored } : {}) };
}

/**
 * The section 上年度安排落实情况 of a checked report, matched with the options plan-followup has in this config
 * (the list and the findings agree). Null when no previous report is paired.
 */
export function previousPlans(report: Report, config?: ResolvedConfig): PreviousPlans | null {
  const options = config?.rules['plan-followup']?.options as Partial<FollowupOptions> | undefined;
  return previousPlansOf(report, { ...DEFAULT_FOLLOWUP, ...options });
}

/** 上年度安排落实情况's head line, the same in the CLI's --checklist and the editor's view: last year's file, plans followed up. */
export function previousSummary(lang: Language, p: PreviousPlans, file: string): string {
  return `${ui(lang, 'previousOf', { file, year: p.year })} — ${ui(lang, 'previousCount', { followed: p.followed, total: p.plans.length })}`;
}

/** One of last year's plans with its status, as both lists show it. */
export function followupLabel(lang: Language, plan: PlanFollowupLine): string {
  return `${plan.plan} — ${ui(lang, `followup_${plan.status}`)}`;
}

/** The coverage list's head line, the same in the CLI's --checklist and the editor's view: whose list, how many covered. */
export function coverageSummary(lang: Language, c: Coverage): string {
  return ui(lang, `coverageOf_${c.source}`, { covered: c.covered, total: c.areas.length });
}

/** An area as both lists name it: the catalogue's paraphrase of the 纲要's area, or the config's own name. */
export function areaLabel(lang: Language, a: AreaCoverage): string {
  return a.configured ? a.area : ui(lang, `area_${a.area}` as UiKey);
}

export function checklistOf(report: Report): ChecklistItem[] {
  return report.checklist.map((e) => ({ item: e.item, status: e.status, line: e.line, heading: e.heading }));
}

/** Apply the first fix of each finding that does not collide with another; safeOnly keeps suggestions out. */
export function fix(text: string, findings: readonly Finding[], safeOnly = true): { output: string; applied: Finding[] } {
  const candidates = findings
    .filter((f) => f.fixes.length && (!safeOnly || f.fixes[0].safe))
    .map((f) => ({ finding: f, edits: f.fixes[0].edits }));
  const { output, applied } = applyFixesToText(text, candidates);
  return { output, applied: applied.map((a) => a.finding) };
}

/** Check and fix until nothing more can be fixed (at most 10 passes, as ESLint does). */
export function fixAll(text: string, options: CheckOptions = {}, safeOnly = true): { output: string; passes: number; fixed: number } {
  let output = text;
  let fixed = 0;
  let passes = 0;
  for (; passes < 10; passes++) {
    const { findings } = check(output, options);
    const r = fix(output, findings, safeOnly);
    if (r.applied.length === 0 || r.output === output) break;
    fixed += r.applied.length;
    output = r.output;
  }
  return { output, passes, fixed };
}

const REPORT_WORDS = /法治政府建设|法治建设|依法行政|法治政府|依法治(区|县|市|镇|街|省)/;

/**
 * Does a document found by walking a directory read as an annual report (so the walk checks it)? Not one that
 * declares another kind (an interpretation, a plan, a notice: model/kind.ts), however much it speaks of 法治政府建设.
 */
export function looksLikeReport(report: Report): boolean {
  if (declaredKind(report)) return false;
  const opening = [report.frame.title, ...report.bodyBlocks.slice(0, 3)].filter((b) => b !== null);
  if (opening.some((b) => REPORT_WORDS.test(b!.norm.text))) return true;
  return report.checklist.filter((e) => e.status === 'section' || e.status === 'merged').length >= 2;
}
