import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { applyAll, applyFirstFix } from './_form.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';

const TITLE = '青山区人民政府关于2021年度法治政府建设情况的报告';
const doc = (...lines: string[]) => [TITLE, ...lines].join('\n');

const DUN = doc('一、主要举措和成效', '（一）完善制度体系', '1、制定制度', '制定制度3项。', '2、清理文件', '清理规范性文件12件。');
const WIDTH = doc('一、主要举措和成效', '（一）完善制度体系', '制定制度3项。', '(二)规范行政执法', '开展培训2次。', '（三）强化监督', '办理复议案件5件。');

ruleTester('heading-numeral-style', {
  valid: [
    doc('一、主要举措和成效', '(一)完善制度体系', '1.制定制度', '一是制定制度3项，1、清理规范性文件12件，2、废止3件，全面提升了制度建设水平，取得了明显成效。', '(二)规范行政执法', '2.清理文件'),
  ],
  invalid: [
    {
      name: 'every 1、 heading is reported with its own fix that changes only the 、',
      code: DUN,
      errors: [
        { messageId: 'dun', ...spanOf(DUN, '1、'), data: { found: '1、', expected: '1.' }, message: '第三层标题序号应为“1.”而非“1、”', fixes: ['rewrite'] },
        { messageId: 'dun', ...spanOf(DUN, '2、'), data: { found: '2、', expected: '2.' } },
      ],
      output: DUN.replace('1、制定', '1.制定').replace('2、清理', '2.清理'),
    },
    {
      name: 'a second-level number that lost its opening bracket in a paste',
      code: doc('一、主要举措和成效', '一）完善制度体系', '制定制度3项。', '（二）规范行政执法', '开展培训2次。'),
      errors: [{ messageId: 'unopened', line: 3, column: 1, endColumn: 3, data: { found: '一）', expected: '（一）' }, message: '标题序号“一）”缺少左括号，应为“（一）”', fixes: ['rewrite'] }],
      output: doc('一、主要举措和成效', '（一）完善制度体系', '制定制度3项。', '（二）规范行政执法', '开展培训2次。'),
    },
    {
      name: 'a bracket of the other width among one level',
      code: WIDTH,
      errors: [{ messageId: 'bracket', ...spanOf(WIDTH, '(二)'), data: { expected: '（二）' } }],
      output: WIDTH.replace('(二)', '（二）'),
    },
  ],
});

describe('heading-numeral-style', () => {
  test('every 1、 heading is reported with its own fix that changes only the 、', () => {
    const text = doc('一、主要举措和成效', '（一）完善制度体系', '1、制定制度', '制定制度3项。', '2、清理文件', '清理规范性文件12件。');
    const found = runRule('heading-numeral-style', text);
    expect(found.map((f) => [f.line, f.messageId, f.data.found, f.data.expected])).toEqual([
      [4, 'dun', '1、', '1.'],
      [6, 'dun', '2、', '2.'],
    ]);
    expect(applyFirstFix(text, found[1]).split('\n')[5]).toBe('2.清理文件');
    const fixed = applyAll(text, found);
    expect(fixed).toBe(text.replace('1、制定', '1.制定').replace('2、清理', '2.清理'));
    expect(runRule('heading-numeral-style', fixed)).toEqual([]);
  });

  test('a bracket of the other width among one level', () => {
    const text = doc('一、主要举措和成效', '（一）完善制度体系', '制定制度3项。', '(二)规范行政执法', '开展培训2次。', '（三）强化监督', '办理复议案件5件。');
    const found = runRule('heading-numeral-style', text);
    expect(found.map((f) => [f.line, f.messageId, f.data.expected])).toEqual([[5, 'bracket', '（二）']]);
    const fixed = applyFirstFix(text, found[0]);
    expect(fixed.split('\n')[4]).toBe('（二）规范行政执法');
    expect(runRule('heading-numeral-style', fixed)).toEqual([]);
  });

  test('must not fire on 1. headings, consistent brackets, or 1、 inside a paragraph', () => {
    const text = doc(
      '一、主要举措和成效',
      '(一)完善制度体系',
      '1.制定制度',
      '一是制定制度3项，1、清理规范性文件12件，2、废止3件，全面提升了制度建设水平，取得了明显成效。',
      '(二)规范行政执法',
      '2.清理文件',
    );
    expect(runRule('heading-numeral-style', text)).toEqual([]);
  });
});
