/** The engine: configuration, inline directives, a throwing rule, fix application. */
import { describe, expect, test } from 'vitest';
import * as path from 'node:path';
import {
  check,
  configForFile,
  ConfigError,
  defaultConfig,
  applyEdits,
  compatibleFixes,
  fix,
  type ConfigHost,
  type Rule,
} from '../rules/index.js';
import { defineRule, type RawFinding } from '../rules/engine/rule.js';

function memoryHost(files: Record<string, string>): ConfigHost {
  return {
    readFile: (p) => files[p],
    dirname: (p) => path.posix.dirname(p),
    join: (...parts) => path.posix.join(...parts),
    resolve: (base, rel) => path.posix.resolve(base, rel),
  };
}

/** A rule reporting every occurrence of 甲, with a fix replacing it by 乙. */
const jia: Rule = defineRule(
  { id: 'section-missing', family: 'checklist', defaultSeverity: 'error', basis: ['content'], fixable: true, options: { word: { type: 'string', description: 'w', default: '甲' } } },
  (report, options) => {
    const word = options.word;
    const out: RawFinding<'section-missing'>[] = [];
    for (let i = report.source.indexOf(word); i >= 0; i = report.source.indexOf(word, i + 1)) {
      out.push({ start: i, end: i + word.length, messageId: 'missing', data: { item: word }, fixes: [{ messageId: 'insert', data: { item: word }, edits: [{ start: i, end: i + word.length, newText: '乙' }], safe: true }] });
    }
    return out;
  },
);
const boom: Rule = defineRule({ id: 'section-order', family: 'checklist', defaultSeverity: 'warning', basis: ['content'] }, () => {
  throw new Error('boom');
});
const rules = [jia, boom];

describe('configuration', () => {
  test('the nearest config file upward from the checked file, with comments, extends and options', () => {
    const host = memoryHost({
      '/ws/.fazhi-lint.json': '{ "rules": { "section-missing": "warning", "section-order": "off" } }',
      '/ws/reports/.fazhi-lint.jsonc': '// 本目录\n{ "extends": "../.fazhi-lint.json", "rules": { "section-missing": ["info", { "word": "丙" }] }, }',
    });
    const c = configForFile(host, '/ws/reports/2021/draft.md', rules);
    expect(c.rules['section-missing']).toEqual({ severity: 'info', options: { word: '丙' } });
    expect(c.rules['section-order'].severity).toBe('off');
    expect(c.files).toEqual(['/ws/reports/.fazhi-lint.jsonc', '/ws/.fazhi-lint.json']);
  });

  test('defaults when there is no config file; the all preset turns on rules that are off by default', () => {
    const offByDefault = defineRule({ id: 'plan-year', family: 'checklist', defaultSeverity: { off: 'info' }, basis: ['content'] }, () => []);
    expect(defaultConfig([offByDefault]).rules['plan-year'].severity).toBe('off');
    const host = memoryHost({ '/w/.fazhi-lint.json': '{"extends": "fazhi-lint:all"}' });
    expect(configForFile(host, '/w/a.md', [offByDefault]).rules['plan-year'].severity).toBe('info');
    expect(configForFile(memoryHost({}), '/w/a.md', [offByDefault]).files).toEqual([]);
  });

  const broken: [string, string, RegExp, number, number][] = [
    ['syntax error', '{\n  "rules": { "section-missing": "error" \n', /JSON/, 3, 1],
    ['bad severity', '{\n  "rules": {\n    "section-missing": "fatal"\n  }\n}', /级别|severity/, 3, 24],
    ['unknown rule, with a suggestion', '{ "rules": { "section-mising": "off" } }', /section-missing/, 1, 14],
    ['unknown option', '{ "rules": { "section-missing": ["error", { "words": 1 }] } }', /words/, 1, 45],
    ['wrong option type', '{ "rules": { "section-missing": ["error", { "word": 1 }] } }', /string/, 1, 53],
    ['unknown top-level key', '{ "rulez": {} }', /rulez/, 1, 3],
    ['extends a package (could execute code)', '{ "extends": "some-package" }', /相对路径|relative/, 1, 14],
  ];
  for (const [name, text, msg, line, column] of broken) {
    test(`a broken config is reported with its path and position: ${name}`, () => {
      const host = memoryHost({ '/p/.fazhi-lint.json': text });
      let err: unknown;
      try {
        configForFile(host, '/p/a.md', rules);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      const ce = err as ConfigError;
      expect(ce.file).toBe('/p/.fazhi-lint.json');
      expect(ce.detail).toMatch(msg);
      expect([ce.line, ce.column]).toEqual([line, column]);
    });
  }

  test('circular extends is an error, not a hang', () => {
    const host = memoryHost({ '/c/.fazhi-lint.json': '{"extends": "./b.json"}', '/c/b.json': '{"extends": "./.fazhi-lint.json"}' });
    expect(() => configForFile(host, '/c/x.md', rules)).toThrow(ConfigError);
  });
});

describe('running rules', () => {
  const config = defaultConfig(rules);

  test('a throwing rule becomes a finding of its own and the others still report', () => {
    const r = check('甲乙甲', { rules, config });
    expect(r.findings.filter((f) => f.ruleId === 'section-missing')).toHaveLength(2);
    const err = r.findings.find((f) => f.ruleId === 'section-order')!;
    expect(err.severity).toBe('error');
    expect(err.message).toContain('boom');
  });

  test('findings carry 1-based positions in UTF-16 columns, a docs link and localised text', () => {
    const r = check('𠀀x\n甲', { rules: [jia], config });
    const f = r.findings[0];
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([2, 1, 2, 2]);
    expect(f.docsUrl).toMatch(/docs\/rules\/section-missing\.md$/);
    expect(f.message).toContain('缺少“甲”部分');
    expect(check('甲', { rules: [jia], config, language: 'en' }).findings[0].message).toContain('The "甲" section is missing');
  });

  test('inline comments disable rules for a block, the next line or the line', () => {
    const text = [
      '甲',
      '<!-- fazhi-lint-disable section-missing -->',
      '甲',
      '<!-- fazhi-lint-enable section-missing -->',
      '甲',
      '<!-- fazhi-lint-disable-next-line -->',
      '甲',
      '甲 <!-- fazhi-lint-disable-line section-missing -->',
      '<!-- fazhi-lint-disable-next-line other-rule -->',
      '甲',
    ].join('\n');
    expect(check(text, { rules: [jia], config }).findings.map((f) => f.line)).toEqual([1, 5, 10]);
  });

  test('code blocks are not report text', () => {
    expect(check('```\n甲\n```\n', { rules: [jia], config }).findings).toEqual([]);
  });
});

describe('fixes', () => {
  test('edits apply in order; overlapping edits are refused', () => {
    expect(applyEdits('abcdef', [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: '' }, { start: 2, end: 2, newText: '+' }])).toBe('b+cdEf');
    expect(() => applyEdits('abc', [{ start: 0, end: 2, newText: '' }, { start: 1, end: 3, newText: '' }])).toThrow(RangeError);
  });

  test('compatible fixes skip overlaps and duplicates', () => {
    const a = { edits: [{ start: 0, end: 2, newText: 'x' }] };
    const b = { edits: [{ start: 1, end: 3, newText: 'y' }] };
    const c = { edits: [{ start: 0, end: 2, newText: 'x' }] };
    const d = { edits: [{ start: 3, end: 3, newText: 'z' }] };
    expect(compatibleFixes([a, b, c, d])).toEqual([a, d]);
  });

  test('fix applies every finding and keeps the rest of the text', () => {
    const config = defaultConfig([jia]);
    const r = check('一甲二甲三', { rules: [jia], config });
    expect(fix('一甲二甲三', r.findings).output).toBe('一乙二乙三');
  });
});
