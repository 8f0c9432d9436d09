import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report } from '../helpers/reports.js';

const HEADING_ONLY = report(MEASURES, [PROBLEMS[0]], FIRST_RESPONSIBLE, PLANS);
const PLACEHOLDERS = report(MEASURES, PROBLEMS, [FIRST_RESPONSIBLE[0], '【待补充】××××'], [PLANS[0], '（一）加强执法培训', '（二）充实基层力量']);

ruleTester('section-empty', {
  valid: [
    { name: 'sections with text', code: report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS) },
    { name: 'an optional item left empty is not reported', code: report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS, ['五、其他需要报告的情况']) },
    { name: 'text after a heading title on the same line is content', code: report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, [PLANS[0], '1.加强执法培训。分批组织执法人员参加系统培训。']) },
  ],
  invalid: [
    {
      name: 'a heading with nothing under it (reported on its title)',
      code: HEADING_ONLY,
      errors: [{ messageId: 'empty', ...spanOf(HEADING_ONLY, '存在的不足和原因'), message: '“存在的不足和原因”部分没有实质内容' }],
    },
    {
      name: 'placeholders only, or sub-headings without text',
      code: PLACEHOLDERS,
      errors: [
        { messageId: 'empty', ...spanOf(PLACEHOLDERS, '党政主要负责人履行推进法治建设第一责任人职责情况'), data: { item: '党政主要负责人履行推进法治建设第一责任人职责情况' } },
        { messageId: 'empty', ...spanOf(PLACEHOLDERS, '2022年推进法治政府建设的主要安排'), data: { item: '下一年度主要安排' } },
      ],
    },
  ],
});
