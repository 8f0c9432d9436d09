/**
 * The outline of a report: Markdown headings and numbered lines (一、 (一) 1. (1)), each with its level, and
 * the unnumbered short lines that stand where a numbered heading belongs.
 */
import type { Block } from './parse.js';
import type { Frame } from './frame.js';
import { normalize, normIndexAt, toSource } from './normalize.js';
import { CJK_CLASS, codePointFloor, countCjk, type Range } from './text.js';
import { CN_NUMERAL_CHARS, parseChineseNumeral } from './numerals.js';
import { textCache } from './cache.js';
import { closesSentence, firstSentenceEnd, hasSentenceEnd } from './sentence.js';

export type NumberStyle = 'cn-dun' | 'cn-paren' | 'arabic-dot' | 'arabic-dun' | 'arabic-paren' | 'circled';

/** GB/T 9704 7.3.3 order of levels: 一、 → (一) → 1. → (1) */
export const STYLE_RANK: Record<NumberStyle, number> = {
  'cn-dun': 1,
  'cn-paren': 2,
  'arabic-dot': 3,
  'arabic-dun': 3,
  'arabic-paren': 4,
  circled: 5,
};

export interface Numbering {
  style: NumberStyle;
  value: number;
  /** the numbering as written, e.g. "（一）" or "1、" */
  raw: string;
  /** source range of the whole numbering (brackets and punctuation included) */
  range: Range;
  /** source range of the number alone (一, 1) */
  numeral: Range;
  /** bracket width for bracketed styles */
  bracket?: 'half' | 'full';
  /** a (一) that lost its opening bracket in a paste (一)纵深推进…): heading-numeral-style restores it */
  unopened?: boolean;
}

export interface Heading {
  block: Block;
  /** 1 = top level */
  level: number;
  /** ordering key: Markdown depth, or 10 + GB/T 9704 rank for numbered lines */
  rank: number;
  numbering: Numbering | null;
  /** for an unnumbered heading: the number that belongs where it stands */
  slotValue: number | null;
  /** normalised heading text, without its numbering and closing punctuation */
  title: string;
  /** source range of the title */
  titleRange: Range;
  parent: Heading | null;
  /**
   * the numbered line is itself text: one complete sentence (（一）充实执法力量，招录执法人员5名。) or a paragraph
   * whose first sentence is too long for a title — content for section-empty, a heading for numbering
   */
  content?: boolean;
}

const CN = `[${CN_NUMERAL_CHARS}]{1,4}`;
const NUMBERING: { re: RegExp; style: NumberStyle }[] = [
  { re: new RegExp(`^(${CN})、`), style: 'cn-dun' },
  { re: new RegExp(`^（(${CN})）`), style: 'cn-paren' },
  // 一)纵深推进…: a second-level number whose opening bracket a paste lost, before the heading's words
  { re: new RegExp(`^(${CN})）(?=[${CJK_CLASS}])`), style: 'cn-paren' },
  // 1.5亿元 is a decimal, but 4.2021年… is heading 4 titled with a year (the plans heading the fixes insert)
  { re: /^(\d{1,3})\.(?!\d)|^(\d{1,3})\.(?=\d{4}年)/, style: 'arabic-dot' },
  { re: /^(\d{1,3})、/, style: 'arabic-dun' },
  { re: /^（(\d{1,3})）/, style: 'arabic-paren' },
  { re: /^([①-⑳])/, style: 'circled' },
];

interface NumberMatch {
  /** the whole number as written (一、, （3）, ①) */
  match: string;
  style: NumberStyle;
  digits: string;
  value: number;
}

/**
 * Each line's reading, kept by its text: the outline reads every line on every check (seven patterns and a numeral
 * each), and a keystroke changes one line.
 */
const numberings = textCache<NumberMatch | null>(20_000, true);

/** The outline number a normalised line starts with, as readNumbering reads it (null when none). */
function matchNumbering(text: string): NumberMatch | null {
  let got = numberings.get(text);
  if (got === undefined) numberings.set(text, (got = readNumber(text)));
  return got;
}

function readNumber(text: string): NumberMatch | null {
  for (const { re, style } of NUMBERING) {
    const m = re.exec(text);
    if (!m) continue;
    const digits = m[1] ?? m[2];
    const value =
      style === 'circled' ? digits.charCodeAt(0) - 0x2460 + 1 : /^\d/.test(digits) ? Number(digits) : parseChineseNumeral(digits);
    if (value === null || value <= 0) continue;
    return { match: m[0], style, digits, value };
  }
  return null;
}

/**
 * Would the outline read a line written as `numbering` + `rest` (rest: the normalised text after it) as numbered
 * `style` `value`? A fix writes a number only where it reads back: 1. before 0年度报告 makes the decimal 1.0, 2、
 * rewritten 2. before 5亿元 the decimal 2.5, and each further pass would number the line again.
 */
export function readsBackBefore(numbering: string, rest: string, style: NumberStyle, value: number): boolean {
  const written = normalize(numbering);
  const got = matchNumbering(written + rest);
  return got !== null && got.style === style && got.value === value && got.match.length === written.length;
}

/** The outline number at the start of a block's normalised text. */
export function readNumbering(block: Block): Numbering | null {
  const got = matchNumbering(block.norm.text);
  if (!got) return null;
  const { match, style, digits, value } = got;
  const numStart = match.indexOf(digits);
  const range = toSource(block.norm, 0, match.length);
  const numeral = toSource(block.norm, numStart, numStart + digits.length);
  let bracket: 'half' | 'full' | undefined;
  const unopened = (style === 'cn-paren' || style === 'arabic-paren') && numStart === 0;
  if (style === 'cn-paren' || style === 'arabic-paren') {
    // the opening bracket says the width; without one, the closing bracket
    bracket = block.text.charAt((unopened ? range.end - 1 : range.start) - block.start) === (unopened ? ')' : '(') ? 'half' : 'full';
  }
  const raw = block.text.slice(range.start - block.start, range.end - block.start);
  return unopened ? { style, value, raw, range, numeral, bracket, unopened } : { style, value, raw, range, numeral, bracket };
}

const MAX_TITLE = 40;

/**
 * The heading title of a numbered line: the whole rest when it is short and one sentence, else its first
 * sentence when that is short and more text follows (1.深入学习贯彻党的二十大精神。召开……). A numbered paragraph
 * whose first sentence is long is still a heading of its level for numbering: its title is its first clause, and
 * its text is content. So is a numbered item that is one complete sentence (（一）充实执法力量，招录执法人员5名。).
 */
function headingTitle(rest: string): { title: string; content: boolean } | null {
  const trimmed = rest.trim();
  if (!trimmed) return null;
  const firstStop = firstSentenceEnd(trimmed);
  if (firstStop < 0 || firstStop === trimmed.length - 1) {
    const body = trimmed.replace(/[。！？：；，]$/, '');
    // one complete sentence: it closes with a full stop and says more than a heading's few words
    const sentence = closesSentence(trimmed) && (/[，；]/.test(body) || countCjk(body) >= 16);
    if (body.length <= MAX_TITLE && !/[；]/.test(body.slice(0, -1))) return { title: body, content: sentence };
    return { title: firstClause(body), content: true };
  }
  const first = trimmed.slice(0, firstStop);
  return first.length <= MAX_TITLE ? { title: first, content: false } : { title: firstClause(first), content: true };
}

/** The opening clause of a long numbered paragraph, as its title: up to its first comma, colon or semicolon. */
function firstClause(sentence: string): string {
  const stop = sentence.search(/[，：；,:;]/);
  const clause = stop > 0 ? sentence.slice(0, stop) : sentence;
  // never through a surrogate pair: a fix rewriting the title would write half of 𠮷
  return clause.length <= MAX_TITLE ? clause : clause.slice(0, codePointFloor(clause, MAX_TITLE));
}

/** The outline of a document's body. */
export function buildOutline(blocks: readonly Block[], frame: Frame): Heading[] {
  const headings: Heading[] = [];
  const candidates: Block[] = [];
  for (let i = frame.bodyStart; i < frame.bodyEnd; i++) {
    const b = blocks[i];
    if (frame.chrome.has(i)) continue;
    // a viewer's page number is no outline number, and a page (a fragment cut anywhere) is no heading
    if (frame.pageNumbered.has(i)) continue;
    // a viewer's page number is no outline number, and a page (a fragment cut anywhere) is no heading
    if (frame.pageNumbered.has(i)) continue;
    const numbering = readNumbering(b);
    if (b.kind === 'heading') {
      const offset = numbering ? numbering.range.end - b.start : 0;
      headings.push(makeHeading(b, b.mdDepth ?? 1, numbering, offset, b.norm.text.slice(numberingLength(b, numbering)).trim()));
      continue;
    }
    if (b.kind === 'tableRow') continue;
    if (numbering) {
      const normLen = numberingLength(b, numbering);
      const read = headingTitle(b.norm.text.slice(normLen));
      if (read !== null && read.title.length > 0) {
        const h = makeHeading(b, 10 + STYLE_RANK[numbering.style], numbering, normLen, read.title);
        h.content = read.content;
        headings.push(h);
      }
      continue;
    }
    // the title shown again below the page head (a news page repeats its headline after the text) is no heading
    if (b.kind === 'paragraph' && isUnnumberedCandidate(b) && !repeatsTitle(b, frame)) candidates.push(b);
  }
  placeUnnumbered(headings, candidates);
  assignLevels(headings);
  return headings;
}

function numberingLength(b: Block, n: Numbering | null): number {
  if (!n) return 0;
  // normalised length of the numbering: the normalised chars whose source lies inside it
  return normIndexAt(b.norm, n.range.end);
}

function makeHeading(b: Block, rank: number, numbering: Numbering | null, normOffset: number, title: string): Heading {
  const lead = b.norm.text.slice(normOffset).search(/\S/);
  const from = normOffset + Math.max(0, lead);
  const titleRange = toSource(b.norm, from, from + title.length);
  return { block: b, level: 0, rank, numbering, slotValue: null, title, titleRange, parent: null };
}

/** A line that is the title again, as the page head shows it (spaces aside). */
function repeatsTitle(b: Block, frame: Frame): boolean {
  if (!frame.titleCopies.length) return false;
  const t = b.norm.text.replace(/^#+\s*/, '').replace(/[\s\u3000]+/g, '');
  return frame.titleCopies.includes(t);
}

function isUnnumberedCandidate(b: Block): boolean {
  const t = b.norm.text.trim();
  if (t.length < 4 || t.length > 30) return false;
  if (/[：，]$/.test(t) || hasSentenceEnd(t, { semicolon: true })) return false;
  if (/^[一二三四五六七八九十]+是/.test(t)) return false;
  if (countCjk(t) < 4) return false;
  return true;
}

/** Words that name a statutory item in a heading; used to accept an unnumbered top-level heading. */
const ITEM_WORDS =
  /举措|成效|工作情况|基本情况|完成情况|存在(的)?问题|不足|短板|差距|第一责任人|下一?年度?|下一步|计划|安排|打算|工作要点|其他需要报告/;

/**
 * An unnumbered short line is a heading when it fills a gap in a numbered sequence exactly where it stands
 * ((二) … line … (四)), or, at the top level, names a statutory item after the last numbered heading or in a
 * report with no numbered top level at all.
 *
 * Linear in headings and candidates: one sweep in document order places each candidate, looking back through a
 * stack of the nearest heading of each rank (and the lines placed so far); the headings after each candidate come
 * from one sweep backwards. A 20 MB document has hundreds of thousands of candidate lines.
 */
/**
 * A two-part headline (坚持高位推动 法治政府建设责任不断强化): what the work did, a space, what it achieved — two runs of
 * words and no mark at all. Reports written without numbers head every section so.
 */
const TWO_PART = new RegExp(`^[${CJK_CLASS}“”]{4,16}[ \u3000]+[${CJK_CLASS}“”]{4,16}$`);

function placeUnnumbered(headings: Heading[], candidates: Block[]): void {
  if (!candidates.length) return;
  const plainRanks = [...new Set(headings.filter((h) => h.rank >= 10 && h.numbering).map((h) => h.rank))].sort((a, b) => b - a);
  // in a report with no numbered top level, two-part headlines standing twice or more are its top-level headings:
  // the form repeated is the evidence (one such line alone may be a slogan)
  const headlines = plainRanks.includes(11) ? 0 : candidates.filter((c) => TWO_PART.test(c.norm.text.trim())).length;
  const ranks = plainRanks.includes(11) ? plainRanks : [...plainRanks, 11];
  // the sibling after each candidate, per rank: only headings written as such follow a candidate
  const after: (Heading | null)[][] = new Array(candidates.length);
  const following: Heading[] = [];
  let k = headings.length - 1;
  for (let ci = candidates.length - 1; ci >= 0; ci--) {
    const c = candidates[ci];
    for (; k >= 0 && headings[k].block.index > c.index; k--) pushNearest(following, headings[k]);
    after[ci] = ranks.map((r) => nearestOfRank(following, r));
  }
  const placed: Heading[] = [];
  const preceding: Heading[] = [];
  let j = 0;
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci];
    for (; j < headings.length && headings[j].block.index < c.index; j++) {
      placed.push(headings[j]);
      pushNearest(preceding, headings[j]);
    }
    const next = (rank: number) => after[ci][ranks.indexOf(rank)];
    const slot = findSlot(plainRanks, (rank) => nearestOfRank(preceding, rank), next, c, headlines >= 2);
    if (!slot) continue;
    const h = makeHeading(c, slot.rank, null, 0, c.norm.text.trim());
    h.slotValue = slot.value;
    placed.push(h);
    pushNearest(preceding, h);
  }
  for (; j < headings.length; j++) placed.push(headings[j]);
  headings.length = 0;
  for (const h of placed) headings.push(h);
}

/** Keep, innermost last, the nearest heading of each rank not hidden by a nearer one of a higher level. */
function pushNearest(stack: Heading[], h: Heading): void {
  while (stack.length && stack[stack.length - 1].rank >= h.rank) stack.pop();
  stack.push(h);
}

/** The nearest heading of this rank, not crossing a heading of a higher level (a smaller rank), or null. */
function nearestOfRank(stack: readonly Heading[], rank: number): Heading | null {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].rank <= rank) return stack[i].rank === rank ? stack[i] : null;
  return null;
}

function findSlot(
  plainRanks: readonly number[],
  prevOf: (rank: number) => Heading | null,
  nextOf: (rank: number) => Heading | null,
  c: Block,
  headlines = false,
): { rank: number; value: number | null } | null {
  // deepest gap first: (二) line (四) beats a gap in the top level
  for (const rank of plainRanks) {
    const prev = prevOf(rank);
    const next = nextOf(rank);
    const prevValue = prev ? prev.numbering?.value ?? prev.slotValue ?? null : 0;
    if (prevValue === null) continue;
    if (next?.numbering && next.numbering.value === prevValue + 2) return { rank, value: prevValue + 1 };
  }
  // a headline of a report written without numbers takes no number: its siblings have none to count (no slot)
  if (headlines && TWO_PART.test(c.norm.text.trim()) && !nextOf(11)) return { rank: 11, value: null };
  const named = ITEM_WORDS.exec(c.norm.text);
  if (!named) return null;
  const topRank = plainRanks.length ? Math.min(...plainRanks) : 11;
  if (topRank !== 11) return null;
  const prev = prevOf(11);
  if (nextOf(11)) return null;
  // 法治建设不足的原因 under 二、存在的不足和原因: a line naming its own section's item is a label inside it
  if (prev && prev.title.includes(named[0])) return null;
  const prevValue = prev ? prev.numbering?.value ?? prev.slotValue ?? 0 : 0;
  return { rank: 11, value: prevValue + 1 };
}

function assignLevels(headings: Heading[]): void {
  const stack: Heading[] = [];
  for (const h of headings) {
    while (stack.length && stack[stack.length - 1].rank >= h.rank) stack.pop();
    h.parent = stack[stack.length - 1] ?? null;
    h.level = stack.length + 1;
    stack.push(h);
  }
}
