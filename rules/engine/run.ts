/**
 * Runs the enabled rules on a report: applies severities, options and inline disable comments, localises
 * messages, and turns a throwing rule into a finding of its own so the others still report.
 */
import type { Report } from '../model/report.js';
import { codePointFloor, splitsPair, type Range } from '../model/text.js';
import type { Language, MessageData, RawFinding, RawFix, RawRelated, Rule, RuleContext, Severity, TextEdit } from './rule.js';
import { ruleContext } from './context.js';
import { damageCheck, damagesTextAt, type DamageCheck } from './fix.js';
import type { ResolvedConfig } from './config.js';
import { isDisabled, readDirectives } from './directives.js';
import { ignoredBy, ignoresFor, type ResolvedIgnore } from './ignores.js';
import { fixTitle, ruleMessage, ui } from '../messages/index.js';
import { sizeCachesFor, textCache } from '../model/cache.js';
import { shareSpanTerms } from '../model/terms.js';

export const DOCS_BASE = 'https://github.com/fazhi-lint/fazhi-lint/blob/main/docs/rules/';

export interface Located extends Range {
  /** 1-based line and column; columns count UTF-16 code units */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Fix {
  title: string;
  messageId: string;
  edits: TextEdit[];
  /** a fix --fix may apply without asking */
  safe: boolean;
}

export interface Related extends Located {
  message: string;
  /** the place is in another file (last year's report): its path, as the caller named it; absent = this file */
  filePath?: string;
}

export interface Finding extends Located {
  ruleId: string;
  severity: Severity;
  message: string;
  messageId: string;
  data: MessageData;
  related: Related[];
  fixes: Fix[];
  docsUrl: string;
}

export interface RunOptions {
  config: ResolvedConfig;
  language?: Language;
  /** only rules marked cheap (huge documents) */
  cheapOnly?: boolean;
  /**
   * Throw what a rule throws, and an unknown message id (ESLint's behaviour), instead of turning it into a
   * ruleError finding. Tests set it; the CLI and the server keep the default, so one broken rule never stops a check.
   */
  strict?: boolean;
  /** the rules' shared context, when the caller built it already (else from the config) */
  context?: RuleContext;
  /** receives the findings the config's `ignores` hide, with the entry that hides each */
  ignored?: IgnoredFinding[];
}

/** A finding an entry of the config's `ignores` hides (the editor lists them, with a way to undo each). */
export interface IgnoredFinding {
  finding: Finding;
  by: ResolvedIgnore;
}

export function locate(report: Report, r: Range): Located {
  const s = report.lines.positionAt(r.start);
  const e = report.lines.positionAt(r.end);
  return { start: r.start, end: r.end, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

export function runRules(report: Report, rules: readonly Rule[], opts: RunOptions): Finding[] {
  const lang = opts.language ?? opts.config.language ?? 'zh-CN';
  const directives = readDirectives(report);
  const ignores = ignoresFor(opts.config.ignores, report.filePath);
  const context: RuleContext = opts.context ?? ruleContext(report, opts.config);
  const findings: Finding[] = [];
  sizeCachesFor(report.lines.lineCount);
  // a check that reads last year's report looks it up before the rules (a rule reading it would a moment later):
  // every rule's key terms may then read the spans last year's check segmented (model/terms.ts shareSpanTerms)
  const on = (rule: Rule) => (opts.config.rules[rule.meta.id]?.severity ?? 'off') !== 'off' && (!opts.cheapOnly || rule.meta.cheap);
  if (rules.some((r) => r.meta.readsPrevious && on(r))) {
    try {
      const previous = report.previous;
      if (previous) shareSpanTerms(report, previous);
    } catch {
      // the rule that reads it meets the same failure, and reports it as its own
    }
  }
  // the lines and the judged runs every rule's fixes share in this check
  const damage = damageCheck(report.source, report.lines);
  for (const rule of rules) {
    const setting = opts.config.rules[rule.meta.id];
    if (!setting || setting.severity === 'off') continue;
    if (opts.cheapOnly && !rule.meta.cheap) continue;
    let own: Finding[];
    try {
      own = localise(report, rule, rule.check(report, withDefaults(rule, setting.options), context), setting.severity, lang, directives, damage);
      if (ignores.has(rule.meta.id)) own = withoutIgnored(report, rule.meta.id, own, ignores, opts.ignored);
    } catch (err) {
      if (opts.strict) throw err;
      findings.push(ruleErrorFinding(report, rule, err, lang));
      continue;
    }
    // no spread: a rule may report 100 000 findings on a huge draft, past the argument limit of a call
    for (const f of own) findings.push(f);
  }
  // every message of this document stays cached for the next keystroke (a finding, its related places, its fixes)
  texts.reserve(findings.length * 3);
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** A rule's raw findings as findings: located, filtered by inline comments and excluded spans, in the language. */
function localise(report: Report, rule: Rule, raw: RawFinding[], severity: Severity, lang: Language, directives: ReturnType<typeof readDirectives>, damage: DamageCheck): Finding[] {
  const findings: Finding[] = [];
  // damagesText once per edits array of this check: one whole-file fix (mojibake's strip, hundreds of edits) is
  // offered on every block's finding
  const damageOf = new Map<readonly TextEdit[], boolean>();
  const damages = (source: string, edits: readonly TextEdit[]): boolean => {
    let d = damageOf.get(edits);
    if (d === undefined) damageOf.set(edits, (d = damagesTextAt(source, edits, damage)));
    return d;
  };
  const ruleId = rule.meta.id;
  const docsUrl = DOCS_BASE + ruleId + '.md';
  for (const f of raw) {
    const r = clampRange(report, f);
    const loc = locate(report, r);
    if (isDisabled(directives, ruleId, r.start, loc.line - 1)) continue;
    if (inExcluded(report, r)) continue;
    // one literal, its fields in the order `{ ...loc, ruleId, … }` gives them (the JSON output keeps them): no spread
    // (V8's slow path in Node 20) and no object merged into another — a keystroke builds every finding of the draft again
    findings.push({
      start: loc.start,
      end: loc.end,
      line: loc.line,
      column: loc.column,
      endLine: loc.endLine,
      endColumn: loc.endColumn,
      ruleId,
      severity,
      messageId: f.messageId,
      data: f.data ?? {},
      message: messageOf(lang, ruleId, f.messageId, f.data),
      related: f.related ? f.related.map((rel) => relatedOf(report, rule, rel, lang)) : [],
      // a fix that would cut a character, write a broken one or unbalance a bracket is not offered (fix.ts)
      fixes: f.fixes ? fixesOf(f.fixes) : [],
      docsUrl,
    });
  }
  return findings;

  function fixesOf(fixes: readonly RawFix[]): Fix[] {
    const out: Fix[] = [];
    for (const fx of fixes) {
      if (damages(report.source, fx.edits)) continue;
      out.push({ title: fixTitleOf(lang, ruleId, fx.messageId, fx.data), messageId: fx.messageId, edits: fx.edits, safe: fx.safe === true });
    }
    return out;
  }
}

/**
 * Formatted messages and fix titles, kept across checks: a keystroke re-checks thousands of unchanged findings on a
 * large draft, and formatting each again was a tenth of the re-check. Keyed by everything the text depends on:
 * message or fix, language, rule, message id and every field of the data (name and value).
 */
const texts = textCache<string>(20_000, true);

/**
 * Kind, language, rule and message id as a short number: a key is built and hashed for every finding, related place
 * and fix title of every check, and that prefix was most of its length.
 */
const prefixes = new Map<string, Map<string, Map<string, string>>>();
let prefixCount = 0;

function textKey(kind: string, lang: Language, ruleId: string, messageId: string, data: MessageData | undefined): string {
  // looked up by its parts (the same few strings on every check, their hashes kept), not by a string built of them
  const head = kind + lang;
  let byRule = prefixes.get(head);
  if (!byRule) prefixes.set(head, (byRule = new Map()));
  let byMessage = byRule.get(ruleId);
  if (!byMessage) byRule.set(ruleId, (byMessage = new Map()));
  let key = byMessage.get(messageId);
  if (key === undefined) byMessage.set(messageId, (key = String(prefixCount++)));
  // each value with its length: a value holding the separators cannot pass for more fields
  if (data) for (const k in data) {
    const v = String(data[k]);
    key += '\u0001' + k + '\u0002' + v.length + '\u0002' + v;
  }
  return key;
}

function messageOf(lang: Language, ruleId: string, messageId: string, data: MessageData | undefined): string {
  const key = textKey('m', lang, ruleId, messageId, data);
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = ruleMessage(lang, ruleId, messageId, data)));
  return text;
}

function fixTitleOf(lang: Language, ruleId: string, messageId: string, data: MessageData | undefined): string {
  const key = textKey('f', lang, ruleId, messageId, data);
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = fixTitle(lang, ruleId, messageId, data)));
  return text;
}

/** The findings no entry of `ignores` hides; the hidden ones go to `sink`. */
function withoutIgnored(report: Report, ruleId: string, own: Finding[], ignores: Map<string, ResolvedIgnore[]>, sink: IgnoredFinding[] | undefined): Finding[] {
  return own.filter((f) => {
    const by = ignoredBy(ignores, report, ruleId, f);
    if (by) sink?.push({ finding: f, by });
    return !by;
  });
}

/** A related place, located in the report it is in (this one, or last year's with its file path). */
function relatedOf(report: Report, rule: Rule, rel: RawRelated, lang: Language): Related {
  const message = messageOf(lang, rule.meta.id, rel.messageId, rel.data);
  const other = rel.inPrevious ? report.previous : null;
  // the located place takes its message (no object built to be merged into it)
  const at = locate(other ?? report, clampRange(other ?? report, rel)) as Related;
  at.message = message;
  if (!other) return at;
  return other.filePath !== undefined ? Object.assign({}, at, { filePath: other.filePath }) : at;
}

/** The options a rule declares, with their defaults (meta.options, the one place they are written) under the config's. */
function withDefaults(rule: Rule, options: Record<string, unknown>): Record<string, unknown> {
  const schema = rule.meta.options;
  if (!schema) return options;
  const out: Record<string, unknown> = {};
  for (const [k, o] of Object.entries(schema)) out[k] = o.default;
  return Object.assign(out, options);
}

/** A rule's range inside the text and on whole code points (a range ending inside 𠮷 widens to take all of it). */
function clampRange(report: Report, r: Range): Range {
  const s = report.source;
  const n = s.length;
  const start = codePointFloor(s, Math.max(0, Math.min(r.start, n)));
  const end = Math.max(start, Math.min(r.end, n));
  return { start, end: splitsPair(s, end) ? end + 1 : end };
}

function inExcluded(report: Report, r: Range): boolean {
  if (r.start === r.end) return false;
  return report.excluded.some((x) => r.start >= x.start && r.end <= x.end);
}

function ruleErrorFinding(report: Report, rule: Rule, err: unknown, lang: Language): Finding {
  const error = err instanceof Error ? err.message : String(err);
  return {
    ...locate(report, { start: 0, end: 0 }),
    ruleId: rule.meta.id,
    severity: 'error',
    messageId: 'ruleError',
    data: { rule: rule.meta.id, error },
    message: ui(lang, 'ruleError', { rule: rule.meta.id, error }),
    related: [],
    fixes: [],
    docsUrl: DOCS_BASE + rule.meta.id + '.md',
  };
}
