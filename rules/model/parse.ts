/**
 * A draft as blocks. Drafts pasted from Word carry their structure in line breaks, not blank lines, so every
 * non-empty source line of a paragraph is a block of its own; Markdown still decides what is a heading,
 * a list item, a table, code or HTML (the last two are not report text).
 */
import type { Nodes, Paragraph, RootContent, PhrasingContent } from 'mdast';
import { LineIndex, type Range } from './text.js';
import { normalizeSpan, type NormalizedText } from './normalize.js';
import { defuseDeepContainers, defuseInlineMarks, needsMarkdown, parseSegment, segmentStarts, shiftPositions } from './markdown.js';

export { defuseDeepContainers, defuseInlineMarks, needsMarkdown, parseMarkdown, segmentStarts } from './markdown.js';

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'tableRow';

export interface Block {
  readonly index: number;
  readonly kind: BlockKind;
  /** 1-based line number */
  readonly line: number;
  /** source range of the line's content, without Markdown block markers and surrounding white space */
  readonly start: number;
  readonly end: number;
  /** source text of that range */
  readonly text: string;
  /** depth of a Markdown heading (# = 1) */
  readonly mdDepth?: number;
  /** a list item's marker, e.g. "1." or "-" */
  readonly listMarker?: string;
  /** normalised text for matching (computed on first use) */
  readonly norm: NormalizedText;
}

export interface ParsedDocument {
  readonly source: string;
  readonly lines: LineIndex;
  readonly blocks: readonly Block[];
  /** code, HTML and front matter: not report text */
  readonly excluded: readonly Range[];
  /** HTML comments (inline disable directives live there) */
  readonly comments: readonly Range[];
  /** inline HTML in paragraphs (comments and tags, sorted): text written inside one is markup, not report text */
  readonly inlineHtml: readonly Range[];
  readonly frontmatter: string | null;
}

export function parseDocument(source: string, segments?: { maxChars: number; maxBlocks: number }): ParsedDocument {
  const lines = new LineIndex(source);
  const builder = new BlockBuilder(source, lines);
  if (!needsMarkdown(source)) {
    builder.addLines(0, source.length, 'paragraph');
    return { source, lines, blocks: builder.finish(), excluded: [], comments: [], inlineHtml: [], frontmatter: null };
  }
  const masked = defuseDeepContainers(defuseInlineMarks(source));
  const cuts = segmentStarts(masked, segments?.maxChars, segments?.maxBlocks);
  for (let i = 0; i < cuts.length; i++) {
    // micromark drops a byte-order mark opening what it parses and counts offsets without it: a segment starts
    // after one (a later segment can open with one too: files pasted together)
    const from = masked.charCodeAt(cuts[i]) === 0xfeff ? cuts[i] + 1 : cuts[i];
    const segment = from === 0 && cuts.length === 1 ? masked : masked.slice(from, cuts[i + 1] ?? masked.length);
    if (!needsMarkdown(segment)) {
      // segments are independent top-level blocks: a plain one is its lines, as for a plain document
      builder.addLines(from, from + segment.length, 'paragraph');
      continue;
    }
    const root = parseSegment(segment);
    // the cached tree is shared by later versions: shift it into place for this document, then back
    if (from > 0) shiftPositions(root, from);
    try {
      builder.visitAll(root.children);
    } finally {
      if (from > 0) shiftPositions(root, -from);
    }
  }
  return {
    source,
    lines,
    blocks: builder.finish(),
    excluded: builder.excluded,
    comments: builder.comments,
    inlineHtml: builder.inlineHtml.sort((a, b) => a.start - b.start),
    frontmatter: builder.frontmatter,
  };
}

/** A node still to visit, or the first paragraph of an ordered list item (read with its marker). */
type Visit =
  | { node: RootContent | Nodes; lineKind: BlockKind; listMarker?: string }
  | { lines: Paragraph; start: number; end: number; listMarker: string };

interface PendingBlock {
  kind: BlockKind;
  line: number;
  start: number;
  end: number;
  mdDepth?: number;
  listMarker?: string;
}

class BlockBuilder {
  readonly excluded: Range[] = [];
  readonly comments: Range[] = [];
  readonly inlineHtml: Range[] = [];
  /** inline markup characters (emphasis marks, link targets) left out of the normalised text */
  readonly markup: Range[] = [];
  frontmatter: string | null = null;
  private pending: PendingBlock[] = [];
  private seenLines = new Set<number>();

  constructor(
    private readonly source: string,
    private readonly lines: LineIndex,
  ) {}

  /**
   * Blocks of a tree's top-level nodes, in document order. The walk keeps its own stack: one line of `- ` × 3000,
   * `> ` × 10 000 or `1. ` × 5000 nests that deep, beyond any call stack.
   */
  visitAll(nodes: readonly RootContent[]): void {
    const stack: Visit[] = [];
    const pushAll = (tasks: Visit[]) => {
      for (let i = tasks.length - 1; i >= 0; i--) stack.push(tasks[i]);
    };
    pushAll(nodes.map((node) => ({ node, lineKind: 'paragraph' as BlockKind })));
    while (stack.length) pushAll(this.visit(stack.pop()!));
  }

  /** Blocks of one node; returns its children still to visit, in order. */
  private visit(task: Visit): Visit[] {
    if ('lines' in task) {
      // the first paragraph of an ordered list item: its marker is an outline number (1. 2. …), kept in its text
      this.collectMarkup(task.lines.children);
      this.addLines(task.start, task.end, 'listItem', task.listMarker);
      return [];
    }
    const { node, lineKind, listMarker } = task;
    const pos = node.position;
    if (!pos) return [];
    const start = pos.start.offset ?? 0;
    const end = pos.end.offset ?? start;
    if ((node.type as string) === 'toml' || node.type === 'yaml') {
      this.frontmatter = (node as { value: string }).value;
      this.excluded.push({ start, end });
      return [];
    }
    switch (node.type) {
      case 'html':
        this.excluded.push({ start, end });
        if (node.value.trimStart().startsWith('<!--')) this.comments.push({ start, end });
        return [];
      case 'code':
        if (isFenced(this.source, start)) {
          this.excluded.push({ start, end });
          return [];
        }
        // indented "code" in a draft is nearly always text indented in Word: keep it as text
        this.addLines(start, end, 'paragraph');
        return [];
      case 'heading': {
        const line = this.lines.lineOf(start);
        const [s, e] = headingContent(this.source, this.lines, line);
        this.collectMarkup(node.children);
        this.push({ kind: 'heading', line: line + 1, start: s, end: e, mdDepth: node.depth });
        return [];
      }
      case 'paragraph':
        this.collectMarkup(node.children);
        this.addLines(start, end, lineKind, listMarker);
        return [];
      case 'list': {
        let n = node.start ?? 1;
        return node.children.map((item) => ({ node: item, lineKind: 'listItem' as BlockKind, listMarker: node.ordered ? `${n++}.` : '-' }));
      }
      case 'listItem':
        return node.children.map((child, i): Visit => {
          if (i === 0 && child.type === 'paragraph' && listMarker && listMarker !== '-' && child.position) {
            return { lines: child, start, end: child.position.end.offset ?? end, listMarker };
          }
          return { node: child, lineKind: i === 0 ? 'listItem' : 'paragraph', listMarker: i === 0 ? listMarker : undefined };
        });
      case 'blockquote':
        return node.children.map((child) => ({ node: child, lineKind: 'paragraph' as BlockKind }));
      case 'table':
        for (const row of node.children) {
          for (const cell of row.children) this.collectMarkup(cell.children);
          if (row.position) this.addLines(row.position.start.offset ?? 0, row.position.end.offset ?? 0, 'tableRow');
        }
        return [];
      default:
        return [];
    }
  }

  /** One block per non-empty source line of [start, end). The first line keeps the given kind. */
  addLines(start: number, end: number, firstKind: BlockKind, listMarker?: string): void {
    const first = this.lines.lineOf(start);
    const last = this.lines.lineOf(Math.max(start, end - 1));
    for (let l = first; l <= last; l++) {
      const lineStart = l === first ? start : this.lines.starts[l];
      const lineEnd = Math.min(this.lines.lineEnd(l), end);
      let s = lineStart;
      let e = lineEnd;
      // continuation lines inside block quotes and lists carry their markers and indentation
      if (l !== first) s = skipContainerPrefix(this.source, s, e);
      while (s < e && isSpace(this.source.charCodeAt(s))) s++;
      while (e > s && isSpace(this.source.charCodeAt(e - 1))) e--;
      if (firstKind === 'tableRow') {
        if (/^\|?\s*:?-{2,}/.test(this.source.slice(s, e))) continue; // delimiter row
      }
      if (e <= s) continue;
      const kind = l === first ? firstKind : firstKind === 'tableRow' ? 'tableRow' : 'paragraph';
      this.push({ kind, line: l + 1, start: s, end: e, listMarker: l === first ? listMarker : undefined });
    }
  }

  private push(b: PendingBlock): void {
    if (this.seenLines.has(b.line)) return;
    this.seenLines.add(b.line);
    this.pending.push(b);
  }

  /** Inline markup of phrasing content, walked with its own stack (emphasis can nest thousands deep). */
  private collectMarkup(children: readonly PhrasingContent[]): void {
    const stack: PhrasingContent[] = [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    while (stack.length) {
      const child = stack.pop()!;
      const cs = child.position?.start.offset;
      const ce = child.position?.end.offset;
      if (cs === undefined || ce === undefined) continue;
      switch (child.type) {
        case 'text':
          break;
        case 'inlineCode': {
          // keep the code's text, drop the backticks
          const inner = this.source.indexOf(child.value, cs);
          if (inner >= 0 && inner + child.value.length <= ce) {
            if (inner > cs) this.markup.push({ start: cs, end: inner });
            if (inner + child.value.length < ce) this.markup.push({ start: inner + child.value.length, end: ce });
          }
          break;
        }
        case 'html':
          this.markup.push({ start: cs, end: ce });
          this.inlineHtml.push({ start: cs, end: ce });
          if (child.value.startsWith('<!--')) this.comments.push({ start: cs, end: ce });
          break;
        case 'image':
        case 'imageReference':
        case 'footnoteReference':
          this.markup.push({ start: cs, end: ce });
          break;
        case 'break':
          break;
        default:
          if ('children' in child) {
            // emphasis, strong, delete, link: the marks around the children are markup
            const kids = child.children as PhrasingContent[];
            const first = kids[0]?.position?.start.offset ?? ce;
            const last = kids[kids.length - 1]?.position?.end.offset ?? ce;
            if (first > cs) this.markup.push({ start: cs, end: first });
            if (ce > last) this.markup.push({ start: last, end: ce });
            for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
          }
      }
    }
  }

  finish(): Block[] {
    this.pending.sort((a, b) => a.start - b.start);
    this.markup.sort((a, b) => a.start - b.start);
    const markup = this.markup;
    const source = this.source;
    return this.pending.map((p, index) => new ParsedBlock(source, markup, index, p));
  }
}

/**
 * A block as parseDocument makes it: a class, not an object literal with a `get norm()` — V8 keeps an object literal
 * with a getter in dictionary mode, so every read of every block's fields (rules read them all the time) was a
 * hash lookup. Own fields in the order the literal had them; the normalised text is computed on first read.
 */
class ParsedBlock implements Block {
  readonly index: number;
  readonly kind: BlockKind;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly mdDepth?: number;
  readonly listMarker?: string;
  #source: string;
  #markup: readonly Range[] | null;
  #norm: NormalizedText | null = null;

  constructor(source: string, markup: readonly Range[], index: number, p: PendingBlock) {
    this.index = index;
    this.kind = p.kind;
    this.line = p.line;
    this.start = p.start;
    this.end = p.end;
    this.text = source.slice(p.start, p.end);
    this.mdDepth = p.mdDepth;
    this.listMarker = p.listMarker;
    this.#source = source;
    this.#markup = markup;
  }

  get norm(): NormalizedText {
    if (this.#norm === null) {
      this.#norm = normalizeSpan(this.#source, this.start, this.end, markupWithin(this.#markup!, this.start, this.end));
      this.#markup = null;
    }
    return this.#norm;
  }
}

/** The index of the first of `ranges` (sorted, not overlapping) that ends after `at`: a binary search. */
function firstEndingAfter(ranges: readonly Range[], at: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function markupWithin(markup: readonly Range[], start: number, end: number): Range[] {
  const out: Range[] = [];
  for (let i = firstEndingAfter(markup, start); i < markup.length && markup[i].start < end; i++) out.push(markup[i]);
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

function isFenced(source: string, start: number): boolean {
  return /^[ \t]{0,3}(```|~~~)/.test(source.slice(start, start + 8));
}

function skipContainerPrefix(source: string, s: number, e: number): number {
  const m = /^[ \t]*(?:>[ \t]?)*/.exec(source.slice(s, Math.min(e, s + 40)));
  return s + (m ? m[0].length : 0);
}

/** Content of an ATX or setext heading line, without the #s. */
function headingContent(source: string, lines: LineIndex, line: number): [number, number] {
  const ls = lines.starts[line];
  const le = lines.lineEnd(line);
  const text = source.slice(ls, le);
  const open = /^\ufeff?[ \t]{0,3}#{1,6}(?:[ \t]+|$)/.exec(text);
  let s = ls + (open ? open[0].length : 0);
  let e = le;
  if (open) {
    const close = /[ \t]+#+[ \t]*$|^#+[ \t]*$/.exec(source.slice(s, e));
    if (close) e = s + close.index;
  }
  while (s < e && isSpace(source.charCodeAt(s))) s++;
  while (e > s && isSpace(source.charCodeAt(e - 1))) e--;
  return [s, e];
}

/**
 * Where text inserted at `at` is read as report text: past the inline HTML span `at` falls inside (a comment
 * opened on an earlier line, `\ud800<!--` then `-->主要…`, runs into the next line's start; a heading number written
 * there would sit inside the comment, and every pass would write it again). `at` itself elsewhere.
 */
export function pastInlineHtml(inlineHtml: readonly Range[], at: number): number {
  for (let i = firstEndingAfter(inlineHtml, at); i < inlineHtml.length && inlineHtml[i].start < at; i++) if (at < inlineHtml[i].end) at = inlineHtml[i].end;
  return at;
}
