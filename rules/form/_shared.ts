/** Helpers shared by the form rules: writing an outline number in a heading's own style. */
import type { Heading, Numbering, NumberStyle } from '../model/outline.js';
import { toChineseNumeral } from '../model/numerals.js';
import type { Report } from '../model/report.js';
import type { Block } from '../model/parse.js';

const FULL_DIGIT = /[０-９]/;

/** The numeral for a value, in the script of an existing numeral (一 / 1 / １). */
export function numeralLike(sample: string, value: number): string {
  if (/^\d/.test(sample)) return String(value);
  if (FULL_DIGIT.test(sample)) return String(value).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  return toChineseNumeral(value);
}

/** A heading's numbering rewritten with another value, keeping its brackets and punctuation as written. */
export function renumbered(report: Report, n: Numbering, value: number): { text: string; numeral: string } {
  const numeralSource = report.source.slice(n.numeral.start, n.numeral.end);
  const numeral = n.style === 'circled' ? String.fromCharCode(0x2460 + value - 1) : numeralLike(numeralSource, value);
  const text = report.source.slice(n.range.start, n.numeral.start) + numeral + report.source.slice(n.numeral.end, n.range.end);
  return { text, numeral };
}

/** A fresh numbering of a style, e.g. 一、 （三） 2. (1); brackets half- or full-width as the report uses them. */
export function numberingText(style: NumberStyle, value: number, bracket: 'half' | 'full' = 'full'): string {
  const [open, close] = bracket === 'half' ? ['(', ')'] : ['（', '）'];
  switch (style) {
    case 'cn-dun':
      return toChineseNumeral(value) + '、';
    case 'cn-paren':
      return open + toChineseNumeral(value) + close;
    case 'arabic-dot':
      return `${value}.`;
    case 'arabic-dun':
      return `${value}、`;
    case 'arabic-paren':
      return open + value + close;
    case 'circled':
      return String.fromCharCode(0x2460 + value - 1);
  }
}

/** GB/T 9704 style of an outline rank (10 + level of 一、 (一) 1. (1)). */
export function styleOfRank(rank: number): NumberStyle | null {
  return ({ 11: 'cn-dun', 12: 'cn-paren', 13: 'arabic-dot', 14: 'arabic-paren', 15: 'circled' } as Record<number, NumberStyle>)[rank] ?? null;
}

/** The bracket width most headings of a rank use (ties go to the full width GB/T 9704 shows). */
export function prevailingBracket(outline: readonly Heading[], rank: number): 'half' | 'full' {
  let half = 0;
  let full = 0;
  for (const h of outline) {
    if (h.rank !== rank || !h.numbering?.bracket) continue;
    if (h.numbering.bracket === 'half') half++;
    else full++;
  }
  return half > full ? 'half' : 'full';
}

/** Blocks that are report text: body, title and signature, without web chrome. */
export function textBlocks(report: Report): Block[] {
  return report.blocks.filter((b) => !report.frame.chrome.has(b.index));
}
