import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { fix } from '../../rules/index.js';

describe('jiezhi-usage', () => {
  test.each([
    ['截止2020年底，全区共办理案件120件。', '截至2020年底，全区共办理案件120件。'],
    ['截止到12月30日，累计提交621件。', '截至12月30日，累计提交621件。'],
    ['截止今年10月份，共摸排矛盾纠纷6065起。', '截至今年10月份，共摸排矛盾纠纷6065起。'],
    ['截止目前，已化解116件。', '截至目前，已化解116件。'],
    ['截止至十二月底，共受理复议申请。', '截至十二月底，共受理复议申请。'],
  ])('replaces 截止 before a point in time: %s', (text, out) => {
    const f = runRule('jiezhi-usage', text);
    expect(f).toHaveLength(1);
    expect(fix(text, f).output).toBe(out);
  });

  test.each([
    '报名截止日期为3月31日。',
    '申报工作已于上周截止。',
    '截止时间另行通知。',
    '截至2020年12月底，共审查文件39件。',
    '征求意见于5月1日截止，共收到意见12条。',
    '请在申报截止日前提交材料。',
  ])('stays silent on %s', (text) => {
    expect(runRule('jiezhi-usage', text)).toEqual([]);
  });
});
