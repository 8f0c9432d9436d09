/**
 * duplicate-word: an edit that left the old and the new wording side by side — the same word twice (普法工作工作机制),
 * a function character Chinese never doubles (新的的提升, 我们们), a run of one character (长长长…), a complement form
 * beside its verb (贯彻好贯彻), a number word beside its numeral (百分百100%). Ordinary reduplication is Chinese
 * grammar, not residue: single characters (层层, 一一, 人人, 常常, 看看, 谢谢), AABB forms (家家户户, 明明白白,
 * 的的确确), 一X一X (一个一个) and verbs doubled for a tentative sense (要好好研究研究) are never reported — but a
 * tentative verb doubled after a noun (主题活动活动) is a leftover. A doubled pair of characters is only a doubled
 * word when it is a word: in an enumeration of compounds that share characters (退税、缓税、缓费 written 退税缓税缓费)
 * the pair 税缓 straddles two words and is not repeated text — so a two-character unit is reported only when the
 * dictionary reads a copy as one word there, or the report uses it as a word elsewhere (行政复议 … 复议复议).
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import { parseChineseNumeral } from '../model/numerals.js';
import { isQuoted, sourceOf } from './_shared.js';
import { isDictionaryWordAt } from '../model/words.js';
import { CJK, CJK_CLASS } from '../model/text.js';
import { memoKey } from '../model/memo.js';
import type { Report } from '../model/report.js';
import { textCache } from '../model/cache.js';

/** The same word of 2–6 characters twice in a row. */
const REPEAT = new RegExp(`([${CJK_CLASS}]{2,6})\\1`, 'g');
/** 贯彻好贯彻: the verb with its complement, then the verb again. */
const COMPLEMENT = new RegExp(`([${CJK_CLASS}]{2})好\\1`, 'g');
/** 百分百100%, 100%百分之百, 十二12, 3三. */
const NUMBER_PAIR = /(百分之?百)\s*(100\s*%)|(100\s*%)\s*(百分之?百)|([零〇一二两三四五六七八九十百千万]+)\s*(\d+)(?![\d.])|(?<![\d.])(\d+)\s*([零〇一二两三四五六七八九十百千万]+)/g;
/** What may stand before a lone numeral character for it to be a count (共三3件), not a word's end (统一1). */
const COUNT_LEAD = /[共达约为计有近超逾第\s，、：]|^$/;

/** Two-character verbs whose doubling (ABAB) means "have a go at": 研究研究, 商量商量. */
export const TENTATIVE_VERBS = new Set([
  '研究', '商量', '讨论', '考虑', '休息', '了解', '交流', '锻炼', '琢磨', '活动', '思考', '尝试', '体验', '打听', '打扫', '收拾', '比划', '介绍', '学习',
]);

/**
 * What may stand before a tentative doubling (要好好研究研究, 大家商量商量, 去活动活动): a modal, an adverb or a
 * subject. After a noun (主题活动活动) the second copy is an edit's leftover.
 */
const TENTATIVE_LEAD = /[要好去来再先请让多也都就可应该需会能想得们家我你他她一]/;

/**
 * Function characters that Chinese never doubles (的的, 了了, 们们, 而而): a doubled one is an edit's leftover,
 * except where the first copy ends a word and the second starts the next (目的|的, 为了|了解, 缓和|和, 参与|与).
 */
const FUNCTION_DOUBLE = new RegExp(`([的了和与们也而被])\\1`, 'g');
const FIRST_ENDS_WORD: Record<string, RegExp> = {
  的: /[目标端]$/,
  和: /[缓调总饱平温祥柔谦中共随附应讲协暖]$/,
  与: /[参给赋授干]$/,
  被: /[棉]$/,
};
const SECOND_STARTS_WORD: Record<string, RegExp> = {
  了: /^[解结断却之然如得不]/,
};

/**
 * Characters whose doubled form is ordinary reduplication in reports (层层, 一一, 常常, 人人): a run of three or more
 * of one is cut back to the doubled form; any other run (长长长…, 的的的) to one character.
 */
const DOUBLED_FORMS = new Set(
  '层一常人天处事时个步年月家户村件条项样多好早细严紧实扎稳久渐刚仅往明白看谢试想说点滴方面片级环节代世岁默深牢真切轻慢大小高'.split(''),
);

/** Is the doubled unit ordinary reduplication rather than an editing leftover? */
export function isReduplication(unit: string): boolean {
  const chars = Array.from(unit);
  // 层层层层 / AABB: a unit made of one doubled character is already reduplication
  if (chars.length === 2 && chars[0] === chars[1]) return true;
  if (chars.length === 4 && chars[0] === chars[1] && chars[2] === chars[3]) return true;
  // 一个一个, 一步一步, 一点一点
  if (chars.length === 2 && chars[0] === '一') return true;
  return TENTATIVE_VERBS.has(unit);
}

const SINGLE_RUN = new RegExp(`([${CJK_CLASS}])\\1{2,}`, 'g');

function isHan(c: string | undefined): boolean {
  return c !== undefined && CJK.test(c);
}

/** A doubled two-character verb read as "have a go at": at the clause start or after a modal, adverb or subject. */
function tentativeContext(t: string, at: number): boolean {
  const prev = t[at - 1];
  return !isHan(prev) || TENTATIVE_LEAD.test(prev);
}

/** The shortest string whose repetition makes up the unit (长长长 → 长, 工作工作 → 工作). */
function primitiveRoot(unit: string): string {
  for (let p = 1; p < unit.length; p++) {
    if (unit.length % p === 0 && unit.slice(p) === unit.slice(0, unit.length - p)) return unit.slice(0, p);
  }
  return unit;
}

interface Hit {
  /** normalised range of the whole residue */
  from: number;
  to: number;
  /** normalised range to delete */
  delFrom: number;
  delTo: number;
  /** a doubled word's unit (REPEAT): reported only if it is a word */
  word?: string;
}

function findHits(t: string): Hit[] {
  const hits: Hit[] = [];
  // a run of one character (长长长…, 的的的): one residue, cut back in one edit
  SINGLE_RUN.lastIndex = 0;
  for (let m = SINGLE_RUN.exec(t); m; m = SINGLE_RUN.exec(t)) {
    const keep = DOUBLED_FORMS.has(m[1]) ? 2 : 1;
    hits.push({ from: m.index, to: m.index + m[0].length, delFrom: m.index + keep, delTo: m.index + m[0].length });
  }
  FUNCTION_DOUBLE.lastIndex = 0;
  for (let m = FUNCTION_DOUBLE.exec(t); m; m = FUNCTION_DOUBLE.exec(t)) {
    const c = m[1];
    const i = m.index;
    if (t[i - 1] === c || t[i + 2] === c) continue; // a longer run: SINGLE_RUN's
    // AABB (的的确确, 和和美美, 实实在在) is reduplication
    if (isHan(t[i + 2]) && t[i + 2] === t[i + 3]) continue;
    if (isHan(t[i - 1]) && t[i - 2] === t[i - 1]) continue;
    if (FIRST_ENDS_WORD[c]?.test(t.slice(Math.max(0, i - 1), i))) continue;
    if (SECOND_STARTS_WORD[c]?.test(t.slice(i + 2, i + 3))) continue;
    if (/不了了之|了了分明|小时了了/.test(t.slice(Math.max(0, i - 2), i + 4))) continue;
    hits.push({ from: i, to: i + 2, delFrom: i + 1, delTo: i + 2 });
  }
  REPEAT.lastIndex = 0;
  for (let m = REPEAT.exec(t); m; m = REPEAT.exec(t)) {
    const unit = m[1];
    const root = primitiveRoot(unit);
    const ordinary = isReduplication(unit) && (!TENTATIVE_VERBS.has(unit) || tentativeContext(t, m.index));
    if (root.length === 1 || ordinary) {
      REPEAT.lastIndex = m.index + 1;
      continue;
    }
    // a run of copies (普法普法普法) is one residue, removed in one edit: fixing it once must suffice
    let to = m.index + m[0].length;
    while (t.startsWith(root, to)) to += root.length;
    // a reduplicating unit keeps its doubled form (研究研究研究 → 研究研究), anything else one copy
    const doubled = isReduplication(root) && (!TENTATIVE_VERBS.has(root) || tentativeContext(t, m.index));
    const keep = doubled ? 2 * root.length : root.length;
    hits.push({ from: m.index, to, delFrom: m.index + keep, delTo: to, word: root });
    REPEAT.lastIndex = to;
  }
  COMPLEMENT.lastIndex = 0;
  for (let m = COMPLEMENT.exec(t); m; m = COMPLEMENT.exec(t)) {
    hits.push({ from: m.index, to: m.index + m[0].length, delFrom: m.index + m[1].length + 1, delTo: m.index + m[0].length });
  }
  NUMBER_PAIR.lastIndex = 0;
  for (let m = NUMBER_PAIR.exec(t); m; m = NUMBER_PAIR.exec(t)) {
    const end = m.index + m[0].length;
    if (m[1] || m[3]) {
      const second = m[2] ?? m[4];
      hits.push({ from: m.index, to: end, delFrom: end - second.length, delTo: end });
      continue;
    }
    const cn = m[5] ?? m[8];
    const digits = m[6] ?? m[7];
    const value = parseChineseNumeral(cn.replace(/万$/, ''));
    if (value === null || value !== Number(digits) || /万$/.test(cn)) continue;
    if (m[5] && cn.length === 1 && (cn === '一' || !COUNT_LEAD.test(t[m.index - 1] ?? ''))) continue;
    const second = m[5] ? digits : cn;
    hits.push({ from: m.index, to: end, delFrom: end - second.length, delTo: end });
  }
  return hits.sort((a, b) => a.from - b.from);
}

/** Characters either side of a doubled pair that the segmenter sees: enough to read the words it sits between. */
const WORD_WINDOW = 6;

/**
 * Is a doubled two-character unit a word (工作工作), not two words' edges meeting (退税|缓税|缓费 → 税缓税缓)? The
 * dictionary reads one of the copies as a word in a short window, or the report uses the pair elsewhere, on its
 * own (not doubled): names the dictionary lacks (复议, 述法) are still words of the report. Longer units are words
 * of their own length and kept as they are.
 */
function isWord(report: Report, t: string, h: Hit): boolean {
  const w = h.word!;
  if (w.length !== 2) return true;
  const start = Math.max(0, h.from - WORD_WINDOW);
  const span = t.slice(start, Math.min(t.length, h.to + WORD_WINDOW));
  for (let at = h.from; at + w.length <= h.to; at += w.length) {
    if (isDictionaryWordAt(span, at - start, at - start + w.length)) return true;
  }
  return report.memo(STANDALONE, () => standsAlone(report.source, w), w);
}

/** Kept per pair: a long document doubles the same pairs again and again, and each answer reads the whole text. */
const STANDALONE = memoKey<boolean, [pair: string]>('residue:standalonePair', ['source'], 'pair');

/** Does the source have `w` somewhere on its own, not beside another copy of itself? */
function standsAlone(src: string, w: string): boolean {
  for (let k = src.indexOf(w); k >= 0; k = src.indexOf(w, k + 1)) {
    if (!src.startsWith(w, k + w.length) && !(k >= w.length && src.startsWith(w, k - w.length))) return true;
  }
  return false;
}

/** A line's doubled pairs depend on its normalised text alone (findHits reads nothing else): kept by that text. */
const hitsByText = textCache<readonly Hit[]>(20_000, true);

function hitsOf(t: string): readonly Hit[] {
  let hits = hitsByText.get(t);
  if (!hits) {
    hits = findHits(t);
    hitsByText.set(t, hits);
  }
  return hits;
}

export default defineRule(
  { id: 'duplicate-word', family: 'residue', defaultSeverity: 'warning', basis: ['practice'], fixable: true, cheap: true, flagsRemovableText: true },
  (report) => {
    const out: RawFinding<'duplicate-word'>[] = [];
    for (const b of report.textBlocks) {
      let lastTo = -1;
      for (const h of hitsOf(b.norm.text)) {
        if (h.from < lastTo) continue;
        if (h.word && !isWord(report, b.norm.text, h)) continue;
        const r = sourceOf(b, h.from, h.to);
        if (isQuoted(report, r)) continue;
        lastTo = h.to;
        const del = sourceOf(b, h.delFrom, h.delTo);
        const text = report.source.slice(r.start, r.end);
        const removed = report.source.slice(del.start, del.end);
        out.push({ ...r, messageId: 'duplicate', data: { text }, fixes: [{ messageId: 'delete', data: { text: removed }, edits: [{ ...del, newText: '' }], safe: true }] });
      }
    }
    return out;
  },
);
