/**
 * rules/model/opencc-alone.ts is OpenCC's own answer: normalisation tells a simplified text by that table instead of
 * asking the converter character by character, so the table must be exactly the code units the converter changes
 * on their own (regenerate with `node scripts/gen-opencc-alone.mjs` after updating opencc-js).
 */
import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js/t2cn';
import { OPENCC_ALONE_HEX } from '../rules/model/opencc-alone.js';
import { hasTraditional } from '../rules/model/normalize.js';

describe('the table of characters OpenCC changes on their own', () => {
  const convert = Converter({ from: 't', to: 'cn' });
  const table = new Set<number>();
  for (let i = 0; i < OPENCC_ALONE_HEX.length; i += 4) table.add(parseInt(OPENCC_ALONE_HEX.slice(i, i + 4), 16));

  it('holds every code unit from U+3400 the converter changes, and no other', () => {
    const changed: number[] = [];
    for (let code = 0x3400; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (convert(ch) !== ch) changed.push(code);
    }
    expect(changed.length).toBeGreaterThan(3000);
    expect([...table].sort((a, b) => a - b)).toEqual(changed);
  });

  it('hasTraditional reads it: a traditional character, alone or among simplified ones, and none', () => {
    expect(hasTraditional('依法行政')).toBe(false);
    expect(hasTraditional('推進依法行政')).toBe(true);
    expect(hasTraditional('區')).toBe(true);
    // below U+3400 nothing is asked (ASCII, punctuation, kana)
    expect(hasTraditional('ABC，。')).toBe(false);
  });
});
