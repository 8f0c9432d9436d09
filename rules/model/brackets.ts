/**
 * Paired brackets and quotation marks of Chinese text (【】 （） 《》 “” …). A fix that deletes text must take a
 * bracket with its partner or leave both: a deletion of 【…。 without its 】 writes an orphan into the draft.
 * Half- and full-width round and square brackets pair with each other (drafts mix them: (一）).
 */
import type { Range } from './text.js';

/**
 * A table by UTF-16 unit of a small number (a bracket's kind), read as Map.get would be (undefined for none, and for
 * NaN past the end of a text): a typed array, since every fix's range is scanned unit by unit.
 */
function unitTable(): { set(code: number, kind: number): void; get(code: number): number | undefined; readonly table: Int8Array } {
  const t = new Int8Array(0x10000).fill(-1);
  return {
    /** the table itself (-1: none), for the loops over whole lines */
    table: t,
    set: (code, kind) => void (t[code] = kind),
    get: (code) => {
      const k = t[code];
      return k === undefined || k < 0 ? undefined : k;
    },
  };
}

/** closer → opener, by character code */
const OPENER_OF = unitTable();
/** opener → its kind (half- and full-width forms share one) */
const KIND = unitTable();
const PAIRS: [string, string][] = [
  ['【', '】'],
  ['（(', '）)'],
  ['［[', '］]'],
  ['《', '》'],
  ['〈', '〉'],
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['〔', '〕'],
  ['〖', '〗'],
  ['｛{', '｝}'],
];
PAIRS.forEach(([openers, closers], kind) => {
  for (const ch of openers) KIND.set(ch.charCodeAt(0), kind);
  for (const ch of closers) OPENER_OF.set(ch.charCodeAt(0), kind);
});

/** Is the character an opening bracket or quotation mark (【 （ ( 《 “ …)? */
export function isOpener(c: string | undefined): boolean {
  return c !== undefined && KIND.get(c.charCodeAt(0)) !== undefined;
}

interface Scan {
  /** kinds of the openers left unclosed, innermost last */
  open: number[];
  /** kinds of the closers without an opener in the span, in order */
  orphans: number[];
}

function scan(text: string, from: number, to: number): Scan {
  const open: number[] = [];
  const orphans: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const k = KIND.get(c);
    if (k !== undefined) {
      open.push(k);
      continue;
    }
    const ck = OPENER_OF.get(c);
    if (ck === undefined) continue;
    if (open.length && open[open.length - 1] === ck) open.pop();
    else if (open.length === 0) orphans.push(ck);
    // a closer of another kind inside an open bracket (（【）): crossed; treated as unmatched
    else orphans.push(ck);
  }
  return { open, orphans };
}

/** Does text[from, to) close every bracket it opens and open every bracket it closes? */
export function isBalanced(text: string, from = 0, to = text.length): boolean {
  const s = scan(text, from, to);
  return s.open.length === 0 && s.orphans.length === 0;
}

/**
 * The range a deletion may take so that no bracket loses its partner: the range itself when balanced; else the
 * range widened over the partners standing right beside it (【 before …。】, 】 after 【…。); else null (no fix).
 */
export function balancedDeletion(text: string, r: Range): Range | null {
  const s = scan(text, r.start, r.end);
  let { start, end } = r;
  // closers owed to openers inside, innermost first, right after the range
  for (let k = s.open.length - 1; k >= 0; k--) {
    if (OPENER_OF.get(text.charCodeAt(end)) !== s.open[k]) return null;
    end++;
  }
  // openers of the orphan closers, outermost last, right before the range
  for (let k = 0; k < s.orphans.length; k++) {
    if (start === 0 || KIND.get(text.charCodeAt(start - 1)) !== s.orphans[k]) return null;
    start--;
  }
  return isBalanced(text, start, end) ? { start, end } : null;
}

/**
 * Brackets without a partner on their line, counted per kind (a draft's quotations and brackets do not span
 * lines). A fix must never raise this count.
 */
export function unmatchedBrackets(text: string): number {
  // open brackets by kind on the current line: one table for the text, not a Map per line, and the tables read
  // directly (every fix's lines are counted twice, a whole-report fix's every line)
  const depth = new Int32Array(PAIRS.length);
  const kindOf = KIND.table;
  const openerOf = OPENER_OF.table;
  let count = 0;
  let open = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      // the line ends: its openers left are unmatched
      if (open) {
        for (let k = 0; k < depth.length; k++) count += depth[k];
        depth.fill(0);
        open = false;
      }
      continue;
    }
    const k = kindOf[c];
    if (k >= 0) {
      depth[k]++;
      open = true;
      continue;
    }
    const ck = openerOf[c];
    if (ck < 0) continue;
    if (depth[ck] > 0) depth[ck]--;
    else count++;
  }
  return count;
}

/**
 * The text without the brackets that have no partner inside it: what a fix may quote of a draft (an opening cut
 * at 18 characters can hold the 【 of a bracket closed further on, and quoted into a placeholder it would stand
 * there unclosed). Crossed brackets (（【）) count as unmatched, as in isBalanced.
 */
export function withoutUnmatched(text: string): string {
  const open: { kind: number; at: number }[] = [];
  const drop: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = KIND.get(c);
    if (k !== undefined) {
      open.push({ kind: k, at: i });
      continue;
    }
    const ck = OPENER_OF.get(c);
    if (ck === undefined) continue;
    if (open.length && open[open.length - 1].kind === ck) open.pop();
    else drop.push(i);
  }
  for (const o of open) drop.push(o.at);
  if (drop.length === 0) return text;
  const dropped = new Set(drop);
  let out = '';
  for (let i = 0; i < text.length; i++) if (!dropped.has(i)) out += text[i];
  return out;
}

const isBreak = (c: number) => c === 10 || c === 13;
/** Does the text hold a bracket, a quotation mark or a line break (anything unmatchedBrackets counts by)? */
function touchesPairs(text: string, from: number, to: number): boolean {
  const kindOf = KIND.table;
  const openerOf = OPENER_OF.table;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isBreak(c) || kindOf[c] >= 0 || openerOf[c] >= 0) return true;
  }
  return false;
}

const keepDepth = new Int32Array(PAIRS.length);

/**
 * Does text[from, to) leave every line's count of unmatched brackets as it is, wherever it stands in a line — so that
 * taking it out or putting it in changes no count unmatchedBrackets makes? True when it holds no line break and its
 * brackets pair up inside it, each kind's closers never outnumbering its openers before them (（qū）, 【…】, none at
 * all): from any depths it leaves the depths as they were and counts nothing. False may still change nothing.
 */
export function keepsPairs(text: string, from: number, to: number): boolean {
  const kindOf = KIND.table;
  const openerOf = OPENER_OF.table;
  let opened = false;
  let keeps = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isBreak(c)) {
      keeps = false;
      break;
    }
    const k = kindOf[c];
    if (k >= 0) {
      keepDepth[k]++;
      opened = true;
      continue;
    }
    const ck = openerOf[c];
    if (ck < 0) continue;
    if (keepDepth[ck] === 0) {
      keeps = false;
      break;
    }
    keepDepth[ck]--;
  }
  if (opened) {
    for (let k = 0; k < keepDepth.length; k++) if (keepDepth[k] !== 0) keeps = false;
    keepDepth.fill(0);
  }
  return keeps;
}

/**
 * Would the edits (one fix's, not overlapping) leave more brackets without their partner than the text has?
 * Counted on the lines the edits touch, so a fix costs its lines, not the document: an edit that neither
 * writes nor removes a bracket or a line break changes no line's count.
 */
export function raisesUnmatched(text: string, edits: readonly { start: number; end: number; newText: string }[]): boolean {
  const touching = edits.filter((e) => touchesPairs(text, e.start, e.end) || touchesPairs(e.newText, 0, e.newText.length));
  if (touching.length === 0) return false;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const spans: { from: number; to: number }[] = [];
  for (const e of touching.sort((a, b) => a.start - b.start || a.end - b.end)) {
    // each line is walked once: an edit on a line already spanned only extends the span to its own line's end
    const last = spans[spans.length - 1];
    let to = Math.max(e.end, last && e.start <= last.to ? last.to : 0);
    while (to < text.length && !isBreak(text.charCodeAt(to))) to++;
    if (last && e.start <= last.to) {
      last.to = to;
      continue;
    }
    let from = e.start;
    while (from > 0 && !isBreak(text.charCodeAt(from - 1))) from--;
    if (last && from <= last.to) last.to = to;
    else spans.push({ from, to });
  }
  let before = 0;
  let after = 0;
  let k = 0;
  for (const s of spans) {
    while (k < sorted.length && sorted[k].start < s.from) k++;
    let out = '';
    let pos = s.from;
    for (; k < sorted.length && sorted[k].start <= s.to; k++) {
      const e = sorted[k];
      out += text.slice(pos, e.start) + e.newText;
      pos = e.end;
    }
    out += text.slice(pos, s.to);
    before += unmatchedBrackets(text.slice(s.from, s.to));
    after += unmatchedBrackets(out);
  }
  return after > before;
}
