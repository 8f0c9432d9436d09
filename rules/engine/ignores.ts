/**
 * Ignored findings: a false alarm hidden without touching the draft (a disable comment would be visible text once
 * the draft goes back into Word). An ignore is kept in the config file under `"ignores"`, like LTeX's hidden false
 * positives, and names the finding by what it is about rather than where it is: the rule, the file, the sentence
 * the finding sits in and the words it flags, each normalised. It keeps matching while that sentence is unchanged,
 * wherever edits elsewhere move it, and stops matching once the sentence itself is rewritten.
 */
import type { Report } from '../model/report.js';
import type { Range } from '../model/text.js';
import { codePointFloor } from '../model/text.js';
import { sentenceSpans } from '../model/sentence.js';

/** One ignored finding, as the config file holds it (`file` relative to that config file, with / separators). */
export interface IgnoreEntry {
  rule: string;
  /** the draft; absent: every draft the config governs */
  file?: string;
  /** the normalised sentence the finding starts in */
  sentence: string;
  /** the normalised words the finding flags; absent: any finding of the rule in that sentence */
  text?: string;
}

/** An entry with `file` made absolute (resolved against its config file's directory) when the config is read. */
export interface ResolvedIgnore extends IgnoreEntry {
  /** the config file that holds the entry (to remove it from there) */
  source: string;
  /** the entry as that file writes it */
  written: IgnoreEntry;
}

/** What a finding is anchored by: its sentence and flagged words, normalised as entries store them. */
export interface IgnoreAnchor {
  sentence: string;
  text: string;
}

/** Long enough to tell sentences apart, short enough to keep a config file readable. */
const MAX_SENTENCE = 160;
const MAX_TEXT = 60;

/**
 * Spaces (ASCII, full-width, no-break) and Markdown markup at a line's start do not make a different sentence: a
 * re-wrapped or re-indented line, or a heading mark added, keeps its ignores.
 */
export function normaliseAnchorText(s: string, max: number): string {
  const t = s.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '').replace(/^(?:[#>*+\-]|\d+[.)])+/, '');
  return t.length > max ? t.slice(0, codePointFloor(t, max)) : t;
}

/** The anchor of a finding's range in a report: the statement of its line it starts in, and its own words. */
export function ignoreAnchor(report: Report, r: Range): IgnoreAnchor {
  const src = report.source;
  const lineIndex = report.lines.lineOf(Math.min(r.start, src.length));
  const lineStart = report.lines.starts[lineIndex];
  const next = report.lines.starts[lineIndex + 1];
  let lineEnd = next === undefined ? src.length : next;
  while (lineEnd > lineStart && (src[lineEnd - 1] === '\n' || src[lineEnd - 1] === '\r')) lineEnd--;
  const line = src.slice(lineStart, lineEnd);
  const at = r.start - lineStart;
  const spans = sentenceSpans(line);
  const span = spans.find((s) => at >= s.from && at < s.to) ?? spans[spans.length - 1];
  const sentence = span ? line.slice(span.from, span.to) : line;
  return { sentence: normaliseAnchorText(sentence, MAX_SENTENCE), text: normaliseAnchorText(src.slice(r.start, r.end), MAX_TEXT) };
}

/** The entry that ignores a finding of `rule` at `r` in a draft `file` (relative to the config file). */
export function ignoreEntryFor(report: Report, rule: string, r: Range, file: string | undefined): IgnoreEntry {
  const a = ignoreAnchor(report, r);
  return { rule, ...(file !== undefined ? { file } : {}), sentence: a.sentence, ...(a.text ? { text: a.text } : {}) };
}

/** Same file? Separators and a Windows drive letter's case do not make a different file. */
export function sameFile(a: string, b: string): boolean {
  const n = (p: string) => p.replace(/\\/g, '/').replace(/^([a-z]):/, (_, d: string) => d.toUpperCase() + ':');
  return n(a) === n(b);
}

/** Entries that may apply to this file (by the report's path), by rule: built once per check. */
export function ignoresFor(entries: readonly ResolvedIgnore[] | undefined, filePath: string | undefined): Map<string, ResolvedIgnore[]> {
  const out = new Map<string, ResolvedIgnore[]>();
  for (const e of entries ?? []) {
    if (e.file !== undefined && (filePath === undefined || !sameFile(e.file, filePath))) continue;
    const list = out.get(e.rule);
    if (list) list.push(e);
    else out.set(e.rule, [e]);
  }
  return out;
}

/** Does an entry match this anchor? */
export function matchesAnchor(e: IgnoreEntry, a: IgnoreAnchor): boolean {
  return e.sentence === a.sentence && (e.text === undefined || e.text === a.text);
}

/** The entry (if any) that ignores a finding of `rule` at `r`. */
export function ignoredBy(byRule: Map<string, ResolvedIgnore[]>, report: Report, rule: string, r: Range): ResolvedIgnore | undefined {
  const list = byRule.get(rule);
  if (!list) return undefined;
  const a = ignoreAnchor(report, r);
  return list.find((e) => matchesAnchor(e, a));
}

/** Two entries name the same ignore (removing one removes it). */
export function sameIgnore(a: IgnoreEntry, b: IgnoreEntry): boolean {
  return a.rule === b.rule && a.sentence === b.sentence && (a.text ?? '') === (b.text ?? '') && (a.file ?? '') === (b.file ?? '');
}
