import { describe, expect, it } from 'vitest';
import { closesSentence, firstSentence, hasSentenceEnd, sentenceSpans, sentencesOf, SENTENCE_END_CLASS, STATEMENT_END_CLASS } from '../rules/model/sentence.js';
import { normalizeSpan, normIndexAt, toSource } from '../rules/model/normalize.js';
import { createReport } from '../rules/model/report.js';
import { memoKey } from '../rules/model/memo.js';
import { keyedCache } from '../rules/model/cache.js';

describe('the sentence splitter', () => {
  it('ends a sentence at 。！？ and, when asked, at ；and a line break', () => {
    expect(SENTENCE_END_CLASS).toBe('。！？');
    expect(STATEMENT_END_CLASS).toBe('。！？；');
    expect(firstSentence('一是加强学习；二是完善制度。三是…')).toBe('一是加强学习；二是完善制度');
    expect(firstSentence('一是加强学习；二是完善制度。', { semicolon: true })).toBe('一是加强学习');
    expect(firstSentence('没有句号')).toBe('没有句号');
    expect(sentencesOf('甲。乙！丙？丁；戊\n己', { semicolon: true, lineBreak: true })).toEqual(['甲', '乙', '丙', '丁', '戊', '己']);
    expect(sentencesOf('甲。乙；丙\n丁')).toEqual(['甲', '乙；丙\n丁']);
    expect(hasSentenceEnd('一、总体情况')).toBe(false);
    expect(hasSentenceEnd('一是…；', { semicolon: true })).toBe(true);
    expect(hasSentenceEnd('一是…；')).toBe(false);
    expect(closesSentence('招录执法人员5名。')).toBe(true);
    expect(closesSentence('招录执法人员5名。”')).toBe(false);
  });

  it('gives sentence spans with a run of marks and the closing quote inside the sentence', () => {
    const text = '他说“完成了。”接着！？再来；尾巴';
    const spans = sentenceSpans(text);
    expect(spans.map((s) => text.slice(s.from, s.to))).toEqual(['他说“完成了。”', '接着！？', '再来；', '尾巴']);
    expect(spans.map((s) => text.slice(s.from, s.bodyTo))).toEqual(['他说“完成了', '接着', '再来', '尾巴']);
    expect(sentenceSpans(text, 3, 8).map((s) => text.slice(s.from, s.to))).toEqual(['完成了。”']);
  });
});

describe('source offset ↔ normalised index', () => {
  it('normIndexAt inverts toSource over folded and dropped characters', () => {
    // 區(qū)域 keeps 區 (folded to 区) and drops the pinyin bracket: normalised 区域, source offsets 0 and 5
    const source = '區(qū)域，１２３';
    const n = normalizeSpan(source, 0, source.length);
    expect(n.text).toBe('区域，123');
    for (let i = 0; i <= n.text.length; i++) {
      const start = toSource(n, i, i + 1).start;
      expect(normIndexAt(n, start)).toBe(i);
    }
    // an offset inside dropped source maps to the next kept character
    expect(normIndexAt(n, 2)).toBe(1);
    expect(normIndexAt(n, source.length)).toBe(n.text.length);
  });
});

describe('memo keys', () => {
  it('keeps one value per slot and per parameters, and refuses a slot declared twice', () => {
    const report = createReport('# 标题\n\n正文。\n');
    const slot = memoKey<number, [n: number]>('test:sentence-slot', ['blocks'], 'n');
    let computed = 0;
    expect(report.memo(slot, () => ++computed * 10, 1)).toBe(10);
    expect(report.memo(slot, () => ++computed * 10, 1)).toBe(10);
    expect(report.memo(slot, () => ++computed * 10, 2)).toBe(20);
    expect(computed).toBe(2);
    expect(() => memoKey<number>('test:sentence-slot', ['blocks'])).toThrow(/declared twice/);
  });

  it('keyed caches tell keys apart by every field', () => {
    const cache = keyedCache<{ year: number | null; text: string }, string>(10, ['year', 'text']);
    cache.set({ year: 2023, text: 'a' }, 'x');
    expect(cache.get({ year: 2023, text: 'a' })).toBe('x');
    expect(cache.get({ year: 2024, text: 'a' })).toBeUndefined();
    expect(cache.get({ year: null, text: 'a' })).toBeUndefined();
  });
});
