/**
 * A draft as blocks. Drafts pasted from Word carry their structure in line breaks, not blank lines, so every
 * non-empty source line of a paragraph is a block of its own; Markdown still decides what is a heading,
 * a list item, a table, code or HTML (the last two are not report text).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Paragraph, Root, RootContent, PhrasingContent } from 'mdast';
import { LineIndex, lazy, type Range } from './text.js';
import { normalizeSpan, type NormalizedText } from './normalize.js';
import { textCache } from './cache.js';

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
  readonly frontmatter: string | null;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

export function parseMarkdown(source: string): Root {
  return processor.parse(source);
}

/**
 * micromark resolves emphasis and link brackets in time that grows faster than linearly with their number in one
 * paragraph ('*a' × 20 000 on one line takes 20 s), and a draft pasted from Word is often one long paragraph.
 * A run of non-blank lines holding more of these marks than this is parsed with them masked (same offsets, so
 * every position still points into the real source): its emphasis then simply stays text, and no file freezes
 * the editor. Real reports carry a few dozen such marks at most.
 */
const INLINE_MARK_BUDGET = 1000;
/** characters of a line's start left alone, so block markers (lists, quotes, headings, fences) keep their meaning */
const BLOCK_PREFIX = 8;

function isInlineMark(c: number): boolean {
  return c === 42 /* * */ || c === 95 /* _ */ || c === 91 /* [ */ || c === 93 /* ] */ || c === 60 /* < */ || c === 92 /* \ */;
}

export function defuseInlineMarks(source: string): string {
  let total = 0;
  for (let i = 0; i < source.length; i++) if (isInlineMark(source.charCodeAt(i))) total++;
  if (total <= INLINE_MARK_BUDGET) return source;
  const out: string[] = [];
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/gy;
  let run: string[] = [];
  let marks = 0;
  const flush = () => {
    if (marks > INLINE_MARK_BUDGET) {
      for (const l of run) out.push(l.slice(0, BLOCK_PREFIX) + l.slice(BLOCK_PREFIX).replace(/[*_[\]<\\]/g, 'a'));
    } else for (const l of run) out.push(l); // no spread: a run may hold 100 000 lines
    run = [];
    marks = 0;
  };
  for (let m = lineRe.exec(source); m && m[0].length > 0; m = lineRe.exec(source)) {
    const line = m[0];
    if (line.trim() === '') {
      flush();
      out.push(line);
      continue;
    }
    run.push(line);
    for (let i = BLOCK_PREFIX; i < line.length; i++) if (isInlineMark(line.charCodeAt(i))) marks++;
  }
  flush();
  return out.join('');
}

/**
 * micromark's time grows with the square of the container depth (one line of `- ` × 3000 takes seconds), and no
 * report nests lists or quotes more than a few levels. Container markers beyond this depth at a line's start are
 * masked as letters (same offsets): the rest of the line is then text of the deepest container kept.
 */
const MAX_CONTAINER_DEPTH = 32;
/**
 * Lists also nest across lines, by indentation: 800 lines each indented two columns more than the last took 80 s.
 * Every level takes at least two columns, so a marker starting beyond this column could only open a level past
 * MAX_CONTAINER_DEPTH: it is masked too, and its line is read as text (or code) of the containers above it.
 */
const MAX_CONTAINER_COLUMN = 2 * MAX_CONTAINER_DEPTH;

/** Length of a container marker (`- `, `> `, `1. `, with its indentation) at i, or 0. */
function containerMarker(s: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < 3 && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j++;
  const c = s.charCodeAt(j);
  let k = j;
  if (c === 62 /* > */) k = j + 1;
  else if (c === 45 || c === 42 || c === 43 /* - * + */) k = j + 1;
  else {
    while (k < end && k - j < 9 && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++;
    if (k === j || (s.charCodeAt(k) !== 46 && s.charCodeAt(k) !== 41 /* . ) */)) return 0;
    k++;
  }
  // list markers need white space after them (or the line's end); a quote marker does not
  const after = s.charCodeAt(k);
  if (c !== 62 && k < end && after !== 32 && after !== 9) return 0;
  while (k < end && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9)) k++;
  return k - i;
}

export function defuseDeepContainers(source: string): string {
  let out: string | null = null;
  let from = 0;
  for (let start = 0; start < source.length; ) {
    let end = start;
    while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++;
    let depth = 0;
    let i = start;
    // a line indented past the column no container level reaches: its markers are masked from the first
    let column = 0;
    let lead = start;
    for (; lead < end && column <= MAX_CONTAINER_COLUMN; lead++) {
      const c = source.charCodeAt(lead);
      if (c === 32) column++;
      else if (c === 9) column += 4 - (column % 4);
      else break;
    }
    if (column > MAX_CONTAINER_COLUMN) {
      while (lead < end && (source.charCodeAt(lead) === 32 || source.charCodeAt(lead) === 9)) lead++;
      i = lead;
      depth = MAX_CONTAINER_DEPTH;
    }
    for (let n = containerMarker(source, i, end); n > 0; n = containerMarker(source, i, end)) {
      if (++depth > MAX_CONTAINER_DEPTH) {
        // mask the markers from here to the text (white space stays, so offsets and line breaks do too)
        let k = i;
        for (let m = n; m > 0; m = containerMarker(source, k, end)) k += m;
        out = (out ?? '') + source.slice(from, i) + source.slice(i, k).replace(/[^ \t]/g, 'a');
        from = k;
        break;
      }
      i += n;
    }
    start = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return out === null ? source : out + source.slice(from);
}

/**
 * micromark splices every paragraph's events into one array for the whole document, so its time grows with
 * (paragraphs × events): 16 000 one-line paragraphs take seconds. Long documents are parsed in segments cut where
 * CommonMark itself starts a new top-level block (a blank line, then a line at column 0, outside fenced code and
 * multi-line HTML), which gives the same tree; only a link reference defined in one segment and used in another
 * stays text. Reports under the threshold are parsed whole.
 */
const SEGMENT_CHARS = 4_000;
/**
 * Parsed segments by their text: an edit re-parses only the segment it falls in (segments are cut at top-level
 * block boundaries, so an editor keystroke in a long report costs one segment's parse, not the document's).
 */
const segmentTrees = textCache<Root>(512);
const SEGMENT_BLOCKS = 256;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_OPEN: [RegExp, RegExp][] = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** Offsets where the source may be cut into independently parsed segments. */
export function segmentStarts(source: string, maxChars = SEGMENT_CHARS, maxBlocks = SEGMENT_BLOCKS): number[] {
  const starts = [0];
  if (source.length <= maxChars && maxBlocks === SEGMENT_BLOCKS && source.length <= 4096) return starts; // too short to hold 256 blocks
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/gy;
  let fence: string | null = null;
  let htmlEnd: RegExp | null = null;
  // front matter may hold blank lines: no cut before its closing line
  const front = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(source);
  let frontEnd = 0;
  if (front) {
    const close = new RegExp(`(?:\\r\\n|\\r|\\n)${front[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r\\n|\\r|\\n|$)`).exec(source.slice(front[0].length - 1));
    if (close) frontEnd = front[0].length - 1 + close.index + close[0].length;
  }
  let prevBlank = false;
  let blocks = 0;
  for (let m = lineRe.exec(source), at = 0; m && m[0].length > 0; at += m[0].length, m = lineRe.exec(source)) {
    const line = m[0];
    const blank = line.trim() === '';
    if (fence) {
      const f = FENCE.exec(line);
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = null;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = null;
    } else {
      if (prevBlank && !blank && !/^[ \t]/.test(line) && at >= frontEnd) {
        if (at - starts[starts.length - 1] >= maxChars || blocks >= maxBlocks) {
          starts.push(at);
          blocks = 0;
        }
        blocks++;
      }
      const f = FENCE.exec(line);
      if (f) fence = f[1];
      else {
        const h = HTML_OPEN.find(([open]) => open.test(line));
        if (h && !h[1].test(line.slice(line.indexOf('<') + 2))) htmlEnd = h[1];
      }
    }
    prevBlank = blank;
  }
  return starts;
}

/** Shift every offset of a tree; iterative, as a line of 10 000 `> ` nests that deep. */
function shiftPositions(root: Nodes, by: number): void {
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const p = node.position;
    if (p) {
      if (p.start.offset !== undefined) p.start.offset += by;
      if (p.end.offset !== undefined) p.end.offset += by;
    }
    if ('children' in node) for (const c of node.children as Nodes[]) stack.push(c);
  }
}

/**
 * Anything CommonMark (with front matter) could read as more than plain paragraphs: inline marks, entities, HTML,
 * and line starts that open headings, quotes, lists, fences, thematic breaks or setext underlines. A draft with
 * none of these — most drafts pasted from Word — parses to one paragraph per run of lines, so its blocks are its
 * non-empty lines and remark need not run (tested to give identical blocks).
 */
const MARKDOWN_SYNTAX = /[*_`<[\]\\&~]|^\ufeff?[ \t]{0,3}(?:[#>+=-]|\d{1,9}[.)](?:[ \t]|$))/m;

export function needsMarkdown(source: string): boolean {
  return MARKDOWN_SYNTAX.test(source);
}

export function parseDocument(source: string, segments?: { maxChars: number; maxBlocks: number }): ParsedDocument {
  const lines = new LineIndex(source);
  const builder = new BlockBuilder(source, lines);
  if (!needsMarkdown(source)) {
    builder.addLines(0, source.length, 'paragraph');
    return { source, lines, blocks: builder.finish(), excluded: [], comments: [], frontmatter: null };
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
    let root = segmentTrees.get(segment);
    if (!root) {
      root = parseMarkdown(segment);
      segmentTrees.set(segment, root);
    }
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
    return this.pending.map((p, index) => {
      const norm = lazy(() => normalizeSpan(source, p.start, p.end, markupWithin(markup, p.start, p.end)));
      return {
        index,
        kind: p.kind,
        line: p.line,
        start: p.start,
        end: p.end,
        text: source.slice(p.start, p.end),
        mdDepth: p.mdDepth,
        listMarker: p.listMarker,
        get norm() {
          return norm();
        },
      };
    });
  }
}

function markupWithin(markup: readonly Range[], start: number, end: number): Range[] {
  // binary search for the first range ending after start
  let lo = 0;
  let hi = markup.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markup[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Range[] = [];
  for (let i = lo; i < markup.length && markup[i].start < end; i++) out.push(markup[i]);
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
