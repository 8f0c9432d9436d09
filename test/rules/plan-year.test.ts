import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report } from '../helpers/reports.js';

const withPlans = (...lines: string[]) => report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, lines);

describe('plan-year', () => {
  test('the next year in the heading is silent', () => {
    expect(runRule('plan-year', report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS))).toEqual([]);
  });

  test('the next year in the opening sentence of the text is enough', () => {
    expect(runRule('plan-year', withPlans('四、下一步工作打算', '2022年，我局将重点做好以下工作。', PLANS[1]))).toEqual([]);
  });

  test('no year: missing, with the year it should name', () => {
    const found = runRule('plan-year', withPlans('四、下年度工作要点', PLANS[1]));
    expect(found.map((f) => f.message)).toEqual(['下一年度安排未写明年份（应为2022年）']);
  });

  test('the report year named instead of the next', () => {
    const found = runRule('plan-year', withPlans('四、2021年工作计划', PLANS[1]));
    expect(found.map((f) => f.messageId)).toEqual(['wrong']);
    expect(found[0].message).toBe('下一年度安排写的是2021年，应为2022年');
  });
});
