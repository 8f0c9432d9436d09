import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { applyEdits } from '../../rules/index.js';
import { FIRST_RESPONSIBLE, MEASURES, OPENING, PLANS, PROBLEMS, SIGNATURE, TITLE, report, renumbered } from '../helpers/reports.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';


const DUTY = '党政主要负责人履行推进法治建设第一责任人职责情况';
// the fixtures are 某县司法局's reports: the section written for a department names its principal leader
const DEPT_DUTY = '主要负责人履行推进法治建设第一责任人职责情况';
const DEPT_PLACEHOLDER = '【待补充：写明本部门主要负责人履行推进法治建设第一责任人职责的具体事实：专题研究法治建设、听取工作汇报的次数和日期，带头学法的次数，年终述法情况，行政机关负责人出庭应诉情况，主持审议、签发的文件名称。】';
// 某县's own report (a government): the statute's title, the government's principal leader in the placeholder
const GOV_PLACEHOLDER = DEPT_PLACEHOLDER.replace('本部门', '政府');
const PLANS_PLACEHOLDER = '【待补充：写明2022年推进法治政府建设的主要安排，逐条回应上文所列不足。】';
const PROBLEMS_PLACEHOLDER = '【待补充：逐条列出本年度推进法治政府建设存在的不足，并分析每条不足的原因（主观和客观原因）。】';
const NO_DUTY = report(...renumbered(MEASURES, PROBLEMS, PLANS));
const NO_PLANS = report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE);
const MD = ['# 某县2021年法治政府建设情况的报告', '', '## 一、主要举措和成效', '', MEASURES[1], '', '## 二、下一年度工作计划', '', PLANS[1], ''].join('\n');
const mdSection = (n: string, title: string, placeholder: string) => `## ${n}、${title}\n\n${placeholder}\n\n`;

ruleTester('section-missing', {
  valid: [
    { name: 'a complete report', code: report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS) },
    {
      name: 'other wordings and traditional characters are recognised by meaning',
      code: report(['一、法治政府建设工作開展情況', MEASURES[1]], ['二、存在的短板和差距', PROBLEMS[1]], ['三、主要負責同志履行推進法治建設職責情況', FIRST_RESPONSIBLE[1]], ['四、下一步打算', PLANS[1]]),
    },
    {
      name: 'the duty item found inside another section is not missing (first-responsible-separate reports it)',
      code: report(...renumbered([...MEASURES, '（三）一是落实主要负责人履行推进法治建设第一责任人职责。局长1月18日主持专题会议研究法治工作。'], PROBLEMS, PLANS)),
    },
  ],
  invalid: [
    {
      name: 'a missing duty item: reported on the heading it goes before, inserted numbered to fit, the plans renumbered',
      code: NO_DUTY,
      errors: [{ messageId: 'missing', ...spanOf(NO_DUTY, '2022年推进法治政府建设的主要安排'), message: `缺少“${DUTY}”部分（督察规定要求年度报告包括此项）`, fixes: ['insertRenumber'] }],
      output: report(MEASURES, PROBLEMS, ['三、' + DEPT_DUTY, DEPT_PLACEHOLDER], PLANS),
    },
    {
      name: 'missing plans go at the end of the body, before the signature, with the next year in the title',
      code: NO_PLANS,
      errors: [{ messageId: 'missing', ...spanOf(NO_PLANS, FIRST_RESPONSIBLE[1]), data: { item: '下一年度主要安排' }, fixes: ['insert'] }],
      output: report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, [PLANS[0], PLANS_PLACEHOLDER]),
    },
    {
      name: 'Markdown headings get Markdown headings; two insertions at one place take two passes',
      code: MD,
      errors: [
        { messageId: 'missing', ...spanOf(MD, '下一年度工作计划'), data: { item: '存在的不足和原因' }, fixes: ['insertRenumber'] },
        { messageId: 'missing', ...spanOf(MD, '下一年度工作计划'), data: { item: DUTY }, fixes: ['insertRenumber'] },
      ],
      output: [
        MD.replace('## 二、下一年度工作计划', mdSection('二', '存在的不足和原因', PROBLEMS_PLACEHOLDER) + '## 三、下一年度工作计划'),
        MD.replace('## 二、下一年度工作计划', mdSection('二', '存在的不足和原因', PROBLEMS_PLACEHOLDER) + mdSection('三', DUTY, GOV_PLACEHOLDER) + '## 四、下一年度工作计划'),
      ],
    },
  ],
});

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
    const at = lines.indexOf('三、主要负责人履行推进法治建设第一责任人职责情况');
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

describe('section-missing: a report numbered with full-width digits (１．２．３．)', () => {
  const M = '全年审查规范性文件26件，办理行政复议案件41件，纠错率12%。';
  const P = '加强执法人员培训。分批组织执法人员系统培训，提升专业能力。充实基层司法所力量。';
  const text = report(
    ['１．主要举措和成效', M],
    ['２．存在的不足和原因', PROBLEMS[1]],
    // a titled heading: 3.2022年… once normalised, still heading 3 (not a decimal), so the plans are not lost
    ['３．2022年推进法治政府建设的主要安排', P],
  );
  test('the inserted heading and the renumbered one keep the digits and the ． as written', () => {
    const found = runRule('section-missing', text);
    expect(found.map((f) => f.data.item)).toEqual([DUTY]);
    expect(applyEdits(text, found[0].fixes[0].edits)).toBe(
      report(['１．主要举措和成效', M], ['２．存在的不足和原因', PROBLEMS[1]], ['３．' + DEPT_DUTY, DEPT_PLACEHOLDER], ['４．2022年推进法治政府建设的主要安排', P]),
    );
  });
  test('the plans heading is read as a heading, not as a problem item', () => {
    expect(runRule('problem-plan-unmatched', text)).toEqual([]);
    expect(runRule('plan-year', text)).toEqual([]);
  });
});

describe('section-missing: a page that lost its line breaks (the text in one paragraph, its headings glued on)', () => {
  // as some portals and mirrors serve a report: …现将有关情况报告如下。一、主要举措和成效（一）推进依法行政。…
  const glued = (...parts: string[][]) => [TITLE, [OPENING, ...parts.flat()].join(''), ...SIGNATURE].join('\n') + '\n';
  const missing = (text: string) => runRule('section-missing', text).map((f) => f.message);

  test('statutory headings glued into running text still carry their items: nothing is missing', () => {
    expect(missing(glued(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS))).toEqual([]);
    // glued after a colon and a space, as a disclosure page's one paragraph has it
    const spaced = [TITLE, '现将相关情况报告如下: ' + [...MEASURES, ...PROBLEMS, ...FIRST_RESPONSIBLE, ...PLANS].join(' '), ...SIGNATURE].join('\n') + '\n';
    expect(missing(spaced)).toEqual([]);
  });

  test('a glued topical 一、 stands for the measures item, as topical sections on their own lines do', () => {
    const topical = ['一、坚持党的领导，统筹推进法治建设', MEASURES[1], MEASURES[2]];
    expect(missing(glued(topical, PROBLEMS, FIRST_RESPONSIBLE, PLANS))).toEqual([]);
  });

  test('the glued duty heading is the item own heading; the glued problems and plans are not listed item by item (their end is not known)', () => {
    const whole = glued(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS);
    expect(runRule('first-responsible-separate', whole)).toEqual([]);
    // 带头学法，… in the duty text after the problems is no problem without a cause
    expect(runRule('problem-cause-missing', whole)).toEqual([]);
    expect(runRule('problem-plan-unmatched', whole)).toEqual([]);
    // near miss: with no glued 三、, the duty reported in a sentence of the measures is still found only inside
    const noDutyHeading = glued([...MEASURES, '局主要负责人认真履行推进法治建设第一责任人职责，1月18日主持召开党组会议专题研究法治工作。'], PROBLEMS, PLANS.map((l) => l.replace('四、', '三、')));
    expect(runRule('first-responsible-separate', noDutyHeading).map((f) => f.ruleId)).toEqual(['first-responsible-separate']);
  });

  test('near miss: a glued text that lacks the plans still lacks them, and a 二、 inside a sentence names no item', () => {
    expect(missing(glued(MEASURES, PROBLEMS, FIRST_RESPONSIBLE))).toEqual(['缺少“下一年度主要安排”部分（督察规定要求年度报告包括此项）']);
    const inSentence = glued(MEASURES, PROBLEMS, FIRST_RESPONSIBLE).replace(OPENING, OPENING + '其中第二、下一年度主要安排另行报送。');
    expect(missing(inSentence)).toEqual(['缺少“下一年度主要安排”部分（督察规定要求年度报告包括此项）']);
  });
});
