/** Chinese numerals as used in outline numbers and counts (一 … 九十九, 两, 〇). */

const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

export const CN_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟';

/** Value of a Chinese numeral below 10000 (一, 十二, 二十, 一百零五, 一〇五), or null. */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  // positional form: 二〇二一 (tested unit by unit: no array of the characters per numeral read; a surrogate half is
  // no digit, as the pair it belongs to is none)
  if (s.length > 1 && allDigits(s)) {
    let v = 0;
    for (const c of s) v = v * 10 + DIGIT[c];
    return v;
  }
  let total = 0;
  let digit = -1;
  for (const c of s) {
    if (c in DIGIT) {
      digit = DIGIT[c];
    } else if (c in UNIT) {
      total += (digit < 0 ? 1 : digit) * UNIT[c];
      digit = -1;
    } else {
      return null;
    }
  }
  if (digit >= 0) total += digit;
  return total;
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!(s[i] in DIGIT)) return false;
  return true;
}

const SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const UNITS = { plain: ['', '十', '百', '千'], legal: ['', '拾', '佰', '仟'] };

/**
 * 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五, 105 → 一百零五, 110 → 一百一十 (outline numbers, Word's
 * chineseCounting). `legal` writes the financial capitals Word's chineseLegalSimplified uses (壹拾贰). From
 * 10000 on, Arabic digits.
 */
export function toChineseNumeral(n: number, legal = false): string {
  const digits = legal ? LEGAL : SMALL;
  const units = legal ? UNITS.legal : UNITS.plain;
  if (!Number.isInteger(n) || n < 0 || n >= 10000) return String(n);
  if (n < 10) return digits[n];
  // 十二, not 一十二, in plain writing; the capitals keep 壹拾贰
  if (n < 20 && !legal) return '十' + (n % 10 ? digits[n % 10] : '');
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += digits[0];
    zero = false;
    out += digits[d] + units[place];
  }
  return out;
}
