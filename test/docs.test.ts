/**
 * Every rule has a page, docs/rules/<id>.md, whose failing example fires the rule and whose passing example
 * does not: the examples are real, not decoration.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { allRules } from '../rules/index.js';
import { runRule } from './helpers/rule.js';

const FAILING = /错误示例|不通过|反例|会报告|触发|failing|incorrect/i;
const PASSING = /正确示例|通过|正例|不报告|不会触发|passing|correct/i;
/** The heading of last year's report in a two-file example (plan-followup, text-recycled). */
const PREVIOUS = /上年度报告|last year's report/i;

/** The first ```markdown (or ```md / ```text) block after a heading matching the pattern. */
function exampleAfter(page: string, heading: RegExp, not?: RegExp): string | null {
  const lines = page.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^#{2,4}\s/.test(lines[i]) || !heading.test(lines[i]) || (not && not.test(lines[i]))) continue;
    for (let j = i + 1; j < lines.length; j++) {
      if (/^#{1,4}\s/.test(lines[j])) break;
      const open = /^(`{3,}|~{3,})\s*(markdown|md|text|txt)?\s*$/.exec(lines[j]);
      if (!open) continue;
      const body: string[] = [];
      for (let k = j + 1; k < lines.length && !lines[k].startsWith(open[1]); k++) body.push(lines[k]);
      return body.join('\n') + '\n';
    }
  }
  return null;
}

describe('rule pages', () => {
  test('rule ids are unique and every page in docs/rules belongs to a rule', async () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    const { readdirSync } = await import('node:fs');
    const pages = existsSync('docs/rules') ? readdirSync('docs/rules').filter((f) => f.endsWith('.md') && f !== 'README.md') : [];
    for (const p of pages) expect(ids, `docs/rules/${p} has no rule`).toContain(p.replace(/\.md$/, ''));
  });
  for (const rule of allRules) {
    const id = rule.meta.id;
    const file = `docs/rules/${id}.md`;
    test(`${id}: page exists and says how to turn the rule off`, () => {
      expect(existsSync(file), file).toBe(true);
      const page = readFileSync(file, 'utf8');
      expect(page).toContain(`fazhi-lint-disable`);
      expect(page).toMatch(new RegExp(`"${id}"\\s*:\\s*"off"`));
    });
    test(`${id}: the failing example fires, the passing example does not`, () => {
      const page = readFileSync(file, 'utf8');
      const failing = exampleAfter(page, FAILING);
      const passing = exampleAfter(page, PASSING, FAILING);
      // a rule that reads last year's report beside this year's gives it under its own heading, for both examples
      const previous = exampleAfter(page, PREVIOUS) ?? undefined;
      expect(failing, 'failing example').not.toBeNull();
      expect(passing, 'passing example').not.toBeNull();
      expect(runRule(id, failing!, {}, previous).length, `failing example of ${id}`).toBeGreaterThan(0);
      expect(runRule(id, passing!, {}, previous).map((f) => f.message), `passing example of ${id}`).toEqual([]);
    });
  }
});
