/**
 * heading-sequence: the headings of one level under one parent count 1, 2, 3 … (GB/T 9704 7.3.3). Reported where
 * the defect is: a skipped or repeated number, an unnumbered heading in a numbered slot (the outline model
 * infers it), a level used directly under a level two above it while the level between is used elsewhere.
 * Fixes touch only numerals: the defective heading's, and those of its later siblings that the same break shifted
 * (up to the next break, which has its own finding and fix).
 */
import { defineRule, type RawFinding, type TextEdit } from '../engine/rule.js';
import { readsBackBefore, type Heading } from '../model/outline.js';
import { pastInlineHtml } from '../model/parse.js';
import type { Report } from '../model/report.js';
import { numberingText, prevailingBracket, readsBack, renumbered, styleOfRank } from './_shared.js';

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

/**
 * The run of numbered siblings starting at `from` that share its offset from the right count: the headings one
 * fix renumbers. It ends at the next heading whose offset differs (where the next finding starts, or where the
 * numbers are right again), so each heading belongs to at most one fix and the edits stay linear in the outline.
 */
function runEnd(group: Heading[], from: number, offset: number, base = 0): number {
  let j = from + 1;
  while (j < group.length && group[j].numbering && group[j].numbering!.value - (base + j + 1) === offset) j++;
  return j;
}

/**
 * 1. 2. under (一) and 3. 4. under (二): a level numbered through the report instead of afresh under each parent, a
 * style some reports keep. A group that goes on from the last number of its level under the parent's previous
 * sibling counts from there; any other start counts from 1.
 */
function continuedFrom(outline: readonly Heading[], groups: Heading[][], group: Heading[]): number {
  const parent = group[0].parent;
  const first = group[0].numbering?.value;
  if (!parent || !first || first === 1) return 0;
  const siblings = outline.filter((h) => h.parent === parent.parent && h.rank === parent.rank);
  const before = siblings[siblings.indexOf(parent) - 1];
  if (!before) return 0;
  const previous = groups.find((g) => g[0].parent === before && g[0].rank === group[0].rank);
  const last = previous?.filter((h) => h.numbering).pop()?.numbering?.value;
  return last !== undefined && first === last + 1 ? last : 0;
}

/**
 * Each sibling's right number is its position in the run (an unnumbered heading in a slot counts). A finding opens
 * where a heading's offset from that number changes to a non-zero value — one report per break, so 一 二 四 五
 * reports 四 only — and its fix moves the numbers of that run to the right ones; applied together, the fixes make
 * the whole run consecutive in one pass.
 */
function checkGroup(report: Report, group: Heading[], out: RawFinding<'heading-sequence'>[], base = 0): void {
  const seen = new Set<number>();
  let prevOffset = 0;
  let prevValue = base;
  let prevRaw = '';
  for (let i = 0; i < group.length; i++) {
    const h = group[i];
    const n = h.numbering;
    const expected = base + i + 1;
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
          // a number the outline would not read back is not written (the next pass would number the heading again)
          fixes: readsBack(style, value) && readsBackBefore(text, h.block.norm.text, style, value) ? [{ messageId: 'number', data: { expected: text }, edits: [{ start: pastInlineHtml(report.inlineHtml, h.block.start), end: pastInlineHtml(report.inlineHtml, h.block.start), newText: text }], safe: true }] : [],
        });
      }
      prevOffset = value - expected;
      prevValue = value;
      prevRaw = '';
      continue;
    }
    const offset = n.value - expected;
    if (offset !== 0 && offset !== prevOffset) {
      const want = renumbered(n, expected).text;
      const end = runEnd(group, i, offset, base);
      const edits: TextEdit[] = [];
      let writable = true;
      for (let j = i; j < end; j++) {
        const m = group[j].numbering!;
        writable &&= readsBack(m.style, base + j + 1);
        edits.push({ start: m.numeral.start, end: m.numeral.end, newText: renumbered(m, base + j + 1).numeral });
      }
      const count = end - i - 1;
      const fix: { messageId: 'renumberRun' | 'renumber'; data: Record<string, string | number> } = count > 0 ? { messageId: 'renumberRun', data: { expected: want, count } } : { messageId: 'renumber', data: { expected: want } };
      // what is wrong, in plain words: a number used twice, numbers going backwards, or a gap before this one
      const kind = seen.has(n.value) ? 'repeat' : n.value < prevValue && prevRaw ? 'order' : 'sequence';
      const stated = kind === 'sequence' ? renumbered(n, prevValue + 1).text : want;
      // (一) again after (三) under one parent: most likely the heading above it (二、) was lost, not a wrong number —
      // two readings, so no renumbering is offered (it would put the new run under the old parent)
      const restart = kind === 'repeat' && n.value === 1 && !!h.parent?.numbering && prevRaw !== '';
      out.push({
        start: n.range.start,
        end: n.range.end,
        messageId: restart ? 'restart' : kind,
        data: { found: n.raw, expected: stated, previous: prevRaw },
        fixes: writable && !restart ? [{ ...fix, edits, safe: true }] : [],
      });
    }
    seen.add(n.value);
    prevOffset = offset;
    prevValue = n.value;
    prevRaw = n.raw;
  }
}

function checkLevels(report: Report, out: RawFinding<'heading-sequence'>[]): void {
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
  { id: 'heading-sequence', family: 'form', defaultSeverity: 'warning', basis: ['headingLevels'], fixable: true },
  (report) => {
    const out: RawFinding<'heading-sequence'>[] = [];
    const groups = siblingGroups(report.outline);
    for (const g of groups) checkGroup(report, g, out, continuedFrom(report.outline, groups, g));
    checkLevels(report, out);
    return out.sort((a, b) => a.start - b.start);
  },
);
