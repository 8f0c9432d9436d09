/**
 * What a reviewer's page shows of one checked report, taken from the same findings and checklist the CLI and the
 * editor show: who reports, for which year, when it was signed and whether that is in time for publication, the
 * statutory checklist, every finding with the characters it flags, and a 审查意见 drawn from the findings.
 * Kept small (excerpts, not the whole text) so a batch of a hundred reports stays cheap.
 */
import {
  BASIS,
  detectOrgan,
  publicationDeadline,
  ruleById,
  ruleText,
  type ChecklistItem,
  type CheckResult,
  type Finding,
  type Language,
  type Severity,
} from '../../rules/index.js';
import type { OpinionPart, RuleFamily } from '../../rules/engine/rule.js';
import { reviewText } from '../../rules/messages/review.js';
import { format } from '../../rules/messages/index.js';
import { numberingText } from '../../rules/model/numbering.js';

export const FAMILIES: readonly RuleFamily[] = ['checklist', 'form', 'figures', 'residue'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The line of a finding, cut to a window around the flagged characters (never inside a surrogate pair). */
export interface Excerpt {
  before: string;
  marked: string;
  after: string;
  /** text was left out before / after the window */
  cutBefore: boolean;
  cutAfter: boolean;
}

export interface ReviewFinding {
  ruleId: string;
  family: RuleFamily | 'other';
  severity: Severity;
  message: string;
  line: number;
  column: number;
  docsUrl: string;
  excerpt: Excerpt;
}

export interface ReviewDate {
  year: number;
  month: number;
  day: number;
  raw: string;
}

/** Last year's plans and how many of them this year's report reports on (filled once a previous report is found). */
export interface PreviousFollowUp {
  followed: number;
  total: number;
}

export interface ReviewedReport {
  filePath: string;
  organ: string | null;
  year: number | null;
  date: ReviewDate | null;
  /** the last day-after of publication (year + 1, 4月1日): null when the year is unknown */
  deadline: ReviewDate | null;
  /** the 成文日期 lies before the deadline; null when either is unknown */
  onTime: boolean | null;
  checklist: ChecklistItem[];
  findings: ReviewFinding[];
  previous: PreviousFollowUp | null;
}

const CONTEXT = 60;

export function reviewOf(result: CheckResult, filePath: string, previous: PreviousFollowUp | null = null): ReviewedReport {
  const { report } = result;
  const year = report.year?.year ?? null;
  const d = report.frame.signature?.dateValue ?? null;
  const date = d ? { year: d.year, month: d.month, day: d.day, raw: d.raw } : null;
  const deadline = year === null ? null : publicationDeadline(year);
  const onTime = date && deadline ? dayNumber(date) < dayNumber(deadline) : null;
  const lineTexts = report.source.split('\n');
  return {
    filePath,
    organ: detectOrgan(report)?.name ?? null,
    year,
    date,
    deadline,
    onTime,
    checklist: result.checklist.map((c) => ({ ...c })),
    findings: result.findings.map((f) => reviewFinding(f, lineTexts[f.line - 1] ?? '')),
    previous,
  };
}

function dayNumber(d: { year: number; month: number; day: number }): number {
  return d.year * 10000 + d.month * 100 + d.day;
}

function reviewFinding(f: Finding, rawLine: string): ReviewFinding {
  const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
  const start = Math.min(f.column - 1, line.length);
  const end = f.endLine === f.line ? Math.max(start, Math.min(f.endColumn - 1, line.length)) : line.length;
  return {
    ruleId: f.ruleId,
    family: ruleById(f.ruleId)?.meta.family ?? 'other',
    severity: f.severity,
    message: f.message,
    line: f.line,
    column: f.column,
    docsUrl: f.docsUrl,
    excerpt: excerpt(line, start, end),
  };
}

/** A boundary moved off the second half of a surrogate pair, so no excerpt starts or ends inside a character. */
function onCodePoint(s: string, i: number): number {
  if (i <= 0 || i >= s.length) return Math.max(0, Math.min(i, s.length));
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

export function excerpt(line: string, start: number, end: number): Excerpt {
  const from = onCodePoint(line, start - CONTEXT);
  let markEnd = onCodePoint(line, end);
  // a marked span longer than the window is shown from its start
  const longMark = markEnd - start > 2 * CONTEXT;
  if (longMark) markEnd = onCodePoint(line, start + 2 * CONTEXT);
  const to = longMark ? markEnd : onCodePoint(line, end + CONTEXT);
  return {
    before: line.slice(from, start),
    marked: line.slice(start, markEnd),
    after: line.slice(markEnd, to),
    cutBefore: from > 0,
    cutAfter: to < line.length,
  };
}

/** A rule's basis as a reviewer may cite it: the document's name, and its words only where they may be quoted. */
export interface ReviewBasis {
  name: string;
  quote: string;
}

export function basisOf(ruleId: string): ReviewBasis[] {
  const rule = ruleById(ruleId);
  if (!rule) return [];
  return rule.meta.basis.map((k) => ({ name: BASIS[k].name, quote: BASIS[k].quote }));
}

export function countsOf(r: ReviewedReport): { bySeverity: Record<Severity, number>; byFamily: Record<RuleFamily, number> } {
  const bySeverity = { error: 0, warning: 0, info: 0 } as Record<Severity, number>;
  const byFamily = { checklist: 0, form: 0, figures: 0, residue: 0 } as Record<RuleFamily, number>;
  for (const f of r.findings) {
    bySeverity[f.severity]++;
    if (f.family !== 'other') byFamily[f.family]++;
  }
  return { bySeverity, byFamily };
}

export type { OpinionPart };

const PART_OF_FAMILY: Record<RuleFamily, OpinionPart> = { checklist: 'add', form: 'correct', figures: 'correct', residue: 'correct' };

/** The rule's own part when its metadata names one (`meta.opinion`), else its family's. */
export function opinionPartOf(f: ReviewFinding): OpinionPart {
  return ruleById(f.ruleId)?.meta.opinion ?? (f.family === 'other' ? 'correct' : PART_OF_FAMILY[f.family]);
}

export interface Opinion {
  /** the paragraph as one text a reviewer can copy */
  text: string;
  intro: string;
  parts: { part: OpinionPart; label: string; items: string[] }[];
  /** each part as its numbered sentence (一、须补充：…。) */
  numbered: string[];
  close: string;
}

const MAX_LINES_NAMED = 5;

/**
 * The 审查意见: per part, one item per rule — the finding's own message where the rule found it once (it names the
 * missing item, the figures), else the rule's title with the lines it was found on.
 */
export function opinionOf(r: ReviewedReport, lang: Language): Opinion {
  const t = reviewText(lang);
  const name = displayName(r, lang);
  const wrapped = lang === 'en' ? name : `《${name}》`;
  const byRule = new Map<string, ReviewFinding[]>();
  for (const f of r.findings) {
    if (f.severity === 'info' && opinionPartOf(f) !== 'add') continue;
    const list = byRule.get(f.ruleId) ?? [];
    list.push(f);
    byRule.set(f.ruleId, list);
  }
  const parts: Opinion['parts'] = [];
  const order: OpinionPart[] = ['add', 'correct', 'explain'];
  const labels = { add: t.opinionAdd, correct: t.opinionCorrect, explain: t.opinionExplain };
  for (const part of order) {
    const items: string[] = [];
    for (const [ruleId, fs] of byRule) {
      if (opinionPartOf(fs[0]) !== part) continue;
      if (fs.length === 1) items.push(stripEnd(fs[0].message) + format(t.opinionLines, { lines: fs[0].line }));
      else items.push((ruleText(lang, ruleId)?.title ?? ruleId) + linesText(fs, lang));
    }
    if (items.length) parts.push({ part, label: labels[part], items });
  }
  const intro = format(parts.length ? t.opinionIntro : t.opinionClean, { name: wrapped });
  const numbered = parts.map((p, i) => `${ordinal(i, lang)}${p.label}${t.colon}${p.items.join(t.listSeparator)}${t.sentenceEnd}`);
  const close = t.opinionClose;
  const text = [intro, ...numbered, close].join(lang === 'en' ? ' ' : '');
  return { text, intro, parts, numbered, close };
}

function linesText(fs: ReviewFinding[], lang: Language): string {
  const t = reviewText(lang);
  const lines = [...new Set(fs.map((f) => f.line))];
  const shown = lines.slice(0, MAX_LINES_NAMED).join(lang === 'en' ? ', ' : '、');
  const more = lines.length > MAX_LINES_NAMED ? format(t.opinionMore, { n: lines.length }) : '';
  return format(t.opinionLines, { lines: shown + more });
}

function stripEnd(s: string): string {
  return s.replace(/[。.；;]+$/u, '');
}

function ordinal(i: number, lang: Language): string {
  return lang === 'en' ? `${i + 1}. ` : numberingText('cn-dun', i + 1);
}

export function displayName(r: ReviewedReport, lang: Language): string {
  const t = reviewText(lang);
  const base = r.filePath.split(/[\\/]/).pop() ?? r.filePath;
  if (r.year === null) return r.organ ? `${r.organ} (${base})` : base;
  return format(t.reportHeading, { organ: r.organ ?? '', year: r.year }).trim();
}
