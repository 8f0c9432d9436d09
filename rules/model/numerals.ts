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
  // positional form: 二〇二一
  if ([...s].every((c) => c in DIGIT) && s.length > 1) {
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

const SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (outline numbers). */
export function toChineseNumeral(n: number): string {
  if (n < 10) return SMALL[n];
  if (n < 20) return '十' + (n % 10 ? SMALL[n % 10] : '');
  if (n < 100) return SMALL[Math.floor(n / 10)] + '十' + (n % 10 ? SMALL[n % 10] : '');
  return String(n);
}
