import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { fix } from '../../rules/index.js';

import { ruleTester } from '../helpers/ruleTester.js';

/** [text, the clashing marks, the text with exactly the extra mark deleted] */
const CLASHES: [string, string, string][] = [
  ['纳入年度工作计划。;区政府落实公开制度。', '。;', '纳入年度工作计划。区政府落实公开制度。'],
  ['纳入学习内容。,法治建设考核权重提高。', '。,', '纳入学习内容。法治建设考核权重提高。'],
  ['组织任前法律知识考试,。实现全覆盖。', ',。', '组织任前法律知识考试。实现全覆盖。'],
  ['完善制度；。加强监督。', '；。', '完善制度。加强监督。'],
  ['推进依法决策，，规范执法行为。', '，，', '推进依法决策，规范执法行为。'],
  ['强化监督、，提升效能。', '、，', '强化监督，提升效能。'],
];

ruleTester('punctuation-residue', {
  valid: [
    '他说：“全面依法治国是国家治理的一场深刻革命。”',
    '各项工作有序推进……取得积极成效。',
    '行政复议纠错率为19.48%。',
    '1.深入学习贯彻习近平法治思想。',
    '引用《关于加强行政执法协调监督工作体系建设的意见，。》原文。',
    '共审查文件1,234件。',
    { name: 'a wrapped Markdown line may stop on a comma', code: '第一段写到这里，\n接着在下一行继续写完。\n\n第二段。\n\n第三段。\n\n第四段。\n' },
  ],
  invalid: [
    ...CLASHES.map(([code, marks, output]) => {
      const column = code.indexOf(marks) + 1;
      return { code, errors: [{ messageId: 'clash' as const, line: 1, column, endColumn: column + 2, data: { text: marks }, fixes: ['delete'] }], output };
    }),
    {
      name: 'a paragraph ending in a comma is reported (no fix: the right ending is not known)',
      code: '一是完善机制，调解成功率100%，\n二是创新模式。\n',
      errors: [{ messageId: 'trailing', line: 1, column: 17, endColumn: 18, message: '标点残留“，”：段落不应以此结尾', fixes: [] }],
      output: null,
    },
    { name: 'a paragraph ending in 、', code: '涉及司法、公安、\n\n其他内容。\n', errors: [{ messageId: 'trailing', line: 1, column: 8, data: { text: '、' }, fixes: [] }] },
  ],
});

describe('punctuation-residue', () => {
  test('a paragraph ending in a comma or 、 is reported (no fix: the right ending is not known)', () => {
    const f = runRule('punctuation-residue', '一是完善机制，调解成功率100%，\n二是创新模式。\n');
    expect(f.map((x) => [x.line, x.messageId])).toEqual([[1, 'trailing']]);
    expect(f[0].fixes).toEqual([]);
    expect(runRule('punctuation-residue', '涉及司法、公安、\n\n其他内容。\n').map((x) => x.line)).toEqual([1]);
  });

  test('a wrapped Markdown line may stop on a comma', () => {
    const md = '第一段写到这里，\n接着在下一行继续写完。\n\n第二段。\n\n第三段。\n\n第四段。\n';
    expect(runRule('punctuation-residue', md)).toEqual([]);
  });
});

describe('punctuation-residue: a text cut short at its very end', () => {
  const OPENING = ['青山区2025年法治政府建设年度报告', '2025年，青山区扎实推进法治政府建设。', '一、2025年工作情况', '（一）强化政治引领。深入学习习近平法治思想，'];
  test('a page opening stored up to a comma (no 落款 after it) is cut there, not left with a stray mark', () => {
    expect(runRule('punctuation-residue', OPENING.join('\n') + '\n')).toEqual([]);
  });
  test('near misses: the same paragraph before the 落款, or before another paragraph, ends on a stray comma', () => {
    const signed = [...OPENING, '青山区人民政府', '2026年1月20日'].join('\n') + '\n';
    expect(runRule('punctuation-residue', signed).map((x) => [x.line, x.messageId])).toEqual([[4, 'trailing']]);
    const more = [...OPENING, '（二）规范行政执法。全年办理案件12件。'].join('\n') + '\n';
    expect(runRule('punctuation-residue', more).map((x) => [x.line, x.messageId])).toEqual([[4, 'trailing']]);
  });
});
