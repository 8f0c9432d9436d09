/**
 * duplicate-word: an edit that left the old and the new wording side by side — the same word twice (普法工作工作机制),
 * a complement form beside its verb (贯彻好贯彻), a number word beside its numeral (百分百100%). Ordinary
 * reduplication is Chinese grammar, not residue: single characters (层层, 一一, 人人, 常常), AABB forms
 * (家家户户), 一X一X (一个一个) and verbs doubled for a tentative sense (研究研究) are never reported.
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import { parseChineseNumeral } from '../model/numerals.js';
import { isQuoted, sourceOf, textBlocks } from './_shared.js';

const HAN = '\\u3400-\\u9fff';
/** The same word of 2–6 characters twice in a row. */
const REPEAT = new RegExp(`([${HAN}]{2,6})\\1`, 'g');
/** 贯彻好贯彻: the verb with its complement, then the verb again. */
const COMPLEMENT = new RegExp(`([${HAN}]{2})好\\1`, 'g');
/** 百分百100%, 100%百分之百, 十二12, 3三. */
const NUMBER_PAIR = /(百分之?百)\s*(100\s*%)|(100\s*%)\s*(百分之?百)|([零〇一二两三四五六七八九十百千万]+)\s*(\d+)(?![\d.])|(?<![\d.])(\d+)\s*([零〇一二两三四五六七八九十百千万]+)/g;
/** What may stand before a lone numeral character for it to be a count (共三3件), not a word's end (统一1). */
const COUNT_LEAD = /[共达约为计有近超逾第\s，、：]|^$/;

/** Two-character verbs whose doubling (ABAB) means "have a go at": 研究研究, 商量商量. */
export const TENTATIVE_VERBS = new Set([
  '研究', '商量', '讨论', '考虑', '休息', '了解', '交流', '锻炼', '琢磨', '活动', '思考', '尝试', '体验', '打听', '打扫', '收拾', '比划', '介绍', '学习',
]);

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
}

function findHits(t: string): Hit[] {
  const hits: Hit[] = [];
  REPEAT.lastIndex = 0;
  for (let m = REPEAT.exec(t); m; m = REPEAT.exec(t)) {
    const unit = m[1];
    if (isReduplication(unit)) {
      REPEAT.lastIndex = m.index + 1;
      continue;
    }
    // a run of copies (普法普法普法, or 6 000 pasted 长) is one residue, removed in one edit: fixing it once must suffice
    const root = primitiveRoot(unit);
    let to = m.index + m[0].length;
    while (t.startsWith(root, to)) to += root.length;
    // a character or a reduplicating unit keeps its doubled form (长长, 研究研究), anything else one copy
    const keep = root.length === 1 || isReduplication(root) ? 2 * root.length : root.length;
    hits.push({ from: m.index, to, delFrom: m.index + keep, delTo: to });
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

export default defineRule(
  { id: 'duplicate-word', family: 'residue', defaultSeverity: 'warning', basis: ['practice'], fixable: true, cheap: true },
  (report) => {
    const out: RawFinding<'duplicate-word'>[] = [];
    for (const b of textBlocks(report)) {
      let lastTo = -1;
      for (const h of findHits(b.norm.text)) {
        if (h.from < lastTo) continue;
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
