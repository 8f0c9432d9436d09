/**
 * One CJK character class (issue 12): rules/model/text.ts defines it (CJK_CLASS, CJK, countCjk, isCjkCode); no
 * other source spells a Han range of its own, so "a Chinese character" means the same in every rule.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './helpers/imports.js';
import { CJK, countCjk, isCjkCode } from '../rules/model/text.js';

const ROOMS = ['rules', 'input', 'output', 'node', 'protocol', 'cli', 'server', 'client', 'web', 'scripts'];
/** A Han range as code writes it: …-\u9fff or …-\u9fa5, 0x9fff, \p{Script=Han}, 一-龥. */
const HAN_RANGE = /(?:\\u|0x)9f(?:ff|a5)\b|\\p\{(?:Script=|sc=)?Han[}]|一-龥/i;
const HOME = 'rules/model/text.ts';

function spellings(): string[] {
  return ROOMS.flatMap((r) => sourceFiles(r)).flatMap((f) =>
    readFileSync(path.join(ROOT, f), 'utf8')
      .split('\n')
      .flatMap((line, i) => (HAN_RANGE.test(line) ? [`${f}:${i + 1}`] : [])),
  );
}

describe('the CJK character class', () => {
  it('is spelled in rules/model/text.ts (the check sees a spelling when there is one)', () => {
    expect(spellings().some((s) => s.startsWith(HOME + ':'))).toBe(true);
  });

  it('is spelled nowhere else', () => {
    expect(spellings().filter((s) => !s.startsWith(HOME + ':'))).toEqual([]);
  });

  it('the regex and the code test agree: basic block, extension A and compatibility ideographs, nothing around them', () => {
    for (const code of [0x3400, 0x4dbf, 0x4e00, 0x6cd5, 0x9fff, 0xf900, 0xfaff, 0x33ff, 0x4dc0, 0xa000, 0xf8ff, 0xfb00, 0x3007, 0x41]) {
      expect(isCjkCode(code), code.toString(16)).toBe(CJK.test(String.fromCharCode(code)));
    }
    expect(countCjk('法治 law 政府〇')).toBe(4);
  });
});
