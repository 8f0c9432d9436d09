/**
 * The one writer of outline numbers (一、 （三） 2. (1) ①): a heading renumbered keeps its brackets, punctuation and
 * digit width as written (１．→ ２．, never 2.), and a fresh number takes the form of a neighbour when there is one.
 * Used by heading-sequence and heading-numeral-style (renumbering) and by the section fixes (inserting).
 */
import type { Numbering, NumberStyle } from './outline.js';
import { toChineseNumeral } from './numerals.js';

const FULL_DIGIT = /[０-９]/;

/** The numeral for a value, in the script of an existing numeral (一 / 1 / １). */
export function numeralLike(sample: string, value: number): string {
  if (/^\d/.test(sample)) return String(value);
  if (FULL_DIGIT.test(sample)) return String(value).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  return toChineseNumeral(value);
}

/**
 * A heading's numbering rewritten with another value, keeping its brackets, punctuation and digit width as
 * written (`raw` is the source of `range`): the renumbering of heading-sequence and of the section fixes, and the
 * form a new heading takes from its neighbour.
 */
export function renumbered(n: Numbering, value: number): { text: string; numeral: string } {
  const at = n.numeral.start - n.range.start;
  const end = n.numeral.end - n.range.start;
  const numeral = n.style === 'circled' ? String.fromCharCode(0x2460 + value - 1) : numeralLike(n.raw.slice(at, end), value);
  return { text: n.raw.slice(0, at) + numeral + n.raw.slice(end), numeral };
}

/**
 * The largest number of each style the outline reads back as a number (model/outline.ts reads up to four Chinese
 * numerals, three digits, ① to ⑳). A fix never writes a number past it: 一百一十一、 is not read as a number,
 * so the next pass would number that heading again (一百一十一、一百一十一、…).
 */
const LARGEST_NUMBER: Record<NumberStyle, number> = { 'cn-dun': 99, 'cn-paren': 99, 'arabic-dot': 999, 'arabic-dun': 999, 'arabic-paren': 999, circled: 20 };

/** Does a heading numbered `value` in this style read back as that number? */
export function readsBack(style: NumberStyle, value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= LARGEST_NUMBER[style];
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
