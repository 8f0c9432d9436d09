/** Text edits applied in one place for the CLI, the server and the tests: sorted, never overlapping. */
import type { TextEdit } from './rule.js';
import { brokenCount, splitsPair, type LineIndex } from '../model/text.js';
import { keepsPairs, raisesUnmatched, unmatchedBrackets } from '../model/brackets.js';
import { textCache } from '../model/cache.js';

/**
 * Two edits conflict when they overlap, and two insertions at one point conflict too: each was computed on a text
 * without the other (two fixes each writing the heading number 三、 there give 三、三、), so one waits for the next pass.
 * An insertion conflicts with a replacement it falls strictly inside; at the replacement's edge the order is
 * fixed (the insertion goes before or after the replaced text).
 */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Apply edits that do not overlap each other. Throws if they do: callers choose which edits to keep. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((x, y) => x.e.start - y.e.start || x.e.end - y.e.end || x.i - y.i)
    .map((x) => x.e);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) throw new RangeError(`overlapping or out-of-range edit at ${e.start}-${e.end}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

export interface FixCandidate {
  edits: readonly TextEdit[];
}

/**
 * Pick the fixes that can be applied together: in order, each fix whose edits overlap none already taken.
 * Identical fixes (one whole-file fix offered on several findings) are taken once.
 * Taken edits are kept sorted, so a document with thousands of fixes costs n log n, not n².
 */
export function compatibleFixes<T extends FixCandidate>(fixes: readonly T[]): T[] {
  // taken edits never conflict with one another, so sorted by (start, end) their ends are sorted too
  const taken: TextEdit[] = [];
  const seenEdits = new WeakSet<readonly TextEdit[]>();
  const seen = new Set<string>();
  const out: T[] = [];
  const clashes = (e: TextEdit): boolean => {
    // the first taken edit ending at or after e's start has the smallest start of all that could clash with it
    // (at: an insertion at the same point)
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].end >= e.start) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < taken.length && taken[i].start <= e.end; i++) if (conflicts(e, taken[i])) return true;
    return false;
  };
  const insert = (e: TextEdit) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = taken[mid];
      if (t.start < e.start || (t.start === e.start && t.end <= e.end)) lo = mid + 1;
      else hi = mid;
    }
    taken.splice(lo, 0, e);
  };
  for (const f of fixes) {
    if (seenEdits.has(f.edits)) continue;
    const key = JSON.stringify(f.edits);
    if (seen.has(key)) continue;
    if (f.edits.some(clashes)) continue;
    seen.add(key);
    seenEdits.add(f.edits);
    for (const e of f.edits) insert(e);
    out.push(f);
  }
  return out;
}

export function applyFixesToText<T extends FixCandidate>(text: string, fixes: readonly T[]): { output: string; applied: T[] } {
  const applied = compatibleFixes(fixes);
  return { output: applyEdits(text, applied.flatMap((f) => f.edits)), applied };
}

/**
 * Would a fix damage the draft, whatever it is for: cut a character in half (an edit's edge between the halves of
 * 𠮷), write more lone surrogates or U+FFFD than it removes, or leave a bracket or quotation mark without the
 * partner it had (model/brackets.ts)? The engine offers no such fix: a rule's fix that would is dropped, its
 * finding kept.
 */
export function damagesText(text: string, edits: readonly TextEdit[]): boolean {
  let written = 0;
  for (const e of edits) {
    if (splitsPair(text, e.start) || splitsPair(text, e.end)) return true;
    written += brokenCount(e.newText) - brokenCount(text, e.start, e.end);
  }
  return written > 0 || raisesUnmatched(text, edits);
}

/** the longest run of touched lines whose verdict is kept across checks (a longer one is judged on every check) */
const DAMAGE_SPAN_MAX = 4000;
/** what the edits inside one run of touched lines do: cut a pair, write broken characters, unbalance brackets */
interface SpanDamage {
  splits: boolean;
  /** broken characters written less those removed */
  written: number;
  /** unmatched brackets after the edits less before (per line, as model/brackets.ts counts them) */
  brackets: number;
}
/** by the run's text, then by its edits relative to its start */
const spanDamages = textCache<Map<string, SpanDamage>>(20_000, true);
const isBreak = (c: number) => c === 10 || c === 13;

/**
 * What the fixes of one check share (engine/run.ts makes one per check): the text's lines, so a run's ends are
 * found without walking it, and the kept verdicts of each run judged so far, by where the run starts — so a run's
 * text is looked up (hashed, and compared with the kept one) once per check, not once per fix on it: on a 1 MB
 * draft thousands of fixes lie on the same lines, and building and hashing each key was most of judging them.
 */
export interface DamageCheck {
  text: string;
  lines: LineIndex;
  runs: Map<number, { to: number; byEdits: Map<string, SpanDamage> }>;
}

export function damageCheck(text: string, lines: LineIndex): DamageCheck {
  return { text, lines, runs: new Map() };
}

/** Where the line holding `at` starts, as walking back to the last line break finds it (CR and LF each a break). */
function lineFrom(text: string, at: number, check: DamageCheck | undefined): number {
  if (check) {
    // a line's start is after its break; the one offset that is after a break but no line's start is between the
    // CR and the LF of a CRLF
    if (at > 0 && isBreak(text.charCodeAt(at - 1))) return at;
    return check.lines.starts[check.lines.lineOf(at)];
  }
  let from = at;
  while (from > 0 && !isBreak(text.charCodeAt(from - 1))) from--;
  return from;
}

/** Where the line holding `at` ends (before its break), as walking on to the next line break finds it. */
function lineTo(text: string, at: number, check: DamageCheck | undefined): number {
  if (check) {
    if (at >= text.length || isBreak(text.charCodeAt(at))) return at;
    return check.lines.lineEnd(check.lines.lineOf(at));
  }
  let to = at;
  while (to < text.length && !isBreak(text.charCodeAt(to))) to++;
  return to;
}

/**
 * damagesText, kept across checks. Its verdict adds up over the runs of whole lines the edits touch (the characters
 * at each edit's edges, the text it replaces, the brackets of those lines: brackets are counted line by line), so
 * each run's share is kept by that run's text and the edits relative to its start, and a whole-file fix (mojibake's
 * strip, hundreds of edits) is judged again only on the lines that changed. A keystroke re-checks thousands of
 * unchanged fixes on a large draft, most of them now at other offsets: judging each again was a tenth of the re-check.
 * `check`: what this check's other fixes found already (its text must be `text`).
 */
export function damagesTextAt(text: string, edits: readonly TextEdit[], check?: DamageCheck): boolean {
  if (edits.length === 0) return false;
  const at = check && check.text === text ? check : undefined;
  const sorted = inOrder(edits) ? edits : [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const plain = plainVerdict(text, sorted);
  if (plain !== undefined) return plain;
  let splits = false;
  let written = 0;
  let brackets = 0;
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i];
    if (first.start < 0 || first.end > text.length || first.end < first.start) return damagesText(text, edits);
    const from = lineFrom(text, first.start, at);
    let to = lineTo(text, first.end, at);
    // the edits on the same run of lines (an edit starting on the run's last line extends it to that edit's line end)
    let j = i + 1;
    for (; j < sorted.length && sorted[j].start <= to; j++) {
      const e = sorted[j];
      // overlapping edits are not a fix the engine applies: judged whole, as damagesText does
      if (e.start < sorted[j - 1].end || e.end > text.length || e.end < e.start) return damagesText(text, edits);
      if (e.end > to) to = lineTo(text, e.end, at);
    }
    let touching = false;
    for (let k = i; k < j && !touching; k++) touching = !keepsPairs(text, sorted[k].start, sorted[k].end) || !keepsPairs(sorted[k].newText, 0, sorted[k].newText.length);
    if (!touching) {
      // what the edits remove and write pairs up within itself (or holds no bracket) and breaks no line: the lines'
      // counts of unmatched brackets stay
      for (let k = i; k < j; k++) {
        const e = sorted[k];
        if (splitsPair(text, e.start) || splitsPair(text, e.end)) splits = true;
        written += brokenCount(e.newText) - brokenCount(text, e.start, e.end);
      }
      i = j;
      continue;
    }
    const d = to - from > DAMAGE_SPAN_MAX ? spanDamage(text.slice(from, to), sorted, i, j, from) : keptSpanDamage(text, from, to, sorted, i, j, at);
    splits ||= d.splits;
    written += d.written;
    brackets += d.brackets;
    i = j;
  }
  return splits || written > 0 || brackets > 0;
}

/** Are the edits sorted by (start, end) already (a rule's whole-file fix lists its edits in order)? */
function inOrder(edits: readonly TextEdit[]): boolean {
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1];
    const b = edits[i];
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}

/**
 * The verdict without the lines' text, for edits (sorted, in range, not overlapping) each of which removes and writes
 * text whose brackets pair up inside it (or none) and no line break (model/brackets.ts keepsPairs): such edits leave
 * every line's count of unmatched brackets as it was, so only their edges and broken characters count — what nearly
 * every fix is (a word replaced, a character deleted, a pinyin bracket （qū） stripped). A cold check built a key of
 * each fix's whole lines to miss the cache with it. Undefined: judge the lines.
 */
function plainVerdict(text: string, sorted: readonly TextEdit[]): boolean | undefined {
  let splits = false;
  let written = 0;
  let end = 0;
  for (const e of sorted) {
    if (e.start < end || e.end < e.start || e.end > text.length) return undefined;
    if (!keepsPairs(text, e.start, e.end) || !keepsPairs(e.newText, 0, e.newText.length)) return undefined;
    if (splitsPair(text, e.start) || splitsPair(text, e.end)) splits = true;
    written += brokenCount(e.newText) - brokenCount(text, e.start, e.end);
    end = e.end;
  }
  return splits || written > 0;
}

function keptSpanDamage(text: string, from: number, to: number, edits: readonly TextEdit[], i: number, j: number, check: DamageCheck | undefined): SpanDamage {
  let run = check?.runs.get(from);
  if (!run || run.to !== to) {
    const span = text.slice(from, to);
    let byEdits = spanDamages.get(span);
    if (!byEdits) spanDamages.set(span, (byEdits = new Map()));
    run = { to, byEdits };
    check?.runs.set(from, run);
  }
  // each edit with its new text's length: a new text holding the separators cannot pass for more edits
  let key = '';
  for (let k = i; k < j; k++) {
    const e = edits[k];
    key += '\u0001' + (e.start - from) + '\u0002' + (e.end - from) + '\u0002' + e.newText.length + '\u0002' + e.newText;
  }
  let d = run.byEdits.get(key);
  if (d === undefined) run.byEdits.set(key, (d = spanDamage(text.slice(from, to), edits, i, j, from)));
  return d;
}

/** edits[i, j) on span (the text from `from` to the end of the lines they touch), as damagesText judges them */
function spanDamage(span: string, edits: readonly TextEdit[], i: number, j: number, from: number): SpanDamage {
  let splits = false;
  let written = 0;
  let out = '';
  let pos = 0;
  for (let k = i; k < j; k++) {
    const start = edits[k].start - from;
    const end = edits[k].end - from;
    if (splitsPair(span, start) || splitsPair(span, end)) splits = true;
    written += brokenCount(edits[k].newText) - brokenCount(span, start, end);
    out += span.slice(pos, start) + edits[k].newText;
    pos = end;
  }
  out += span.slice(pos);
  return { splits, written, brackets: unmatchedBrackets(out) - unmatchedBrackets(span) };
}
