/**
 * Text edits that add a top-level section where the statute puts it: a heading numbered in the report's own
 * style (一、 / （一） / 1. / Markdown #), a guiding placeholder paragraph, and the numerals (only the numerals) of
 * the top-level headings after it moved up by one. Used by section-missing, first-responsible-separate and
 * section-merged (which adds the second half of a split heading the same way).
 */
import type { TextEdit } from '../engine/rule.js';
import type { Report } from '../model/report.js';
import type { Heading, Numbering, NumberStyle } from '../model/outline.js';
import { pastInlineHtml, type Block } from '../model/parse.js';
import { isBalanced } from '../model/brackets.js';
import { numberingText, readsBack, renumbered } from '../model/numbering.js';
import { STATUTORY_ITEMS, type StatutoryItem } from '../model/vocabulary.js';
import { placeholderText, sectionTitle } from '../messages/draft.js';
import type { ProfileKind } from '../model/profile.js';

export { placeholderText, sectionTitle } from '../messages/draft.js';

/** How the report numbers its top-level headings, read from the headings themselves. */
export interface TopStyle {
  /** Markdown heading marker (`## `) when the top level is Markdown headings */
  md: string | null;
  style: NumberStyle | null;
  bracket: 'half' | 'full' | undefined;
  /** a top-level numbering as written, for the form of new ones */
  sample: Numbering | null;
}

export function topStyle(report: Report): TopStyle {
  const tops = report.outline.filter((h) => h.level === 1);
  const md = tops.find((h) => h.block.kind === 'heading');
  const numbered = tops.find((h) => h.numbering);
  return {
    md: md ? '#'.repeat(md.block.mdDepth ?? 1) + ' ' : null,
    style: numbered?.numbering?.style ?? (md ? null : 'cn-dun'),
    bracket: numbered?.numbering?.bracket,
    sample: numbered?.numbering ?? null,
  };
}

/** A fresh numbering of a style (the one writer, model/numbering.ts); '' for unnumbered (Markdown) headings. */
export function renderNumbering(style: NumberStyle | null, value: number, bracket?: 'half' | 'full'): string {
  return style ? numberingText(style, value, bracket) : '';
}

/**
 * A heading line in the report's own style. Next to `neighbour` (the top-level heading it goes before, or the
 * last one when it goes at the end) it takes that heading's form: a top-level heading must rank no lower than
 * the top heading before it and no higher than the one after it, else the next pass reads it as a sub-heading
 * (or demotes its neighbour) and inserts it again. Drafts mixing forms (`## ` then `# `) need this.
 */
export function headingLine(report: Report, value: number, title: string, neighbour?: Heading | null): string {
  const s = { ...topStyle(report) };
  if (neighbour) {
    if (neighbour.block.kind === 'heading') s.md = '#'.repeat(neighbour.block.mdDepth ?? 1) + ' ';
    else {
      s.md = null;
      // an unnumbered paragraph heading stands in the 一、 slot (rank 11)
      s.style = neighbour.numbering?.style ?? 'cn-dun';
      s.bracket = neighbour.numbering?.bracket;
    }
  }
  // the written form of a heading of the same style (its digit width, its 、 or ．) when there is one
  const like = (neighbour?.numbering?.style === s.style ? neighbour.numbering : null) ?? (s.sample?.style === s.style ? s.sample : null);
  // …unless that form is a bracket without its partner (一) with no opener): a new heading writes no unmatched one
  const mirrored = like && s.md === null ? renumbered(like, value).text : null;
  const numbering = mirrored !== null && isBalanced(mirrored) ? mirrored : renderNumbering(s.style, value, s.bracket);
  return `${s.md ?? ''}${numbering}${title}`;
}

/**
 * Can `more` top-level headings be added (or numbers moved up by it) with every number written still read back as
 * a number (model/numbering.ts readsBack)? A draft with a hundred top-level 一、 headings gets no insertion fix.
 */
export function numbersFit(report: Report, more: number): boolean {
  const tops = report.outline.filter((h) => h.level === 1);
  let highest = tops.length + more;
  tops.forEach((h, i) => (highest = Math.max(highest, valueOf(h, i + 1) + more)));
  const styles = new Set(tops.map((h) => h.numbering?.style).filter((x) => x !== undefined));
  const top = topStyle(report).style;
  if (top) styles.add(top);
  return [...styles].every((st) => readsBack(st, highest));
}

/** The heading's number: written, or the one that belongs where an unnumbered heading stands. */
export function valueOf(h: Heading, fallback: number): number {
  return h.numbering?.value ?? h.slotValue ?? fallback;
}

/** Edits moving the numerals of the given top-level headings up by `by` (only the numerals change). */
export function renumberEdits(headings: readonly Heading[], by: number): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const h of headings) {
    if (!h.numbering) continue;
    edits.push({ start: h.numbering.numeral.start, end: h.numbering.numeral.end, newText: renumbered(h.numbering, h.numbering.value + by).numeral });
  }
  return edits;
}

/** Line break of the report, and whether its blocks are separated by blank lines. */
export function lineBreaks(report: Report, near: Block | null): { eol: string; sep: string } {
  const eol = report.source.includes('\r\n') ? '\r\n' : '\n';
  if (!near) return { eol, sep: '' };
  const line = near.line - 1;
  const blankBefore = line > 0 && report.lines.lineText(line - 1).trim() === '';
  return { eol, sep: blankBefore ? eol : '' };
}

/** Offset of the start of a block's line (before any Markdown marker or indentation). */
export function lineStart(report: Report, b: Block): number {
  return report.lines.starts[b.line - 1];
}

/**
 * Where a missing item belongs: before the first section of a later item (so before a merged neighbour),
 * else after the last body block.
 */
export function statutoryAnchor(report: Report, item: StatutoryItem): Heading | null {
  const later = STATUTORY_ITEMS.slice(STATUTORY_ITEMS.indexOf(item) + 1);
  let anchor: Heading | null = null;
  for (const e of report.checklist) {
    if (!later.includes(e.item) || (e.status !== 'section' && e.status !== 'merged')) continue;
    const h = e.sections[0]?.heading;
    if (h && (!anchor || h.block.index < anchor.block.index)) anchor = h;
  }
  return anchor;
}

export interface Insertion {
  edits: TextEdit[];
  /** true when headings after the insertion were renumbered */
  renumbered: boolean;
  /** the heading the section goes before, or null when it goes at the end */
  before: Heading | null;
}

/** Insert a section for an item at its statutory place: heading, placeholder, and renumbering of what follows. */
export function insertSection(report: Report, item: StatutoryItem, placeholder?: string, kind: ProfileKind = 'unknown'): Insertion {
  if (!numbersFit(report, 1)) return { edits: [], renumbered: false, before: null };
  const year = report.year?.year ?? null;
  const title = sectionTitle(item, year, kind);
  const body = placeholder ?? placeholderText(item, year, kind);
  const tops = report.outline.filter((h) => h.level === 1);
  const before = statutoryAnchor(report, item);
  if (before) {
    const idx = tops.indexOf(before);
    const prev = idx > 0 ? tops[idx - 1] : null;
    const value = valueOf(before, prev ? valueOf(prev, idx) + 1 : 1);
    const { eol, sep } = lineBreaks(report, before.block);
    const text = `${headingLine(report, value, title, before)}${eol}${sep}${body}${eol}${sep}`;
    const renumber = renumberEdits(tops.slice(idx), 1);
    const at = textPoint(report, lineStart(report, before.block)).at;
    return { edits: [{ start: at, end: at, newText: text }, ...renumber], renumbered: renumber.length > 0, before };
  }
  const last = lastBodyBlock(report);
  const lastTop = tops[tops.length - 1];
  const value = lastTop ? valueOf(lastTop, tops.length) + 1 : 1;
  const { eol, sep } = lineBreaks(report, lastTop?.block ?? null);
  const point = textPoint(report, last ? report.lines.lineEnd(last.line - 1) : report.source.length);
  const line = headingLine(report, value, title, lastTop ?? null);
  // at a line's end the section opens a new line; at a line's start it must end with one
  const text = point.lineStart ? `${line}${eol}${sep}${body}${eol}${sep}` : `${eol}${sep}${line}${eol}${sep}${body}${last ? '' : eol}`;
  return { edits: [{ start: point.at, end: point.at, newText: text }, ...guardEdits(report, lastTop ?? null)], renumbered: false, before: null };
}

/**
 * Where inserted lines are read as report text: never inside code, HTML or front matter (a section written into
 * an unclosed fence never counts, so every pass would insert it again), nor glued to a fence's closing line. Such a point moves before the excluded range, at its line's start; front matter, which must open the
 * file, is passed instead; a point inside inline HTML (a comment running into the line) moves past its end.
 * `lineStart` tells whether the point is at the start of a line.
 */
export function textPoint(report: Report, at: number): { at: number; lineStart: boolean } {
  const src = report.source;
  const past = pastInlineHtml(report.inlineHtml, at);
  if (past !== at) return { at: past, lineStart: false };
  for (const r of report.excluded) {
    // an unclosed fence or HTML block runs to the end of the file, past its node's end: only white space between
    if (!(r.start < at && (at <= r.end || src.slice(r.end, at).trim() === ''))) continue;
    if (r.start === 0 && report.frontmatter !== null) return { at: r.end, lineStart: false };
    return { at: report.lines.starts[report.lines.lineOf(r.start)], lineStart: true };
  }
  return { at, lineStart: at === 0 || src[at - 1] === '\n' || src[at - 1] === '\r' };
}

/**
 * An edit that rewrites a heading's numeral with itself. It changes nothing, but it makes two fixes that number
 * from the same heading collide, so the engine applies one per pass and the other is recomputed on the new text
 * (two sections inserted in one pass would otherwise get the same number).
 */
export function guardEdits(report: Report, h: Heading | null): TextEdit[] {
  if (!h?.numbering) return [];
  const r = h.numbering.numeral;
  return [{ start: r.start, end: r.end, newText: report.source.slice(r.start, r.end) }];
}

function lastBodyBlock(report: Report): Block | null {
  const body = report.bodyBlocks;
  return body.length ? body[body.length - 1] : null;
}
