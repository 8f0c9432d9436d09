import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report, renumbered } from '../helpers/reports.js';

const EARLY = report(...renumbered(MEASURES, FIRST_RESPONSIBLE, PROBLEMS, PLANS));

ruleTester('section-order', {
  valid: [
    { name: 'the statutory order', code: report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS) },
    { name: 'an item sharing a heading', code: report(...renumbered(MEASURES, ['二、存在问题及下一步打算', PROBLEMS[1]])) },
  ],
  invalid: [
    {
      name: 'the duty item before the problems: reported on the heading that comes too early',
      code: EARLY,
      errors: [{ messageId: 'order', ...spanOf(EARLY, '党政主要负责人履行推进法治建设第一责任人职责情况'), message: '各部分顺序与督察规定不一致' }],
    },
  ],
});
