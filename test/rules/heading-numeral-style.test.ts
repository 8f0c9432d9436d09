import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { applyAll, applyFirstFix } from './_form.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';

const TITLE = '青山区人民政府关于2021年度法治政府建设情况的报告';
const doc = (...lines: string[]) => [TITLE, ...lines].join('\n');

const DUN = doc('一、主要举措和成效', '（一）完善制度体系', '1、制定制度', '制定制度3项。', '2、清理文件', '清理规范性文件12件。');
const WIDTH = doc('一、主要举措和成效', '（一）完善制度体系', '制定制度3项。', '(二)规范行政执法', '开展培训2次。', '（三）强化监督', '办理复议案件5件。');

/**
 * A document viewer's text layer: the document cut into pages of a fixed length, each line opening with the page's
 * number (1、 2、 3、) and breaking off mid-sentence, even mid-word. The numbers are the viewer's, not headings.
 */
const PAGE_A =
  '青山街道2022年度法治政府建设工作报告2022年，青山街道坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，围绕区委区政府法治建设工作要点，扎实推进依法行政，全面开展普法依法治理工作。一、主要举措和成效（一）加强';
const PAGE_B =
  '组织领导，压实工作责任。街道成立由党工委书记任组长的法治政府建设工作领导小组，召开专题会议4次，研究解决法治建设重大问题6个，制定年度工作要点和任务清单，明确责任科室和完成时限，推动各项工作落到实处，确保法治建设与经济社会发展同部署。同时，街道健全';
const VIEWER = [
  '《青山街道2022年度法治政府建设工作报告.docx》由会员分享，可在线阅读，更多相关内容请在青山文库上搜索。',
  '1、' + PAGE_A,
  '2、' + PAGE_B,
  '3、法律顾问制度，聘请律师事务所担任常年法律顾问，全年审查合同',
].join('\n');
/** The look-alike: numbered paragraphs that close on their full stop are headings of their level. */
const PARAGRAPHS = doc(
  '一、主要举措和成效',
  '（一）完善制度体系',
  '1、' + PAGE_A.replace(/（一）加强$/, '。'),
  '2、' + PAGE_B.replace(/同时，街道健全$/, '同时，街道健全了法律顾问制度。'),
);

/** The look-alike: a numbered paragraph that lost its full stop, in a report that goes on after its numbered lines. */
const NO_STOP = doc('一、主要举措和成效', '（一）完善制度体系', '1、' + PAGE_A.replace(/（一）加强$/, ''), '2、' + PAGE_B.replace(/同时，街道健全$/, '同时，街道健全了法律顾问制度。'), '二、存在的不足和原因', '执法力量不足，原因是编制有限。');

/** A second-level number that lost its opening bracket (a text layer, an edit). */
const UNPAIRED = doc('一、主要举措和成效', '一)完善制度体系', '制定制度3项。', '（二）规范行政执法', '开展培训2次。');

ruleTester('heading-numeral-style', {
  valid: [
    { name: '1） items are a list style of their own, not a lost bracket', code: doc('一、主要举措和成效', '（一）完善制度体系', '1）制定制度3项；', '2）清理规范性文件12件。') },
    { name: "a document viewer's page numbers (1、 2、 3、 opening lines that break off mid-sentence) are no headings", code: VIEWER },
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
      name: 'long numbered paragraphs that close on their full stop are headings of level 3 (no viewer pages)',
      code: PARAGRAPHS,
      errors: [
        { messageId: 'dun', ...spanOf(PARAGRAPHS, '1、'), data: { found: '1、', expected: '1.' } },
        { messageId: 'dun', ...spanOf(PARAGRAPHS, '2、'), data: { found: '2、', expected: '2.' } },
      ],
      output: PARAGRAPHS.replace('1、青山', '1.青山').replace('2、组织', '2.组织'),
    },
    {
      name: 'a numbered paragraph that lost its full stop is still a heading when the report goes on after it',
      code: NO_STOP,
      errors: [
        { messageId: 'dun', ...spanOf(NO_STOP, '1、'), data: { found: '1、', expected: '1.' } },
        { messageId: 'dun', ...spanOf(NO_STOP, '2、'), data: { found: '2、', expected: '2.' } },
      ],
      output: NO_STOP.replace('1、青山', '1.青山').replace('2、组织', '2.组织'),
    },
    {
      name: 'a number that lost its opening bracket is written as the pair, in the width of its level',
      code: UNPAIRED,
      errors: [{ messageId: 'unopened', ...spanOf(UNPAIRED, '一)'), data: { found: '一)', expected: '（一）' }, message: '标题序号“一)”缺少左括号，应为“（一）”', fixes: ['rewrite'] }],
      output: UNPAIRED.replace('一)完善', '（一）完善'),
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
