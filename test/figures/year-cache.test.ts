/**
 * The figures model keeps each block's analysis by its text (an editor re-check analyses only the lines that changed),
 * but what a line's dates mean depends on the report year: 2023年1至6月 is part of the year in a 2023 report and a
 * whole other year in a 2024 one. The same line checked under two years, in either order, must read each year's way.
 */
import { describe, expect, test } from 'vitest';
import { check } from '../../rules/index.js';
import { figuresOf } from '../../rules/model/figures/index.js';

const LINE = '2023年1至6月，全区共受理行政复议案件20件。';
const periodOf = (year: number) => {
  const { report } = check(`某区司法局关于${year}年度法治政府建设情况的报告\n\n${LINE}\n`);
  const q = figuresOf(report).quantities.find((x) => x.text.startsWith('20件'));
  expect(q, `the figure 20件 in a ${year} report`).toBeDefined();
  return q!.period;
};

describe('figures model cache and the report year', () => {
  test('a line read in a 2023 report, then the same line in a 2024 report', () => {
    expect(periodOf(2023)).toMatchObject({ kind: 'partial' });
    expect(periodOf(2024)).toMatchObject({ kind: 'year', key: 'year:2023' });
  });
  test('the other order', () => {
    expect(periodOf(2024)).toMatchObject({ kind: 'year', key: 'year:2023' });
    expect(periodOf(2023)).toMatchObject({ kind: 'partial' });
  });
});
