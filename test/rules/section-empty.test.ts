import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report } from '../helpers/reports.js';

describe('section-empty', () => {
  test('sections with text are silent', () => {
    expect(runRule('section-empty', report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS))).toEqual([]);
  });

  test('an optional item left empty is not reported', () => {
    expect(runRule('section-empty', report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS, ['五、其他需要报告的情况']))).toEqual([]);
  });

  test('a heading with nothing under it', () => {
    const found = runRule('section-empty', report(MEASURES, [PROBLEMS[0]], FIRST_RESPONSIBLE, PLANS));
    expect(found.map((f) => f.message)).toEqual(['“存在的不足和原因”部分没有实质内容']);
  });

  test('placeholders only, or sub-headings without text', () => {
    const text = report(MEASURES, PROBLEMS, [FIRST_RESPONSIBLE[0], '【待补充】××××'], [PLANS[0], '（一）加强执法培训', '（二）充实基层力量']);
    expect(runRule('section-empty', text).map((f) => f.data.item)).toEqual(['党政主要负责人履行推进法治建设第一责任人职责情况', '下一年度主要安排']);
  });

  test('text after a heading title on the same line is content', () => {
    const text = report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, [PLANS[0], '1.加强执法培训。分批组织执法人员参加系统培训。']);
    expect(runRule('section-empty', text)).toEqual([]);
  });
});
