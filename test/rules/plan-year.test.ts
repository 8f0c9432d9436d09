import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report, MERGED_PAIRS } from '../helpers/reports.js';

const withPlans = (...lines: string[]) => report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, lines);
const MISSING = withPlans('四、下年度工作要点', PLANS[1]);
const WRONG = withPlans('四、2021年工作计划', PLANS[1]);


ruleTester('plan-year', {
  valid: [
    { name: 'a merged problems-and-plans section whose plans open with the next year (（三）2022年，…)', code: MERGED_PAIRS },
    { name: 'the next year in the heading', code: report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS) },
    { name: 'the next year in the opening sentence of the text is enough', code: withPlans('四、下一步工作打算', '2022年，我局将重点做好以下工作。', PLANS[1]) },
  ],
  invalid: [
    {
      name: 'no year: missing, with the year it should name (on the heading title)',
      code: MISSING,
      errors: [{ messageId: 'missing', ...spanOf(MISSING, '下年度工作要点'), message: '下一年度安排未写明年份（应为2022年）' }],
    },
    {
      name: 'the report year named instead of the next',
      code: WRONG,
      errors: [{ messageId: 'wrong', ...spanOf(WRONG, '2021年工作计划'), message: '下一年度安排写的是2021年，应为2022年' }],
    },
  ],
});
