/**
 * Period markers: the phrases that say which span a figure counts. The report year is the default; a marker
 * governs the figures after it in its sentence. Partial-year cut-offs (截至11月底, 1-10月, 前三季度), cumulative
 * spans (自成立以来, “七五”普法以来, 成立至今, 2019年以来 in a 2020 report), relative words (今年, 目前, 截至目前)
 * and explicit years (2019年) all change it. A year or relative word after 较/比/同比 is a comparison base, not a period.
 */

import { CJK_CLASS } from '../text.js';

export type PeriodKind = 'year' | 'partial' | 'cumulative' | 'relative';

export interface PeriodMarker {
  kind: PeriodKind;
  from: number;
  to: number;
  text: string;
  /** the year it names, if any */
  year?: number;
  /** the relative word inside the marker (今年, 目前 …), reported by period-relative */
  relative?: string;
  /** a key telling periods apart: year:2020, partial:2020-10, cumulative:自成立以来, relative:目前 */
  key: string;
  /**
   * 全年, 年内, 本年度: the report year named again. It ends a cumulative span before it in the sentence (近年来…，全年
   * 办理…120件 counts the year), but leaves a cut-off or a relative date alone (截至11月底，全年共受理… is still cut short)
   */
  endsCumulative?: true;
}

/** 至今 (until now), but not the 至 of 截至 before 今年 (截至今年6月 dates by 今年) */
const RELATIVE_WORD = /截至目前|截止目前|到目前为止|目前为止|至今为止|今年以来|今年来|今年|去年|前年|目前|当前|近期|至今(?!年)/;

const PARTIAL_END = String.raw`(?:(?:截至|截止到|截止|截至到)|(?<![${CJK_CLASS}])(?:至|到))(?:(\d{4})年|今年|本年|当年)?(\d{1,2})月(?:份)?(底|末|中旬|下旬|上旬|\d{1,2}日)?`;
const MONTH_RANGE = String.raw`(?:(\d{4})年|今年|本年)?(\d{1,2})月?\s*[-~—–至到]\s*(\d{1,2})月(?:份)?`;
const QUARTERS = String.raw`(?:今年|本年|(\d{4})年)?(?:前[一二三两]个?季度|第?[一二三]季度|[1-3]-[1-3]季度|上半年|前[1-9一二三四五六七八九十]{1,2}个月)`;
const CUMULATIVE = String.raw`(?:(?:自|从)[^，。；：、！？]{0,12}?)?(?:成立|运行|组建|建立|设立|启动|创建|挂牌|开通|投入使用)(?:以来|至今)|近年来|近几年来?|多年来|历年来|党的十[八九]大以来|“?(?:六五|七五|八五|十二五|十三五|十四五)”?(?:普法)?(?:以来|期间)|(?:自|从)?(\d{4})年(?:\d{1,2}月(?:份|底|初|末|中旬|下旬|上旬)?)?(?:以来|至今)`;
const YEAR = String.raw`(?:截至|截止到|截止)?(\d{4})年(?:度)?(?:12月(?:底|末|31日)?)?(?![\d月以至])`;
const YEAR_END = String.raw`(?:截至|截止到|截止)(?:今年|本年)?12月(?:底|末|31日)?`;
const RELATIVE = RELATIVE_WORD.source;
/** the report year in words; not 去年全年 or 2019年全年 (the year before it is the period) */
const YEAR_WORD = String.raw`(?<![去上前今明\d]年)(?:全年(?!龄)|本年度|(?<![\d一二两三四五六七八九十百几多数近同当])年内)`;

const MARKERS = new RegExp(
  [CUMULATIVE, PARTIAL_END, MONTH_RANGE, QUARTERS, YEAR_END, YEAR, RELATIVE, YEAR_WORD].map((s) => `(${s})`).join('|'),
  'g',
);
// group numbers of the alternatives above (each alternative's own inner groups follow it)
const G = { cum: 1, cumYear: 2, pEnd: 3, pEndYear: 4, pEndMonth: 5, pEndTail: 6, range: 7, rYear: 8, rFrom: 9, rTo: 10, quarter: 11, qYear: 12, yearEnd: 13, year: 14, yYear: 15, rel: 16, yearWord: 17 };

const COMPARISON_BEFORE = /(?:较|比|同比|与|相比|比上|对比|超过)$/;

export function findPeriodMarkers(text: string, reportYear: number | null, mask?: Uint8Array): PeriodMarker[] {
  const out: PeriodMarker[] = [];
  MARKERS.lastIndex = 0;
  for (let m = MARKERS.exec(text); m; m = MARKERS.exec(text)) {
    const from = m.index;
    const to = from + m[0].length;
    if (mask && mask[from] === 1) continue;
    if (COMPARISON_BEFORE.test(text.slice(Math.max(0, from - 2), from))) continue;
    const marker = classify(m, reportYear);
    if (!marker) continue;
    // 成立至今 is a start, not a relative date
    const rel = marker.kind === 'cumulative' ? null : RELATIVE_WORD.exec(m[0]);
    // Object.assign: the same object as `{ ...marker, from, … }`, without V8's slow path for a spread followed by properties
    out.push(Object.assign({}, marker, { from, to, text: m[0] }, rel ? { relative: rel[0] } : {}));
  }
  return out;
}

function classify(m: RegExpExecArray, reportYear: number | null): Omit<PeriodMarker, 'from' | 'to' | 'text'> | null {
  const yearOf = (g: number) => (m[g] ? Number(m[g]) : undefined);
  const sameYear = (y: number | undefined) => y === undefined || reportYear === null || y === reportYear;
  if (m[G.cum]) {
    const y = yearOf(G.cumYear);
    if (y !== undefined && reportYear !== null && y >= reportYear) return { kind: 'year', year: y, key: `year:${y}` };
    return { kind: 'cumulative', key: `cumulative:${m[G.cum].replace(/[“”]/g, '')}` };
  }
  if (m[G.pEnd]) {
    const y = yearOf(G.pEndYear);
    const month = Number(m[G.pEndMonth]);
    // 截至12月3日 / 12月中旬 leaves the year's last weeks out; 12月底, 12月下旬, 12月28日 count the year
    const tail = m[G.pEndTail] ?? '';
    const decemberShort = month === 12 && (/上旬|中旬/.test(tail) || (/日$/.test(tail) && Number(tail.slice(0, -1)) <= 20));
    if (!decemberShort && (month >= 12 || month < 1)) return { kind: 'year', year: y, key: `year:${y ?? reportYear}` };
    if (!sameYear(y)) return { kind: 'year', year: y, key: `year:${y}` };
    return { kind: 'partial', year: y, key: `partial:${month}` };
  }
  if (m[G.range]) {
    const y = yearOf(G.rYear);
    const to = Number(m[G.rTo]);
    if (to >= 12 || to < 1 || Number(m[G.rFrom]) > to) return null;
    if (!sameYear(y)) return { kind: 'year', year: y, key: `year:${y}` };
    return { kind: 'partial', year: y, key: `partial:${m[G.rFrom]}-${to}` };
  }
  if (m[G.quarter]) {
    const y = yearOf(G.qYear);
    if (!sameYear(y)) return { kind: 'year', year: y, key: `year:${y}` };
    return { kind: 'partial', year: y, key: `partial:${m[G.quarter]}` };
  }
  if (m[G.yearEnd]) return { kind: 'year', key: `year:${reportYear}` };
  if (m[G.year]) {
    const y = Number(m[G.yYear]);
    return { kind: 'year', year: y, key: `year:${y}` };
  }
  if (m[G.rel]) {
    const w = m[G.rel];
    // 今年 names the report year in words: a dated figure all the same, but one period with the year
    const key = /今年/.test(w) ? `year:${reportYear}` : /去年|前年/.test(w) ? `relative:${w}` : 'relative:now';
    return { kind: 'relative', key };
  }
  if (m[G.yearWord]) return { kind: 'year', key: `year:${reportYear}`, endsCumulative: true };
  return null;
}
