import { ruleTester } from '../helpers/ruleTester.js';

const usage = (column = 1) => [{ messageId: 'usage' as const, line: 1, column, endColumn: column + 2, data: { text: '截止' } }];

ruleTester('jiezhi-usage', {
  valid: [
    '报名截止日期为3月31日。',
    '申报工作已于上周截止。',
    '截止时间另行通知。',
    '截至2020年12月底，共审查文件39件。',
    '征求意见于5月1日截止，共收到意见12条。',
    '请在申报截止日前提交材料。',
  ],
  invalid: [
    { code: '截止2020年底，全区共办理案件120件。', errors: usage(), output: '截至2020年底，全区共办理案件120件。' },
    {
      code: '截止到12月30日，累计提交621件。',
      errors: [{ messageId: 'usage', line: 1, column: 1, endColumn: 4, data: { text: '截止到' }, fixes: ['replace'] }],
      output: '截至12月30日，累计提交621件。',
    },
    { code: '截止今年10月份，共摸排矛盾纠纷6065起。', errors: usage(), output: '截至今年10月份，共摸排矛盾纠纷6065起。' },
    { code: '截止目前，已化解116件。', errors: [{ ...usage()[0], message: '表示“到某时为止”应用“截至”' }], output: '截至目前，已化解116件。' },
    {
      code: '截止至十二月底，共受理复议申请。',
      errors: [{ messageId: 'usage', line: 1, column: 1, endColumn: 4, data: { text: '截止至' } }],
      output: '截至十二月底，共受理复议申请。',
    },
    { code: '全区共办理案件，截止2020年底已全部办结。', errors: usage(9), output: '全区共办理案件，截至2020年底已全部办结。' },
  ],
});
