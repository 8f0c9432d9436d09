/**
 * What the residue rules share: which characters are names and quotations (《》 “” — never residue),
 * and mapping a match back to the source. Report text is Report.textBlocks; sentences are model/sentence.ts's.
 */
import type { Report } from '../model/report.js';
import type { Block } from '../model/parse.js';
import { toSource } from '../model/normalize.js';
import { truncate, type Range } from '../model/text.js';
import { memoKey } from '../model/memo.js';

const OPENERS: Record<string, string> = { '《': '》', '“': '”', '〈': '〉', '「': '」', '『': '』' };
/** the same pairs by char code: the mask is built over every character of a report */
const CLOSER = new Map(Object.entries(OPENERS).map(([o, c]) => [o.charCodeAt(0), c.charCodeAt(0)]));
/** A quotation or title never spans more than this many characters in a report; a lone opener is a typo. */
const MAX_QUOTED = 400;

const QUOTED = memoKey<Uint8Array>('residue:quoted', ['source', 'blocks']);

/**
 * Source offsets inside 《》 titles and “” quotations (brackets included), one flag per UTF-16 unit.
 * Quotes do not span lines in drafts, so each block is scanned on its own; an opener without its closer on the
 * same line protects nothing.
 */
export function quotedMask(report: Report): Uint8Array {
  return report.memo(QUOTED, () => {
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

/** Source range of a normalised range of a block. */
export function sourceOf(block: Block, from: number, to: number): Range {
  return toSource(block.norm, from, to);
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
