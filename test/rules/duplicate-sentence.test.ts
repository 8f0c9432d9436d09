import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { fix } from '../../rules/index.js';
import { repeatedRuns } from '../../rules/residue/duplicate-sentence.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { cpuMs } from '../helpers/cpu-time.js';

const ACROSS = '一、主要举措\n全年共审查规范性文件39件，提出审查意见157条。\n二、存在问题\n基层执法力量不足。全年共审查规范性文件39件，提出审查意见157条。\n';
const CHANGED = '统筹推进监管工作，百分百100%完成监管事项清单认领和实施清单编制工作，梳理清单807项。统筹推进监管工作，百分百完成监管事项清单认领和实施清单编制工作，梳理清单612项。\n';
const INSIDE = '纳入学习内容，综合考核权重占比超过百分之十的单位，严格考核，综合考核权重占比超过百分之十的单位，落到实处。\n';

ruleTester('duplicate-sentence', {
  valid: [
    // a heading's words in its own body
    '三、党政主要负责人履行推进法治建设第一责任人职责情况\n局党组书记认真履行推进法治建设第一责任人职责，带头尊法学法守法用法。\n',
    '1.深入学习宣传贯彻习近平法治思想。紧紧围绕中心工作，深入学习宣传贯彻习近平法治思想。\n',
    // statutory phrases
    '主要负责人履行推进法治建设第一责任人职责，班子成员履行推进法治建设第一责任人职责分工内的职责。\n',
    // titles and quotations
    '印发《关于加强行政执法协调监督工作体系建设的实施方案》，落实《关于加强行政执法协调监督工作体系建设的实施方案》要求。\n',
    '提出“一名包案领导、一个化解工作小组、一套化解方案”，坚持“一名包案领导、一个化解工作小组、一套化解方案”。\n',
    // parallel structure with short runs
    '一是受理复议案件42件，办结39件；二是受理诉讼案件35件，办结30件。\n',
    // an unnumbered paragraph's lead sentence is its heading: its words recur in its body
    '深入学习宣传贯彻习近平法治思想。中央明确提出习近平法治思想后，局党组把深入学习宣传贯彻习近平法治思想作为重要政治任务。\n',
    '充分发挥市法治政府建设工作领导小组统筹作用。定期召开市法治政府建设工作领导小组会议，审议年度工作要点。\n',
    // a name the report keeps using (three times and more) is its vocabulary, not a leftover
    '二、推进水利系统法治政府部门建设\n把党的领导贯彻到全省水利系统法治政府部门建设全过程，召开全省水利系统法治政府部门建设推进会，分析全省水利系统法治政府部门建设面临的形势。\n',
    // a name used twice inside two different clauses is not a leftover: neither copy stands between marks
    '镇政府全面推行村级小微权力运行监督清单制度，逐村编制村级小微权力运行监督清单样本，并在村务公开栏张贴。\n',
    '坚持把贯彻实施新修订的行政复议法作为首要任务，召开全县贯彻实施新修订的行政复议法专题培训会，邀请专家授课。\n',
    // short sentences recur naturally
    '取得明显成效。\n另一项工作也取得明显成效。\n',
    {
      name: "a numbered paragraph's long first sentence is its heading: the body restating it is no residue",
      code: '（一）学习贯彻习近平法治思想，贯彻落实党中央关于法治建设的重大决策部署，紧密围绕中心工作推进法治政府建设。将学习贯彻习近平法治思想，贯彻落实党中央关于法治建设的重大决策部署列为局党组会议第一议题，全年集中学习12次。\n',
    },
    {
      name: 'the next heading run onto the paragraph (no closing mark, no comma) may restate its words',
      code: '2022年，青山区司法局全面贯彻落实党的二十大精神，深入学习贯彻习近平法治思想，各项工作取得新进展。全面贯彻落实党的二十大精神\n统筹推进法治政府建设\n',
    },
    {
      name: 'a name used in two sentences of a paragraph is no repeated sentence',
      code: '（二）深化理论学习。坚持把习近平法治思想纳入街道党工委理论学习中心组学习计划。2025年，街道党工委理论学习中心组开展法治专题学习10余次。\n',
    },
  ],
  invalid: [
    {
      name: 'a sentence repeated in another paragraph names the line of the first copy; its closing mark goes with it',
      code: ACROSS,
      errors: [
        {
          messageId: 'duplicate',
          ...spanOf(ACROSS, '全年共审查规范性文件39件，提出审查意见157条。', 1),
          data: { line: 2 },
          message: '与第2行重复：“全年共审查规范性文件39件，提出审查意见157条。”',
          relatedLines: [2],
          fixes: ['delete'],
        },
      ],
      output: '一、主要举措\n全年共审查规范性文件39件，提出审查意见157条。\n二、存在问题\n基层执法力量不足。\n',
    },
    {
      name: 'copies that differ (100%, 807/612) get no delete fix: the writer must choose',
      code: CHANGED,
      errors: [{ messageId: 'duplicate', line: 1, column: spanOf(CHANGED, '统筹推进监管工作', 1).column, data: { line: 1 }, relatedLines: [1], fixes: [] }],
      output: null,
    },
    {
      name: 'identical runs inside a paragraph are deleted with one of the marks around them',
      code: INSIDE,
      errors: [{ messageId: 'duplicate', ...spanOf(INSIDE, '综合考核权重占比超过百分之十的单位，', 1), data: { line: 1, text: '综合考核权重占比超过百分之十的单位，' }, fixes: ['delete'] }],
      output: '纳入学习内容，综合考核权重占比超过百分之十的单位，严格考核，落到实处。\n',
    },
  ],
});

describe('duplicate-sentence', () => {
  test('the heading exemptions stop where the heading does', () => {
    // a run repeated inside the body of a numbered paragraph, after its heading sentence
    const body = '（一）加强执法监督，规范执法行为。全年开展行政执法案卷评查三次，抽查案卷二百卷，全年开展行政执法案卷评查三次，发现问题十八个。\n';
    expect(runRule('duplicate-sentence', body)).toHaveLength(1);
    // a numbered paragraph's first sentence past a heading's length is prose: a run it shares with the rest is reported
    const prose =
      '（一）严格落实行政执法三项制度，全年开展行政执法案卷评查三次并对发现的问题逐一建立整改台账，督促各执法单位限期整改到位，整改情况纳入年度法治建设考核，对整改不力的单位进行通报并约谈主要负责人，形成问题发现、整改、复查的工作闭环。全年开展行政执法案卷评查三次，效果良好。\n';
    expect(runRule('duplicate-sentence', prose)).toHaveLength(1);
    // a clause repeated as a closed sentence at the paragraph's end is a leftover, not a heading run on
    const closed = '2022年，青山区司法局全面贯彻落实党的二十大精神，深入学习贯彻习近平法治思想，各项工作取得新进展。全面贯彻落实党的二十大精神。\n';
    expect(runRule('duplicate-sentence', closed)).toHaveLength(1);
  });

  test('a clause kept beside its edited copy is reported even when the other copy is inside a clause', () => {
    // the old clause stands between marks; the new one was merged into the next sentence
    const kept = '全年，组织行政执法人员集中培训考试两次，严格落实持证上岗制度，组织行政执法人员集中培训考试两次并全部通过。\n';
    expect(runRule('duplicate-sentence', kept)).toHaveLength(1);
  });

  test('what the vocabulary and lead-sentence exemptions do not cover is still reported', () => {
    // a recurring name pasted twice side by side is a leftover
    const beside = '推进全省水利系统法治政府部门建设。把党的领导贯彻到全省水利系统法治政府部门建设全过程，全省水利系统法治政府部门建设全省水利系统法治政府部门建设取得实效。\n';
    expect(runRule('duplicate-sentence', beside)).toHaveLength(1);
    // a run repeated inside the body after a lead sentence
    const body = '加强执法监督。全年开展行政执法案卷评查三次，抽查案卷二百卷，全年开展行政执法案卷评查三次，发现问题十八个。\n';
    expect(runRule('duplicate-sentence', body)).toHaveLength(1);
    // a long first sentence is no lead: a run it shares with the rest is reported
    const long = '全年开展行政执法案卷评查三次并对发现的问题逐一建立整改台账督促各执法单位限期整改到位形成闭环。全年开展行政执法案卷评查三次，效果良好。\n';
    expect(runRule('duplicate-sentence', long)).toHaveLength(1);
  });

  test('a sentence repeated in another paragraph names the line of the first copy', () => {
    const text = '一、主要举措\n全年共审查规范性文件39件，提出审查意见157条。\n二、存在问题\n基层执法力量不足。全年共审查规范性文件39件，提出审查意见157条。\n';
    const f = runRule('duplicate-sentence', text);
    expect(f).toHaveLength(1);
    expect(f[0].line).toBe(4);
    expect(f[0].data.line).toBe(2);
    expect(f[0].related[0].line).toBe(2);
    // identical copies: the repeat can be deleted
    expect(fix(text, f).output).toBe('一、主要举措\n全年共审查规范性文件39件，提出审查意见157条。\n二、存在问题\n基层执法力量不足。\n');
    // the closing mark goes with the sentence, and the finding names it
    expect(text.slice(f[0].start, f[0].end)).toBe('全年共审查规范性文件39件，提出审查意见157条。');
    expect(f[0].fixes[0].edits).toEqual([{ start: f[0].start, end: f[0].end, newText: '' }]);
  });

  test('a run of 12+ characters repeated inside one paragraph, figures and brackets normalised', () => {
    const text = '统筹推进监管工作，百分百100%完成监管事项清单认领和实施清单编制工作，梳理清单807项。统筹推进监管工作，百分百完成监管事项清单认领和实施清单编制工作，梳理清单612项。\n';
    const f = runRule('duplicate-sentence', text);
    expect(f).toHaveLength(1);
    expect(f[0].data.line).toBe(1);
    // the copies differ (100%, 807/612): no delete fix, the writer must choose
    expect(f[0].fixes).toEqual([]);
  });

  test('identical runs inside a paragraph are deleted with one of the marks around them', () => {
    const text = '纳入学习内容，综合考核权重占比超过百分之十的单位，严格考核，综合考核权重占比超过百分之十的单位，落到实处。\n';
    const f = runRule('duplicate-sentence', text);
    expect(f).toHaveLength(1);
    expect(fix(text, f).output).toBe('纳入学习内容，综合考核权重占比超过百分之十的单位，严格考核，落到实处。\n');
    // the mark it takes along is named in the finding: the deletion removes exactly the reported range
    expect(text.slice(f[0].start, f[0].end)).toBe('综合考核权重占比超过百分之十的单位，');
    expect(f[0].fixes[0].edits).toEqual([{ start: f[0].start, end: f[0].end, newText: '' }]);
  });

  test('repeatedRuns finds non-overlapping repeats and merges a changed word', () => {
    const a = '推进政府常务会议学法常态化组织区政府常务会议学法次';
    const b = '推进政府常务会议学法常态化组织学法次';
    const runs = repeatedRuns(a + '将民法典纳入学习内容同时' + b);
    expect(runs).toHaveLength(1);
    expect(runs[0].i).toBe(0);
    expect(runs[0].j).toBeGreaterThan(a.length);
    expect(repeatedRuns('一二三四五六七八九十甲乙丙')).toEqual([]);
    // a repeat that would overlap itself is not a copy
    expect(repeatedRuns('哈'.repeat(30)).every((m) => m.iEnd <= m.j)).toBe(true);
  });

  test('stays linear on a long paragraph', () => {
    const words = '法治政府建设深入推进依法行政水平不断提升行政执法规范化程度明显提高群众满意度持续上升'.split('');
    let s = '';
    let seed = 7;
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      s += words[seed % words.length];
    }
    expect(cpuMs(() => runRule('duplicate-sentence', s + '\n')).ms).toBeLessThan(3000);
  });
});

describe('duplicate-sentence: a title or heading pasted twice', () => {
  const TITLE = '青山镇2024年度法治政府建设情况报告';
  const BODY = '2024年，青山镇坚持依法行政，各项工作取得新成效。\n';
  test('the title twice at the top, blank lines between: the later copy, deleted with the blank lines before it', () => {
    const text = `${TITLE}\n\n${TITLE}\n\n${BODY}`;
    const f = runRule('duplicate-sentence', text);
    expect(f.map((x) => [x.line, x.data.line])).toEqual([[3, 1]]);
    expect(fix(text, f).output).toBe(`${TITLE}\n\n${BODY}`);
  });

  test('page furniture between the copies: only the later copy line goes, the furniture is web-boilerplate’s', () => {
    const text = `${TITLE}\n发布时间:2025-01-12 10:20\n${TITLE}\n${BODY}`;
    const f = runRule('duplicate-sentence', text);
    expect(f.map((x) => x.line)).toEqual([3]);
    expect(fix(text, f).output).toBe(`${TITLE}\n发布时间:2025-01-12 10:20\n${BODY}`);
  });

  test.each([
    // the page's own wording of the title is no paste: which copy is right is a matter of reading
    [`青山镇关于2024年度法治政府建设情况的报告\n青山镇关于2024年法治政府建设情况的报告\n${BODY}`],
    // report text between two title-like lines
    [`${TITLE}\n根据区委部署，现将有关情况报告如下。\n${TITLE}\n${BODY}`],
  ])('no title copy: %s', (text) => {
    expect(runRule('duplicate-sentence', text).filter((x) => x.line <= 3)).toEqual([]);
  });

  test('a heading whose words are glued twice: the second copy, deleted', () => {
    const text = '1、2023年度乡镇法治建设情况报告及工作方案2023年度乡镇法治建设情况报告及工作方案区政府：根据要求，现将情况报告如下。\n';
    const f = runRule('duplicate-sentence', text);
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['2023年度乡镇法治建设情况报告及工作方案']);
    expect(fix(text, f).output).toBe('1、2023年度乡镇法治建设情况报告及工作方案区政府：根据要求，现将情况报告如下。\n');
  });

  test.each([
    // a heading restated after its mark, and a heading's long first sentence restated in its body
    '（一）加强法治政府建设组织领导。加强法治政府建设组织领导，成立领导小组，定期研究部署。\n',
    '（一）学习贯彻重要讲话精神，贯彻落实党的二十大关于法治建设重大部署，推进法治政府建设。将学习贯彻重要讲话精神、贯彻落实党的二十大关于法治建设重大部署作为首要任务。\n',
    // a paragraph ending on the next heading's words, run in where a line break was lost
    '2022年，本局坚持依法行政，全面贯彻落实党的二十大精神，深入学习贯彻习近平法治思想，统筹推进执法监督和普法宣传，各项工作取得重要进展和成效。全面贯彻落实党的二十大精神\n统筹推进法治政府建设高质量发展\n',
  ])('no repeat: %s', (text) => {
    expect(runRule('duplicate-sentence', text)).toEqual([]);
  });

  test('the run-in look-alike that closes its sentence is still a repeat', () => {
    const text = '2022年，本局坚持依法行政，全面贯彻落实党的二十大精神，深入学习贯彻习近平法治思想，统筹推进执法监督和普法宣传，各项工作取得重要进展和成效。全面贯彻落实党的二十大精神。\n';
    expect(runRule('duplicate-sentence', text).length).toBeGreaterThan(0);
  });
});
