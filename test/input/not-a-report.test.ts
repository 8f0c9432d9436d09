/**
 * A document that declares another kind — an interpretation of a report, an implementation plan, a notice — speaks
 * of 法治政府建设 as much as a report does. Walked, it is skipped; named for checking, it gets one info note saying
 * what it is, and the rules that read a text as a report (statutory sections, title, signature) do not run on it;
 * figures, form and residue are still checked. A report, whatever its title's wording, is never taken for one.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDraft } from '../../input/draft.js';
import { allRules, createReport, declaredKind, defaultConfig, looksLikeReport, readsTextAsReport } from '../../rules/index.js';

const ctx = { config: defaultConfig(allRules), language: 'zh-CN' as const };
const lines = (...l: string[]) => l.join('\n') + '\n';

/** Texts that declare themselves something other than a report: [text, the word that declares it]. */
const NOT_REPORTS: [string, string][] = [
  [
    lines(
      '《青山区2020年法治政府建设年度报告》解读',
      '一、报告的起草背景',
      '根据督察工作规定，区政府每年第一季度报告上一年度法治政府建设情况，并向社会公开。',
      '二、报告的主要内容',
      '报告分为三个部分，分别介绍主要举措、存在的不足和下一年度的安排。',
    ),
    '解读',
  ],
  [
    lines(
      '为深入推进法治政府建设，结合本县实际，制定本方案。',
      '一、总体要求',
      '坚持依法行政，全面建设法治政府。',
      '二、主要任务',
      '（一）健全依法决策机制。严格执行重大行政决策程序。',
    ),
    '制定本方案',
  ],
  [
    lines(
      '某市法治政府建设示范创建实施方案（试行）',
      '为加快建设法治政府，现提出以下工作安排。',
      '一、工作目标',
      '到2022年，全市法治政府建设水平明显提升。',
    ),
    '实施方案',
  ],
  [
    lines(
      '关于2021年度法治政府建设考核结果的通报',
      '各乡镇人民政府，县政府各部门：',
      '按照县委依法治县办安排，对各单位法治政府建设情况进行了考核，现将结果通报如下。',
    ),
    '通报',
  ],
  [lines('一图读懂《某市2021年法治政府建设年度报告》', '2021年，全市行政复议案件办结率100%。'), '一图读懂'],
  // a news item on the meeting that heard the report: its title ends in 汇报, its lead opens with the day
  // a paper on the reports: 报告 inside a longer noun is not its head
  [lines('法治政府建设报告制度实证研究', '——以2016年度25份省级政府建设报告文本为例', '关键词:纲要报告法治', '中共中央、国务院印发的纲要要求各级政府报告上一年度法治政府建设情况。'), '实证研究'],
  // a news item on a report published: a news verb in the headline, the report quoted by a short name
  [lines('某省司法厅发布2021年度法治政府建设报告', '省司法厅近日发布年度报告，全年办理行政复议案件1200件。'), '发布'],
  [lines('某局2020年法治工作综述', '某局日前公布《2020年度法治政府建设工作报告》（以下简称《报告》），《报告》指出，全年制定规章3件。'), '以下简称《报告》'],
  [lines('某区 扎实推进法治政府建设', '本报讯 近日，市人大常委会调研某区2020年度法治政府建设情况。'), '本报讯'],
  [lines('区政府常务会议听取2020年度法治政府建设情况汇报', '3月5日上午，区长主持召开区政府常务会议，听取2020年度法治政府建设情况汇报。'), '3月5日上午'],
];

/** Reports and report-like drafts: no declared kind, whatever their title says besides. */
const REPORTS: string[] = [
  lines('某县人民政府关于2020年度法治政府建设情况的报告', '2020年，县政府坚持依法行政。现将有关情况报告如下。', '一、主要举措和成效'),
  // a report's title naming a plan, a summary with next year's plan, a transmittal notice followed by the report
  lines('某局关于《法治政府建设实施方案》落实情况的报告', '2021年，我局扎实推进法治政府建设。'),
  lines('某镇2020年法治政府建设工作总结和2021年工作计划', '2020年，镇党委、镇政府高度重视法治政府建设。'),
  lines(
    '关于印发《某区2021年度法治政府建设情况报告》的通知',
    '2021年，区政府深入推进依法行政。现将有关情况报告如下：',
    '一、主要举措和成效',
  ),
  // a report title whose head is 报告 after a plan named in it, or 报告 with a subtitle-like tail kept short
  lines('某区2020年法治政府建设工作报告', '2020年，区政府坚持依法行政。'),
  // the title 汇报 is title-format's business, not another kind
  lines('某街道2022年法治政府建设工作汇报', '2022年，街道坚持依法行政。'),
  // an opening whose first line is a section heading about next year's plans
  lines('一、下一年度工作计划', '2021年，全面落实行政执法三项制度。', '二、存在的不足和原因', '执法人员不足，原因是编制紧张。'),
  // 发布 inside the report's own words is no headline verb: 发布 is what the report says it did
  lines('某局关于2020年度法治政府建设情况的报告', '2020年，我局发布规范性文件3件，现将有关情况报告如下。'),
  // a report's measures may name days; its body opens with the year
  lines('某乡2021年度法治政府建设情况报告', '2021年，乡政府坚持依法行政。', '一、主要举措和成效', '3月5日上午，召开专题会议研究法治建设。'),
  // no title, the body opens with the year
  lines('2021年，区政府认真落实《法治政府建设实施纲要（2021—2025年）》，现将有关情况报告如下。', '一、主要举措和成效'),
];

describe('declaredKind: the document says what it is', () => {
  for (const [text, word] of NOT_REPORTS) {
    it(`“${text.split('\n')[0].slice(0, 24)}” declares “${word}”`, () => {
      const report = createReport(text);
      expect(declaredKind(report)?.word).toBe(word);
      expect(looksLikeReport(report)).toBe(false);
    });
  }
  for (const text of REPORTS) {
    it(`“${text.split('\n')[0].slice(0, 24)}” declares nothing (a report)`, () => {
      expect(declaredKind(createReport(text))).toBeNull();
    });
  }
});

describe('checkDraft on a document of another kind', () => {
  const [interpretation] = NOT_REPORTS[0];

  it('named for checking: one info note on the declaring line, no section, title or signature finding', () => {
    const { result, rulesRan } = checkDraft(interpretation, ctx, false);
    expect(rulesRan).toBe(true);
    const notes = result.findings.filter((f) => f.ruleId === 'not-a-report');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'info', line: 1, column: 1 });
    expect(notes[0].message).toContain('解读');
    const reportRules = new Set(allRules.filter(readsTextAsReport).map((r) => r.meta.id));
    expect(result.findings.filter((f) => reportRules.has(f.ruleId))).toEqual([]);
  });

  it('residue is still checked on it', () => {
    const { result } = checkDraft(interpretation.replace('并向社会公开。', '并向社会公开。。'), ctx, false);
    expect(result.findings.map((f) => f.ruleId)).toContain('punctuation-residue');
  });

  it('walked (reports only): skipped before the rules', () => {
    expect(checkDraft(interpretation, ctx, true)).toMatchObject({ readsAsReport: false, rulesRan: false, result: { findings: [] } });
  });

  it('the English note names the word', () => {
    const { result } = checkDraft(interpretation, { ...ctx, language: 'en' }, false);
    expect(result.findings[0].message).toMatch(/^“解读” shows this file is not an annual report/);
  });

  it('a report is checked in full: its missing sections are reported as before', () => {
    const { result } = checkDraft(REPORTS[0], ctx, false);
    expect(result.findings.some((f) => f.ruleId === 'not-a-report')).toBe(false);
    expect(result.findings.filter((f) => f.ruleId === 'section-missing').length).toBeGreaterThan(0);
  });
});

/** Real pages about 法治政府建设 that are not reports (test/fixtures/nonreport/: a news item, a plan, a notice with its plan). */
const NONREPORT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/nonreport');

describe('real pages of other kinds, named for checking', () => {
  const reportRules = new Set(allRules.filter(readsTextAsReport).map((r) => r.meta.id));
  for (const file of readdirSync(NONREPORT_DIR).filter((f) => f.endsWith('.md'))) {
    it(`${file}: one not-a-report note, no finding of a rule that reads it as a report`, () => {
      const { readsAsReport, result } = checkDraft(readFileSync(path.join(NONREPORT_DIR, file), 'utf8'), ctx, false);
      expect(readsAsReport).toBe(false);
      expect(result.findings.filter((f) => f.ruleId === 'not-a-report')).toHaveLength(1);
      expect(result.findings.filter((f) => reportRules.has(f.ruleId)).map((f) => `${f.ruleId}@${f.line}`)).toEqual([]);
      // their numbered headings run in order, and a headline repeated after a news item's text is no heading
      expect(result.findings.filter((f) => f.ruleId === 'heading-sequence').map((f) => `${f.ruleId}@${f.line}`)).toEqual([]);
    });
  }
});
