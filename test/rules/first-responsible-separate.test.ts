import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { applyEdits } from '../../rules/index.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report, renumbered } from '../helpers/reports.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';

const INSIDE = '（三）一是落實主要負責人履行推進法治建設第一責任人職責。局長主持專題會議研究法治工作。';

// 某县司法局's report: the section written for a department names its principal leader
const DUTY_TITLE = '主要负责人履行推进法治建设第一责任人职责情况';
const DUTY_PLACEHOLDER =
  '【待补充：写明本部门主要负责人履行推进法治建设第一责任人职责的具体事实：专题研究法治建设、听取工作汇报的次数和日期，带头学法的次数，年终述法情况，行政机关负责人出庭应诉情况，主持审议、签发的文件名称；可将“落实主要负责人履行推进法治建设第一责…”一段移至本部分。】';
const BURIED = report(...renumbered([...MEASURES, INSIDE], PROBLEMS, PLANS));

ruleTester('first-responsible-separate', {
  valid: [
    { name: 'a section of its own', code: report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS) },
    { name: 'a missing item is section-missing’s business, not this rule’s', code: report(...renumbered(MEASURES, PROBLEMS, PLANS)) },
  ],
  invalid: [
    {
      name: 'the item only inside another section: reported on the paragraph after its number; a section is inserted before the plans',
      code: BURIED,
      errors: [{ messageId: 'inside', ...spanOf(BURIED, INSIDE.slice('（三）'.length, '（三）'.length + 24)), message: '第一责任人职责履行情况未单列成部分', fixes: ['insertRenumber'] }],
      output: report(...renumbered([...MEASURES, INSIDE], PROBLEMS, ['三、' + DUTY_TITLE, DUTY_PLACEHOLDER], PLANS)),
    },
  ],
});

describe('first-responsible-separate', () => {
  test('a section of its own is silent', () => {
    expect(runRule('first-responsible-separate', report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS))).toEqual([]);
  });

  test('a missing item is section-missing’s business, not this rule’s', () => {
    expect(runRule('first-responsible-separate', report(...renumbered(MEASURES, PROBLEMS, PLANS)))).toEqual([]);
  });

  test('the item only inside another section (traditional characters) is reported there, and a section is inserted', () => {
    const text = report(...renumbered([...MEASURES, INSIDE], PROBLEMS, PLANS));
    const [f] = runRule('first-responsible-separate', text);
    expect(f.line).toBe(text.split('\n').indexOf(INSIDE) + 1);
    expect(f.fixes[0].messageId).toBe('insertRenumber');
    const out = applyEdits(text, f.fixes[0].edits);
    expect(out).toContain(INSIDE); // the paragraph itself stays where it is
    expect(out).toMatch(/三、主要负责人履行推进法治建设第一责任人职责情况\n【待补充：.*可将“落实主要负责人[^”]*”一段移至本部分。】\n四、2022年/);
    expect(runRule('first-responsible-separate', out)).toEqual([]);
  });
});
