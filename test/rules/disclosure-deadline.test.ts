import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';

const report = (date: string, year = '2021') =>
  [`青山区人民政府关于${year}年度法治政府建设情况的报告`, '一、主要举措和成效', '全年审核规范性文件12件。', '青山区人民政府', date].join('\n');

const late = (date: string) => {
  const code = report(date);
  return { name: date, code, errors: [{ messageId: 'late' as const, ...spanOf(code, date), message: '成文日期晚于4月1日，超出年度报告公开时限' }] };
};

ruleTester('disclosure-deadline', {
  valid: [
    report('2022年3月31日'),
    report('2022年1月10日'),
    { name: 'the year is unknown', code: ['法治政府建设情况的报告', '全年审核规范性文件12件。', '青山区人民政府', '2022年6月1日'].join('\n') },
  ],
  invalid: [
    {
      name: 'past the reporting day the config sets (deadlines.report), before publication',
      code: report('2022年3月15日'),
      settings: { deadlines: { report: { month: 3, day: 1 } } },
      errors: [{ messageId: 'lateReport' as const, ...spanOf(report('2022年3月15日'), '2022年3月15日'), message: '成文日期晚于3月1日，超出年度报告报送时限（配置的 deadlines.report）' }],
    },
    late('2022年4月1日'), late('2022年11月20日'), late('2023年1月5日'), { ...late('二〇二二年五月八日'), name: 'a late date in another form counts too' }],
});

describe('disclosure-deadline', () => {
  test('dated 1 April of the next year or later', () => {
    const [f] = runRule('disclosure-deadline', report('2022年4月1日'));
    expect(f.messageId).toBe('late');
    expect(f.line).toBe(5);
    expect(runRule('disclosure-deadline', report('2022年11月20日'))).toHaveLength(1);
    expect(runRule('disclosure-deadline', report('2023年1月5日'))).toHaveLength(1);
  });

  test('a late date in another form counts too', () => {
    expect(runRule('disclosure-deadline', report('二〇二二年五月八日'))).toHaveLength(1);
  });

  test('must not fire on dates in the first quarter, or when the year is unknown', () => {
    expect(runRule('disclosure-deadline', report('2022年3月31日'))).toEqual([]);
    expect(runRule('disclosure-deadline', report('2022年1月10日'))).toEqual([]);
    expect(runRule('disclosure-deadline', ['法治政府建设情况的报告', '全年审核规范性文件12件。', '青山区人民政府', '2022年6月1日'].join('\n'))).toEqual([]);
  });
});
