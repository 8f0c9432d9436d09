import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { applyFirstFix } from './_form.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { createReport } from '../../rules/index.js';

const BODY = [
  '2021年，青山区司法局坚持以习近平法治思想为指导，扎实推进法治政府建设。',
  '一、主要举措和成效',
  '全年审核规范性文件12件。',
  '二、存在的不足和原因',
  '执法人员力量不足，原因是编制有限。',
  '三、下一年度工作安排',
  '2022年将充实执法力量。',
].join('\n');

const HUIBAO = '青山区司法局2021年法治政府建设情况工作汇报\n' + BODY;
const NO_YEAR_IN_TITLE = '青山区司法局关于法治政府建设情况的报告\n' + BODY;
const MD_BODY = '2021年，青山区人民政府全面推进依法行政。\n\n## 一、主要举措和成效\n\n全年审核规范性文件12件。\n';
const SUPERIORS = '2021年，在区委、区政府的正确领导下，我局坚持依法行政。\n一、主要举措和成效\n全年办理复议案件3件。';
const LEAD_IN = '现将青山区司法局2021年度法治政府建设情况报告如下：' + BODY;
const ANNOUNCED = '按照有关要求，现将我局法治政府建设工作开展情况总结如下：\n' + BODY;
const AND_PLAN = '青山区司法局2021年度法治政府建设情况报告及2022年工作计划区政府：' + BODY;
const NO_YEAR = '青山区司法局坚持依法行政。\n一、主要举措和成效\n全年审核规范性文件12件。';

ruleTester('title-format', {
  valid: [
    '青山区人民政府关于2021年度法治政府建设情况的报告\n' + BODY,
    '青山区司法局2021年法治政府建设情况报告\n' + BODY,
    '# 青山区司法局2021年度法治政府建设工作报告\n\n' + BODY,
    { name: 'a title broken over two lines, the organ on the line above', code: '青山区人民政府\n关于2021年度法治政府建设情况的报告\n' + BODY },
    { name: 'a title run into the first sentence (a text layer lost the line break), spaces inside', code: '青山区司法局 2021 年度法治政府建设情况报告' + BODY },
    { name: 'a title run into the addressee line', code: '青山区司法局2021年度法治政府建设工作报告区政府：' + BODY },
    { name: "a title run into the body after a template site's watermark", code: '秘书之家—全网资源每日更新www.example.com青山区司法局2021年度法治政府建设情况报告' + BODY },
    { name: "a title run into the body after a document viewer's page number", code: '1、青山区司法局2021年度法治政府建设情况报告' + BODY },
  ],
  invalid: [
    {
      name: 'no title: one built from the organ of the opening sentence and the year is inserted',
      code: BODY,
      errors: [
        {
          messageId: 'missingSuggest',
          line: 1,
          column: 1,
          message: '缺少标题。标题宜写明年度、“法治政府建设”和“报告”，如“青山区司法局关于2021年度法治政府建设情况的报告”',
          fixes: ['insert'],
        },
      ],
      output: '青山区司法局关于2021年度法治政府建设情况的报告\n' + BODY,
    },
    {
      name: 'the organ comes from the signature first',
      code: BODY + '\n青山区人民政府\n2022年3月10日',
      errors: [{ messageId: 'missingSuggest', line: 1, column: 1, message: /如“青山区人民政府关于2021年度法治政府建设情况的报告”/ }],
      output: '青山区人民政府关于2021年度法治政府建设情况的报告\n' + BODY + '\n青山区人民政府\n2022年3月10日',
    },
    {
      name: 'a clause naming superiors (在…领导下) is not the organ; a pronoun is no name either',
      code: SUPERIORS,
      errors: [{ messageId: 'missingSuggest', line: 1, column: 1, message: /如“××关于2021年度法治政府建设情况的报告”/ }],
      output: '××关于2021年度法治政府建设情况的报告\n' + SUPERIORS,
    },
    {
      name: 'a 汇报 is reported with a suggested wording and not rewritten',
      code: HUIBAO,
      errors: [{ messageId: 'formatSuggest', ...spanOf(HUIBAO, '青山区司法局2021年法治政府建设情况工作汇报'), message: /如“青山区司法局关于2021年度法治政府建设情况的报告”/, fixes: [] }],
      output: null,
    },
    { name: 'a title without the year', code: NO_YEAR_IN_TITLE, errors: [{ messageId: 'formatSuggest', ...spanOf(NO_YEAR_IN_TITLE, '青山区司法局关于法治政府建设情况的报告') }] },
    {
      name: 'a Markdown report gets a Markdown title',
      code: MD_BODY,
      errors: [{ messageId: 'missingSuggest', line: 1, column: 1 }],
      output: '# 青山区人民政府关于2021年度法治政府建设情况的报告\n' + MD_BODY,
    },
    {
      name: 'a title of the wrong form with no year anywhere: no wording is suggested',
      code: '青山区司法局工作汇报\n' + NO_YEAR,
      errors: [{ messageId: 'format', line: 1, column: 1, message: '标题宜写明年度、“法治政府建设”和“报告”，如“××关于2020年度法治政府建设情况的报告”' }],
    },
    {
      name: 'a first sentence that names the report (现将…报告如下) is no title run into the body',
      code: LEAD_IN,
      errors: [{ messageId: 'missingSuggest', line: 1, column: 1 }],
      output: '青山区司法局关于2021年度法治政府建设情况的报告\n' + LEAD_IN,
    },
    {
      name: 'a line that announces the report (现将…情况总结如下：) is the opening sentence, not a title',
      code: ANNOUNCED,
      errors: [{ messageId: 'missing', line: 1, column: 1, message: /^缺少标题/ }],
    },
    {
      name: 'words up to 报告 that go on with 及… are no title run into the body',
      code: AND_PLAN,
      errors: [{ messageId: 'missingSuggest', line: 1, column: 1 }],
      output: '青山区司法局关于2021年度法治政府建设情况的报告\n' + AND_PLAN,
    },
    { name: 'no year anywhere: reported, but no title is guessed', code: NO_YEAR, errors: [{ messageId: 'missing', line: 1, column: 1, fixes: [] }] },
  ],
});

describe('title-format', () => {
  test('a report without a title gets one built from the organ of its opening sentence and its year', () => {
    const [f, ...rest] = runRule('title-format', BODY);
    expect(rest).toEqual([]);
    expect(f.messageId).toBe('missingSuggest');
    expect(f.message).toBe('缺少标题。标题宜写明年度、“法治政府建设”和“报告”，如“青山区司法局关于2021年度法治政府建设情况的报告”');
    expect(f.line).toBe(1);
    expect(f.fixes[0].title).toContain('青山区司法局关于2021年度法治政府建设情况的报告');
    const fixed = applyFirstFix(BODY, f);
    expect(fixed).toBe('青山区司法局关于2021年度法治政府建设情况的报告\n' + BODY);
    expect(runRule('title-format', fixed)).toEqual([]);
  });

  test('the organ comes from the signature first', () => {
    const text = BODY + '\n青山区人民政府\n2022年3月10日';
    const [f] = runRule('title-format', text);
    expect(f.fixes[0].title).toContain('青山区人民政府关于2021年度');
  });

  test('a clause naming superiors (在…领导下) is not the organ; a pronoun is no name either', () => {
    const text = '2021年，在区委、区政府的正确领导下，我局坚持依法行政。\n一、主要举措和成效\n全年办理复议案件3件。';
    const [f] = runRule('title-format', text);
    expect(f.fixes[0].title).toContain('××关于2021年度法治政府建设情况的报告');
  });

  test('a title that is a 汇报 is reported with a suggested wording, and is not rewritten', () => {
    const text = '青山区司法局2021年法治政府建设情况工作汇报\n' + BODY;
    const [f] = runRule('title-format', text);
    expect(f.messageId).toBe('formatSuggest');
    expect(f.line).toBe(1);
    expect(f.message).toContain('青山区司法局关于2021年度法治政府建设情况的报告');
    expect(f.fixes).toEqual([]);
  });

  test('a title without the year is reported', () => {
    const text = '青山区司法局关于法治政府建设情况的报告\n' + BODY;
    expect(runRule('title-format', text).map((f) => f.messageId)).toEqual(['formatSuggest']);
  });

  test('a Markdown report gets a Markdown title', () => {
    const text = '2021年，青山区人民政府全面推进依法行政。\n\n## 一、主要举措和成效\n\n全年审核规范性文件12件。\n';
    const [f] = runRule('title-format', text);
    expect(applyFirstFix(text, f).startsWith('# 青山区人民政府关于2021年度法治政府建设情况的报告\n2021年')).toBe(true);
  });

  test('must not fire on acceptable titles', () => {
    expect(runRule('title-format', '青山区人民政府关于2021年度法治政府建设情况的报告\n' + BODY)).toEqual([]);
    expect(runRule('title-format', '青山区司法局2021年法治政府建设情况报告\n' + BODY)).toEqual([]);
    expect(runRule('title-format', '# 青山区司法局2021年度法治政府建设工作报告\n\n' + BODY)).toEqual([]);
  });
});

describe('title-format without a year', () => {
  test('no year anywhere: reported, but no title is guessed', () => {
    const [f] = runRule('title-format', '青山区司法局坚持依法行政。\n一、主要举措和成效\n全年审核规范性文件12件。');
    expect(f.messageId).toBe('missing');
    expect(f.fixes).toEqual([]);
  });
});

describe('title-format with a title broken over two lines', () => {
  test('must not fire (nor insert a second title) when the organ stands on the line above the title', () => {
    expect(runRule('title-format', '青山区人民政府\n关于2021年度法治政府建设情况的报告\n' + BODY)).toEqual([]);
  });
});

describe('title-format: a title run into the body', () => {
  test("the title is the words after a watermark's web address, and the organ is read from it", () => {
    const r = createReport('秘书之家—全网资源每日更新www.example.com青山区司法局2021年度法治政府建设情况报告' + BODY);
    expect(r.frame.titleText).toBe('青山区司法局2021年度法治政府建设情况报告');
    expect(r.frame.titleOpensBody).toBe(true);
    expect(r.year?.year).toBe(2021);
  });
});

describe('title-format: the document number a disclosure page puts after the title', () => {
  test('…工作报告(青县自然资字〔2025〕79号) is a complete title; the number is no part of it', () => {
    expect(runRule('title-format', '青山县自然资源局2025年度法治政府建设工作报告(青县自然资字〔2025〕79号)\n' + BODY)).toEqual([]);
    expect(runRule('title-format', '青山县自然资源局2025年度法治政府建设工作报告（青县自然资字〔2025〕79号）\n' + BODY)).toEqual([]);
  });
  test('near miss: a title ending in 汇报 before its number still lacks a 报告 word', () => {
    expect(runRule('title-format', '青山县自然资源局2025年度法治政府建设工作汇报(青县自然资字〔2025〕79号)\n' + BODY).map((f) => f.ruleId)).toEqual(['title-format']);
  });
});
