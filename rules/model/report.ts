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
  return reportOf(source, filePath, doc, modelOf(source, doc), previous, new Map());
}

/** A report's parts computed on first use: shared by a report and its asPrevious() view. */
interface Model {
  frame: () => Frame;
  outline: () => readonly Heading[];
  sections: () => readonly Section[];
  checklist: () => readonly ChecklistEntry[];
  year: () => ReportYear | null;
  bodyBlocks: () => readonly Block[];
  textBlocks: () => readonly Block[];
  headingByBlock: () => Map<number, Heading>;
}

type Memos = Map<MemoKey<unknown, readonly MemoParam[]>, Map<string, unknown>>;

/** What asPrevious() needs of a report it did not build: its parse, its parts and its memos. */
const built = new WeakMap<Report, { doc: ParsedDocument; model: Model; memos: Memos }>();

/**
 * The same report as last year's report of another (its own `previous` null, as previousReport builds it): its
 * parse, parts and every memo that does not depend on its own previous report are shared, not computed again.
 * The CLI checks files one by one and clears the caches after each; a draft paired with the file checked just
 * before it reads that file's report through this instead of parsing and analysing it a second time. The view
 * holds no reference to the report's own previous report (nor to the report), so a batch of consecutive years
 * does not chain every year's report to the next. Null for a report createReport did not build.
 */
export function asPrevious(report: Report): Report | null {
  const b = built.get(report);
  if (!b) return null;
  const memos: Memos = new Map();
  for (const [key, slot] of b.memos) if (!key.dependsOn.includes('previous')) memos.set(key, slot);
  return reportOf(report.source, report.filePath, b.doc, b.model, null, memos);
}

function modelOf(source: string, doc: ParsedDocument): Model {
  const frame = lazy(() => findFrame(doc.blocks));
  const outline = lazy(() => buildOutline(doc.blocks, frame()));
  const sections = lazy(() => buildSections(doc.blocks, outline(), frame().bodyStart, frame().bodyEnd, source.length));
  const checklist = lazy(() => buildChecklist(doc.blocks, outline(), sections()));
  const year = lazy(() =>
    findYear(doc.blocks, frame(), doc.frontmatter, () => {
      const e = checklist().find((c) => c.item === 'measures');
      return e && e.status === 'section' ? e.sections.flatMap((s) => doc.blocks.slice(s.from, s.to)) : [];
    }),
  );
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
  return { frame, outline, sections, checklist, year, bodyBlocks, textBlocks, headingByBlock };
}

function reportOf(source: string, filePath: string | undefined, doc: ParsedDocument, model: Model, previous: Report | null | ((report: Report) => Report | null), memos: Memos): Report {
  const self = new ReportView(source, filePath, doc, model, previous, memos);
  built.set(self, { doc, model, memos });
  return self;
}

/**
 * A report as a class, not an object literal with getters: V8 keeps a literal with getters in dictionary mode, and
 * every rule reads report.source, report.blocks and its parts many times a check. Own fields in the order the
 * literal had them; the parts are the model's, computed on first read.
 */
class ReportView implements Report {
  readonly source: string;
  readonly filePath: string | undefined;
  readonly lines: LineIndex;
  readonly blocks: readonly Block[];
  readonly excluded: readonly Range[];
  readonly comments: readonly Range[];
  readonly inlineHtml: readonly Range[];
  readonly frontmatter: string | null;
  #doc: ParsedDocument;
  #model: Model;
  #memos: Memos;
  #previous: () => Report | null;

  constructor(source: string, filePath: string | undefined, doc: ParsedDocument, model: Model, previous: Report | null | ((report: Report) => Report | null), memos: Memos) {
    this.source = source;
    this.filePath = filePath;
    this.lines = doc.lines;
    this.blocks = doc.blocks;
    this.excluded = doc.excluded;
    this.comments = doc.comments;
    this.inlineHtml = doc.inlineHtml;
    this.frontmatter = doc.frontmatter;
    this.#doc = doc;
    this.#model = model;
    this.#memos = memos;
    // the lookup reads this report (its year and organ): run once, when a rule first asks
    this.#previous = typeof previous === 'function' ? lazy(() => previous(this)) : () => previous;
  }

  get previous(): Report | null {
    return this.#previous();
  }
  get frame(): Frame {
    return this.#model.frame();
  }
  get outline(): readonly Heading[] {
    return this.#model.outline();
  }
  get sections(): readonly Section[] {
    return this.#model.sections();
  }
  get checklist(): readonly ChecklistEntry[] {
    return this.#model.checklist();
  }
  get year(): ReportYear | null {
    return this.#model.year();
  }
  get bodyBlocks(): readonly Block[] {
    return this.#model.bodyBlocks();
  }
  get textBlocks(): readonly Block[] {
    return this.#model.textBlocks();
  }
  // the methods are own arrow functions, bound to the report: a caller may hand them on or call them through a view
  // of the report (server/documents.ts keptReport's Proxy reads them off the report and calls them on itself)
  readonly entry = (item: StatutoryItem): ChecklistEntry => this.#model.checklist().find((e) => e.item === item)!;
  readonly headingOf = (block: Block): Heading | null => this.#model.headingByBlock().get(block.index) ?? null;
  readonly blocksIn = (range: Range): Block[] => this.#doc.blocks.filter((b) => b.start >= range.start && b.end <= range.end);
  readonly memo = <T, P extends readonly MemoParam[] = []>(key: MemoKey<T, P>, compute: () => T, ...params: P): T => {
    const memos = this.#memos;
    let slot = memos.get(key as MemoKey<unknown, readonly MemoParam[]>);
    if (!slot) memos.set(key as MemoKey<unknown, readonly MemoParam[]>, (slot = new Map()));
    // one parameter (a block's index: several rules ask per block on every check) without an array and a join
    const at = params.length === 0 ? '' : params.length === 1 ? String(params[0]) : params.map(String).join('\u0001');
    let value = slot.get(at);
    if (value === undefined && !slot.has(at)) slot.set(at, (value = compute()));
    return value as T;
  };
}
