/**
 * web-boilerplate: page headers and footers pasted with the report. The report model already decides which lines
 * are chrome (model/chrome.ts) — the outline and the title skip them — so this rule reports exactly those lines,
 * deleted whole. Furniture glued inside a line of report text (a template site's watermark, 秘书之家—…www.….com) is
 * reported and deleted as that span only: the prose around it stays. So is furniture glued onto the title's line
 * (a breadcrumb before it, page fields after it): the span goes, the title stays.
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import { findWatermarks } from '../model/chrome.js';
import { lineWithBreak, sourceOf } from './_shared.js';
import type { Range } from '../model/text.js';

/** The edit deleting a range (a literal: no spread, V8's slow path in Node 20). */
const edited = (r: Range) => ({ start: r.start, end: r.end, newText: '' });

export default defineRule(
  { id: 'web-boilerplate', family: 'residue', defaultSeverity: 'warning', basis: ['practice'], fixable: true, cheap: true },
  (report) => {
    const out: RawFinding<'web-boilerplate'>[] = [];
    for (const b of report.blocks) {
      if (!report.frame.chrome.has(b.index)) continue;
      // the whole source line, Markdown markers and spaces included, is what the fix deletes (with its line
      // break, so no empty line is left behind)
      const line = b.line - 1;
      out.push({
        start: report.lines.starts[line],
        end: report.lines.lineEnd(line),
        messageId: 'chrome',
        fixes: [{ messageId: 'delete', edits: [edited(lineWithBreak(report, line))], safe: true }],
      });
    }
    const { title, glued } = report.frame;
    if (title) {
      for (const g of glued) {
        const r = sourceOf(title, g.from, g.to);
        out.push({ start: r.start, end: r.end, messageId: 'chrome', fixes: [{ messageId: 'delete', edits: [edited(r)], safe: true }] });
      }
    }
    const blocks = report.textBlocks;
    for (const w of findWatermarks(blocks.map((b) => b.norm.text))) {
      const r = sourceOf(blocks[w.text], w.from, w.to);
      // a watermark alone on its line goes with the line, as a chrome line does: no empty line is left behind
      const line = report.lines.lineOf(r.start);
      const src = report.source;
      const whole = !src.slice(report.lines.starts[line], r.start).trim() && !src.slice(r.end, report.lines.lineEnd(line)).trim();
      const edit = whole ? lineWithBreak(report, line) : r;
      out.push({ start: r.start, end: r.end, messageId: 'chrome', fixes: [{ messageId: 'delete', edits: [edited(edit)], safe: true }] });
    }
    return out.sort((a, b) => a.start - b.start);
  },
);
