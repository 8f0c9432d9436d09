import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { toChineseNumeral } from '../../rules/model/numerals.js';
import { allRules, check, defaultConfig, fixAll, ruleById } from '../../rules/index.js';
import { applyAll, applyFirstFix } from './_form.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';

const TITLE = '青山区人民政府关于2021年度法治政府建设情况的报告';
const doc = (...lines: string[]) => [TITLE, ...lines].join('\n');

const GAP = doc('一、主要举措和成效', '全年审核规范性文件12件。', '二、存在的不足和原因', '执法力量不足。', '四、下一年度工作安排', '充实执法力量。', '五、其他需要报告的情况', '无。');
const REPEAT = doc('一、主要举措和成效', '全年审核规范性文件12件。', '二、存在的不足和原因', '执法力量不足。', '一、下一年度工作安排', '充实执法力量。');
const UNNUMBERED = doc('加强制度建设', '全年制定制度3项，清理规范性文件12件。', '二、存在的不足和原因', '执法力量不足，原因是编制有限。');
const NEXT_ITEM = doc('一、主要举措和成效', '全年审核规范性文件12件。', '二、存在的不足和原因', '（一）法治意识不强。', '（二）法治人才短缺，原因是编制紧张。', '下一步工作计划', '充实执法力量。');
const BACKWARDS = doc('一、主要举措和成效', '（一）完善制度体系', '（三）规范行政执法', '（二）强化监督');
// level 3 numbered through the report: 1. 2. under (一), 3. 4. under (二) (the style of 通州区 2022, 静海区 2020)
const THROUGH = doc('一、主要举措和成效', '（一）加强组织领导', '1.加强党的领导', '常务会研究法治工作4次。', '2.强化考核', '纳入绩效考核。', '（二）依法履行政府职能', '3.深化审批改革', '保留事项515项。', '4.优化营商环境', '办理事项120件。');
const THROUGH_GAP = THROUGH.replace('4.优化营商环境', '5.优化营商环境');
// (一) again after (三) under one 一、: the 二、 above it was lost (the page of 禹王台区 2022 reads so)
const RESTART = doc('一、强化法治政府建设领导机制', '（一）坚持党的领导', '常务会每季度听取汇报1次。', '（二）落实学法制度', '全年集中学法5次。', '（三）实施述法制度', '把述法纳入年度考核。', '（一）依法做好疫情防控', '建立扁平化指挥体系。', '（二）推进放管服改革', '新增事项12项。');
const LEVEL = doc('一、主要举措和成效', '（一）完善制度体系', '1.制定制度', '制定制度3项。', '二、存在的不足和原因', '1.执法力量不足', '原因是编制有限。');

ruleTester('heading-sequence', {
  valid: [
    {
      name: 'a line naming its own section\'s item is a label inside it, not the next top-level heading',
      code: doc('一、主要举措和成效', '全年审核规范性文件12件。', '二、存在的不足和原因', '（一）法治意识不强。', '（二）法治人才短缺。', '法治建设不足的原因', '基层编制紧张，培训投入少。'),
    },
    { name: 'a level numbered through the report, going on under the next parent', code: THROUGH },
    {
      // a page repeats its headline after the text (test/fixtures/nonreport/news-changwuhuiyi-2020.md: …工作情况汇报);
      // naming an item (工作情况) it would be read as an unnumbered 三、
      name: 'the title shown again after the text is no unnumbered heading',
      code: ['青山区2021年度法治政府建设工作情况报告', '一、主要举措和成效', '全年审核规范性文件12件。', '二、存在的不足和原因', '执法力量不足，原因是编制有限。', '青山区2021年度法治政府建设工作情况报告'].join('\n'),
    },
    { name: '1. directly under 一、 throughout (no (一) level in the report)', code: doc('一、主要举措和成效', '1.制定制度', '制定制度3项。', '2.规范执法', '开展培训2次。', '二、存在的不足和原因', '1.执法力量不足', '原因是编制有限。') },
  ],
  invalid: [
    {
      name: 'a skipped number: reported after the gap, the fix renumbers the run (numerals only)',
      code: GAP,
      errors: [{ messageId: 'sequence', ...spanOf(GAP, '四、'), message: '标题序号不连续：“四、”前应为“三、”', fixes: ['renumberRun'] }],
      output: GAP.replace('四、下一年度', '三、下一年度').replace('五、其他', '四、其他'),
    },
    {
      name: 'a number used again says it is repeated',
      code: REPEAT,
      errors: [{ messageId: 'repeat', line: 6, column: 1, message: '标题序号重复：“一、”应为“三、”', fixes: ['renumber'] }],
      output: REPEAT.replace('一、下一年度', '三、下一年度'),
    },
    {
      name: 'numbered through the report, a number skipped after the parent changed is still reported',
      code: THROUGH_GAP,
      errors: [{ messageId: 'sequence', ...spanOf(THROUGH_GAP, '5.'), message: '标题序号不连续：“5.”前应为“4.”', fixes: ['renumber'] }],
      output: THROUGH,
    },
    {
      name: '(一) again after (三) under one parent: the heading above it may be lost, so no renumbering is offered',
      code: RESTART,
      errors: [{ messageId: 'restart', ...spanOf(RESTART, '（一）依法'), endColumn: 4, message: '标题序号重新开始：“（一）”排在“（三）”之后，其前可能缺少上一级标题', fixes: [] }],
    },
    {
      name: 'a line naming another item after the last numbered heading is the next one',
      code: NEXT_ITEM,
      errors: [{ messageId: 'unnumbered', line: 7, column: 1, data: { expected: '三、' } }],
      output: NEXT_ITEM.replace('下一步工作计划', '三、下一步工作计划'),
    },
    {
      name: 'an unnumbered heading where a number belongs gets the numbering inserted',
      code: UNNUMBERED,
      errors: [{ messageId: 'unnumbered', line: 2, column: 1, data: { expected: '一、' }, fixes: ['number'] }],
      output: UNNUMBERED.replace('加强制度建设', '一、加强制度建设'),
    },
    {
      name: 'numbers going backwards say so, naming the heading before',
      code: BACKWARDS,
      errors: [
        { messageId: 'sequence', ...spanOf(BACKWARDS, '（三）'), message: '标题序号不连续：“（三）”前应为“（二）”' },
        { messageId: 'order', ...spanOf(BACKWARDS, '（二）'), message: '标题序号顺序颠倒：“（二）”排在“（三）”之后，应为“（三）”' },
      ],
      output: BACKWARDS.replace('（三）规范', '（二）规范').replace('（二）强化', '（三）强化'),
    },
    {
      name: 'a level skipped under its parent while the level between is used elsewhere (no fix)',
      code: LEVEL,
      errors: [{ messageId: 'level', ...spanOf(LEVEL, '1.', 1), message: '标题层级错位：“1.”不应直接位于“二、”之下', fixes: [] }],
    },
  ],
});

describe('heading-sequence', () => {
  test('a skipped number is reported on the heading after the gap; the fix renumbers only numerals', () => {
    const text = doc('一、主要举措和成效', '全年审核规范性文件12件。', '二、存在的不足和原因', '执法力量不足。', '四、下一年度工作安排', '充实执法力量。', '五、其他需要报告的情况', '无。');
    const [f, ...rest] = runRule('heading-sequence', text);
    expect(rest).toEqual([]);
    expect(f.messageId).toBe('sequence');
    expect(f.line).toBe(6);
    expect(f.message).toBe('标题序号不连续：“四、”前应为“三、”');
    const fixed = applyFirstFix(text, f);
    expect(fixed).toContain('\n三、下一年度工作安排\n');
    expect(fixed).toContain('\n四、其他需要报告的情况\n');
    expect(runRule('heading-sequence', fixed)).toEqual([]);
  });

  test('a repeated number', () => {
    const text = doc('一、主要举措和成效', '（一）完善制度体系', '制定制度3项。', '（二）规范行政执法', '开展培训2次。', '（二）强化监督', '办理复议案件5件。', '（三）化解矛盾纠纷', '调解纠纷30件。');
    const found = runRule('heading-sequence', text);
    expect(found.map((f) => [f.line, f.data.found, f.data.expected])).toEqual([[7, '（二）', '（三）']]);
    expect(runRule('heading-sequence', applyAll(text, found))).toEqual([]);
  });

  test('an unnumbered heading where a number belongs gets the numbering inserted', () => {
    const text = doc('加强制度建设', '全年制定制度3项，清理规范性文件12件。', '二、存在的不足和原因', '执法力量不足，原因是编制有限。');
    const [f, ...rest] = runRule('heading-sequence', text);
    expect(rest).toEqual([]);
    expect([f.messageId, f.line, f.data.expected]).toEqual(['unnumbered', 2, '一、']);
    const fixed = applyFirstFix(text, f);
    expect(fixed.split('\n')[1]).toBe('一、加强制度建设');
    expect(runRule('heading-sequence', fixed)).toEqual([]);
  });

  test('an unnumbered sub-heading takes the bracket width its siblings use', () => {
    const text = doc('一、主要举措和成效', '(一)完善制度体系', '制定制度3项。', '(二)规范行政执法', '开展培训2次。', '强化行政监督', '办理复议案件5件。', '(四)化解矛盾纠纷', '调解纠纷30件。');
    const [f] = runRule('heading-sequence', text);
    expect([f.messageId, f.line, f.data.expected]).toEqual(['unnumbered', 7, '(三)']);
    expect(applyFirstFix(text, f).split('\n')[6]).toBe('(三)强化行政监督');
  });

  test('a level skipped under its parent while the level between is used elsewhere', () => {
    const text = doc('一、主要举措和成效', '（一）完善制度体系', '1.制定制度', '制定制度3项。', '二、存在的不足和原因', '1.执法力量不足', '原因是编制有限。');
    const found = runRule('heading-sequence', text);
    expect(found.map((f) => [f.messageId, f.line])).toEqual([['level', 7]]);
    expect(found[0].message).toBe('标题层级错位：“1.”不应直接位于“二、”之下');
  });

  test('a misplaced run is reported once, on its first heading', () => {
    const text = doc('一、主要举措和成效', '（一）完善制度体系', '制定制度3项。', '二、存在的不足和原因', '1.执法力量不足', '原因是编制有限。', '2.制度建设滞后', '原因是调研不足。');
    expect(runRule('heading-sequence', text).map((f) => [f.messageId, f.line])).toEqual([['level', 6]]);
  });

  test('numbered Markdown headings are counted too; unnumbered ones such as 前言 are left alone', () => {
    const text = ['# 青山区人民政府关于2021年度法治政府建设情况的报告', '', '## 前言', '', '全年审核规范性文件12件。', '', '## 一、主要举措和成效', '', '全年审核规范性文件12件。', '', '## 三、存在的不足和原因', '', '执法力量不足。', ''].join('\n');
    const found = runRule('heading-sequence', text);
    expect(found.map((f) => [f.messageId, f.line, f.data.expected])).toEqual([['sequence', 11, '二、']]);
    expect(applyFirstFix(text, found[0])).toContain('## 二、存在的不足和原因');
  });

  test('must not fire on complete numbering that restarts under each parent', () => {
    const text = doc(
      '一、主要举措和成效',
      '（一）完善制度体系',
      '1.制定制度。全年制定制度3项。',
      '2.清理文件。清理规范性文件12件。',
      '（二）规范行政执法',
      '1.开展培训。开展培训2次。',
      '二、存在的不足和原因',
      '（一）执法力量不足',
      '原因是编制有限。',
      '三、下一年度工作安排',
      '充实执法力量。',
    );
    expect(runRule('heading-sequence', text)).toEqual([]);
  });

  test('must not fire when 1. is used directly under 一、 throughout (no (一) level in the report)', () => {
    const text = doc('一、主要举措和成效', '1.制定制度', '制定制度3项。', '2.规范执法', '开展培训2次。', '二、存在的不足和原因', '1.执法力量不足', '原因是编制有限。');
    expect(runRule('heading-sequence', text)).toEqual([]);
  });

  test('a number used again says it is repeated, not that one is missing before it', () => {
    const text = doc('一、主要举措和成效', '全年审核规范性文件12件。', '二、存在的不足和原因', '执法力量不足。', '一、下一年度工作安排', '充实执法力量。');
    const [f, ...rest] = runRule('heading-sequence', text);
    expect(rest).toEqual([]);
    expect([f.messageId, f.line, f.message]).toEqual(['repeat', 6, '标题序号重复：“一、”应为“三、”']);
    expect(f.fixes[0].title).toBe('将序号改为“三、”');
    expect(runRule('heading-sequence', applyFirstFix(text, f))).toEqual([]);
  });

  test('numbers going backwards say so, naming the heading before', () => {
    const text = doc('一、主要举措和成效', '（一）完善制度体系', '（三）规范行政执法', '（二）强化监督');
    const found = runRule('heading-sequence', text);
    expect(found.map((f) => [f.messageId, f.line, f.message])).toEqual([
      ['sequence', 4, '标题序号不连续：“（三）”前应为“（二）”'],
      ['order', 5, '标题序号顺序颠倒：“（二）”排在“（三）”之后，应为“（三）”'],
    ]);
    expect(runRule('heading-sequence', applyAll(text, found))).toEqual([]);
  });

  test('a fix renumbers its heading and the siblings its break shifted, up to the next break, and says how many', () => {
    const text = doc('一、甲项工作', '二、乙项工作', '四、丙项工作', '五、丁项工作', '六、戊项工作', '八、己项工作', '九、庚项工作');
    const found = runRule('heading-sequence', text);
    expect(found.map((f) => [f.line, f.fixes[0].title])).toEqual([
      [4, '将序号改为“三、”，并顺延其后2个标题'],
      [7, '将序号改为“六、”，并顺延其后1个标题'],
    ]);
    expect(found.map((f) => f.fixes[0].edits.length)).toEqual([3, 2]);
    // applied together, the fixes make the run consecutive in one pass
    const fixed = applyAll(text, found);
    expect(fixed.split('\n').slice(1).map((l) => l.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、']);
    expect(runRule('heading-sequence', fixed)).toEqual([]);
  });

  test('1,500 numbered headings with many gaps: edits linear in the headings, fixAll converges', () => {
    const text = manyGaps();
    const found = runRule('heading-sequence', text);
    const edits = found.reduce((n, f) => n + (f.fixes[0]?.edits.length ?? 0), 0);
    expect(found.length).toBeGreaterThan(400);
    expect(edits).toBeLessThanOrEqual(1500);
    const config = defaultConfig(allRules);
    const rules = [ruleById('heading-sequence')!];
    const once = fixAll(text, { config, rules });
    expect(once.passes).toBe(1);
    expect(check(once.output, { config, rules }).findings).toEqual([]);
    expect(fixAll(once.output, { config, rules }).output).toBe(once.output);
  });
});

/** 60 pasted copies of a section: 一、 every time (a repeat each), and 24 sub-headings each with a gap every third. */
export function manyGaps(): string {
  const lines = ['青山区人民政府关于2021年度法治政府建设情况的报告'];
  for (let k = 0; k < 60; k++) {
    lines.push('一、主要举措和成效');
    for (let i = 1, v = 1; i <= 24; i++, v += i % 3 === 0 ? 2 : 1) lines.push(`（${toChineseNumeral(v)}）第${i}项工作`, '完成。');
  }
  return lines.join('\n');
}
