import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report } from '../helpers/reports.js';
import { keyTerms } from '../../rules/model/items.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';

const UNMATCHED = report(MEASURES, [PROBLEMS[0], ...PROBLEMS.slice(1), '三是政务公开信息更新滞后，由于网站维护人员不足。'], FIRST_RESPONSIBLE, PLANS);
const WEAK = report(MEASURES, [PROBLEMS[0], '一是法制审核人员培训不够系统，缺乏专门课程。'], FIRST_RESPONSIBLE, [PLANS[0], '（一）规范执法证件管理。严格执法证件动态管理，开展执法业务培训。']);

ruleTester('problem-plan-unmatched', {
  valid: [
    { name: 'every problem answered by a plan sharing its key terms', code: report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS) },
    {
      name: 'a term the dictionary does not know is still matched (以案释法)',
      code: report(MEASURES, [PROBLEMS[0], '一是以案释法工作有待细化，由于案例收集渠道少。'], FIRST_RESPONSIBLE, [PLANS[0], '（一）深化普法。加强以案释法，定期发布典型案例。']),
    },
  ],
  invalid: [
    {
      name: 'a problem no plan addresses',
      code: UNMATCHED,
      errors: [{ messageId: 'unmatched', ...spanOf(UNMATCHED, '政务公开信息更新滞后'), message: '问题“政务公开信息更新滞后”在下一年度安排中没有对应措施' }],
    },
    {
      name: 'a weak match names the closest plan',
      code: WEAK,
      errors: [{ messageId: 'weak', ...spanOf(WEAK, '法制审核人员培训不够系统'), data: { plan: '规范执法证件管理' }, message: /最接近的是“规范执法证件管理”/ }],
    },
  ],
});

describe('problem-plan-unmatched', () => {
  test('general words alone do not make a match', () => {
    expect([...keyTerms('进一步加强法治政府建设工作')]).toEqual([]);
    expect(keyTerms('依法行政制度建设有待加强').has('依法行政')).toBe(true);
  });
});
