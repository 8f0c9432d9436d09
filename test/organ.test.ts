import { describe, expect, test } from 'vitest';
import { createReport } from '../rules/model/report.js';
import { detectOrgan } from '../rules/model/organ.js';

const organ = (text: string) => detectOrgan(createReport(text))?.name ?? null;
const BODY = '\n一、主要举措和成效\n全年审核规范性文件12件。';

describe('organ detection', () => {
  test('the subject of the opening sentence', () => {
    expect(organ('2017年以来，湘江区司法局紧紧围绕区委的工作部署，推进依法行政。' + BODY)).toBe('湘江区司法局');
    expect(organ('2020年，在市委、市政府的正确领导下，青山区深入贯彻落实中央决策部署。' + BODY)).toBe('青山区');
    expect(organ('2020年东风街道办事处继续规范和加强基层法治建设。' + BODY)).toBe('东风街道办事处');
    expect(organ('2022年，青山区人民政府在市委、市政府的领导下，全面推进依法行政。' + BODY)).toBe('青山区人民政府');
  });

  test('the signature wins over the opening sentence; two organs are joined', () => {
    expect(organ('2021年，青山区深入推进法治建设。' + BODY + '\n中共青山区委员会\n青山区人民政府\n2022年3月5日')).toBe('中共青山区委员会、青山区人民政府');
  });

  test('the title, on one line or with the organ on the line above', () => {
    expect(organ('青山区司法局2021年法治政府建设情况报告\n今年以来，我局认真贯彻落实上级部署。' + BODY)).toBe('青山区司法局');
    expect(organ('青山区人民政府\n关于2021年度法治政府建设情况的报告\n今年以来，我区认真贯彻落实上级部署。' + BODY)).toBe('青山区人民政府');
  });

  test('pronouns and superiors are not organs', () => {
    expect(organ('今年以来，我局认真贯彻落实上级部署。' + BODY)).toBeNull();
    expect(organ('2021年，在区委、区政府的正确领导下，全局上下坚持依法行政。' + BODY)).toBeNull();
  });
});
