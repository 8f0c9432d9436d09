/**
 * The statutory checklist: for each item of 督察规定, whether the report gives it a section of its own, carries
 * it only inside another section, merges it with another item under one heading, or lacks it.
 */
import type { Block } from './parse.js';
import type { Heading } from './outline.js';
import type { Range } from './text.js';
import { openingOf } from './paragraph.js';
import { FIRST_RESPONSIBLE_SENTENCE, ITEM_INSIDE, STATUTORY_ITEMS, itemsNamedBy, type StatutoryItem } from './vocabulary.js';
import { sentenceEnd } from './sentence.js';

export type ChecklistStatus = 'section' | 'inside' | 'merged' | 'missing';

export interface Section {
  /** the top-level heading, null for the preamble */
  heading: Heading | null;
  /** source range from the heading to the next top-level heading */
  range: Range;
  /** block indices [from, to) */
  from: number;
  to: number;
  /** statutory items the heading names */
  items: StatutoryItem[];
}

export interface ChecklistEntry {
  item: StatutoryItem;
  status: ChecklistStatus;
  /** 1-based line of the heading or paragraph that carries the item */
  line: number | null;
  /** heading text (normalised) */
  heading: string | null;
  /** the block where it was found */
  block: Block | null;
  /** the top-level sections that make up the item (several topical sections can form the measures item) */
  sections: Section[];
  /** the other item sharing the heading, for merged items */
  mergedWith: StatutoryItem | null;
  /** source range of the item's text (its sections, or the paragraph it was found in) */
  range: Range | null;
  /**
   * found under a top-level heading glued into running text (a page that lost its line breaks): where the item's
   * text ends inside the paragraph is not known, so its problems and plans are not listed one by one
   */
  glued?: boolean;
}

export function buildSections(blocks: readonly Block[], headings: readonly Heading[], bodyStart: number, bodyEnd: number, textEnd: number): Section[] {
  const tops = headings.filter((h) => h.level === 1);
  const sections: Section[] = [];
  const endOf = (i: number) => (i < bodyEnd ? blocks[i].start : textEnd);
  const bodyEndOffset = bodyEnd < blocks.length ? blocks[bodyEnd].start : textEnd;
  const firstTop = tops[0]?.block.index ?? bodyEnd;
  if (firstTop > bodyStart) {
    sections.push({ heading: null, range: { start: blocks[bodyStart]?.start ?? 0, end: endOf(firstTop) }, from: bodyStart, to: firstTop, items: [] });
  }
  tops.forEach((h, i) => {
    const to = i + 1 < tops.length ? tops[i + 1].block.index : bodyEnd;
    const end = i + 1 < tops.length ? tops[i + 1].block.start : bodyEndOffset;
    sections.push({ heading: h, range: { start: h.block.start, end }, from: h.block.index, to, items: itemsNamedBy(h.title) });
  });
  return sections;
}

export function buildChecklist(blocks: readonly Block[], headings: readonly Heading[], sections: readonly Section[]): ChecklistEntry[] {
  const entries = new Map<StatutoryItem, ChecklistEntry>();
  for (const s of sections) {
    if (!s.heading) continue;
    const merged = s.items.length > 1;
    for (const item of s.items) {
      const existing = entries.get(item);
      if (existing) {
        existing.sections.push(s);
        existing.range = { start: existing.range!.start, end: Math.max(existing.range!.end, s.range.end) };
        continue;
      }
      entries.set(item, {
        item,
        status: merged ? 'merged' : 'section',
        line: s.heading.block.line,
        heading: s.heading.title,
        block: s.heading.block,
        sections: [s],
        mergedWith: merged ? s.items.find((x) => x !== item) ?? null : null,
        range: s.range,
      });
    }
  }

  // Topical top-level sections before the problems item (一、坚持党的领导… 二、加强建设…) form the measures item.
  if (!entries.has('measures')) {
    const stop = firstSectionIndexOf(sections, entries, ['problems', 'plans', 'other']);
    const topical = sections.slice(0, stop).filter((s) => s.heading && s.items.length === 0);
    if (topical.length) {
      const first = topical[0];
      entries.set('measures', {
        item: 'measures',
        status: 'section',
        line: first.heading!.block.line,
        heading: first.heading!.title,
        block: first.heading!.block,
        sections: topical,
        mergedWith: null,
        range: { start: first.range.start, end: topical[topical.length - 1].range.end },
      });
    }
  }

  for (const item of STATUTORY_ITEMS) {
    if (entries.has(item)) continue;
    // the duty item's own heading glued into the text comes before a sentence reporting the duty: it has a heading
    const gluedFirst = item === 'first-responsible' ? findInline(item, blocks, sections) : null;
    const inside = item === 'measures' || gluedFirst ? null : findInside(item, blocks, headings, sections);
    const glued = gluedFirst ?? (inside ? null : findInline(item, blocks, sections));
    const found = inside ?? glued;
    entries.set(
      item,
      found
        ? {
            item,
            status: 'inside',
            line: found.line,
            heading: null,
            block: found,
            sections: [],
            mergedWith: null,
            range: { start: found.start, end: found.end },
            ...(glued ? { glued: true } : {}),
          }
        : { item, status: 'missing', line: null, heading: null, block: null, sections: [], mergedWith: null, range: null },
    );
  }
  return STATUTORY_ITEMS.map((i) => entries.get(i)!);
}

function firstSectionIndexOf(sections: readonly Section[], entries: Map<StatutoryItem, ChecklistEntry>, items: StatutoryItem[]): number {
  let stop = sections.length;
  for (const item of items) {
    const e = entries.get(item);
    if (e?.sections[0]) stop = Math.min(stop, sections.indexOf(e.sections[0]));
  }
  return stop;
}

/** An item carried lower down: a sub-heading, or a paragraph that opens with it (一是落实…第一责任人职责). */
function findInside(item: StatutoryItem, blocks: readonly Block[], headings: readonly Heading[], sections: readonly Section[]): Block | null {
  const pattern = ITEM_INSIDE[item];
  for (const h of headings) {
    if (h.level > 1 && (itemsNamedBy(h.title).includes(item) || pattern.test(h.title))) return h.block;
  }
  const body = sections.filter((s) => s.heading);
  for (const s of body) {
    for (let i = s.from + 1; i < s.to; i++) {
      // names in 《》 and quotations are not the item: 学习《…第一责任人职责规定》 reports no duty
      if (pattern.test(openingOf(blocks[i].norm.text.replace(NAMES, '《》')))) return blocks[i];
    }
  }
  // the duty reported in a sentence of running text, anywhere in the body (the opening paragraph included)
  if (item === 'first-responsible') {
    for (const s of sections) {
      for (let i = s.from; i < s.to; i++) if (reportsDuty(blocks[i].norm.text)) return blocks[i];
    }
  }
  return null;
}

/**
 * A top-level outline number glued into running text after a sentence (…有力法治保障。一、坚持党的领导，… /
 * …现将有关情况报告如下: 一、年度法治政府建设的主要举措和成效 (一)…): a page that lost its line breaks, its
 * headings run into the paragraphs. The title runs to the next mark, space or lower number.
 */
const INLINE_TOP = /[。！？；：:;!?\s]\s*([一二三四五六七八九十]{1,3})、([^。！？；;!?，,\s（(]{2,40})/g;

/**
 * The block whose running text carries the item under a glued top-level heading; for the measures item also a
 * glued 一、 whose title names no item (topical sections stand for the measures, as on their own lines).
 */
function findInline(item: StatutoryItem, blocks: readonly Block[], sections: readonly Section[]): Block | null {
  for (const s of sections) {
    for (let i = s.from; i < s.to; i++) {
      const text = blocks[i].norm.text;
      if (!/、/.test(text)) continue;
      for (const m of text.replace(NAMES, '《》').matchAll(INLINE_TOP)) {
        const title = m[2].replace(/[一二三四五六七八九十]是.*$/, '');
        const named = itemsNamedBy(title);
        if (named.includes(item) || (item === 'measures' && m[1] === '一' && named.length === 0)) return blocks[i];
      }
    }
  }
  return null;
}

/**
 * 《》 titles and quotations that are names; a short quotation (夯实“第一责任人”职责) only stresses a term and is
 * read as text
 */
const NAMES = /《[^《》]*》|“(?![^“”]{0,6}”)[^“”]*”|"(?![^"]{0,6}")[^"]*"/g;

/** Does a paragraph have a sentence that reports the first-responsible duty (not one that only names the rule)? */
function reportsDuty(text: string): boolean {
  if (!/第一责任人|法治/.test(text)) return false;
  return text
    .replace(NAMES, '《》')
    .split(sentenceEnd({ semicolon: true }))
    .some((sentence) => FIRST_RESPONSIBLE_SENTENCE.test(sentence));
}
