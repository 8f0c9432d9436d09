import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { report } from './_figures.js';

const run = (...p: string[]) => runRule('period-partial-year', report(...p));

describe('period-partial-year', () => {
  test.each([
    ['截至11月底，共办理行政复议案件100宗，已审结77宗。', '截至11月底'],
    ['1-10月份，区法律援助处共受理法律援助案91宗。', '1-10月份'],
    ['据统计，前三季度全区律师提供法律服务2446次。', '前三季度'],
    ['至2020年10月底，全区累计接收社区服刑人员766人。', '至2020年10月底'],
    ['截止今年10月份，全区共摸排矛盾纠纷6065起。', '截止今年10月份'],
    ['上半年，共办理公证事项300件。', '上半年'],
  ])('%s', (text, found) => {
    const f = run(text);
    expect(f.map((x) => x.message)).toEqual([`年度报告数据未覆盖全年（“${found}”），请更新至12月底或说明口径`]);
  });
  test('one finding per sentence', () => expect(run('截至11月底，出具法律意见1056份，审查合同30件，举办考试7场。')).toHaveLength(1));
  describe('look-alikes that must stay silent', () => {
    test('up to the end of December', () => expect(run('截至2020年12月底，共审查涉法文件39件。')).toEqual([]));
    test('a date, not a cut-off', () => expect(run('于10月底建成社区矫正中心，并投入使用。')).toEqual([]));
    test('a cut-off with no figure', () => expect(run('截至11月底，各项工作有序推进。')).toEqual([]));
    test('another year', () => expect(run('截至2019年10月底，累计办理案件300件。')).toEqual([]));
    test('a month range of a year span', () => expect(run('学习《法治政府建设实施纲要（2021-2025年）》，开展培训3次。')).toEqual([]));
  });
});
