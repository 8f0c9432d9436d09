/**
 * Quantities in a normalised text: a numeral (Arabic with thousands separators and decimals, or Chinese), an
 * optional range (1-2次), 万/亿 scaling, approximation marks (余 多 近 约 超过 以上 左右) and a counting unit.
 * Ordinals (第一), years and dates (2020年, 10月), document numbers (〔2019〕28号), names in quotation marks
 * (“三项制度”), titles in 《》 and numeral-words (十三五, 七五普法, 一是, 三项制度) are not figures.
 */
import { parseChineseNumeral } from '../numerals.js';
import { UNIT_ALTERNATION, unitInfo } from './units.js';
import { uint8s } from '../slab.js';

export type Approx = 'over' | 'about' | 'under';

export interface RawQuantity {
  /** normalised offsets of the whole figure, approximation marks included */
  from: number;
  to: number;
  /** where the numeral (or a prefix such as 近/约) starts: the measure phrase ends here */
  lead: number;
  text: string;
  /** value in the family's base unit (5亿元 → 500000000 元) */
  value: number;
  /** upper end of a range (1-2次) */
  high?: number;
  approx?: Approx;
  /** unit as written (万元, 宗, %); '' for a bare scaled number (1.5万) */
  unit: string;
  base: string;
  family: string;
  percent: boolean;
  numeral: 'arabic' | 'chinese';
}

const AR = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CN = '[零〇一二两三四五六七八九十百千万亿]+';
const QUANTITY = new RegExp(
  `(百分之)?(${AR}|${CN})(?:\\s*[-~—–至到]\\s*(${AR}|${CN}))?(余|多)?(万|亿)?(余|多)?\\s*(%|${UNIT_ALTERNATION})?(以上|左右|余)?`,
  'g',
);

const PREFIX_APPROX: [string, Approx][] = [
  ['将近', 'under'], ['接近', 'under'], ['不足', 'under'], ['不到', 'under'], ['大约', 'about'], ['超过', 'over'],
  ['约', 'about'], ['近', 'under'], ['逾', 'over'], ['超', 'over'],
];
/** a Chinese numeral right after these is an ordinal or a date word, not a count */
const CN_BLOCKERS = new Set(['第', '初', '周', '星', '期', '礼', '拜']);
/** named things counted with a numeral: 三项制度, 四位一体 */
const NAMED_AFTER = /^(?:制度|机制|原则|一体|合一|统一|不|同步)/;
/** a unit followed by these measures time, not a count: 三个月, 两个工作日 */
const DURATION_AFTER = /^(?:月|小时|工作日|星期|季度|年|周)/;
const BAD_POSITIONAL = /[一二两三四五六七八九][一二两三四五六七八九〇]/;

/** Value of a Chinese numeral with 万/亿 sections (一百二十万 → 1200000), or null. */
export function parseChineseAmount(s: string): number | null {
  if (BAD_POSITIONAL.test(s)) return null;
  let total = 0;
  let rest = s;
  for (const [mark, factor] of [['亿', 1e8], ['万', 1e4]] as const) {
    const i = rest.indexOf(mark);
    if (i < 0) continue;
    const head = rest.slice(0, i);
    const v = head === '' ? 1 : parseChineseAmount(head);
    if (v === null) return null;
    total += v * factor;
    rest = rest.slice(i + 1);
  }
  if (rest === '') return total;
  const v = parseChineseNumeral(rest);
  return v === null ? null : total + v;
}

function numberValue(s: string): { value: number; chinese: boolean } | null {
  if (/^\d/.test(s)) return { value: Number(s.replace(/,/g, '')), chinese: false };
  const v = parseChineseAmount(s);
  return v === null ? null : { value: v, chinese: true };
}

/** zeros shared by the masks of texts without a title or quotation (read only: no caller writes a mask) */
let zeros = new Uint8Array(4096);

/**
 * Mask of a text: 1 inside 《》 titles, 2 inside “” quotations (names, not prose). Read only: a text without an
 * opening mark gets a view of shared zeros (most lines; each was a new array, twice per line).
 */
export function quoteMask(text: string): Uint8Array {
  // without an opening 《 or “ every unit is 0 (a closing mark alone opens nothing)
  if (text.indexOf('《') < 0 && text.indexOf('“') < 0) {
    if (zeros.length < text.length) zeros = new Uint8Array(Math.max(text.length, zeros.length * 2));
    return zeros.subarray(0, text.length);
  }
  const mask = uint8s(text.length);
  let title = 0;
  let quote = 0;
  // by char code: `text[i]` of a Han character is a new one-character string
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x300a /* 《 */) title++;
    else if (c === 0x300b /* 》 */) title = Math.max(0, title - 1);
    else if (c === 0x201c /* “ */) quote++;
    else if (c === 0x201d /* ” */) quote = Math.max(0, quote - 1);
    mask[i] = title ? 1 : quote ? 2 : 0;
  }
  return mask;
}

export function extractQuantities(text: string, mask: Uint8Array = quoteMask(text)): RawQuantity[] {
  const out: RawQuantity[] = [];
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
    const [raw, pct, n1, n2, a1, scale, a2, unit0, a3] = m;
    const whole = raw.trimEnd();
    const start = m.index;
    if (mask[start] === 1) continue;
    const unit = pct ? '%' : unit0 ?? '';
    // a numeral with no unit, no scale and no 万/亿 is no figure whatever its value (most matches: 一 of 统一, 进一步):
    // left before its value is parsed
    if (!unit && !scale && !/[万亿]$/.test(n1)) continue;
    const first = numberValue(n1);
    if (!first) continue;
    const prev = text[start - 1] ?? '';
    if (!unit && !(scale && !first.chinese) && !/[万亿]$/.test(n1)) continue;
    if (!unit && first.chinese) continue;
    if (/[0-9A-Za-z.〔\[]/.test(prev)) continue;
    if (prev === '第') continue;
    if (first.chinese) {
      if (CN_BLOCKERS.has(prev) || mask[start] === 2) continue;
      if (n1 === '一' || /^[百千万亿]$/.test(n1)) continue;
    }
    const after = text.slice(start + whole.length, start + whole.length + 4);
    if (first.chinese && NAMED_AFTER.test(after)) continue;
    if ((unit === '个' || unit === '期') && DURATION_AFTER.test(after)) continue;
    const info = unit === '%' ? unitInfo('%') : unitInfo(scale && unit === '元' ? scale + '元' : unit);
    const scaleFactor = scale && unit !== '元' ? (scale === '万' ? 1e4 : 1e8) : 1;
    const factor = scaleFactor * info.factor;
    let approx: Approx | undefined = a1 || a2 || a3 === '余' || a3 === '以上' ? 'over' : a3 === '左右' ? 'about' : undefined;
    let lead = start;
    for (const [p, kind] of PREFIX_APPROX) {
      if (text.startsWith(p, start - p.length)) {
        approx ??= kind;
        lead = start - p.length;
        break;
      }
    }
    const second = n2 ? numberValue(n2) : null;
    const q: RawQuantity = {
      from: lead,
      to: start + whole.length,
      lead,
      text: text.slice(lead, start + whole.length),
      value: round(first.value * factor),
      unit: unit === '元' && scale ? scale + '元' : unit,
      base: info.base,
      family: info.family,
      percent: unit === '%',
      numeral: first.chinese ? 'chinese' : 'arabic',
    };
    if (approx) q.approx = approx;
    if (second) q.high = round(second.value * factor);
    out.push(q);
  }
  return out;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
