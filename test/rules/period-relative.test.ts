import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { report } from './_figures.js';

const relative = (paragraph: string, word: string) => {
  const code = report(paragraph);
  return { code, errors: [{ messageId: 'relative' as const, ...spanOf(code, word), data: { word }, message: `请用具体年份或日期代替“${word}”` }] };
};

ruleTester('period-relative', {
  valid: [
    { name: 'no figure in the sentence', code: report('今年以来，我局进一步完善工作制度。') },
    { name: 'a comparison base', code: report('区政府负责人出庭应诉率达93.6%，较去年有较大幅度提升。') },
    { name: 'a relative word corrected by a date', code: report('截至目前2020年12月底，共兑现政策资金5亿元。') },
    { name: 'a start, not a relative date (成立至今)', code: report('成立至今，累计接待来访107件。') },
    { name: 'a frequency is not a dated figure', code: report('今年以来，坚持每月召开1次专题会议。') },
  ],
  invalid: [
    relative('截至目前，共依法拆除违法建设101处。', '截至目前'),
    relative('目前，全区148个村（社区）实现法律顾问全覆盖。', '目前'),
    relative('今年来，全区共摸排矛盾纠纷1161起。', '今年来'),
    relative('去年共受理行政复议案件50件。', '去年'),
    { name: '去年全年 is last year, not the report year', ...relative('去年全年受理案件120件。', '去年') },
    // column 3 of its line: the word inside the cut-off, not the cut-off
    { name: 'points at the word inside a cut-off', ...relative('截止今年10月份，全区共摸排矛盾纠纷6065起。', '今年') },
    { name: 'one finding per sentence', ...relative('目前，已建成站点13个，今年新增3个。', '目前') },
  ],
});
