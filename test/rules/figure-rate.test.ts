import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { report } from './_figures.js';

const COUNTS = report('调解中心共接收调解案件42件，调解成功39件，调解成功率95%。');
const DUE = report('制定行政规范性文件15件，应报备12件，已报备11件，报备率100%。');
const QUALIFIED = report('受理投诉举报420件，按时办结400件，按时办结率100%。');
const KIND_IN_NAME = report('全年受理行政复议申请120件，纠错15件，行政复议纠错率15%。');
const DECIMAL = report('已受理案件1510起，成功调解1474起，成功率达98.6%。');

ruleTester('figure-rate', {
  valid: [
    { name: 'rounded to a whole percent', code: report('共接收调解案件42件，调解成功39件，调解成功率93%。') },
    { name: 'rounded to one decimal', code: report('已受理案件1510起，成功调解1474起，成功率达97.6%。') },
    { name: 'numerator not stated', code: report('共办理行政复议案件100宗，已审结77宗，直接纠错率为19.48%，间接纠错率为10.39%。') },
    { name: 'a rate with no counts of its own', code: report('行政诉讼案件共95宗，负责人出庭应诉率达93.6%。') },
    { name: 'growth against an unstated base', code: report('新增持证执法人员187名，较2019年同比增长52.94%。') },
    { name: 'approximate rate', code: report('共接收调解案件42件，调解成功39件，调解成功率90%以上。') },
    // the same subject: never a neighbouring count of something else
    { name: 'a count of something else before the numerator', code: report('制定行政规范性文件15件，报备12件，报备率100%。') },
    { name: 'what was due, not what was made', code: report('制定行政规范性文件15件，应报备12件，已报备12件，报备率100%。') },
    { name: 'a neighbouring count of another thing', code: report('开展执法检查260次，发现问题45个，整改到位43个，整改率95.6%。') },
    { name: 'a whole of another kind (法律援助 for 调解)', code: report('共受理法律援助案件300件，调解成功39件，调解成功率95%。') },
    { name: 'a count that lacks the rate\'s qualifier (办结 for 按时办结率)', code: report('受理投诉举报420件，办结400件，按时办结率100%。') },
  ],
  invalid: [
    {
      name: 'a rate against what was due',
      code: DUE,
      errors: [{ messageId: 'rate', ...spanOf(DUE, '100%'), data: { n: '11', d: '12' } }],
    },
    {
      name: 'a rate its own counts do not give, with the numbers used',
      code: COUNTS,
      errors: [
        {
          messageId: 'rate',
          ...spanOf(COUNTS, '95%'),
          message: '“调解成功率95%”与所列数量不符，按39/42计算应为92.9%（调解成功39件÷接收调解案件42件）',
          relatedLines: [2, 2],
        },
      ],
    },
    {
      name: 'the qualifier in the count too',
      code: QUALIFIED,
      errors: [{ messageId: 'rate', ...spanOf(QUALIFIED, '100%'), data: { n: '400', d: '420' } }],
    },
    {
      name: 'the kind named in the rate and the whole',
      code: KIND_IN_NAME,
      errors: [{ messageId: 'rate', ...spanOf(KIND_IN_NAME, '15%'), data: { n: '15', d: '120' } }],
    },
    {
      name: 'one decimal written, one decimal checked',
      code: DECIMAL,
      errors: [{ messageId: 'rate', ...spanOf(DECIMAL, '98.6%'), data: { n: '1474', d: '1510', computed: '97.62%' } }],
    },
  ],
});

describe('figure-rate', () => {
  test('the related places name the numerator and the denominator', () => {
    const [f] = runRule('figure-rate', COUNTS);
    expect(f.related.map((r) => r.message)).toEqual(['分子：39件', '分母：42件']);
  });
});
