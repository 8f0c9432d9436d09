/**
 * Key terms of a text, and how much each says: what ties a plan to the problem it answers (problem-plan-unmatched)
 * and last year's plans to this year's report (previous.ts).
 */
import { textCache } from './cache.js';
import { CJK_CLASS } from './text.js';
import { sentencesOf } from './sentence.js';
import { forEachReportWord } from './words.js';
import { memoKey } from './memo.js';
import type { Report } from './report.js';

/** Words that say nothing about the subject of an item (加强, 工作, 有待…): never a term, never part of one. */
const VACUOUS = new Set(
  (
    '工作 进一步 加强 推进 推动 有待 不够 不足 完善 健全 提高 提升 落实 开展 问题 存在 相关 方面 全面 深入 持续 不断 继续 切实 ' +
    '严格 认真 积极 着力 大力 努力 做好 加大 强化 重点 各项 全区 全市 全县 我局 我区 我县 我市 部门 单位 情况 一些 一定 力度 ' +
    '进行 实现 确保 形成 要求 有关 以及 还是 尚有 仍然 需要 今后 下一步 主要 部分 方式 作用 取得 同时 通过 对于 我们 其中 这些 ' +
    '没有 不是 还有 一个 各类 各级 有效 重要 新的 更加 进一 不断 需要 较为 比较 一步'
  ).split(/\s+/),
);

/**
 * Words too general to tie a plan to a problem on their own (法治, 行政, 制度…), though two of them side by side
 * can (依法行政, 制度建设).
 */
const GENERIC = new Set(
  (
    '法治 建设 政府 依法 行政 机制 制度 体系 能力 水平 管理 服务 发展 组织 领导 政策 意识 质量 效果 成效 街道 区委 区政府 市委 ' +
    '规范 基层 人员 干部 群众 社会 企业'
  ).split(/\s+/),
);

/**
 * 法制 and 法治 name the same staff and bodies in these reports (法制审核人员 / 法治审核人员, 专职法制员 / 专职法治人员;
 * the 2018 reform renamed 政府法制办 bodies 法治): problem and plan texts are read with one word for both
 * (problem-plan-unmatched). Not inside keyTerms: a term must stand in the text it came from (termMayStandIn).
 */
export function foldLegalSystem(text: string): string {
  return text.includes('法制') ? text.replace(/法制/g, '法治') : text;
}

/** A word opening on a negation (未配齐, 不到位, 无专职): the rest is what the plan does or provides. */
const NEGATED = new RegExp(`^[未不无没]([${CJK_CLASS}]{2,})$`);

/** Pairs that name the report's own theme: every item shares them. */
const THEME = new Set(['法治政府', '法治建设', '政府建设', '法治社会', '依法治国', '依法治区', '依法治市', '依法治县', '建设法治', '法治街道']);

/**
 * Key terms of a text: words of two or more characters from Intl.Segmenter (one clause at a time, so the
 * segmenter only sees short strings), plus adjacent word pairs (依法+行政) and runs of single characters the
 * dictionary does not know (以/案/释/法 → 以案释法). Vacuous and generic words alone are dropped. The terms of a
 * text are the union of the terms of its spans (termSpans, spanTerms): a caller that needs only some terms may
 * segment only the spans that can hold them (termMayStandIn).
 */
export function keyTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const clause of termSpans(text)) addSpanTerms(clause, out);
  return out;
}

/** The key terms of one span of termSpans. */
export function spanTerms(span: string): Set<string> {
  const out = new Set<string>();
  addSpanTerms(span, out);
  return out;
}

function addSpanTerms(clause: string, out: Set<string>): void {
  const words = wordsOf(clause);
  words.forEach((w, i) => {
    if (!w || VACUOUS.has(w)) return;
    if (!GENERIC.has(w)) out.add(w);
    // a problem states a lack (人员未配齐, 机制不健全), its plan the remedy (配齐人员): the word without its negation
    // (it stands in the text: termMayStandIn holds)
    const remedy = NEGATED.exec(w)?.[1];
    if (remedy && !VACUOUS.has(remedy) && !GENERIC.has(remedy)) out.add(remedy);
    // 行政复议 is written 复议 too: the short form ties 复议案件 to 行政复议
    if (ADMINISTRATIVE.test(w)) out.add(w.slice(2));
    const next = words[i + 1];
    if (next && !VACUOUS.has(next) && !THEME.has(w + next)) out.add(w + next);
  });
}

/**
 * Can `term` be a key term of `text` (a span, or a paragraph: the union of its spans)? Every key term stands in
 * the text, except a word pair whose two words had one character between them that the segmenter read alone (执法
 * 全 过程 → 执法过程): so the term stands in the text, or the term with one character put in after its first two
 * or more characters. False means it certainly is not one; true means the span has to be segmented to know.
 */
export function termMayStandIn(text: string, term: string): boolean {
  if (text.includes(term)) return true;
  for (let k = 2; k + 2 <= term.length; k++) {
    const a = term.slice(0, k);
    const b = term.slice(k);
    for (let at = text.indexOf(a); at >= 0; at = text.indexOf(a, at + 1)) if (text.startsWith(b, at + k + 1)) return true;
  }
  return false;
}

/**
 * A text asked about its key terms one at a time (is `term` one of keyTerms(text)?), segmented only where it must
 * be: a span is segmented only when the term may stand in it (termMayStandIn), each span once. The same answers as
 * keyTerms(text).has(term) — a text's terms are the union of its spans' — for a fraction of the segmenting when
 * most terms asked stand nowhere in it (plan-followup's paragraphs, problem-plan-unmatched's plans).
 */
export class TermText {
  private spans: { text: string; terms: Set<string> | null }[] | null = null;

  /** `known`: the report's span terms (reportSpanTerms), read and filled instead of segmenting a span again */
  constructor(
    readonly text: string,
    private readonly known?: Map<string, Set<string>>,
  ) {}

  /** `also`: more span terms to read (another report's: alsoKnownSpanTerms), not kept */
  has(term: string, also?: Map<string, Set<string>>): boolean {
    if (!termMayStandIn(this.text, term)) return false;
    return this.spansHave(term, also);
  }

  /** has(), for a term the caller knows may stand in the text (termMayStandIn(text, term) holds): its spans asked only */
  spansHave(term: string, also?: Map<string, Set<string>>): boolean {
    this.spans ??= termSpans(this.text).map((text) => ({ text, terms: null }));
    for (const s of this.spans) {
      if (!termMayStandIn(s.text, term)) continue;
      s.terms ??= knownSpanTerms(s.text, this.known, also);
      if (s.terms.has(term)) return true;
    }
    return false;
  }
}

/**
 * The key terms of a report's spans, by span text, kept on the report: what one rule segmented another need not,
 * and last year's report carries them to this year's check (report.ts asPrevious) — problem-plan-unmatched
 * segments last year's plans where its problems' terms may stand when that file is checked, and plan-followup
 * reads those plans whole when this year's is. The caches by text are emptied between files (the CLI), this is not.
 */
const SPAN_TERMS = memoKey<Map<string, Set<string>>>('terms:spans', ['source']);

export function reportSpanTerms(report: Report): Map<string, Set<string>> {
  return report.memo(SPAN_TERMS, () => new Map());
}

/** A span's terms as the report keeps them (reportSpanTerms), else from `also`, else segmented. */
export function reportSpanTermsOf(report: Report, span: string, also?: Map<string, Set<string>>): Set<string> {
  return knownSpanTerms(span, reportSpanTerms(report), also);
}

/** A span's terms from `known` (else from `also`, else segmented), kept in `known`. */
function knownSpanTerms(span: string, known: Map<string, Set<string>> | undefined, also?: Map<string, Set<string>>): Set<string> {
  if (!known) return also?.get(span) ?? spanTerms(span);
  let t = known.get(span);
  if (!t) known.set(span, (t = also?.get(span) ?? spanTerms(span)));
  return t;
}

/**
 * keyTerms(text), its spans' terms read from and kept in the report's (reportSpanTerms); a span the report has not
 * segmented is read from `also` (another report's span terms) before it is segmented.
 */
export function reportKeyTerms(report: Report, text: string, also: Map<string, Set<string>> | undefined = alsoKnownSpanTerms(report)): Set<string> {
  const known = reportSpanTerms(report);
  const out = new Set<string>();
  for (const span of termSpans(text)) for (const t of knownSpanTerms(span, known, also)) out.add(t);
  return out;
}

/**
 * The span terms of the report checked beside this one — last year's report, when the check reads it anyway
 * (engine/run.ts links the two before the rules run: shareSpanTerms) — read by this report's key-term lookups
 * before a span is segmented. A span's terms depend on its text alone, so a sentence the two reports share (text
 * copied from last year) is segmented once, by whichever check came first: this year's problem-plan-unmatched reads
 * what last year's segmented. Not a memo: a report's memos may outlive the pairing (asPrevious), this does not hold
 * last year's report to them.
 */
const ALSO_KNOWN = new WeakMap<Report, Map<string, Set<string>>>();

export function shareSpanTerms(report: Report, other: Report): void {
  if (other !== report) ALSO_KNOWN.set(report, reportSpanTerms(other));
}

export function alsoKnownSpanTerms(report: Report): Map<string, Set<string>> | undefined {
  return ALSO_KNOWN.get(report);
}

/**
 * Two UTF-16 units as one number: a posting key without a string made for every character of a text. A 32-bit
 * integer (the first unit in the high half), so a small integer to the engine, not a heap number, for every Han pair.
 */
export const bigramCode = (s: string, at: number) => (s.charCodeAt(at) << 16) | s.charCodeAt(at + 1);

/**
 * Which of `texts` hold each of the bigrams wanted (bigramCode → indexes of the texts holding it, ascending): the
 * texts a key term may stand in are among those holding its first bigram (termMayStandIn). Only the bigrams wanted
 * are indexed, not every bigram of the texts, and a character that opens none of them is passed over.
 */
export function bigramPostings(texts: readonly string[], wanted: Iterable<number>): Map<number, number[]> {
  const postings = new Map<number, number[]>();
  const starts = new Uint8Array(0x10000);
  for (const g of wanted) {
    if (!postings.has(g)) postings.set(g, []);
    starts[g >>> 16] = 1;
  }
  texts.forEach((t, i) => {
    for (let j = 0; j + 2 <= t.length; j++) {
      if (!starts[t.charCodeAt(j)]) continue;
      const list = postings.get(bigramCode(t, j));
      if (list && list[list.length - 1] !== i) list.push(i);
    }
  });
  return postings;
}

/**
 * Segmented words of a span, cached by text: the ICU segmenter costs about 2 µs a character, and an editor
 * re-checks the same sentences on every keystroke. Unknown runs of single characters are joined; '' marks a
 * break (punctuation, a function word).
 */
const wordCache = textCache<string[]>(4000);

const HAN_WORD = new RegExp(`^[${CJK_CLASS}]+$`);
/** Single characters that are function words: they end an unknown run instead of joining it. */
/** 行政复议, 行政执法: 行政 and two characters, whose short form (复议) a report writes too. */
const ADMINISTRATIVE = new RegExp(`^行政[${CJK_CLASS}]{2}$`);

const FUNCTION_CHAR = /[的和与及或在对为是了等将把被]/;

function wordsOf(clause: string): string[] {
  const hit = wordCache.get(clause);
  if (hit) return hit;
  const words: string[] = [];
  let run = '';
  const flushRun = () => {
    if (run.length >= 2) words.push(run);
    run = '';
  };
  forEachReportWord(clause, (w, _index, isWordLike) => {
    if (!isWordLike || !HAN_WORD.test(w)) {
      flushRun();
      words.push('');
    } else if (w.length === 1 && !FUNCTION_CHAR.test(w)) {
      run += w;
    } else {
      flushRun();
      words.push(w.length === 1 ? '' : w);
    }
  });
  flushRun();
  wordCache.set(clause, words);
  return words;
}

/**
 * Spans short enough for the segmenter (which is quadratic on long strings in Node 20) and long enough not to
 * pay its per-call cost on every clause: sentences, cut at commas when longer than 80 characters. Punctuation
 * inside a span is a non-word segment, which already breaks word pairs.
 */
export function termSpans(text: string): string[] {
  const out: string[] = [];
  forEachTermSpan(text, (span) => void out.push(span));
  return out;
}

/** termSpans one at a time, each with the sentence it is cut from (0: the text up to its first end mark). */
export function forEachTermSpan(text: string, visit: (span: string, sentence: number) => void): void {
  sentencesOf(text, { semicolon: true, lineBreak: true }).forEach((sentence, k) => {
    if (sentence.length < 2) return;
    if (sentence.length <= 80) visit(sentence, k);
    else for (const clause of sentence.split(/[，：]/)) if (clause.length >= 2) visit(clause, k);
  });
}

/** Weight of a shared term: a long term (以案释法, 依法行政) says more than a two-character word. */
export function termWeight(term: string): number {
  return term.length >= 4 ? 2 : 1;
}
