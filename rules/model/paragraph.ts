/**
 * What a paragraph's own words say, without the report around it: its opening clause, the placeholder spans a
 * writer (or a fix) left in it, and how much substance remains without them. Plain text in, plain values out:
 * the checklist, the content queries and the rules all use these, and this module imports no model of a report.
 */
import { codePointFloor, countCjk } from './text.js';
import { firstSentenceEnd } from './sentence.js';

/** A paragraph's first clause, after an enumerator such as 一是 / 首先 / 1. */
export function openingOf(text: string): string {
  const t = text.replace(/^([一二三四五六七八九十]+是|首先|其次|再次|最后|此外|另外|同时)[，：]?/, '').replace(/^（?[\d一二三四五六七八九十]+[）.、]/, '');
  const stop = firstSentenceEnd(t, { semicolon: true });
  return t.slice(0, codePointFloor(t, stop < 0 ? 60 : Math.min(stop, 60)));
}

/**
 * Placeholder spans: what a writer (or a fix) leaves for later. Their text is not content. Bracketed notes
 * only count when they ask for text (【待补充…】, 【请填写…】, 〔此处写…〕), so an editorial 【典型案例】 stays content.
 */
export const PLACEHOLDER_SPAN = /【(?:待|请|此处|在此|填写|补充|TODO)[^】]*】|〔(?:待|请|此处|在此|填写|补充)[^〕]*〕|[（(](?:待补充|待填写|略)[)）]|待补充|待填写|TODO|[Xx×＊*]{2,}|…+|\.{3,}/g;

/** CJK characters of a text once placeholders are removed. */
export function substantiveLength(text: string): number {
  return countCjk(text.replace(PLACEHOLDER_SPAN, ''));
}

/** Does the text hold nothing but placeholders (or nothing at all)? */
export function isPlaceholderOnly(text: string): boolean {
  return substantiveLength(text) < 6;
}
