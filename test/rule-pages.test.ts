/**
 * The parts of the rule pages and of the README that come from metadata are held to the registry (as
 * markdownlint's test/markdownlint-test.mjs holds its docs to its rules): each page's title line and default
 * severity, the basis it quotes, its options with their defaults; the README's rule table lists exactly the
 * registry's rules by family. Hand-written parts (what it checks, examples) are tested by docs.test.ts.
 * Each rule also has its test file, which runs its cases through the rule tester.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { allRules, ruleText, BASIS, type Rule } from '../rules/index.js';

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;
const FAMILY_ROW = { checklist: '法定部分清单', form: '公文格式', figures: '数字', residue: '编辑和复制残留' } as const;

/** The severity line a page must have, written from the rule's metadata. */
export function severityLine(rule: Rule): string {
  const d = rule.meta.defaultSeverity;
  return typeof d === 'string' ? `默认级别：${d}（${SEVERITY_ZH[d]}）` : `默认级别：off（默认关闭；开启时为 ${d.off}（${SEVERITY_ZH[d.off]}））`;
}

function section(page: string, heading: RegExp): string {
  const lines = page.split('\n');
  const at = lines.findIndex((l) => /^##\s/.test(l) && heading.test(l));
  if (at < 0) return '';
  const end = lines.findIndex((l, i) => i > at && /^##\s/.test(l));
  return lines.slice(at + 1, end < 0 ? undefined : end).join('\n');
}

describe('rule pages agree with the registry', () => {
  for (const rule of allRules) {
    const id = rule.meta.id;
    const file = `docs/rules/${id}.md`;
    const page = existsSync(file) ? readFileSync(file, 'utf8') : '';
    test(`${id}: title and default severity`, () => {
      const lines = page.split('\n');
      expect(lines[0]).toBe(`# ${id}：${ruleText('zh-CN', id)!.title}`);
      expect(lines[2]).toBe(severityLine(rule));
    });
    test(`${id}: quotes its basis verbatim`, () => {
      const why = section(page, /为什么|依据/);
      for (const key of rule.meta.basis) {
        const quote = BASIS[key].quote;
        if (quote) expect(why || page, `${id} quotes ${key}`).toContain(quote);
      }
    });
    test(`${id}: its options with their defaults`, () => {
      const options = section(page, /选项/);
      expect(options, `${file} has an options section`).not.toBe('');
      for (const [name, o] of Object.entries(rule.meta.options ?? {})) {
        expect(options).toContain(`\`${name}\``);
        expect(options).toContain(`默认 ${String(o.default)}`);
      }
    });
    test(`${id}: has its test file running the rule tester`, () => {
      const tests = `test/rules/${id}.test.ts`;
      expect(existsSync(tests), tests).toBe(true);
      expect(readFileSync(tests, 'utf8')).toContain(`ruleTester('${id}'`);
    });
  }
});

describe("the README's rule table agrees with the registry", () => {
  const readme = readFileSync('README.md', 'utf8');
  for (const [family, label] of Object.entries(FAMILY_ROW)) {
    test(`${family}: the row lists the family's rules, in registry order, off-by-default ones marked`, () => {
      const row = readme.split('\n').find((l) => l.startsWith(`| ${label} `));
      expect(row, `README row "${label}"`).toBeDefined();
      const cell = row!.split('|')[2];
      const listed = [...cell.matchAll(/\[([a-z-]+)\]\(docs\/rules\/\1\.md\)( \(off by default\))?/g)].map((m) => m[1] + (m[2] ? ' (off)' : ''));
      const rules = allRules.filter((r) => r.meta.family === family);
      expect(listed).toEqual(rules.map((r) => r.meta.id + (typeof r.meta.defaultSeverity === 'string' ? '' : ' (off)')));
    });
  }
});
