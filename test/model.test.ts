/** The report model: blocks, outline, normalisation with its offset map, checklist and year. */
import { describe, expect, test } from 'vitest';
import { createReport } from '../rules/model/report.js';
import { normalizeSpan, toSource, findPinyinDebris, normalize } from '../rules/model/normalize.js';
import { parseDocument } from '../rules/model/parse.js';
import { LineIndex } from '../rules/model/text.js';
import { parseChineseNumeral, toChineseNumeral } from '../rules/model/numerals.js';

function outlineOf(text: string) {
  return createReport(text).outline.map((h) => ({ line: h.block.line, level: h.level, title: h.title, n: h.numbering?.raw ?? null, slot: h.slotValue }));
}

describe('blocks', () => {
  test('every non-empty line of a paragraph pasted from Word is a block of its own', () => {
    const d = parseDocument('第一行文字。\n第二行文字。\n\n第三段。\n');
    expect(d.blocks.map((b) => [b.line, b.text])).toEqual([
      [1, '第一行文字。'],
      [2, '第二行文字。'],
      [4, '第三段。'],
    ]);
  });

  test('code, HTML comments and front matter are not report text', () => {
    const d = parseDocument('---\nyear: 2021\n---\n正文。\n\n```\n一、代码\n```\n\n<!-- 注释 -->\n');
    expect(d.blocks.map((b) => b.text)).toEqual(['正文。']);
    expect(d.frontmatter).toBe('year: 2021');
    expect(d.comments).toHaveLength(1);
  });

  test('inline Markdown markup is left out of the normalised text but kept in the source text', () => {
    const d = parseDocument('一、**主要**举措和[成效](http://example.com)\n');
    expect(d.blocks[0].text).toBe('一、**主要**举措和[成效](http://example.com)');
    expect(d.blocks[0].norm.text).toBe('一、主要举措和成效');
  });

  test('CRLF and CR line endings give the same blocks as LF', () => {
    const lf = parseDocument('一、甲\n正文。\n二、乙\n').blocks.map((b) => [b.line, b.text]);
    expect(parseDocument('一、甲\r\n正文。\r\n二、乙\r\n').blocks.map((b) => [b.line, b.text])).toEqual(lf);
    expect(new LineIndex('a\rb\r\nc').starts).toEqual([0, 2, 5]);
  });
});

describe('outline', () => {
  test('plain numbered paragraphs in GB/T 9704 order nest by level', () => {
    const text = ['一、主要举措和成效', '（一）健全制度', '1.完善规则', '（1）细则', '正文。', '二、存在的问题'].join('\n');
    expect(outlineOf(text)).toEqual([
      { line: 1, level: 1, title: '主要举措和成效', n: '一、', slot: null },
      { line: 2, level: 2, title: '健全制度', n: '（一）', slot: null },
      { line: 3, level: 3, title: '完善规则', n: '1.', slot: null },
      { line: 4, level: 4, title: '细则', n: '（1）', slot: null },
      { line: 6, level: 1, title: '存在的问题', n: '二、', slot: null },
    ]);
  });

  test('half-width and full-width brackets and 1、 1． forms are read alike', () => {
    const text = ['一、甲', '(一)乙', '1、丙', '2．丁', '（二）戊'].join('\n');
    const o = outlineOf(text);
    expect(o.map((h) => h.level)).toEqual([1, 2, 3, 3, 2]);
    expect(o.map((h) => h.title)).toEqual(['甲', '乙', '丙', '丁', '戊']);
    expect(o[1].n).toBe('(一)');
  });

  test('Markdown headings give levels by depth, with numbered lines nesting under them', () => {
    const text = ['# 某区2021年法治政府建设情况的报告', '', '## 一、主要举措和成效', '', '### （一）依法行政', '', '1.完善制度', '', '## 二、存在的问题', ''].join('\n');
    const r = createReport(text);
    expect(r.frame.title?.line).toBe(1);
    expect(r.outline.map((h) => [h.block.line, h.level, h.title])).toEqual([
      [3, 1, '主要举措和成效'],
      [5, 2, '依法行政'],
      [7, 3, '完善制度'],
      [9, 1, '存在的问题'],
    ]);
  });

  test('a numbered line opening with a short titled sentence is a heading; a long numbered sentence is a heading for numbering, its text content', () => {
    const r = createReport(['一、主要举措', '1.深入学习贯彻党的二十大精神。召开全体干部职工大会，专题学习。', '2.全年共办理各类案件一百余件并全部按期办结且当事人满意率达到百分之九十八以上，效果良好。'].join('\n'));
    expect(r.outline.map((h) => [h.title, h.level, !!h.content])).toEqual([
      ['主要举措', 1, false],
      ['深入学习贯彻党的二十大精神', 2, false],
      ['全年共办理各类案件一百余件并全部按期办结且当事人满意率达到百分之九十八以上', 2, true],
    ]);
  });

  test('a numbered item that is one complete sentence is content; a short titled line, with or without its full stop, is not', () => {
    const r = createReport(['一、下一步打算', '（一）扩充法律顾问队伍，年底前实现村居全覆盖。', '（二）落实行政执法三项制度', '（三）加强执法监督。', '（四）每季度开展一次执法案卷评查，发现问题当场反馈整改'].join('\n'));
    expect(r.outline.map((h) => [h.block.line, !!h.content])).toEqual([
      [1, false],
      [2, true],
      [3, false],
      [4, false],
      [5, false],
    ]);
  });

  test('an unnumbered short line in a numbering gap is a heading of that level, with the number that belongs there', () => {
    const text = ['一、主要举措', '（一）甲项工作', '正文。', '（二）乙项工作', '正文。', '完善法律服务推进依法治理', '正文。', '（四）丁项工作', '正文。', '二、存在的问题', '正文。'].join('\n');
    const o = outlineOf(text);
    expect(o.find((h) => h.line === 6)).toEqual({ line: 6, level: 2, title: '完善法律服务推进依法治理', n: null, slot: 3 });
  });

  test('an unnumbered line naming a statutory item after the last top-level heading is a top-level heading', () => {
    const text = ['一、主要举措和成效', '正文。', '二、存在问题和不足', '正文。', '2022年工作计划安排', '正文。'].join('\n');
    expect(outlineOf(text).at(-1)).toEqual({ line: 5, level: 1, title: '2022年工作计划安排', n: null, slot: 3 });
  });

  test('short unnumbered lines elsewhere, the title and the signature are not headings', () => {
    const text = ['某区司法局2021年法治政府建设情况的报告', '2021年，我局扎实推进法治政府建设。', '一、主要举措和成效', '正文。', '成效显著值得肯定', '正文。', '二、存在的问题', '正文。', '某区司法局', '2022年3月1日'].join('\n');
    const r = createReport(text);
    expect(r.outline.map((h) => h.block.line)).toEqual([3, 7]);
    expect(r.frame.signature?.organs.map((b) => b.text)).toEqual(['某区司法局']);
    expect(r.frame.signature?.dateValue).toMatchObject({ year: 2022, month: 3, day: 1, conforming: true });
  });

  test('traditional characters with pinyin debris give the same outline as simplified text', () => {
    const trad = ['一、法治政府工作基本情況', '(一)堅持思想政治引領(lǐng)', '1.切實履行推進法治建設(shè)第一責(zé)任人職責(zé)。局黨組書記帶頭學法。', '二、存在不足和原因'].join('\n');
    const o = outlineOf(trad);
    expect(o.map((h) => [h.level, h.title])).toEqual([
      [1, '法治政府工作基本情况'],
      [2, '坚持思想政治引领'],
      [3, '切实履行推进法治建设第一责任人职责'],
      [1, '存在不足和原因'],
    ]);
  });
});

describe('normalisation and the offset map', () => {
  test('traditional → simplified, debris dropped, punctuation folded', () => {
    expect(normalize('區(qū)委、區(qū)政府的正確領(lǐng)導(dǎo)下,堅持')).toBe('区委、区政府的正确领导下，坚持');
    expect(normalize('１２３件；(一)')).toBe('123件；（一）');
    expect(normalize('1,234件 09:42')).toBe('1,234件 09:42');
  });

  test('a finding on normalised text maps back to the exact source characters', () => {
    const source = '前文。第一責(zé)任人職責(zé)，後文';
    const n = normalizeSpan(source, 0, source.length);
    const i = n.text.indexOf('第一责任人职责');
    expect(i).toBeGreaterThan(0);
    const r = toSource(n, i, i + '第一责任人职责'.length);
    expect(source.slice(r.start, r.end)).toBe('第一責(zé)任人職責');
    const comma = n.text.indexOf('，');
    const c = toSource(n, comma, comma + 1);
    expect(source.slice(c.start, c.end)).toBe('，');
  });

  test('half-width punctuation maps back one to one', () => {
    const source = 'abc,区政府(试点);完成';
    const n = normalizeSpan(source, 3, source.length);
    const k = n.text.indexOf('（试点）');
    const r = toSource(n, k, k + 4);
    expect(source.slice(r.start, r.end)).toBe('(试点)');
  });

  test('pinyin debris is recognised only as a bracketed syllable after a character', () => {
    const s = '區(qū)域(yù) 项目(a) 某(de) 函数(x) 年(2020)';
    expect(findPinyinDebris(s).map((r) => s.slice(r.start, r.end))).toEqual(['(qū)', '(yù)', '(de)']);
  });

  test('Chinese numerals', () => {
    expect([parseChineseNumeral('十二'), parseChineseNumeral('二十'), parseChineseNumeral('一百零五'), parseChineseNumeral('二〇二一')]).toEqual([12, 20, 105, 2021]);
    expect([toChineseNumeral(3), toChineseNumeral(10), toChineseNumeral(14), toChineseNumeral(21)]).toEqual(['三', '十', '十四', '二十一']);
  });
});

describe('checklist and year', () => {
  test('items recognised by meaning, including merged and inside', () => {
    const text = [
      '2021年，某局推进法治政府建设。',
      '一、工作开展情况',
      '一是落实主要负责人履行推进法治建设第一责任人职责。召开会议3次。',
      '二、问题和不足及下一步打算',
      '正文。',
    ].join('\n');
    const r = createReport(text);
    expect(r.checklist.map((e) => [e.item, e.status, e.line])).toEqual([
      ['measures', 'section', 2],
      ['problems', 'merged', 4],
      ['first-responsible', 'inside', 3],
      ['plans', 'merged', 4],
      ['other', 'missing', null],
    ]);
  });

  test('the duty stressed in short quotation marks inside a numbered paragraph is inside; a quoted rule name is not', () => {
    const stressed = ['一、健全法治政府建设制度保障。一是加强党的领导。二是持续夯实“第一责任人”职责。市委主要领导开展法治建设调研20余次。', '二、存在的不足和原因', '正文。'].join('\n');
    expect(createReport(stressed).entry('first-responsible')).toMatchObject({ status: 'inside', line: 1 });
    const named = ['一、健全法治政府建设制度保障。一是学习“党政主要负责人履行推进法治建设第一责任人职责规定”全文。', '二、存在的不足和原因', '正文。'].join('\n');
    expect(createReport(named).entry('first-responsible').status).toBe('missing');
  });

  test('topical top-level sections before the problems item form the measures item', () => {
    const text = ['一、坚持党的领导', '正文。', '二、加强制度建设', '正文。', '三、存在的不足和原因', '正文。', '四、2022年工作打算', '正文。'].join('\n');
    const m = createReport(text).entry('measures');
    expect([m.status, m.line, m.sections.length]).toEqual(['section', 1, 2]);
  });

  test('the report year from the title, the first sentence, or front matter', () => {
    expect(createReport('某区2019年法治政府建设情况报告\n正文。').year?.year).toBe(2019);
    expect(createReport('发布时间:2021-03-29\n2020年，我区坚持依法行政。\n').year).toMatchObject({ year: 2020, from: 'body' });
    expect(createReport('---\nyear: 2018\n---\n我区坚持依法行政。\n').year).toMatchObject({ year: 2018, from: 'frontmatter' });
  });

  test('the opening paragraph behind a 发文字号 or an addressee, and after an opening maxim', () => {
    expect(createReport('交法发〔2019〕31号\n2018年，在党中央、国务院坚强领导下，交通运输部认真贯彻落实上级部署。\n').year).toMatchObject({ year: 2018, from: 'body' });
    expect(createReport('市委全面依法治市委员会：\n2025年，中村乡法治政府建设工作稳步推进。\n').year).toMatchObject({ year: 2025, from: 'body' });
    expect(createReport('法治是安邦治国的基石。2022年，在市委、市政府的坚强领导下，全县法治政府建设稳步推进。\n').year).toMatchObject({ year: 2022, from: 'body' });
    // a second sentence that does not open with its year does not date the report
    expect(createReport('法治是安邦治国的基石。全县在2021年获评示范县。\n').year).toBeNull();
  });

  test('an undated opening closed by the report formula (现将…年…总结如下) names the year there', () => {
    expect(createReport('县委全面依法治县委员会：\n在新征程上，某镇坚持依法行政，切实将法治优势转化为治理效能。现将2024年工作情况总结如下：\n').year).toMatchObject({ year: 2024, from: 'body' });
    expect(createReport('在新征程上，我局坚持依法行政。现将本局2023年度法治政府建设情况报告如下。\n').year).toMatchObject({ year: 2023, from: 'body' });
    // look-alikes: a year inside 《》 or a plan period in the formula, or a dated sentence that is not the formula
    expect(createReport('在新征程上，我局坚持依法行政。现将落实《2023年工作要点》情况报告如下。\n').year).toBeNull();
    expect(createReport('在新征程上，我局坚持依法行政。现将2021—2025年规划落实情况报告如下。\n').year).toBeNull();
    expect(createReport('在新征程上，我局坚持依法行政。全局在2021年获评示范单位。\n').year).toBeNull();
  });

  test('an undated opening (一年来，…) followed by a measures heading that names its year', () => {
    const opening = '一年来，某乡在县委、县政府的正确领导下，深入学习贯彻习近平法治思想，扎实推进法治政府建设。\n';
    expect(createReport(opening + '一、2024年度推进法治政府建设的主要举措和成效\n（一）强化法治教育。\n').year).toMatchObject({ year: 2024, from: 'body' });
    expect(createReport(opening + '一、2023年工作情况\n全年办理案件5件。\n').year).toMatchObject({ year: 2023, from: 'body' });
    // look-alikes: a heading of another item names another year (the plans: the year after), front matter wins
    expect(createReport(opening + '一、主要举措和成效\n全年办理案件5件。\n二、2025年工作安排\n').year).toBeNull();
    expect(createReport('---\nyear: 2022\n---\n' + opening + '一、2024年度推进法治政府建设的主要举措和成效\n').year).toMatchObject({ year: 2022, from: 'frontmatter' });
  });

  test('the formula as the last clause of a sentence citing the notice: the year of the formula, not of the notice', () => {
    const opening = '一年来，某乡坚持依法行政。根据《关于做好2024年度法治政府建设情况报告工作的通知》（县委法办〔2025〕1号），对照《2024年全县法治政府建设工作要点》，';
    expect(createReport(`${opening}现将某乡2024年法治政府建设工作报告如下：\n`).year).toMatchObject({ year: 2024, from: 'body' });
    expect(createReport('一年来，某乡坚持依法行政。根据县委部署，特将2023年度法治政府建设情况报告如下。\n').year).toMatchObject({ year: 2023, from: 'body' });
    // a notice dated 2025 and a formula with no year: no year (the notice's date is not the report's)
    expect(createReport('一年来，某乡坚持依法行政。根据县委法办2025年1月通知要求，现将有关情况报告如下。\n').year).toBeNull();
    // a year in a clause before 现将 that is no formula does not count
    expect(createReport('一年来，某乡坚持依法行政。结合2019年以来的做法，现将有关情况总结如下。\n').year).toBeNull();
  });

  test('no year above: the one-year work documents the measures section cites name it (fuling-damuxiang-2022)', () => {
    const measures = (cited: string) => `一、工作开展情况\n（一）深入学习法治思想\n乡党委坚持将学习习近平法治思想列入${cited}，党委中心组集中学习6次。\n二、存在的问题\n法治宣传不够深入。\n三、下一步工作打算\n持续推进学法。\n`;
    expect(createReport(measures('《2022年度党委理论学习中心组学习计划》')).year).toMatchObject({ year: 2022, from: 'citation' });
    expect(createReport(measures('《城中区2025年法治政府建设工作要点》和《2025年普法责任清单》')).year).toMatchObject({ year: 2025, from: 'citation' });
    expect(createReport(measures('《关于印发某区2023年法治政府建设工作要点的通知》')).year).toMatchObject({ year: 2023, from: 'citation' });
    // look-alikes: a period, a law's revision, a report (last year's, reviewed this year: 静海区 2023 cites its 2022
    // report), another body's report, two documents naming different years (next year's plan prepared at year's end)
    expect(createReport(measures('《法治政府建设实施纲要（2021—2025年）》')).year).toBeNull();
    expect(createReport(measures('《法治政府建设规划（2021-2025）》')).year).toBeNull();
    expect(createReport(measures('《中华人民共和国行政复议法（2023年修订）》')).year).toBeNull();
    expect(createReport(measures('《某乡2021年度法治政府建设情况报告》')).year).toBeNull();
    expect(createReport(measures('《2020年营商环境报告》')).year).toBeNull();
    expect(createReport(measures('《2022年度学习计划》和《2023年度学习计划》')).year).toBeNull();
    // only the measures section is read: a plan for next year cited in the plans section does not date the report
    const plansOnly = '一、工作开展情况\n党委中心组集中学习6次。\n二、存在的问题\n法治宣传不够深入。\n三、下一步工作打算\n制定《2023年度党委理论学习中心组学习计划》。\n';
    expect(createReport(plansOnly).year).toBeNull();
    // a year found above wins: the opening sentence
    expect(createReport('2022年，某乡坚持依法行政。\n' + measures('《2023年度学习计划》')).year).toMatchObject({ year: 2022, from: 'body' });
  });

  test("the report's own title quoted in 《》 names its year; a title citing a plan period does not", () => {
    expect(createReport('《某乡2022年法治政府建设情况报告》\n一年来，某乡坚持依法行政。\n').year).toMatchObject({ year: 2022, from: 'title' });
    expect(createReport('贯彻落实《法治政府建设实施纲要（2021—2025年）》情况报告\n一年来，某乡坚持依法行政。\n').year).toBeNull();
  });
});

describe('checklist on report shapes not in the corpus', () => {
  const shapes: [string, string, Record<string, [string, number | null]>][] = [
    [
      'Markdown headings with all five items',
      `# XX市司法局关于2021年度法治政府建设情况的报告\n\n2021年，我局坚持依法行政。\n\n## 一、2021年推进法治政府建设的主要举措和成效\n\n### （一）健全制度\n\n正文。\n\n## 二、党政主要负责人履行推进法治建设第一责任人职责情况\n\n正文。\n\n## 三、存在的不足和原因\n\n正文。\n\n## 四、2022年推进法治政府建设的主要安排\n\n正文。\n\n## 五、其他需要报告的情况\n\n无。\n`,
      { measures: ['section', 5], 'first-responsible': ['section', 11], problems: ['section', 15], plans: ['section', 19], other: ['section', 23] },
    ],
    [
      'the duty item first, topical sections, problems named by their ending',
      `2021年，我区扎实推进法治政府建设。\n一、区政府主要负责同志履行推进法治建设第一责任人职责情况\n正文。\n二、坚持党的领导，统筹推进法治政府建设\n正文。\n三、深化改革，优化营商环境\n正文。\n四、工作中的不足\n一是问题甲。\n五、下一步工作打算\n正文。\n`,
      { 'first-responsible': ['section', 2], measures: ['section', 4], problems: ['section', 8], plans: ['section', 10] },
    ],
    [
      'a topical heading that tackles problems is not the problems item',
      `2021年，我区扎实推进法治政府建设。\n一、着力解决群众反映的突出问题\n正文。\n二、面临的困难和挑战\n正文。\n三、2022年工作思路\n正文。\n`,
      { measures: ['section', 2], problems: ['section', 4], plans: ['section', 6], 'first-responsible': ['missing', null] },
    ],
    [
      'no numbering at all',
      `某县2022年法治政府建设情况报告\n2022年，我县扎实推进法治政府建设。\n主要举措和成效\n正文一。\n存在的问题和原因\n正文二。\n主要负责人履行第一责任人职责情况\n正文三。\n2023年工作安排\n正文四。\n`,
      { measures: ['section', 3], problems: ['section', 5], 'first-responsible': ['section', 7], plans: ['section', 9] },
    ],
  ];
  for (const [name, text, want] of shapes) {
    test(name, () => {
      const r = createReport(text);
      for (const [item, [status, line]] of Object.entries(want)) {
        const e = r.checklist.find((x) => x.item === item)!;
        expect([item, e.status, e.line]).toEqual([item, status, line]);
      }
    });
  }
});
