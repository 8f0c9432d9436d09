import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { report } from './_figures.js';

const run = (...p: string[]) => runRule('figure-rate', report(...p));

describe('figure-rate', () => {
  test('a rate its own counts do not give, with the numbers used', () => {
    const f = run('调解中心共接收调解案件42件，调解成功39件，调解成功率95%。');
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe('“调解成功率95%”与所列数量不符，按39/42计算应为92.9%（调解成功39件÷接收调解案件42件）');
    expect(f[0].related.map((r) => r.message)).toEqual(['分子：39件', '分母：42件']);
  });
  test('one decimal written, one decimal checked', () => {
    expect(run('已受理案件1510起，成功调解1474起，成功率达98.6%。')).toHaveLength(1);
  });
  describe('look-alikes that must stay silent', () => {
    test('rounded to a whole percent', () => expect(run('共接收调解案件42件，调解成功39件，调解成功率93%。')).toEqual([]));
    test('rounded to one decimal', () => expect(run('已受理案件1510起，成功调解1474起，成功率达97.6%。')).toEqual([]));
    test('numerator not stated', () => expect(run('共办理行政复议案件100宗，已审结77宗，直接纠错率为19.48%，间接纠错率为10.39%。')).toEqual([]));
    test('a rate with no counts of its own', () => expect(run('行政诉讼案件共95宗，负责人出庭应诉率达93.6%。')).toEqual([]));
    test('growth against an unstated base', () => expect(run('新增持证执法人员187名，较2019年同比增长52.94%。')).toEqual([]));
    test('approximate rate', () => expect(run('共接收调解案件42件，调解成功39件，调解成功率90%以上。')).toEqual([]));
  });
});
