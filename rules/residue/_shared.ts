/**
 * What the residue rules share: which characters are names and quotations (《》 “” — never residue), which
 * blocks are report text, sentence splitting on normalised text, and mapping a match back to the source.
 */
import type { Report } from '../model/report.js';
import type { Block } from '../model/parse.js';
import { toSource } from '../model/normalize.js';
import { truncate, type Range } from '../model/text.js';

const OPENERS: Record<string, string> = { '《': '》', '“': '”', '〈': '〉', '「': '」', '『': '』' };
/** the same pairs by char code: the mask is built over every character of a report */
const CLOSER = new Map(Object.entries(OPENERS).map(([o, c]) => [o.charCodeAt(0), c.charCodeAt(0)]));
/** A quotation or title never spans more than this many characters in a report; a lone opener is a typo. */
const MAX_QUOTED = 400;

/**
 * Source offsets inside 《》 titles and “” quotations (brackets included), one flag per UTF-16 unit.
 * Quotes do not span lines in drafts, so each block is scanned on its own; an opener without its closer on the
 * same line protects nothing.
 */
export function quotedMask(report: Report): Uint8Array {
  return report.memo('residue:quoted', () => {
    const mask = new Uint8Array(report.source.length);
    const src = report.source;
    for (const b of report.blocks) {
      let i = b.start;
      while (i < b.end) {
        const open = src.charCodeAt(i);
        const close = CLOSER.get(open);
        if (close === undefined) {
          i++;
          continue;
        }
        const limit = Math.min(b.end, i + MAX_QUOTED);
        let depth = 0;
        let j = i;
        for (; j < limit; j++) {
          const c = src.charCodeAt(j);
          if (c === open) depth++;
          else if (c === close && --depth === 0) break;
        }
        if (j < limit) {
          mask.fill(1, i, j + 1);
          i = j + 1;
        } else i++;
      }
    }
    return mask;
  });
}

/** Does the source range touch a quoted character? */
export function isQuoted(report: Report, r: Range): boolean {
  const mask = quotedMask(report);
  for (let i = r.start; i < r.end; i++) if (mask[i]) return true;
  return false;
}

/** Report text for residue rules: every parsed block except web chrome (that is web-boilerplate's). */
export function textBlocks(report: Report): readonly Block[] {
  return report.memo('residue:textBlocks', () => report.blocks.filter((b) => !report.frame.chrome.has(b.index)));
}

/** Source range of a normalised range of a block. */
export function sourceOf(block: Block, from: number, to: number): Range {
  return toSource(block.norm, from, to);
}

function endsSentence(c: number): boolean {
  // 。！？；!?;
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 33 || c === 63 || c === 59;
}
/** Closing quotes and brackets that belong to the sentence they end (……。” ) */
function closes(c: number): boolean {
  // ”’」』）)》
  return c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 41 || c === 0x300b;
}

export interface Sentence {
  /** normalised range in the block, terminator (and a closing quote after it) included */
  from: number;
  to: number;
  /** the normalised range without the terminator */
  bodyTo: number;
}

/** Sentences of a normalised line: split after 。！？； (a run of them ends one sentence), then at the line end. */
export function splitSentences(text: string, from = 0, to = text.length): Sentence[] {
  const out: Sentence[] = [];
  let start = from;
  let i = from;
  while (i < to) {
    if (!endsSentence(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const bodyTo = i;
    while (i < to && endsSentence(text.charCodeAt(i))) i++;
    while (i < to && closes(text.charCodeAt(i))) i++;
    out.push({ from: start, to: i, bodyTo });
    start = i;
  }
  if (start < to) out.push({ from: start, to, bodyTo: to });
  return out;
}

/** Short quotation of a finding's text for a message. */
export function excerpt(s: string, max = 30): string {
  const t = s.trim();
  return truncate(t, max);
}

/** Source range of a whole line including its line break (for deleting the line). */
export function lineWithBreak(report: Report, line0: number): Range {
  const starts = report.lines.starts;
  const start = starts[line0];
  const end = line0 + 1 < starts.length ? starts[line0 + 1] : report.source.length;
  return { start, end };
}
