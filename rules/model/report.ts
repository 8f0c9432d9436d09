/**
 * The Report every rule receives: one draft, parsed once per version, with each part of the model computed on
 * first use by the module that owns it.
 */
import { parseDocument, type Block, type ParsedDocument } from './parse.js';
import { findFrame, type Frame } from './frame.js';
import { buildOutline, type Heading } from './outline.js';
import { buildChecklist, buildSections, type ChecklistEntry, type Section } from './checklist.js';
import { findYear, type ReportYear } from './year.js';
import { lazy, type LineIndex, type Range } from './text.js';
import type { StatutoryItem } from './vocabulary.js';
import type { MemoKey, MemoParam } from './memo.js';

export type { MemoKey, MemoParam, ReportPart } from './memo.js';

export interface Report {
  readonly source: string;
  readonly filePath: string | undefined;
  readonly lines: LineIndex;
  readonly blocks: readonly Block[];
  /** code, HTML, front matter: not report text */
  readonly excluded: readonly Range[];
  readonly comments: readonly Range[];
  /** inline HTML in paragraphs (model/parse.ts): text inserted inside one is not read */
  readonly inlineHtml: readonly Range[];
  readonly frontmatter: string | null;
  readonly frame: Frame;
  readonly outline: readonly Heading[];
  readonly sections: readonly Section[];
  readonly checklist: readonly ChecklistEntry[];
  readonly year: ReportYear | null;
  /**
   * Last year's report as the caller gave it (CheckOptions.previous), unpaired: rules ask model/previous.ts,
   * which pairs it only when it is the same organ's report for year − 1. Its own `previous` is null.
   */
  readonly previous: Report | null;
  /** blocks of the body (no chrome, title or signature) */
  readonly bodyBlocks: readonly Block[];
  /** blocks that are report text: body, title and signature, without web chrome */
  readonly textBlocks: readonly Block[];
  entry(item: StatutoryItem): ChecklistEntry;
  /** the heading a block is or stands under */
  headingOf(block: Block): Heading | null;
  /** blocks inside a source range */
  blocksIn(range: Range): Block[];
  /** a memo for derived models (items, figures): computed once per report (and per parameters) */
  memo<T, P extends readonly MemoParam[] = []>(key: MemoKey<T, P>, compute: () => T, ...params: P): T;
}

/**
 * `previous` may be given as a function of the report: the caller finding last year's report needs this year's
 * year and organ first, and the lookup then runs only when a rule asks for it (never for a rule that is off).
 */
export function createReport(source: string, filePath?: string, previous: Report | null | ((report: Report) => Report | null) = null): Report {
  const doc: ParsedDocument = parseDocument(source);
  // eslint-disable-next-line prefer-const -- assigned once the report exists (the lookup reads it)
  let self: Report;
  const previousReport = typeof previous === 'function' ? lazy(() => previous(self)) : () => previous;
  const frame = lazy(() => findFrame(doc.blocks));
  const outline = lazy(() => buildOutline(doc.blocks, frame()));
  const sections = lazy(() => buildSections(doc.blocks, outline(), frame().bodyStart, frame().bodyEnd, source.length));
  const checklist = lazy(() => buildChecklist(doc.blocks, outline(), sections()));
  const year = lazy(() => findYear(doc.blocks, frame(), doc.frontmatter));
  const bodyBlocks = lazy(() => doc.blocks.filter((b) => b.index >= frame().bodyStart && b.index < frame().bodyEnd && !frame().chrome.has(b.index)));
  const textBlocks = lazy(() => doc.blocks.filter((b) => !frame().chrome.has(b.index)));
  const headingByBlock = lazy(() => {
    const m = new Map<number, Heading>();
    const hs = outline();
    let h = 0;
    let current: Heading | null = null;
    for (const b of doc.blocks) {
      while (h < hs.length && hs[h].block.index <= b.index) current = hs[h++];
      if (current) m.set(b.index, current);
    }
    return m;
  });
  const memos = new Map<MemoKey<unknown, readonly MemoParam[]>, Map<string, unknown>>();
  self = {
    source,
    filePath,
    lines: doc.lines,
    blocks: doc.blocks,
    excluded: doc.excluded,
    comments: doc.comments,
    inlineHtml: doc.inlineHtml,
    frontmatter: doc.frontmatter,
    get previous() {
      return previousReport();
    },
    get frame() {
      return frame();
    },
    get outline() {
      return outline();
    },
    get sections() {
      return sections();
    },
    get checklist() {
      return checklist();
    },
    get year() {
      return year();
    },
    get bodyBlocks() {
      return bodyBlocks();
    },
    get textBlocks() {
      return textBlocks();
    },
    entry(item) {
      return checklist().find((e) => e.item === item)!;
    },
    headingOf(block) {
      return headingByBlock().get(block.index) ?? null;
    },
    blocksIn(range) {
      return doc.blocks.filter((b) => b.start >= range.start && b.end <= range.end);
    },
    memo<T, P extends readonly MemoParam[]>(key: MemoKey<T, P>, compute: () => T, ...params: P): T {
      let slot = memos.get(key as MemoKey<unknown, readonly MemoParam[]>);
      if (!slot) memos.set(key as MemoKey<unknown, readonly MemoParam[]>, (slot = new Map()));
      // one parameter (a block's index: several rules ask per block on every check) without an array and a join
      const at = params.length === 0 ? '' : params.length === 1 ? String(params[0]) : params.map(String).join('\u0001');
      let value = slot.get(at);
      if (value === undefined && !slot.has(at)) slot.set(at, (value = compute()));
      return value as T;
    },
  };
  return self;
}
