/**
 * section-empty: a required item has a heading of its own but nothing under it, or only placeholders
 * (【待补充…】, XX, ……). Sub-headings without text do not count as content; text after a title on the
 * same line does (1.深入学习…。召开…), and so does a numbered item that is a whole sentence (（一）完善…，年内出台…。).
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import type { Report } from '../model/report.js';
import type { Block } from '../model/parse.js';
import type { ChecklistEntry } from '../model/checklist.js';
import { ITEM_LABEL_ZH, REQUIRED_ITEMS } from '../model/vocabulary.js';
import { sectionBody, substantiveLength } from '../model/content.js';
import { normIndexAt } from '../model/normalize.js';

/** Fewer CJK characters than this, placeholders removed, is no content. */
const MIN_CONTENT = 6;

export default defineRule(
  { id: 'section-empty', family: 'checklist', defaultSeverity: 'error', basis: ['content'] },
  (report) => {
    const out: RawFinding<'section-empty'>[] = [];
    for (const e of report.checklist) {
      if (!REQUIRED_ITEMS.includes(e.item) || (e.status !== 'section' && e.status !== 'merged')) continue;
      if (!isEmptySection(report, e)) continue;
      const h = e.sections[0].heading!;
      // a heading without a title (`# `, `三、`) is marked on its whole line: a finding must be visible
      const line = h.block.line - 1;
      const r = h.titleRange.end > h.titleRange.start ? h.titleRange : { start: report.lines.starts[line], end: report.lines.lineEnd(line) };
      out.push({ ...r, messageId: 'empty', data: { item: ITEM_LABEL_ZH[e.item] } });
    }
    return out;
  },
);

/** Is an item's own section (all its sections, for the measures item) without content? Shared with the substance rule. */
export function isEmptySection(report: Report, e: ChecklistEntry): boolean {
  let n = 0;
  for (const s of e.sections) {
    if (s.heading) n += substantiveLength(afterTitle(report, s.heading.block));
    for (const b of sectionBody(report, s)) n += substantiveLength(afterTitle(report, b));
    if (n >= MIN_CONTENT) return false;
  }
  return true;
}

/** A block's text beyond its heading title (all of it for a paragraph). */
function afterTitle(report: Report, b: Block): string {
  const h = report.headingOf(b);
  if (!h || h.block.index !== b.index) return b.norm.text;
  // a numbered item that is a sentence (（一）充实执法力量，招录执法人员5名。) is text, not a title
  const end = h.content ? h.titleRange.start : h.titleRange.end;
  return b.norm.text.slice(normIndexAt(b.norm, end)).replace(/^[。：；，\s]+/, '');
}
