/** A year named in a line of text (the title, an opening sentence): shared by the frame and the year reader. */
import { parseChineseNumeral } from './numerals.js';

const ARABIC_YEAR = /((?:19|20)\d{2})\s*年/;
const CN_YEAR = /([〇零一二三四五六七八九]{4})年/;

/**
 * Text where a year names something else: a document's title in 《》 (《法治政府建设实施纲要（2021—2025年）》) and a
 * plan period (2021—2025年, 2021-2025年, 2021年至2025年).
 */
const NOT_THE_YEAR = /《[^《》]*》|(?:19|20)\d{2}\s*年?\s*(?:[—–\-－~～至到]+|—|－)\s*(?:19|20)\d{2}\s*年?/g;

export function yearIn(raw: string): number | null {
  const text = raw.replace(NOT_THE_YEAR, (m) => ' '.repeat(m.length));
  const m = ARABIC_YEAR.exec(text);
  if (m) return Number(m[1]);
  const c = CN_YEAR.exec(text);
  if (c) {
    const v = parseChineseNumeral(c[1]);
    if (v && v >= 1900 && v < 2100) return v;
  }
  return null;
}
