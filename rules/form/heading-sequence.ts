/**
 * heading-sequence: the headings of one level under one parent count 1, 2, 3 … (GB/T 9704 7.3.3). Reported where
 * the defect is: a skipped or repeated number, an unnumbered heading in a numbered slot (the outline model
 * infers it), a level used directly under a level two above it while the level between is used elsewhere.
 * Fixes touch only numerals: the defective heading's, and its later siblings' so that the run stays consecutive.
 */
import { defineRule, type RawFinding, type TextEdit } from '../engine/rule.js';
import type { Heading } from '../model/outline.js';
import type { Report } from '../model/report.js';
import { numberingText, prevailingBracket, renumbered, styleOfRank } from './_shared.js';

/** Siblings: numbered or slotted headings of one outline rank under one parent, in order. */
function siblingGroups(outline: readonly Heading[]): Heading[][] {
  const groups = new Map<string, Heading[]>();
  for (const h of outline) {
    if (!h.numbering && h.slotValue === null) continue;
    const key = `${h.parent ? h.parent.block.index : -1}:${h.rank}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(h);
  }
  return [...groups.values()];
}

/** Edits renumbering group[from…] to consecutive values starting at `value`, numbered headings only. */
function renumberRun(report: Report, group: Heading[], from: number, value: number): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let i = from, v = value; i < group.length; i++, v++) {
    const n = group[i].numbering;
    if (!n) continue;
    if (n.value === v) {
      if (i > from) break; // the rest already follows
      continue;
    }
    edits.push({ start: n.numeral.start, end: n.numeral.end, newText: renumbered(report, n, v).numeral });
  }
  return edits;
}

function checkGroup(report: Report, group: Heading[], out: RawFinding[]): void {
  let expected = 1;
  for (let i = 0; i < group.length; i++) {
    const h = group[i];
    const n = h.numbering;
    if (!n) {
      const style = styleOfRank(h.rank);
      const value = h.slotValue ?? expected;
      if (style && value === expected) {
        const text = numberingText(style, value, prevailingBracket(report.outline, h.rank));
        out.push({
          start: h.titleRange.start,
          end: h.titleRange.end,
          messageId: 'unnumbered',
          data: { expected: text },
          fixes: [{ messageId: 'number', data: { expected: text }, edits: [{ start: h.block.start, end: h.block.start, newText: text }] }],
        });
      }
      expected = value + 1;
      continue;
    }
    if (n.value !== expected) {
      const want = renumbered(report, n, expected).text;
      out.push({
        start: n.range.start,
        end: n.range.end,
        messageId: 'sequence',
        data: { found: n.raw, expected: want },
        fixes: [{ messageId: 'renumber', data: { expected: want }, edits: renumberRun(report, group, i, expected) }],
      });
    }
    // one report per break: the run goes on from the number as written (一 二 四 五 reports 四 only)
    expected = n.value + 1;
  }
}

function checkLevels(report: Report, out: RawFinding[]): void {
  const usedRanks = new Set(report.outline.filter((h) => h.numbering).map((h) => h.rank));
  // one report per misplaced run: 1. 2. 3. under one 一、 are one defect
  const seen = new Set<string>();
  for (const h of report.outline) {
    const p = h.parent;
    if (!h.numbering || !p?.numbering || h.rank < 10 || p.rank < 10) continue;
    // 1. directly under 一、 is wrong only when (一) exists elsewhere in the report
    let skipped = false;
    for (let r = p.rank + 1; r < h.rank; r++) if (usedRanks.has(r)) skipped = true;
    const run = `${p.block.index}:${h.rank}`;
    if (!skipped || seen.has(run)) continue;
    seen.add(run);
    out.push({ start: h.numbering.range.start, end: h.numbering.range.end, messageId: 'level', data: { found: h.numbering.raw, parent: p.numbering.raw } });
  }
}

export default defineRule(
  { id: 'heading-sequence', family: 'form', defaultSeverity: 'warning', basis: ['headingLevels'], fixable: 'safe' },
  (report) => {
    const out: RawFinding[] = [];
    for (const g of siblingGroups(report.outline)) checkGroup(report, g, out);
    checkLevels(report, out);
    return out.sort((a, b) => a.start - b.start);
  },
);
