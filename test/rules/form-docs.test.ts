/** Each form rule's page: its failing example fires the rule, its passing example does not. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { runRule } from '../helpers/rule.js';
import { formRules } from '../../rules/form/index.js';

function examples(id: string): [string, string] {
  const page = readFileSync(new URL(`../../docs/rules/${id}.md`, import.meta.url), 'utf8');
  const block = (heading: string) => new RegExp(`## ${heading}\\n\\n\`\`\`markdown\\n([\\s\\S]*?)\\n\`\`\``).exec(page)![1];
  return [block('错误示例'), block('正确示例')];
}

describe('form rule pages', () => {
  for (const rule of formRules) {
    test(rule.meta.id, () => {
      const [bad, good] = examples(rule.meta.id);
      expect(runRule(rule.meta.id, bad).length).toBeGreaterThan(0);
      expect(runRule(rule.meta.id, good)).toEqual([]);
    });
  }
});
