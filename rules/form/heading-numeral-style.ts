/**
 * heading-numeral-style: GB/T 9704 7.3.3 numbers the third level 1. (not 1、), a level's brackets are all
 * full- or all half-width, and a second-level number has both its brackets (一) → （一）, left by a paste). Every offending heading is reported with its own fix, which rewrites only its numbering.
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import { prevailingBracket } from './_shared.js';
import { readsBackBefore } from '../model/outline.js';
import { normIndexAt } from '../model/normalize.js';

export default defineRule(
  { id: 'heading-numeral-style', family: 'form', defaultSeverity: 'info', basis: ['headingLevels'], fixable: true },
  (report) => {
    const out: RawFinding<'heading-numeral-style'>[] = [];
    const width = new Map<number, 'half' | 'full'>();
    for (const h of report.outline) {
      const n = h.numbering;
      if (!n) continue;
      if (n.style === 'arabic-dun') {
        const numeral = report.source.slice(n.numeral.start, n.numeral.end);
        const expected = numeral + '.';
        out.push({
          start: n.range.start,
          end: n.range.end,
          messageId: 'dun',
          data: { found: n.raw, expected },
          // 2、5亿元… rewritten 2.5亿元… is a decimal, no longer a heading number: no fix there
          fixes: readsBackBefore(expected, h.block.norm.text.slice(normIndexAt(h.block.norm, n.range.end)), 'arabic-dot', n.value)
            ? [{ messageId: 'rewrite', data: { expected }, edits: [{ start: n.numeral.end, end: n.range.end, newText: '.' }], safe: true }]
            : [],
        });
        continue;
      }
      if (!n.bracket) continue;
      if (!width.has(h.rank)) width.set(h.rank, prevailingBracket(report.outline, h.rank));
      const want = width.get(h.rank)!;
      // the number in the brackets of the width the level uses
      const [open, close] = want === 'half' ? ['(', ')'] : ['（', '）'];
      const expected = open + report.source.slice(n.numeral.start, n.numeral.end) + close;
      if (n.unopened) {
        // 一)纵深推进…: the opening bracket lost in a paste, restored
        out.push({
          start: n.range.start,
          end: n.range.end,
          messageId: 'unopened',
          data: { found: n.raw, expected },
          fixes: [{ messageId: 'rewrite', data: { expected }, edits: [{ start: n.range.start, end: n.range.end, newText: expected }], safe: true }],
        });
        continue;
      }
      if (n.bracket === want) continue;
      out.push({
        start: n.range.start,
        end: n.range.end,
        messageId: 'bracket',
        data: { found: n.raw, expected },
        fixes: [
          {
            messageId: 'rewrite',
            data: { expected },
            edits: [
              { start: n.range.start, end: n.numeral.start, newText: open },
              { start: n.numeral.end, end: n.range.end, newText: close },
            ],
            safe: true,
          },
        ],
      });
    }
    return out;
  },
);
