import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { report } from './_figures.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report as fullReport } from '../helpers/reports.js';

const PARTIAL: [string, string][] = [
  ['截至11月底，共办理行政复议案件100宗，已审结77宗。', '截至11月底'],
  ['1-10月份，区法律援助处共受理法律援助案91宗。', '1-10月份'],
  ['据统计，前三季度全区律师提供法律服务2446次。', '前三季度'],
  ['至2020年10月底，全区累计接收社区服刑人员766人。', '至2020年10月底'],
  ['截止今年10月份，全区共摸排矛盾纠纷6065起。', '截止今年10月份'],
  ['上半年，共办理公证事项300件。', '上半年'],
  // December before its last ten days (下旬) is cut short too
  ['截止12月3日，共审查合同247份。', '截止12月3日'],
  ['截至2020年12月中旬，共受理法律援助案件91宗。', '截至2020年12月中旬'],
];
const partial = (paragraph: string, found: string) => {
  const code = report(paragraph);
  return { code, errors: [{ messageId: 'partial' as const, ...spanOf(code, found), message: `年度报告数据未覆盖全年（“${found}”），请更新至12月底或说明口径` }] };
};

ruleTester('period-partial-year', {
  valid: [
    { name: 'up to the end of December', code: report('截至2020年12月底，共审查涉法文件39件。') },
    { name: 'late December counts the year (12月30日, 12月下旬)', code: report('截止到12月30日，共审查涉法文件39件；截至12月下旬，共办理公证事项300件。') },
    { name: 'a date, not a cut-off', code: report('于10月底建成社区矫正中心，并投入使用。') },
    { name: 'a cut-off with no figure', code: report('截至11月底，各项工作有序推进。') },
    { name: 'another year', code: report('截至2019年10月底，累计办理案件300件。') },
    { name: 'a schedule in the plans section is no cut-short data', code: fullReport(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, [...PLANS, '（三）上半年完成执法人员轮训2期，前三季度开展案卷评查1次。']) },
    { name: 'a month range of a year span', code: report('学习《法治政府建设实施纲要（2021-2025年）》，开展培训3次。') },
  ],
  invalid: [
    ...PARTIAL.map(([paragraph, found]) => partial(paragraph, found)),
    { name: 'one finding per sentence', ...partial('截至11月底，出具法律意见1056份，审查合同30件，举办考试7场。', '截至11月底') },
    { name: 'the same words in the measures are cut-short data', ...(() => {
      const code = fullReport([...MEASURES, '（三）上半年完成执法人员轮训2期。'], PROBLEMS, FIRST_RESPONSIBLE, PLANS);
      return { code, errors: [{ messageId: 'partial' as const, ...spanOf(code, '上半年') }] };
    })() },
    { name: '全年 after a cut-off leaves it cut short', ...partial('截至11月底，全年共受理案件100件。', '截至11月底') },
  ],
});
