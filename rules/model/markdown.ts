/**
 * Running remark on a draft safely and fast: the parser itself, the guards that keep micromark's super-linear
 * cases out (inline marks, deep containers), the cutting of long documents into segments parsed once each, and
 * the test for whether a draft needs Markdown at all. parse.ts reads the trees into blocks.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root } from 'mdast';
import { textCache } from './cache.js';

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

/** A segment's tree, parsed once for its text (shared: shift it into place and back, shiftPositions). */
export function parseSegment(segment: string): Root {
  let root = segmentTrees.get(segment);
  if (!root) {
    root = parseMarkdown(segment);
    segmentTrees.set(segment, root);
  }
  return root;
}
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
export function shiftPositions(root: Nodes, by: number): void {
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
