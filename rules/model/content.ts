/**
 * The text that carries a statutory item: the blocks of its sections (without their top-level headings), the
 * part of a merged section that belongs to it, or the paragraph (or sub-heading and what stands under it) where
 * it was found inside another section. Shared by the checklist rules and the items model.
 * Whole-report queries only: what a paragraph's own words say is in paragraph.ts, which the checklist itself
 * uses (so checklist.ts → content.ts → report.ts is no circle).
 */
export { openingOf, substantiveLength } from './paragraph.js';
import type { Block } from './parse.js';
import type { Report } from './report.js';
import { openingOf } from './paragraph.js';
import type { ChecklistEntry, Section } from './checklist.js';
import { ITEM_HEADING, ITEM_INSIDE, type StatutoryItem } from './vocabulary.js';
import { STATEMENT_END_CLASS } from './sentence.js';

/** Body blocks of a section after its heading (chrome left out). */
export function sectionBody(report: Report, s: Section): Block[] {
  const out: Block[] = [];
  const from = s.heading ? s.from + 1 : s.from;
  for (let i = from; i < s.to; i++) if (!report.frame.chrome.has(i)) out.push(report.blocks[i]);
  return out;
}

/** Items of a merged heading in the order the heading names them (不足之处及下一步改进措施 → problems, plans). */
export function mergedOrder(title: string, items: readonly StatutoryItem[]): StatutoryItem[] {
  const at = (i: StatutoryItem) => ITEM_HEADING[i].exec(title)?.index ?? 0;
  return items.slice().sort((a, b) => at(a) - at(b));
}

/**
 * In a merged section, the index (into its body) of the first block that opens the later-named item
 * (下一年，我局将… after the problems; （三）2021年，全面落实… in a 2020 report: a paragraph opening with the
 * year planned for), or -1 when the text does not show where it starts.
 */
export function mergedBoundary(body: readonly Block[], later: StatutoryItem, reportYear?: number | null): number {
  for (let i = 1; i < body.length; i++) if (opensItem(openingOf(body[i].norm.text), later, reportYear)) return i;
  return -1;
}

/** Does an opening start the item's text? Plans also open with the year after the report's (2021年，…). */
export function opensItem(opening: string, item: StatutoryItem, reportYear?: number | null): boolean {
  if (ITEM_INSIDE[item].test(opening)) return true;
  return item === 'plans' && !!reportYear && new RegExp(`^${reportYear + 1}年(度)?[，,]`).test(opening);
}

/** The blocks that carry an item's text, or [] when it is missing. */
export function itemBlocks(report: Report, entry: ChecklistEntry): Block[] {
  if (entry.status === 'missing' || !entry.block) return [];
  if (entry.status === 'inside') return insideBlocks(report, entry.block);
  const blocks = entry.sections.flatMap((s) => sectionBody(report, s));
  if (entry.status !== 'merged' || !entry.mergedWith || entry.sections.length !== 1) return blocks;
  const [first, second] = mergedOrder(entry.heading ?? '', [entry.item, entry.mergedWith]);
  const cut = mergedBoundary(blocks, second, report.year?.year);
  if (cut < 0) return entry.item === first ? blocks : [];
  return entry.item === first ? blocks.slice(0, cut) : blocks.slice(cut);
}

/** A paragraph found inside another section; a sub-heading brings the blocks under it. */
function insideBlocks(report: Report, block: Block): Block[] {
  const h = report.outline.find((x) => x.block.index === block.index);
  if (!h) return [block];
  const out = [block];
  for (let i = block.index + 1; i < report.frame.bodyEnd; i++) {
    const b = report.blocks[i];
    const hb = report.headingOf(b);
    if (hb && hb.block.index === b.index && hb.level <= h.level) break;
    if (!report.frame.chrome.has(i)) out.push(b);
  }
  return out;
}

/** The source text is not normalised: half-width marks (and a Latin full stop) end the opening too. */
const OPENING_END = new RegExp(`[${STATEMENT_END_CLASS}.;!?]`);

/** Where to report on an item's block: a heading's title, else the paragraph's first sentence. */
export function openingRange(report: Report, block: Block): { start: number; end: number } {
  const h = report.outline.find((x) => x.block.index === block.index);
  if (h) return h.titleRange;
  const stop = block.text.search(OPENING_END);
  return { start: block.start, end: stop < 0 ? block.end : block.start + stop };
}
