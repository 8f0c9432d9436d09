import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report, renumbered } from '../helpers/reports.js';

describe('section-order', () => {
  test('the statutory order is silent, also when an item shares a heading', () => {
    expect(runRule('section-order', report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS))).toEqual([]);
    expect(runRule('section-order', report(...renumbered(MEASURES, ['二、存在问题及下一步打算', PROBLEMS[1]])))).toEqual([]);
  });

  test('the duty item before the problems: reported on the heading that comes too early', () => {
    const text = report(...renumbered(MEASURES, FIRST_RESPONSIBLE, PROBLEMS, PLANS));
    const found = runRule('section-order', text);
    expect(found.map((f) => f.line)).toEqual([text.split('\n').findIndex((l) => l.startsWith('二、党政主要负责人')) + 1]);
  });
});
