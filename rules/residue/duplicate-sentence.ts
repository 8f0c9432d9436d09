/**
 * duplicate-sentence: copy-and-paste residue — a sentence repeated anywhere in the report, or a run of 12 or more
 * characters repeated inside one paragraph (an edit that kept the old version beside the new one). Texts are
 * compared on a key of their Han characters and letters only, so punctuation, brackets and figures do not hide a
 * repeat (百分百100%完成… = 百分百完成…). Titles in 《》, quotations in “”, headings (and the heading's words
 * repeated in its body) and the statutory phrases every report repeats are not residue. Nor is what a paragraph
 * legitimately says twice: the words of its lead sentence (深入学习宣传贯彻习近平法治思想。… 把深入学习宣传贯彻习近平
 * 法治思想作为重要政治任务 — an unnumbered heading) again in its body, or a name the report keeps using (交通运输法治
 * 政府部门建设 three times and more) — an edit's leftover is a pair, local to one paragraph.
 *
 * Linear: sentences are hashed once; repeated runs are found per paragraph through a table of 12-character windows.
 */
import { defineRule, type RawFinding, type RawFix } from '../engine/rule.js';
import type { Report } from '../model/report.js';
import type { Block } from '../model/parse.js';
import { CJK_CLASS, isCjkCode, type Range } from '../model/text.js';
import { excerpt, quotedMask, sourceOf } from './_shared.js';
import { ITEM_LABEL_ZH } from '../model/vocabulary.js';
import { textCache } from '../model/cache.js';
import { balancedDeletion, isOpener } from '../model/brackets.js';
import { closesSentence, sentenceSpans } from '../model/sentence.js';
import { normIndexAt } from '../model/normalize.js';
import { memoKey } from '../model/memo.js';
import { int32s } from '../model/slab.js';
import type { Heading } from '../model/outline.js';

/** Shortest repeated run inside a paragraph, and shortest sentence worth comparing across the report. */
export const MIN_RUN = 12;
const MIN_SENTENCE = 10;
/** Two repeated runs this close (key characters) on both sides are one repeat with a changed word inside. */
export const MERGE_GAP = 8;
/**
 * A paragraph's first sentence up to this many key characters, followed by more, is its lead (topic) sentence:
 * the body repeats its words as a heading's body does.
 */
const LEAD_MAX = 40;
/** A first sentence with fewer key characters is debris (?。 of a decoding error), not the lead. */
const LEAD_MIN = 4;
/** Copies this close (key characters between them) are an edit's leftover even when the words recur elsewhere. */
const ADJACENT = 2;
/** A run found this many times in the report's text is a name or set phrase of the report, not a leftover. */
const VOCABULARY = 3;
/** A character that is never in a key: quotations and titles break runs. */
const BREAK = '\u0000';
const BREAK_CODE = 0;

/**
 * Statutory and set phrases a report legitimately repeats; a repeat made of these is not residue. Only long ones:
 * a short set phrase (法治政府建设) inside a long repeat does not make the repeat legitimate.
 */
export const SET_PHRASES = [
  '党政主要负责人履行推进法治建设第一责任人职责',
  '履行推进法治建设第一责任人职责',
  '法治建设第一责任人职责',
  '法治政府建设与责任落实督察工作规定',
  '将法治建设纳入地区发展总体规划和年度工作计划',
  '习近平新时代中国特色社会主义思想',
  '中国特色社会主义法治体系',
  '中国特色社会主义法治道路',
  '科学立法严格执法公正司法全民守法',
  '依法治国依法执政依法行政共同推进',
  '法治国家法治政府法治社会一体建设',
  '法治政府建设实施纲要',
  '执法全过程记录制度',
  '重大执法决定法制审核制度',
  ...Object.values(ITEM_LABEL_ZH),
].sort((a, b) => b.length - a.length);

/** A block's comparable text: Han characters and letters, with the normalised index of each. */
export interface Keyed {
  key: string;
  /** normalised index of each key character (typed: one element per character of every block, kept across checks) */
  at: Int32Array;
}

export function keyOf(report: Report, block: Block, from: number, to: number): Keyed {
  const mask = quotedMask(report);
  const { text, map } = block.norm;
  // the key is the text's runs of key characters sliced whole (a string per character would be garbage), a
  // BREAK for each stretch of quoted characters
  let key = '';
  // at most one entry per normalised character of [from, to)
  const at = int32s(Math.max(0, to - from));
  let n = 0;
  let run = -1;
  let endsInBreak = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const isText = isCjkCode(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (mask[map[i]]) {
      if (run >= 0) {
        key += text.slice(run, i);
        run = -1;
      }
      if (!endsInBreak) {
        key += BREAK;
        at[n++] = i;
        endsInBreak = true;
      }
    } else if (isText) {
      if (run < 0) {
        run = i;
        endsInBreak = false;
      }
      at[n++] = i;
    } else if (run >= 0) {
      key += text.slice(run, i);
      run = -1;
    }
  }
  if (run >= 0) key += text.slice(run, to);
  return { key, at: at.subarray(0, n) };
}

/** What a block offers for comparison: its key, each sentence's key, and the runs repeated inside it. */
interface BlockKeys {
  keyed: Keyed;
  sentences: { from: number; to: number; key: string }[];
  runs: RunMatch[];
}

/**
 * All of it depends on the block's source text (quotations are found within the block), its normalised text and
 * how that maps onto the source (Markdown context: emphasis, backticks and runs of inline marks are dropped or
 * kept depending on what surrounds the line), and where its body starts: kept by all of those, so an editor
 * re-check recomputes only the edited lines and a result never depends on what was checked before.
 * By source text first (a block's text is a key other per-line caches hash already), then the rest compared: no
 * key string of twice the block's length is built for each block on each keystroke.
 */
interface KeysEntry {
  /** where the body starts; -1 for the key of a whole heading block (reportKeys); -2 - body start for gluedDoubles */
  bodyFrom: number;
  mapShape: string;
  norm: string;
  value: BlockKeys | Keyed | HeadKeys;
}
/** gluedDoubles' key of a heading's opening and the runs repeated in it */
interface HeadKeys {
  keyed: Keyed;
  runs: RunMatch[];
}
const blockKeys = textCache<KeysEntry[]>(20_000, true);
/** versions of one source text kept (the same line in two Markdown contexts, or with and without a heading) */
const VARIANTS = 4;

function byBlock<T extends BlockKeys | Keyed | HeadKeys>(block: Block, bodyFrom: number, compute: () => T): T {
  const shape = mapShape(block);
  const norm = block.norm.text;
  const list = blockKeys.get(block.text);
  if (list) for (const e of list) if (e.bodyFrom === bodyFrom && e.mapShape === shape && e.norm === norm) return e.value as T;
  const value = compute();
  const entry: KeysEntry = { bodyFrom, mapShape: shape, norm, value };
  if (!list) blockKeys.set(block.text, [entry]);
  else {
    list.push(entry);
    if (list.length > VARIANTS) list.shift();
  }
  return value;
}

/** The normalised-to-source map of a block relative to its start, as runs of equal shift (short for plain text). */
export function mapShape(block: Block): string {
  const map = block.norm.map;
  // nothing dropped (most lines): the kept positions, ascending, are all of [start, end), one run of shift 0 — what
  // the walk below writes, without walking
  if (map.length > 0 && map.length === block.end - block.start) return '0:0,';
  let out = '';
  let shift = NaN;
  for (let i = 0; i < map.length; i++) {
    const d = map[i] - block.start - i;
    if (d !== shift) {
      out += `${i}:${d},`;
      shift = d;
    }
  }
  return out;
}

function keysOf(report: Report, block: Block, from: number): BlockKeys {
  return byBlock(block, from, () => computeKeys(report, block, from));
}

function computeKeys(report: Report, block: Block, from: number): BlockKeys {
  const text = block.norm.text;
  const keyed = keyOf(report, block, from, text.length);
  const sentences: BlockKeys['sentences'] = [];
  let ka = 0;
  for (const s of sentenceSpans(text, from)) {
    while (ka < keyed.at.length && keyed.at[ka] < s.from) ka++;
    let kb = ka;
    while (kb < keyed.at.length && keyed.at[kb] < s.bodyTo) kb++;
    const key = keyed.key.slice(ka, kb);
    sentences.push({ from: s.from, to: s.to, key: key.includes(BREAK) ? key.replaceAll(BREAK, '') : key });
    ka = kb;
  }
  // an unheaded paragraph's lead sentence is its heading: runs are looked for in its body only. So is the rest of a
  // heading's first sentence when its title is cut at a comma ((一)学习贯彻…精神，贯彻落实…重大部署，…工作。将学习贯彻…):
  // the body restates the heading's words
  let lead = 0;
  if (from === 0 || (from > 0 && !/[。！？!?]/.test(text[from - 1] ?? ''))) {
    const first = sentences.findIndex((x) => x.key.length >= LEAD_MIN);
    if (first >= 0 && first < sentences.length - 1 && sentences[first].key.length <= LEAD_MAX) {
      const end = sentences[first].to;
      while (lead < keyed.at.length && keyed.at[lead] < end) lead++;
    }
  }
  return { keyed, sentences, runs: repeatedRuns(BREAK.repeat(lead) + keyed.key.slice(lead)) };
}

/** Characters of a repeat left once the set phrases and the heading's words are taken out. */
function substance(run: string, extra: readonly string[]): number {
  // kept across checks by the heading words and the run (the value depends on nothing else)
  let words = wordsKeys.get(extra);
  if (words === undefined) wordsKeys.set(extra, (words = extra.join(BREAK)));
  const key = words + '\u0001' + run;
  let n = substances.get(key);
  if (n === undefined) substances.set(key, (n = substanceNow(run, extra)));
  return n;
}
const substances = textCache<number>(20_000, true);
/** the heading words of a check joined, once per list (headingWords gives one list per heading) */
const wordsKeys = new WeakMap<readonly string[], string>();

function substanceNow(run: string, extra: readonly string[]): number {
  let s = run;
  for (const p of [...extra, ...SET_PHRASES]) if (p.length >= 4 && s.includes(p)) s = s.split(p).join(BREAK);
  return s.replaceAll(BREAK, '').length;
}

/**
 * A run that is one shorter unit written twice or more (二二二…, （二）（二）（二）…, 甲乙甲乙甲乙…): a pattern, not
 * a sentence written twice. In a paragraph of such a pattern every copy would be reported, and the copies whose
 * ends fall inside a bracket have no fix, so each --fix pass deleted one more (fuzz seed 6).
 */
function shortPeriod(run: string): boolean {
  for (let p = 1; p * 2 <= run.length; p++) {
    let i = p;
    while (i < run.length && run.charCodeAt(i) === run.charCodeAt(i - p)) i++;
    if (i === run.length) return true;
  }
  return false;
}

const HEADING_BY_BLOCK = memoKey<Map<number, Heading>>('residue:headingByBlock', ['outline']);

/** Where the body starts in a block (after the titled first sentence of a heading), or null for a heading line. */
function bodyStart(report: Report, block: Block): number | null {
  const { title, titleOpensBody, titleSpan } = report.frame;
  if (block.kind === 'tableRow') return null;
  // a title that opens the body's first line: the body starts after it
  if (title?.index === block.index) return titleOpensBody && titleSpan ? titleSpan.to : null;
  const h = report.memo(HEADING_BY_BLOCK, () => new Map(report.outline.map((x) => [x.block.index, x]))).get(block.index);
  if (!h) return 0;
  const map = block.norm.map;
  let i = normIndexAt(block.norm, h.titleRange.end);
  // the terminator of the titled sentence belongs to the heading
  while (i < map.length && /[。.：:，,；;]/.test(block.norm.text[i])) i++;
  return i < map.length ? i : null;
}

/** Kept per heading (the block's own heading, -1 above the first). */
const HEADING_WORDS = memoKey<string[], [headingBlock: number]>('residue:headingWords', ['outline', 'frame'], 'headingBlock');

/** Heading titles above a block, as keys: their words may recur in the body. */
function headingWords(report: Report, block: Block): readonly string[] {
  const h = report.headingOf(block);
  return report.memo(HEADING_WORDS, () => {
    const out: string[] = [];
    for (let x = h; x; x = x.parent) out.push(x.title.replace(NOT_KEY, ''));
    const title = report.frame.titleText;
    if (title) out.push(title.replace(NOT_KEY, ''));
    return out.filter((t) => t.length >= 4);
  }, h?.block.index ?? -1);
}

const NOT_KEY = new RegExp(`[^${CJK_CLASS}A-Za-z]`, 'g');

interface Copy {
  block: Block;
  /** normalised range */
  from: number;
  to: number;
}

/** A copy that starts at the body's start or after a mark and ends at the block's end or before a mark. */
function clauseAligned(c: Copy, bodyFrom: number): boolean {
  const t = c.block.norm.text;
  const starts = c.from <= bodyFrom || /[。，、；：！？,;:!?（(）)]/.test(t[c.from - 1]);
  const ends = c.to >= t.length || /[。，、；：！？,;:!?（(）)]/.test(t[c.to]);
  return starts && ends;
}

function isPunct(c: string | undefined): boolean {
  return c !== undefined && /[。，、；：！？,;:!?]/.test(c);
}

/**
 * Widen two copies over equal figures and brackets on both sides (…超过10%), stopping at punctuation. The ends
 * first, and an end takes no opening bracket: in 【X】【X】 each copy is one 【X】 — its 】 at its end, its 【 at its
 * start — not 】【X of the one before and the next (that copy has no balanced deletion, and each --fix pass
 * deleted one copy of sixty). A start runs back over closing marks (”, 】) to their openers as before.
 */
function widen(a: Copy, b: Copy): void {
  const ta = a.block.norm.text;
  const tb = b.block.norm.text;
  while (a.to < ta.length && b.to < tb.length && (a.block !== b.block || a.to < b.from) && ta[a.to] === tb[b.to] && !isPunct(ta[a.to]) && !isOpener(ta[a.to])) {
    a.to++;
    b.to++;
  }
  while (a.from > 0 && b.from > (a.block === b.block ? a.to : 0) && ta[a.from - 1] === tb[b.from - 1] && !isPunct(ta[a.from - 1])) {
    a.from--;
    b.from--;
  }
}

function finding(report: Report, first: Copy, second: Copy, identical: boolean, copy: Range | null): RawFinding<'duplicate-sentence'> {
  // a copy is deleted with the brackets that enclose it (【…。】) or not at all: an orphan 】 is worse than the repeat
  const del = identical && copy ? balancedDeletion(report.source, copy) : null;
  const shown = sourceOf(second.block, second.from, second.to);
  // the finding names what the fix deletes
  const r = del ? { start: Math.min(shown.start, del.start), end: Math.max(shown.end, del.end) } : shown;
  const f = sourceOf(first.block, first.from, first.to);
  const fixes: RawFix<'duplicate-sentence'>[] = del ? [{ messageId: 'delete', edits: [{ start: del.start, end: del.end, newText: '' }], safe: true }] : [];
  // literals, no spread: V8's slow path in Node 20, and a 1 MB draft of copies builds thousands of these per keystroke
  return {
    start: r.start,
    end: r.end,
    messageId: 'duplicate',
    data: { line: first.block.line, text: excerpt(report.source.slice(r.start, r.end)) },
    related: [{ start: f.start, end: f.end, messageId: 'duplicate', data: { line: first.block.line, text: excerpt(report.source.slice(f.start, f.end)) } }],
    fixes,
  };
}

export default defineRule(
  { id: 'duplicate-sentence', family: 'residue', defaultSeverity: 'warning', basis: ['practice'], fixable: true, flagsRemovableText: true },
  (report) => {
    const out: RawFinding<'duplicate-sentence'>[] = [];
    const seen = new Map<string, Copy>();
    const repeatedTitle = titleCopy(report);
    if (repeatedTitle) out.push(repeatedTitle);
    // every block's body start and keys first: a run's count in the whole report reads the blocks after it too
    const blocks = report.textBlocks;
    const froms = blocks.map((b) => bodyStart(report, b));
    const keys = blocks.map((b, i) => (froms[i] === null ? null : keysOf(report, b, froms[i]!)));
    let whole: string[] | undefined;
    /** each text block's key from its start, headings and the title included: where names recur */
    const reportKeys = () => (whole ??= blocks.map((b, i) => (froms[i] === 0 ? keys[i]!.keyed.key : byBlock(b, -1, () => keyOf(report, b, 0, b.norm.text.length)).key)));
    for (let bi = 0; bi < blocks.length; bi++) {
      const block = blocks[bi];
      const from = froms[bi];
      if (from !== 0) for (const f of gluedDoubles(report, block, from)) out.push(f);
      if (from === null) continue;
      const text = block.norm.text;
      const words = headingWords(report, block);
      /** normalised ranges of this block already reported as second copies */
      const reported: Range[] = [];

      const { keyed, sentences, runs } = keys[bi]!;
      // 1. whole sentences, anywhere in the report
      for (const s of sentences) {
        const k = s.key;
        if (k.length < MIN_SENTENCE) continue;
        const prev = seen.get(k);
        if (!prev) {
          seen.set(k, { block, from: s.from, to: s.to });
          continue;
        }
        if (substance(k, words) < MIN_SENTENCE || words.some((w) => w.includes(k))) continue;
        const identical = prev.block.norm.text.slice(prev.from, prev.to) === text.slice(s.from, s.to);
        out.push(finding(report, prev, { block, from: s.from, to: s.to }, identical, sourceOf(block, s.from, s.to)));
        reported.push({ start: s.from, end: s.to });
      }

      // 2. runs of MIN_RUN+ characters repeated inside this paragraph
      for (const m of runs) {
        const first: Copy = { block, from: keyed.at[m.i], to: keyed.at[m.iEnd - 1] + 1 };
        const second: Copy = { block, from: keyed.at[m.j], to: keyed.at[m.jEnd - 1] + 1 };
        if (reported.some((r) => r.start < second.to && second.from < r.end)) continue;
        const run = keyed.key.slice(m.j, m.jEnd);
        if (substance(run, words) < MIN_RUN || shortPeriod(run)) continue;
        if (m.j - m.iEnd > ADJACENT && occurrencesIn(reportKeys(), run, VOCABULARY) >= VOCABULARY) continue;
        widen(first, second);
        // a paragraph that ends on an unclosed fragment (…取得重要进展和成效。全面贯彻落实党的二十大精神) ends on the
        // next heading's first words, run in where a line break was lost: a heading restating the text, not a leftover
        if (m.j - m.iEnd > ADJACENT && !text.slice(second.to).trim() && !closesSentence(text) && /[。！？!?]/.test(text[second.from - 1] ?? '')) continue;
        // an edit's leftover repeats a clause: at least one copy stands between marks. A run that is, in both
        // places, a phrase inside a clause (推行X制度，…制定X，; 坚持把X作为… 召开X电视电话会议) is a name the
        // paragraph uses twice
        if (m.j - m.iEnd > ADJACENT && !clauseAligned(first, from) && !clauseAligned(second, from)) continue;
        const identical = text.slice(first.from, first.to) === text.slice(second.from, second.to);
        // a repeat between two marks takes one of them along (A，B，B，C → A，B，C); the finding names the mark
        // too, so the fix deletes exactly what is reported
        const shown: Copy = identical && isPunct(text[second.from - 1]) && isPunct(text[second.to]) ? { ...second, to: second.to + 1 } : second;
        out.push(finding(report, first, shown, identical, sourceOf(block, shown.from, shown.to)));
        reported.push({ start: second.from, end: second.to });
      }
    }
    return out;
  },
);

/**
 * How many times `needle` occurs in the blocks' keys, counting up to `max`: the count in the keys joined with a
 * BREAK between blocks, as a needle of key characters never spans a BREAK, without building that string.
 */
function occurrencesIn(keys: readonly string[], needle: string, max: number): number {
  let n = 0;
  for (const k of keys) if ((n += occurrences(k, needle, max - n)) >= max) break;
  return n;
}

const compactText = (t: string) => t.replace(/^#+\s*/, '').replace(/[\s\u3000]+/g, '');

/**
 * The title pasted twice at the top of a page (a page's headline, then the document's title; or the second line of a
 * wrapped title again): the later copy, when the earlier one says exactly the same and only blank lines or page
 * furniture stand between. One finding on the later copy; its fix deletes that line (with the blank lines before it
 * when nothing else stands between), so the earlier copy stays as the title. Copies in different words
 * (关于2025年度… / 关于2025年…) are the page's own heading: a matter of reading, not reported.
 */
function titleCopy(report: Report): RawFinding<'duplicate-sentence'> | null {
  const { title, titleHead, titleSpan, chrome } = report.frame;
  if (!title || titleSpan || title.kind === 'tableRow') return null;
  const words = compactText(title.norm.text);
  if (words.replace(NOT_KEY, '').length < MIN_SENTENCE) return null;
  const top = (titleHead ?? title).index;
  const blocks = report.blocks;
  let earlier: Block | null = null;
  let onlyBlank = true;
  for (let i = top - 1; i >= 0; i--) {
    if (compactText(blocks[i].norm.text) === words) {
      earlier = blocks[i];
      break;
    }
    if (!chrome.has(i)) return null;
    onlyBlank = false;
  }
  if (!earlier) return null;
  const lines = report.lines;
  const line = title.line - 1;
  const start = onlyBlank ? lines.lineEnd(earlier.line - 1) : lines.starts[line];
  const end = onlyBlank ? lines.lineEnd(line) : line + 1 < lines.starts.length ? lines.starts[line + 1] : report.source.length;
  const shown = { start: lines.starts[line], end: lines.lineEnd(line) };
  const first = { start: lines.starts[earlier.line - 1], end: lines.lineEnd(earlier.line - 1) };
  return {
    ...shown,
    messageId: 'duplicate',
    data: { line: earlier.line, text: excerpt(report.source.slice(shown.start, shown.end)) },
    related: [{ ...first, messageId: 'duplicate', data: { line: earlier.line, text: excerpt(report.source.slice(first.start, first.end)) } }],
    fixes: [{ messageId: 'delete', edits: [{ start, end, newText: '' }], safe: true }],
  };
}

/**
 * A heading or title line whose words are pasted twice, glued together with nothing between
 * (2023年度乡镇法治政府建设情况报告及2023年工作方案2023年度乡镇法治政府建设情况报告及2023年工作方案区政府：…): the second
 * copy. A heading's words restated after its mark (（一）加强组织领导。加强组织领导，成立…) are the heading's body, not
 * a paste: the copies must touch.
 */
function gluedDoubles(report: Report, block: Block, from: number | null): RawFinding<'duplicate-sentence'>[] {
  if (block.kind === 'tableRow') return [];
  const text = block.norm.text;
  const bodyAt = from ?? text.length;
  // the copies touch and the first starts in the heading: a few heading lengths on cover them (widen() extends a
  // copy the window cut short), and a long numbered paragraph is not keyed a second time
  // kept with the block's other keys (by its text, Markdown context and body start: -2 - bodyAt tells them apart)
  const { keyed, runs } = byBlock(block, -2 - bodyAt, () => {
    const k = keyOf(report, block, 0, Math.min(text.length, 3 * bodyAt + 2 * MIN_RUN));
    return { keyed: k, runs: repeatedRuns(k.key) };
  });
  const out: RawFinding<'duplicate-sentence'>[] = [];
  for (const m of runs) {
    if (m.j !== m.iEnd || keyed.at[m.i] >= bodyAt) continue;
    const run = keyed.key.slice(m.j, m.jEnd);
    if (substance(run, []) < MIN_RUN || shortPeriod(run)) continue;
    const first: Copy = { block, from: keyed.at[m.i], to: keyed.at[m.iEnd - 1] + 1 };
    const second: Copy = { block, from: keyed.at[m.j], to: keyed.at[m.jEnd - 1] + 1 };
    widen(first, second);
    if (first.to !== second.from) continue;
    const identical = text.slice(first.from, first.to) === text.slice(second.from, second.to);
    out.push(finding(report, first, second, identical, sourceOf(block, second.from, second.to)));
  }
  return out;
}

/** How many times `needle` occurs in `hay`, counting up to `max`. */
function occurrences(hay: string, needle: string, max: number): number {
  let n = 0;
  for (let k = hay.indexOf(needle); k >= 0 && n < max; k = hay.indexOf(needle, k + needle.length)) n++;
  return n;
}

interface RunMatch {
  i: number;
  iEnd: number;
  j: number;
  jEnd: number;
}

/** table slots kept between calls at most (a longer key gets tables of its own, not kept) */
const SCRATCH_MAX = 1 << 16;
let scratchStarts = new Int32Array(0);
let scratchHashes = new Int32Array(0);

/**
 * Non-overlapping repeats of MIN_RUN+ key characters: each window of MIN_RUN characters is looked up in a table of
 * the windows seen before; a hit is extended as far as both copies agree, then the scan jumps past it. Repeats
 * separated by a short changed stretch on both sides are merged into one.
 */
export function repeatedRuns(key: string): RunMatch[] {
  // polynomial rolling hash of each window; a hit is verified character by character
  // first: window hash → the latest start with that hash, an open-addressing table in typed arrays (a Map of one
  // entry per character was a tenth of a cold check's allocation)
  let cap = 16;
  while (cap < key.length * 2) cap *= 2;
  // the tables are scratch, kept between calls up to a paragraph's size (two typed arrays per block were a visible
  // share of a cold check): starts is reset over the slots used; a hash is read only beside a start set in this call
  if (scratchStarts.length < cap) {
    const grown = { starts: new Int32Array(cap), hashes: new Int32Array(cap) };
    if (cap > SCRATCH_MAX) return runsWith(key, cap, grown.hashes, grown.starts.fill(-1));
    scratchStarts = grown.starts;
    scratchHashes = grown.hashes;
  }
  return runsWith(key, cap, scratchHashes, scratchStarts.fill(-1, 0, cap));
}

function runsWith(key: string, cap: number, hashes: Int32Array, starts: Int32Array): RunMatch[] {
  const mask = cap - 1;
  const slot = (h: number): number => {
    let at = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    while (starts[at] !== -1 && hashes[at] !== h) at = (at + 1) & mask;
    return at;
  };
  const raw: RunMatch[] = [];
  const B = 131;
  let pow = 1;
  for (let k = 1; k < MIN_RUN; k++) pow = Math.imul(pow, B);
  const hashAt = (j: number): number => {
    let h = 0;
    for (let k = j; k < j + MIN_RUN; k++) h = (Math.imul(h, B) + key.charCodeAt(k)) | 0;
    return h;
  };
  const same = (a: number, b: number, n: number): boolean => {
    for (let k = 0; k < n; k++) if (key.charCodeAt(a + k) !== key.charCodeAt(b + k)) return false;
    return true;
  };
  let j = 0;
  let h = 0;
  let valid = false;
  let brk = key.indexOf(BREAK);
  while (j + MIN_RUN <= key.length) {
    if (brk >= 0 && brk < j) brk = key.indexOf(BREAK, j);
    if (brk >= 0 && brk < j + MIN_RUN) {
      // no window may span a quotation
      j = brk + 1;
      valid = false;
      continue;
    }
    if (!valid) {
      h = hashAt(j);
      valid = true;
    }
    const at = slot(h);
    const i = starts[at];
    if (i !== -1 && i + MIN_RUN <= j && same(i, j, MIN_RUN)) {
      let len = MIN_RUN;
      while (j + len < key.length && i + len < j && key.charCodeAt(i + len) === key.charCodeAt(j + len) && key.charCodeAt(j + len) !== BREAK_CODE) len++;
      raw.push({ i, iEnd: i + len, j, jEnd: j + len });
      // a later copy is compared with the nearest one before it (A … A A: the pair side by side is the leftover)
      starts[at] = j;
      j += len;
      valid = false;
      continue;
    }
    if (i === -1) {
      hashes[at] = h;
      starts[at] = j;
    }
    // roll the window one character on
    if (j + MIN_RUN < key.length) h = (Math.imul(h - Math.imul(key.charCodeAt(j), pow), B) + key.charCodeAt(j + MIN_RUN)) | 0;
    else valid = false;
    j++;
  }
  const merged: RunMatch[] = [];
  for (const m of raw) {
    const last = merged[merged.length - 1];
    if (last && m.j - last.jEnd <= MERGE_GAP && m.i >= last.iEnd && m.i - last.iEnd <= MERGE_GAP * 2 && m.iEnd <= last.j) {
      last.iEnd = m.iEnd;
      last.jEnd = m.jEnd;
    } else merged.push({ ...m });
  }
  return merged;
}
