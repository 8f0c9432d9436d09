import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { applyFirstFix } from './_form.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';

const BODY = ['青山区人民政府关于2021年度法治政府建设情况的报告', '一、主要举措和成效', '全年审核规范性文件12件。', '二、下一年度工作安排', '2022年将充实执法力量。'].join('\n');

const ZEROS = BODY + '\n青山区人民政府\n2022年03月05日\n';
const CN_DATE = BODY + '\n青山区人民政府\n二〇二二年三月五日';
const NO_ORGAN = BODY + '\n2022年3月5日';

ruleTester('signature-date', {
  valid: [
    { name: 'a valid signature of two organs', code: BODY + '\n中共青山区委员会\n青山区人民政府\n2022年3月5日' },
    { name: '（此件公开发布） after a valid signature', code: BODY + '\n青山区人民政府\n2022年3月5日\n（此件公开发布）' },
  ],
  invalid: [
    // reported at the end of the last line: where the signature belongs
    { name: 'no issuing organ and no date at the end', code: BODY, errors: [{ messageId: 'missing', line: 5, column: 14, endColumn: 14, message: '缺少落款和成文日期' }] },
    {
      name: 'a web page 发布日期 line is not a signature',
      code: BODY + '\n发布日期：2022-03-01\n网站地图 | 联系我们',
      // the page's footer after the 发布日期 line is furniture too: the finding stands at the end of the report text
      errors: [{ messageId: 'missing', line: 5, column: 14, endColumn: 14 }],
    },
    {
      name: 'a date with leading zeros is rewritten to the GB/T 9704 form, touching only the date',
      code: ZEROS,
      errors: [{ messageId: 'format', ...spanOf(ZEROS, '2022年03月05日'), message: '成文日期应写作“2022年3月5日”', fixes: ['rewrite'] }],
      output: BODY + '\n青山区人民政府\n2022年3月5日\n',
    },
    {
      name: 'a date in Chinese numerals',
      code: CN_DATE,
      errors: [{ messageId: 'format', ...spanOf(CN_DATE, '二〇二二年三月五日'), data: { expected: '2022年3月5日' } }],
      output: BODY + '\n青山区人民政府\n2022年3月5日',
    },
    { name: 'a date without an organ above it', code: NO_ORGAN, errors: [{ messageId: 'noOrgan', ...spanOf(NO_ORGAN, '2022年3月5日') }] },
    { name: 'an organ without a date', code: BODY + '\n青山区人民政府', errors: [{ messageId: 'noDate', line: 6, column: 1 }] },
  ],
});

describe('signature-date', () => {
  test('no issuing organ and no date at the end', () => {
    const [f, ...rest] = runRule('signature-date', BODY);
    expect(rest).toEqual([]);
    expect(f.messageId).toBe('missing');
    expect(f.line).toBe(5);
  });

  test('a web page 发布日期 line is not a signature', () => {
    const text = BODY + '\n发布日期：2022-03-01\n网站地图 | 联系我们';
    expect(runRule('signature-date', text).map((f) => f.messageId)).toEqual(['missing']);
  });

  test('a date with leading zeros is rewritten to the GB/T 9704 form, touching only the date', () => {
    const text = BODY + '\n青山区人民政府\n2022年03月05日\n';
    const [f, ...rest] = runRule('signature-date', text);
    expect(rest).toEqual([]);
    expect(f.messageId).toBe('format');
    expect(f.message).toContain('2022年3月5日');
    const fixed = applyFirstFix(text, f);
    expect(fixed).toBe(BODY + '\n青山区人民政府\n2022年3月5日\n');
    expect(runRule('signature-date', fixed)).toEqual([]);
  });

  test('a date in Chinese numerals is reported', () => {
    const [f] = runRule('signature-date', BODY + '\n青山区人民政府\n二〇二二年三月五日');
    expect(f.messageId).toBe('format');
    expect(f.data.expected).toBe('2022年3月5日');
  });

  test('a date without an organ above it', () => {
    expect(runRule('signature-date', BODY + '\n2022年3月5日').map((f) => f.messageId)).toEqual(['noOrgan']);
  });

  test('must not fire on a valid signature of two organs', () => {
    expect(runRule('signature-date', BODY + '\n中共青山区委员会\n青山区人民政府\n2022年3月5日')).toEqual([]);
  });
});

describe('signature-date with a 附注', () => {
  test('must not fire when （此件公开发布） follows a valid signature', () => {
    expect(runRule('signature-date', BODY + '\n青山区人民政府\n2022年3月5日\n（此件公开发布）')).toEqual([]);
  });
});
