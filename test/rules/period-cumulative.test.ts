import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { report } from './_figures.js';

/** [paragraph, the span as written, the span as the message names it (normalised quotes)] */
const CUMULATIVE: [string, string, string?][] = [
  ['诉前调委会自成立以来成功调处矛盾纠纷2375件。', '自成立以来'],
  ['“七五”普法以来，共组织任前法律知识考试51场。', '“七五”普法以来', '‘七五’普法以来'],
  ['成立至今，累计接待来电来访事项107余件。', '成立至今'],
  ['自中心运行以来，已受理案件1510起。', '自中心运行以来'],
  ['2018年以来，累计化解矛盾纠纷300件。', '2018年以来'],
  ['近年来，累计培训人民调解员2000人次。', '近年来'],
  ['开展“挂案”清理，自2019年10月以来，共排查出“挂案”5起。', '自2019年10月以来'],
  ['近年来，全区累计培训人民调解员2000人次，全年培训500人次。', '近年来'],
  // 五年内 is a span, not the report year named again
  ['近年来，五年内累计培训人民调解员2000人次。', '近年来'],
];

ruleTester('period-cumulative', {
  valid: [
    { name: 'since the start of the report year', code: report('2020年以来，累计化解矛盾纠纷300件。') },
    { name: 'no figure', code: report('“七五”普法以来，普法工作扎实推进。') },
    { name: 'a body founded this year, counted without 以来', code: report('2020年推动成立调解工作室2个。') },
    { name: 'since a month of the report year', code: report('自2020年3月以来，共受理案件30件。') },
    { name: '全年 ends the span: the figure is the year\'s', code: report('近年来，我区先后获评全国法治政府建设示范区，全年办理行政复议案件120件。') },
    { name: 'a frequency is not counted over the span', code: report('多年来，坚持每年举办1次宪法宣誓仪式。') },
    { name: '七五普法 as a name', code: report('以“七五”普法考核验收为抓手，开展讲座300余场。') },
  ],
  invalid: CUMULATIVE.map(([paragraph, written, named = written]) => {
    const code = report(paragraph);
    return {
      code,
      errors: [{ messageId: 'cumulative' as const, ...spanOf(code, written), message: `“${named}”的统计口径不是本年度，请注明或改为年度数据` }],
    };
  }),
});
