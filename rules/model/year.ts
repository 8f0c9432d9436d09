/** The year a report covers: from its title, else the first sentence of its body, else front matter `year:`. */
import type { Block } from './parse.js';
import type { Frame } from './frame.js';
import { parseChineseNumeral } from './numerals.js';

export interface ReportYear {
  year: number;
  from: 'title' | 'body' | 'frontmatter';
  block: Block | null;
}

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

export function findYear(blocks: readonly Block[], frame: Frame, frontmatter: string | null): ReportYear | null {
  if (frame.title) {
    for (const copy of [...frame.titleCopies].reverse()) {
      const y = yearIn(copy);
      if (y) return { year: y, from: 'title', block: frame.title };
    }
  }
  for (let i = frame.bodyStart; i < frame.bodyEnd; i++) {
    if (frame.chrome.has(i)) continue;
    const text = blocks[i].norm.text;
    const stop = text.search(/[。！？]/);
    const y = yearIn(stop < 0 ? text : text.slice(0, stop));
    if (y) return { year: y, from: 'body', block: blocks[i] };
    break;
  }
  if (frontmatter) {
    const m = /^year\s*:\s*['"]?(\d{4})/m.exec(frontmatter);
    if (m) return { year: Number(m[1]), from: 'frontmatter', block: null };
  }
  return null;
}
