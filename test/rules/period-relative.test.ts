import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { report } from './_figures.js';

const run = (...p: string[]) => runRule('period-relative', report(...p));

describe('period-relative', () => {
  test.each([
    ['截至目前，共依法拆除违法建设101处。', '截至目前'],
    ['目前，全区148个村（社区）实现法律顾问全覆盖。', '目前'],
    ['今年来，全区共摸排矛盾纠纷1161起。', '今年来'],
    ['去年共受理行政复议案件50件。', '去年'],
  ])('%s', (text, word) => {
    expect(run(text).map((f) => f.message)).toEqual([`请用具体年份或日期代替“${word}”`]);
  });
  test('points at the word inside a cut-off', () => {
    const f = run('截止今年10月份，全区共摸排矛盾纠纷6065起。');
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe('请用具体年份或日期代替“今年”');
    expect(f[0].column).toBe(3);
  });
  describe('look-alikes that must stay silent', () => {
    test('no figure in the sentence', () => expect(run('今年以来，我局进一步完善工作制度。')).toEqual([]));
    test('a comparison base', () => expect(run('区政府负责人出庭应诉率达93.6%，较去年有较大幅度提升。')).toEqual([]));
    test('a relative word corrected by a date', () => expect(run('截至目前2020年12月底，共兑现政策资金5亿元。')).toEqual([]));
    test('a start, not a relative date (成立至今)', () => expect(run('成立至今，累计接待来访107件。')).toEqual([]));
    test('one finding per sentence', () => expect(run('目前，已建成站点13个，今年新增3个。')).toHaveLength(1));
  });
});
