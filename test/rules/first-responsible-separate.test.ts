import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { applyEdits } from '../../rules/index.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report, renumbered } from '../helpers/reports.js';

const INSIDE = '（三）一是落實主要負責人履行推進法治建設第一責任人職責。局長主持專題會議研究法治工作。';

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
    expect(out).toMatch(/三、党政主要负责人履行推进法治建设第一责任人职责情况\n【待补充：.*可将“落实主要负责人[^”]*”一段移至本部分。】\n四、2022年/);
    expect(runRule('first-responsible-separate', out)).toEqual([]);
  });
});
