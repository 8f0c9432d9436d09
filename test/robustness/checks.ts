/** The properties checked on each draft, shared by the property tests (and handy for reproducing a counterexample). */
import { allRules, applyEdits, check, createReport, defaultConfig, fixAll, type Finding, type Report, type TextEdit } from '../../rules/index.js';
import type { Range } from '../../rules/model/text.js';
import { findPinyinDebris, toSimplified } from '../../rules/model/normalize.js';
import { ruleContext } from '../../rules/engine/context.js';
import { unmatchedBrackets } from '../../rules/model/brackets.js';
import { damagesText } from '../../rules/engine/fix.js';

/** every rule on, including the ones off by default */
const allOn = defaultConfig(allRules, true);

function inside(r: Range, n: number): boolean {
  return Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= n;
}

/** The rules' own output, before the engine clamps it: no throw, every range and edit inside the text. */
function rawProblems(text: string): string[] {
  const problems: string[] = [];
  const report = createReport(text);
  const context = ruleContext(report, allOn);
  for (const rule of allRules) {
    let raw;
    try {
      raw = rule.check(report, allOn.rules[rule.meta.id].options, context);
    } catch (err) {
      problems.push(`${rule.meta.id} threw: ${(err as Error)?.stack ?? err}`);
      continue;
    }
    for (const f of raw) {
      if (!inside(f, text.length)) problems.push(`${rule.meta.id}/${f.messageId}: range ${f.start}-${f.end} outside 0-${text.length}`);
      else if (splitsPair(text, f.start) || splitsPair(text, f.end)) problems.push(`${rule.meta.id}/${f.messageId}: range ${f.start}-${f.end} cuts a surrogate pair`);
      for (const r of f.related ?? []) {
        if (!inside(r, text.length)) problems.push(`${rule.meta.id}/${f.messageId}: related ${r.start}-${r.end} outside`);
        else if (splitsPair(text, r.start) || splitsPair(text, r.end)) problems.push(`${rule.meta.id}/${f.messageId}: related ${r.start}-${r.end} cuts a surrogate pair`);
      }
      for (const fx of f.fixes ?? []) {
        let out = true;
        for (const e of fx.edits) if (!inside(e, text.length)) (out = false), problems.push(`${rule.meta.id}/${fx.messageId}: edit ${e.start}-${e.end} outside`);
        // the engine drops such a fix (engine/fix.ts damagesText); the rule must not offer it in the first place
        if (out && damagesText(text, fx.edits)) problems.push(`${rule.meta.id}/${fx.messageId}: offers a fix that damages the text (the engine drops it): ${JSON.stringify(fx.edits.slice(0, 3))}`);
      }
    }
  }
  return problems;
}

/** Is every character of `original` outside the named ranges still in `output`, in order? */
export function keepsOutside(original: string, output: string, named: readonly Range[]): boolean {
  // named ranges merged into disjoint sorted spans, so one sweep decides (documents may carry thousands)
  const spans: Range[] = [];
  for (const r of [...named].filter((x) => x.end > x.start).sort((a, b) => a.start - b.start)) {
    const last = spans[spans.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else spans.push({ start: r.start, end: r.end });
  }
  let k = 0;
  let j = 0;
  for (let i = 0; i < original.length; i++) {
    while (k < spans.length && spans[k].end <= i) k++;
    if (k < spans.length && spans[k].start <= i) {
      i = spans[k].end - 1;
      continue;
    }
    const c = original.charCodeAt(i);
    while (j < output.length && output.charCodeAt(j) !== c) j++;
    if (j === output.length) return false;
    j++;
  }
  return true;
}

/**
 * Fixes whose documented scope is wider than their finding's range: heading-sequence's renumbering moves the
 * numbers of the flagged heading's later siblings (same parent, same rank) up to the next sibling it flags, which
 * has a fix of its own — those numerals, and nothing else.
 */
function renumberScope(report: Report, f: Finding, findings: readonly Finding[]): Range[] {
  const h = report.outline.find((x) => x.numbering?.range.start === f.start);
  if (!h) return [];
  const siblings = report.outline.filter((x) => x.parent === h.parent && x.rank === h.rank && (x.numbering || x.slotValue !== null));
  const flagged = new Set(findings.filter((x) => x.ruleId === 'heading-sequence').map((x) => x.start));
  const out: Range[] = [];
  for (let i = siblings.indexOf(h); i < siblings.length; i++) {
    const s = siblings[i];
    if (s !== h && (flagged.has(s.numbering?.range.start ?? -1) || flagged.has(s.titleRange.start))) break;
    if (s.numbering) out.push(s.numbering.numeral);
  }
  return out;
}

const WIDER_SCOPE: Record<string, (report: Report, f: Finding, findings: readonly Finding[]) => Range[]> = {
  'heading-sequence/renumber': renumberScope,
  'heading-sequence/renumberRun': renumberScope,
  // one finding per block (with the count), one fix for the file: it may delete any pinyin debris, and nothing else
  'mojibake/strip': (report) => findPinyinDebris(report.source),
};

/**
 * Document-level fixes whose every edit must be of one kind: traditional-characters reports once per file and its
 * fix converts every traditional character, so each edit must replace exactly what OpenCC converts there.
 */
const EDIT_KIND: Record<string, (text: string, e: TextEdit) => boolean> = {
  'traditional-characters/convert': (text, e) => {
    const old = text.slice(e.start, e.end);
    return e.newText.length === old.length && e.newText !== old && toSimplified(old) === e.newText;
  },
};

/** Fixes that insert or split sections renumber the headings around them: they may rewrite any heading's number. */
const RENUMBERS = /^(?:section-missing|first-responsible-separate|section-merged)\/(?:insertRenumber|split)$/;

/**
 * What a deletion may remove besides what its finding names: the line break after a whole line it deletes (so no
 * empty line is left behind). A line break is not text; a sentence mark, a Markdown marker or a space is, and a
 * fix that removes one must name it in its range.
 */
function withTrailing(text: string, r: Range, deletes: boolean): Range {
  if (!deletes) return r;
  const atLineStart = r.start === 0 || text[r.start - 1] === '\n' || text[r.start - 1] === '\r';
  if (!atLineStart || r.end <= r.start) return r;
  if (text.startsWith('\r\n', r.end)) return { start: r.start, end: r.end + 2 };
  if (text[r.end] === '\n' || text[r.end] === '\r') return { start: r.start, end: r.end + 1 };
  return r;
}

function fixProblems(text: string, findings: readonly Finding[], report: Report): string[] {
  const problems: string[] = [];
  // one whole-file fix offered on several findings names all of them
  const namedBy = new Map<string, Range[]>();
  const keyOf = (f: Finding, edits: readonly TextEdit[]) => f.ruleId + JSON.stringify(edits);
  for (const f of findings)
    for (const fx of f.fixes) {
      if (fx.edits.length < 2) continue;
      const k = keyOf(f, fx.edits);
      namedBy.set(k, [...(namedBy.get(k) ?? []), f, ...f.related]);
    }
  // a bounded number of fixes per rule: each check costs a pass over the document
  const checked = new Map<string, number>();
  for (const f of findings) {
    for (const fx of f.fixes) {
      const n = checked.get(f.ruleId) ?? 0;
      if (n >= 200) continue;
      checked.set(f.ruleId, n + 1);
      let out: string;
      try {
        out = applyEdits(text, fx.edits);
      } catch (err) {
        problems.push(`${f.ruleId}/${fx.messageId} at ${f.line}:${f.column}: fix does not apply: ${(err as Error).message}`);
        continue;
      }
      problems.push(...damageProblems(`${f.ruleId}/${fx.messageId} at ${f.line}:${f.column}`, text, out, fx.edits));
      // what a fix may remove or replace: the finding's range and the places it names as related
      const kind = EDIT_KIND[`${f.ruleId}/${fx.messageId}`];
      if (kind) {
        const bad = fx.edits.filter((e) => !kind(text, e));
        if (bad.length) problems.push(`${f.ruleId}/${fx.messageId}: edits of the wrong kind: ${JSON.stringify(bad.slice(0, 5))}`);
        continue;
      }
      const deletes = fx.edits.every((e) => e.newText === '');
      const named = [
        f,
        ...f.related,
        ...(fx.edits.length >= 2 ? namedBy.get(keyOf(f, fx.edits)) ?? [] : []),
        ...(WIDER_SCOPE[`${f.ruleId}/${fx.messageId}`]?.(report, f, findings) ?? []),
        ...(RENUMBERS.test(`${f.ruleId}/${fx.messageId}`) ? report.outline.filter((h) => h.numbering).map((h) => h.numbering!.numeral) : []),
      ].map((r) => withTrailing(text, r, deletes));
      if (!keepsOutside(text, out, named)) {
        const lost = fx.edits.filter((e) => e.end > e.start && !named.some((r) => e.start >= r.start && e.end <= r.end));
        problems.push(`${f.ruleId}/${fx.messageId} at ${f.line}:${f.column} [${f.start},${f.end}) edits outside it: ${JSON.stringify(lost)}`);
      }
    }
  }
  return problems;
}

/** Everything wrong with how the rules treat one draft (empty when all properties hold). */
export function problemsOf(text: string, opts: { idempotence?: boolean } = {}): string[] {
  const problems = rawProblems(text);
  const { findings, report } = check(text, { config: allOn });
  for (const f of findings) {
    if (f.messageId === 'ruleError') problems.push(`ruleError: ${f.message}`);
    if (!inside(f, text.length)) problems.push(`${f.ruleId}: range ${f.start}-${f.end} outside`);
  }
  problems.push(...fixProblems(text, findings, report));
  if (opts.idempotence !== false) problems.push(...idempotenceProblems(text));
  return problems;
}

export function idempotenceProblems(text: string): string[] {
  const once = fixAll(text, { config: allOn }).output;
  const problems = damageProblems('fixAll', text, once, []);
  const twice = fixAll(once, { config: allOn }).output;
  if (twice !== once) problems.push(`fixAll is not idempotent: a second fixAll changes ${JSON.stringify(diffAt(once, twice))}`);
  return problems;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Is offset i between the two halves of a surrogate pair? */
function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/**
 * What a fix (or fixAll) must never do to a draft, whatever it is for: cut a character in half (an edit ending
 * between the halves of a surrogate pair, a lone surrogate more than before), write U+FFFD, or leave a bracket
 * or quotation mark without its partner (【】（）《》“” and the half-width () [] among them) where it had one.
 */
export function damageProblems(what: string, before: string, after: string, edits: readonly TextEdit[]): string[] {
  const problems: string[] = [];
  for (const e of edits) {
    if (splitsPair(before, e.start) || splitsPair(before, e.end)) problems.push(`${what}: edit ${e.start}-${e.end} cuts a surrogate pair`);
  }
  const lone = (t: string) => t.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g)?.length ?? 0;
  const replacement = (t: string) => t.split('\ufffd').length - 1;
  if (lone(after) > lone(before)) problems.push(`${what}: leaves ${lone(after) - lone(before)} more lone surrogates`);
  if (replacement(after) > replacement(before)) problems.push(`${what}: writes U+FFFD`);
  const unmatched = unmatchedBrackets(after) - unmatchedBrackets(before);
  if (unmatched > 0) problems.push(`${what}: leaves ${unmatched} more unmatched brackets ${JSON.stringify(edits.slice(0, 3))}`);
  return problems;
}


function diffAt(a: string, b: string): { at: number; once: string; twice: string } {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return { at: i, once: a.slice(Math.max(0, i - 10), i + 20), twice: b.slice(Math.max(0, i - 10), i + 20) };
}


/** Lone surrogates (a cut pair) and U+FFFD (a character lost in decoding) in a text. */
export function brokenCharacters(text: string): number {
  return text.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\ufffd/g)?.length ?? 0;
}
