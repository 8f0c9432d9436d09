import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { applyEdits } from '../../rules/index.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report, MERGED_PAIRS } from '../helpers/reports.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';

const SPLIT_AT_PLANS = report(
  MEASURES,
  FIRST_RESPONSIBLE.map((l) => l.replace('三、', '二、')),
  ['三、存在問題及下一步打算', PROBLEMS[1], '下一步，我局将加强执法人员培训，充实基层司法所力量。'],
  ['四、其他需要报告的情况', '无其他需要报告的情况，特此报告。'],
);
const NO_SIGN = report(MEASURES, ['二、不足之处和改进方向', PROBLEMS[1]], FIRST_RESPONSIBLE);

ruleTester('section-merged', {
  valid: [
    { name: 'separate sections', code: report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS) },
    { name: 'a plans heading that only refers to the problems is not a merge', code: report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, ['四、针对存在问题的2022年工作打算', PLANS[1]]) },
  ],
  invalid: [
    {
      name: 'the plans part opens with the year planned for (（三）2022年，…): the split goes there',
      code: MERGED_PAIRS,
      errors: [{ messageId: 'merged', ...spanOf(MERGED_PAIRS, '存在的不足及下一步工作安排'), fixes: ['split'] }],
      output: MERGED_PAIRS.replace('三、存在的不足及下一步工作安排\n', '三、存在的不足\n').replace('\n（三）2022年，', '\n四、下一步工作安排\n（三）2022年，'),
    },
    {
      name: 'problems and plans under one heading: cut where the plans start (own characters kept), later headings renumbered',
      code: SPLIT_AT_PLANS,
      errors: [
        {
          messageId: 'merged',
          ...spanOf(SPLIT_AT_PLANS, '存在問題及下一步打算'),
          message: '“存在问题及下一步打算”将“存在的不足和原因”与“下一年度主要安排”合并为一部分，建议分列',
          fixes: ['split'],
        },
      ],
      output: SPLIT_AT_PLANS.replace('三、存在問題及下一步打算\n', '三、存在問題\n')
        .replace('\n下一步，我局将', '\n四、下一步打算\n下一步，我局将')
        .replace('四、其他需要报告的情况', '五、其他需要报告的情况'),
    },
    {
      name: 'with no sign of where the second item starts, it is added at the end of the section with a placeholder',
      code: NO_SIGN,
      errors: [{ messageId: 'merged', ...spanOf(NO_SIGN, '不足之处和改进方向'), data: { a: '存在的不足和原因', b: '下一年度主要安排' } }],
      output: NO_SIGN.replace('二、不足之处和改进方向\n', '二、不足之处\n')
        .replace(PROBLEMS[1] + '\n', PROBLEMS[1] + '\n三、改进方向\n【待补充：写明2022年推进法治政府建设的主要安排，逐条回应上文所列不足。】\n')
        .replace('三、党政主要负责人', '四、党政主要负责人'),
    },
  ],
});

describe('section-merged', () => {
  test('separate sections are silent', () => {
    expect(runRule('section-merged', report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS))).toEqual([]);
  });

  test('a plans heading that only refers to the problems is not a merge', () => {
    const text = report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, ['四、针对存在问题的2022年工作打算', PLANS[1]]);
    expect(runRule('section-merged', text)).toEqual([]);
  });

  test('problems and plans under one heading are split where the plans start, later headings renumbered', () => {
    const text = report(
      MEASURES,
      FIRST_RESPONSIBLE.map((l) => l.replace('三、', '二、')),
      ['三、存在問題及下一步打算', PROBLEMS[1], '下一步，我局将加强执法人员培训，充实基层司法所力量。'],
      ['四、其他需要报告的情况', '无其他需要报告的情况，特此报告。'],
    );
    const [f] = runRule('section-merged', text);
    expect(f.message).toBe('“存在问题及下一步打算”将“存在的不足和原因”与“下一年度主要安排”合并为一部分，建议分列');
    expect(f.fixes[0].title).toContain('存在问题');
    const out = applyEdits(text, f.fixes[0].edits);
    // the writer's own (traditional) characters are kept: the heading is cut, not rewritten
    expect(out).toContain('三、存在問題\n' + PROBLEMS[1] + '\n四、下一步打算\n下一步，我局将');
    expect(out).toContain('五、其他需要报告的情况');
    expect(runRule('section-merged', out)).toEqual([]);
  });

  test('with no sign of where the second item starts, it is added at the end of the section with a placeholder', () => {
    const text = report(MEASURES, ['二、不足之处和改进方向', PROBLEMS[1]], FIRST_RESPONSIBLE);
    const [f] = runRule('section-merged', text);
    const out = applyEdits(text, f.fixes[0].edits);
    expect(out).toContain('二、不足之处\n' + PROBLEMS[1] + '\n三、改进方向\n【待补充');
    expect(out).toContain('四、党政主要负责人');
  });
});
