import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { applyEdits } from '../../rules/index.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report, renumbered } from '../helpers/reports.js';

describe('section-missing', () => {
  test('a complete report is silent', () => {
    expect(runRule('section-missing', report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS))).toEqual([]);
  });

  test('other wordings and traditional characters are recognised by meaning', () => {
    const text = report(
      ['一、法治政府建设工作開展情況', MEASURES[1]],
      ['二、存在的短板和差距', PROBLEMS[1]],
      ['三、主要負責同志履行推進法治建設職責情況', FIRST_RESPONSIBLE[1]],
      ['四、下一步打算', PLANS[1]],
    );
    expect(runRule('section-missing', text)).toEqual([]);
  });

  test('the duty item found inside another section is not missing (first-responsible-separate reports it)', () => {
    const measures = [...MEASURES, '（三）一是落实主要负责人履行推进法治建设第一责任人职责。局长1月18日主持专题会议研究法治工作。'];
    expect(runRule('section-missing', report(...renumbered(measures, PROBLEMS, PLANS)))).toEqual([]);
  });

  test('a missing duty item is inserted before the plans, numbered to fit, and the plans renumbered', () => {
    const text = report(...renumbered(MEASURES, PROBLEMS, PLANS));
    const [f] = runRule('section-missing', text);
    expect(f.message).toContain('党政主要负责人履行推进法治建设第一责任人职责情况');
    expect(f.line).toBe(text.split('\n').indexOf('三、2022年推进法治政府建设的主要安排') + 1);
    expect(f.fixes[0].messageId).toBe('insertRenumber');
    expect(f.fixes[0].title).toContain('重新编号');
    const out = applyEdits(text, f.fixes[0].edits);
    const lines = out.split('\n');
    const at = lines.indexOf('三、党政主要负责人履行推进法治建设第一责任人职责情况');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^【待补充：.*次数和日期.*学法.*述法.*出庭应诉.*文件名称/);
    expect(lines[at + 2]).toBe('四、2022年推进法治政府建设的主要安排');
    // nothing else changed: removing the two inserted lines and the new numeral gives the original back
    expect([...lines.slice(0, at), ...lines.slice(at + 2)].join('\n').replace('四、2022', '三、2022')).toBe(text);
    expect(runRule('section-missing', out)).toEqual([]);
    expect(runRule('section-empty', out).map((x) => x.line)).toEqual([at + 1]);
  });

  test('missing plans go at the end of the body, before the signature, with the next year in the title', () => {
    const text = report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE);
    const [f] = runRule('section-missing', text);
    expect(f.fixes[0].messageId).toBe('insert');
    const out = applyEdits(text, f.fixes[0].edits).split('\n');
    const at = out.indexOf('四、2022年推进法治政府建设的主要安排');
    expect(at).toBeGreaterThan(0);
    expect(out[at + 2]).toBe('某县司法局');
  });

  test('a report with Markdown headings gets a Markdown heading', () => {
    const text = ['# 某县2021年法治政府建设情况的报告', '', '## 一、主要举措和成效', '', MEASURES[1], '', '## 二、下一年度工作计划', '', PLANS[1], ''].join('\n');
    const found = runRule('section-missing', text);
    expect(found.map((f) => f.data.item)).toEqual(['存在的不足和原因', '党政主要负责人履行推进法治建设第一责任人职责情况']);
    const out = applyEdits(text, found[0].fixes[0].edits);
    expect(out).toContain('## 二、存在的不足和原因\n\n【待补充');
    expect(out).toContain('## 三、下一年度工作计划');
  });

  test('the section never goes inside code: a draft ending in an unclosed fence gets it before the fence', () => {
    const text = '一、主要举措和成效\n全年审核规范性文件12件。\n```\n未闭合的代码\n';
    const found = runRule('section-missing', text);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      const out = applyEdits(text, f.fixes[0].edits);
      expect(out.endsWith('```\n未闭合的代码\n')).toBe(true);
      // the inserted section is read as a section: the item is no longer missing
      expect(runRule('section-missing', out)).toHaveLength(found.length - 1);
    }
    const only = '```';
    const [g] = runRule('section-missing', only);
    expect(applyEdits(only, g.fixes[0].edits).endsWith('\n```')).toBe(true);
  });

  test('the inserted heading takes the form of its top-level neighbour, so it is read as top-level', () => {
    const text = '## 一、主要举措和成效\n全年审核规范性文件12件。\n# 二、其他需要报告的情况\n无。\n';
    const found = runRule('section-missing', text);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      const out = applyEdits(text, f.fixes[0].edits);
      expect(out).toMatch(/\n# [二三]、/);
      expect(runRule('section-missing', out)).toHaveLength(found.length - 1);
    }
  });
});
