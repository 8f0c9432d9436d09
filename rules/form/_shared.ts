/** Helpers shared by the form rules: writing an outline number in a heading's own style. */
import type { Heading, Numbering, NumberStyle } from '../model/outline.js';
import { toChineseNumeral } from '../model/numerals.js';

/** The one outline-number writer lives in model/numbering.ts (the section fixes use it too). */
export { numeralLike, readsBack, renumbered, numberingText } from '../model/numbering.js';

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
