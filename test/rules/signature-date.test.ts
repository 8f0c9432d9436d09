import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { applyFirstFix } from './_form.js';

const BODY = ['青山区人民政府关于2021年度法治政府建设情况的报告', '一、主要举措和成效', '全年审核规范性文件12件。', '二、下一年度工作安排', '2022年将充实执法力量。'].join('\n');

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
