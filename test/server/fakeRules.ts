/** A rule of the test's own, registered with message texts so the engine can localise it. */
import type { Rule } from '../../rules/engine/rule.js';
import { zhCN } from '../../rules/messages/zh-CN.js';
import { en } from '../../rules/messages/en.js';
export { defaultConfig } from '../../rules/index.js';

export function defineRuleForTest(id: string, check: Rule['check']): Rule {
  // outside the typed catalogue on purpose (defineRule accepts only catalogue ids): registered at run time
  for (const cat of [zhCN, en]) (cat.rules as Record<string, unknown>)[id] ??= { title: `测试规则 ${id}`, why: '测试', messages: { m: '测试问题' }, fixes: { del: '删除', x: '替换' } };
  return { meta: { id, family: 'residue', defaultSeverity: 'error', basis: ['content'], fixable: true }, check };
}
