/**
 * section-merged: one top-level heading names two statutory items (不足之处及下一步改进措施). The fix splits it:
 * the heading keeps the words for the first item, a second heading for the other goes where its text starts
 * (or at the section's end, with a placeholder), and later top-level headings are renumbered.
 */
import { defineRule, type RawFinding, type TextEdit } from '../engine/rule.js';
import type { Report } from '../model/report.js';
import type { Section } from '../model/checklist.js';
import { ITEM_HEADING, ITEM_LABEL_ZH, itemsNamedBy, type StatutoryItem } from '../model/vocabulary.js';
import { normIndexAt, toSource } from '../model/normalize.js';
import { isBalanced } from '../model/brackets.js';
import { mergedBoundary, mergedOrder, sectionBody } from '../model/content.js';
import { guardEdits, headingLine, numbersFit, lineBreaks, lineStart, placeholderText, renumberEdits, sectionTitle, textPoint, valueOf } from './_insert.js';

export default defineRule(
  { id: 'section-merged', family: 'checklist', opinion: 'explain', defaultSeverity: 'warning', basis: ['content'], fixable: true },
  (report) => {
    const out: RawFinding<'section-merged'>[] = [];
    const seen = new Set<Section>();
    for (const e of report.checklist) {
      if (e.status !== 'merged' || !e.mergedWith || seen.has(e.sections[0])) continue;
      const s = e.sections[0];
      seen.add(s);
      const h = s.heading!;
      const [a, b] = mergedOrder(h.title, [e.item, e.mergedWith]);
      const split = splitTitle(h.title, a, b);
      const data = { heading: h.title, a: ITEM_LABEL_ZH[a], b: ITEM_LABEL_ZH[b] };
      out.push({
        ...h.titleRange,
        messageId: 'merged',
        data,
        // the statutory titles replace the whole title range: not one that opens a bracket it does not close (a title
        // cut at 40 characters inside […]), which would leave the 】 after it without its partner
        fixes: numbersFit(report, 1) && (split.cut || isBalanced(report.source, h.titleRange.start, h.titleRange.end)) ? [{ messageId: 'split', data: { a: split.left, b: split.right }, edits: splitEdits(report, s, b, split), safe: true }] : [],
      });
    }
    return out;
  },
);

const JOINER = /及其?|以及|和|与|暨|、|并/g;

interface Split {
  left: string;
  right: string;
  /** normalised offsets in the title: end of the first half, start of the second (null: statutory titles) */
  cut: [number, number] | null;
}

/**
 * Cut a merged title at a joining word so each half names one item (the last such word, so 主要举措和成效及下一步打算
 * splits before 下一步); else fall back to the statutory titles.
 */
export function splitTitle(title: string, a: StatutoryItem, b: StatutoryItem): Split {
  let found: Split | null = null;
  for (const m of title.matchAll(JOINER)) {
    const left = title.slice(0, m.index).trim();
    const right = title.slice(m.index! + m[0].length).trim();
    // never inside a bracket: (主要举措和成效)存在的问题 cut at 和 would leave each half one unmatched
    if (left && right && isBalanced(left) && isBalanced(right) && itemsNamedBy(left).includes(a) && ITEM_HEADING[b].test(right) && !ITEM_HEADING[b].test(left)) {
      found = { left, right, cut: [m.index!, m.index! + m[0].length] };
    }
  }
  return found ?? { left: sectionTitle(a, null), right: sectionTitle(b, null), cut: null };
}

function splitEdits(report: Report, s: Section, b: StatutoryItem, split: Split): TextEdit[] {
  const h = s.heading!;
  const tops = report.outline.filter((x) => x.level === 1);
  const idx = tops.indexOf(h);
  const value = valueOf(h, idx + 1) + 1;
  // keep the writer's own characters (traditional, full-width): cut the source title instead of rewriting it
  const norm = h.block.norm;
  const k = normIndexAt(norm, h.titleRange.start);
  let edits: TextEdit[];
  let right: string;
  if (split.cut) {
    const cutAt = toSource(norm, k + split.cut[0], k + split.cut[0] + 1).start;
    const rightFrom = toSource(norm, k + split.cut[1], k + split.cut[1] + 1).start;
    edits = [{ start: cutAt, end: h.titleRange.end, newText: '' }];
    edits.push(...guardEdits(report, h));
    right = report.source.slice(rightFrom, h.titleRange.end).trim();
  } else {
    edits = [{ start: h.titleRange.start, end: h.titleRange.end, newText: split.left }, ...guardEdits(report, h)];
    right = split.right;
  }
  const body = sectionBody(report, s);
  const cut = mergedBoundary(body, b, report.year?.year);
  const { eol, sep } = lineBreaks(report, h.block);
  const line = headingLine(report, value, right, h);
  if (cut >= 0) {
    const at = textPoint(report, lineStart(report, body[cut])).at;
    edits.push({ start: at, end: at, newText: `${line}${eol}${sep}` });
  } else {
    const last = body[body.length - 1] ?? h.block;
    const at = report.lines.lineEnd(last.line - 1);
    edits.push({ start: at, end: at, newText: `${eol}${sep}${line}${eol}${sep}${placeholderText(b, report.year?.year ?? null)}` });
  }
  edits.push(...renumberEdits(tops.slice(idx + 1), 1));
  return edits;
}
