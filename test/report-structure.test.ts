/**
 * Reading a report's structure as it is pasted from real pages and drafts (issue 13): page furniture by position and
 * form, titles, the first-responsible duty in running text, numbered items that are sentences, and the facts of the
 * duty. Every sentence here is written for this test; each class has look-alikes that must stay silent.
 */
import { describe, expect, test } from 'vitest';
import { createReport } from '../rules/model/report.js';
import { runRule } from './helpers/rule.js';
import { fix } from '../rules/index.js';

/** A plain report body (sections, facts, plans) that the furniture tests wrap in page furniture. */
const BODY = [
  '2023年，白沙镇坚持以习近平法治思想为指导，统筹推进依法行政各项工作。',
  '一、推进法治政府建设的主要举措和成效',
  '全年审查镇政府合同31份，提出修改意见47条。',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '镇长主持召开镇政府常务会议专题研究法治工作4次，带头参加集体学法6次。',
  '三、存在的不足和原因',
  '村居法律顾问作用发挥不均衡，原因是顾问服务时间有限。',
  '四、2024年工作安排',
  '推动法律顾问每月到村坐班不少于2天。',
];
const SIGNATURE = ['白沙镇人民政府', '2024年2月26日'];
const TITLE = '白沙镇人民政府关于2023年度法治政府建设情况的报告';

const linesOf = (rule: string, text: string) => runRule(rule, text).map((f) => f.line);
const frameOf = (text: string) => {
  const r = createReport(text);
  return { title: r.frame.titleText, year: r.year?.year, sig: r.frame.signature?.date?.text ?? null, organ: r.frame.signature?.organs.map((b) => b.text) ?? [] };
};

describe('page furniture before the title, found by position and form', () => {
  test('breadcrumbs, a disclosure page’s bulleted fields with their values on lines of their own, a time stamp with a view count', () => {
    const head = [
      '您现在的位置：网站首页 > 信息公开 > 法定主动公开内容',
      '• 信息索引号：',
      '  11330781MB1234567X/2024-00031',
      '• 公开方式：',
      '  主动公开',
      '• 成文日期：',
      '  2024-02-26',
      TITLE,
      '2024-02-27 10:15:32    浏览次数：356',
    ];
    const text = [...head, TITLE, ...BODY, ...SIGNATURE].join('\n');
    expect(frameOf(text)).toEqual({ title: TITLE, year: 2023, sig: '2024年2月26日', organ: ['白沙镇人民政府'] });
    // every line of furniture is reported; the title is not, nor its earlier copy in the page header (which of the
    // two copies is furniture is a matter of reading), nor anything of the report
    expect(linesOf('web-boilerplate', text)).toEqual([1, 2, 3, 4, 5, 6, 7, 9]);
    expect(runRule('title-format', text)).toEqual([]);
    expect(runRule('signature-date', text)).toEqual([]);
    expect(runRule('heading-sequence', text)).toEqual([]);
  });

  test('a field’s value on the line under it is furniture even when it is an organ’s name or a document number', () => {
    const head = ['• 发布机构：', '  白沙镇人民政府', '• 发文字号：', '  白政发〔2024〕5号', '• 公开方式：主动公开'];
    const text = [...head, TITLE, ...BODY, ...SIGNATURE].join('\n');
    expect(frameOf(text)).toMatchObject({ title: TITLE, year: 2023, organ: ['白沙镇人民政府'] });
    expect(linesOf('web-boilerplate', text)).toEqual([1, 2, 3, 4, 5]);
  });

  test('page controls split over two lines, column names and a title cut short in the page header', () => {
    const head = ['字号：', '大 中 小', '【打印】', '【关闭】', '部门动态', '白沙镇人民政府关于2023年度法治政府建设', TITLE];
    const text = [...head, ...BODY, ...SIGNATURE].join('\n');
    expect(frameOf(text).title).toBe(TITLE);
    expect(linesOf('web-boilerplate', text)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('a template site’s lead-in and tail, and its more-articles list, are furniture; the report inside is read whole', () => {
    const text = [
      '2023年度镇法治政府建设情况报告范文',
      '发布时间：2024-03-05 08:12:40 栏目：工作报告',
      '以下是本站小编精心整理的镇法治政府建设报告，欢迎阅读参考。',
      TITLE,
      ...BODY,
      ...SIGNATURE,
      '本文仅供参考，如有侵权请联系删除。',
      '更多文章',
      '2022年度镇法治政府建设情况报告',
      '街道法治建设工作总结',
    ].join('\n');
    expect(frameOf(text)).toMatchObject({ title: TITLE, year: 2023, sig: '2024年2月26日' });
    expect(linesOf('web-boilerplate', text)).toEqual([1, 2, 3, 16, 17, 18, 19]);
    expect(runRule('title-format', text)).toEqual([]);
  });

  test('look-alikes: what stands above a document’s own title (its number, attachment label, draft status, organ) is not furniture', () => {
    for (const head of [['附件2'], ['白政发〔2024〕5号'], ['（征求意见稿）'], ['白沙镇人民政府']]) {
      const text = [...head, TITLE, ...BODY, ...SIGNATURE].join('\n');
      expect(runRule('web-boilerplate', text)).toEqual([]);
      expect(frameOf(text).title).toContain('关于2023年度法治政府建设情况的报告');
      expect(runRule('title-format', text)).toEqual([]);
    }
  });

  test('look-alikes: report sentences about phones, QR codes and share buttons stay report text', () => {
    const body = [
      ...BODY.slice(0, 3),
      '开通“掌上复议”小程序，群众扫一扫二维码即可在手机上打开申请页面提交复议申请，全年线上受理12件。',
      '在镇政府网站首页开设“法治白沙”专栏，发布普法信息86条。',
      ...BODY.slice(3),
    ];
    const text = [TITLE, ...body, ...SIGNATURE].join('\n');
    expect(runRule('web-boilerplate', text)).toEqual([]);
  });
});

describe('page furniture after the signature', () => {
  test('a signature followed by share, QR, previous/next and related links, footers is still the signature', () => {
    const tail = [
      '分享到：',
      '扫一扫在手机打开当前页',
      '【打印本页】',
      '【关闭窗口】',
      '上一篇：白沙镇2023年政府信息公开工作年度报告',
      '下一篇：关于公布2024年镇级权责清单的通知',
      '相关文章',
      '白沙镇2022年度法治政府建设情况报告',
      '2023-02-20',
      '主办：白沙镇人民政府  技术支持：某信息公司',
    ];
    const text = [TITLE, ...BODY, ...SIGNATURE, ...tail].join('\n');
    const f = frameOf(text);
    expect(f.sig).toBe('2024年2月26日');
    expect(f.organ).toEqual(['白沙镇人民政府']);
    expect(runRule('signature-date', text)).toEqual([]);
    expect(linesOf('web-boilerplate', text)).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
    // the related report's title is no second title and no plans heading
    expect(runRule('plan-year', text)).toEqual([]);
  });

  test('look-alike: a report that ends on its own text (no furniture, no signature) loses nothing', () => {
    const text = [TITLE, ...BODY].join('\n');
    const r = createReport(text);
    expect(r.frame.bodyEnd).toBe(r.blocks.length);
    expect(runRule('web-boilerplate', text)).toEqual([]);
    expect(runRule('signature-date', text).map((f) => f.messageId)).toEqual(['missing']);
  });
});

describe('titles', () => {
  test('a title wrapped over two lines, or with spaces inside, is one title', () => {
    for (const head of [['白沙镇人民政府关于2023年度', '法治政府建设情况的报告'], ['白沙镇人民政府 关于2023年度法治政府建设情况的报告'], ['白沙镇人民政府', '关于2023年度法治政府建设情况的报告']]) {
      const text = [...head, ...BODY, ...SIGNATURE].join('\n');
      expect(runRule('title-format', text)).toEqual([]);
      expect(createReport(text).year).toMatchObject({ year: 2023, from: 'title' });
      expect(runRule('heading-sequence', text)).toEqual([]);
    }
  });

  test.each([
    '白沙镇2023年度法治政府建设情况报告',
    '白沙镇2023年法治政府建设年度报告',
    '白沙镇2023年法治政府建设工作报告',
    '白沙镇法治政府建设2023年度情况报告',
    '白沙镇人民政府关于2023年度法治政府建设情况的报告（公开版）',
  ])('accepted practice: %s', (title) => {
    expect(runRule('title-format', [title, ...BODY, ...SIGNATURE].join('\n'))).toEqual([]);
  });

  test.each([
    ['白沙镇2023年度法治政府建设工作汇报', '汇报'],
    ['白沙镇关于法治政府建设情况的报告', 'no year'],
    ['白沙镇2023年度依法行政工作情况报告', 'no 法治政府建设'],
    ['白沙镇2023年度法治政府建设工作情况', 'no 报告'],
  ])('reported, as a suggestion: %s (%s)', (title) => {
    const [f, ...rest] = runRule('title-format', [title, ...BODY, ...SIGNATURE].join('\n'));
    expect(rest).toEqual([]);
    expect(f.messageId).toBe('formatSuggest');
    expect(f.message).toMatch(/^标题宜/);
  });

  test('a page that shows the title twice, one copy with its digits masked by a mirror site, has the title of the good copy', () => {
    const text = [TITLE, '发布时间：2024-02-27 10:15', '白沙镇人民政府关于****年度法治政府建设情况的报告', ...BODY, ...SIGNATURE].join('\n');
    expect(runRule('title-format', text)).toEqual([]);
    expect(createReport(text).year).toMatchObject({ year: 2023, from: 'title' });
    // look-alike: a lone masked title has no year
    const masked = ['白沙镇人民政府关于****年度法治政府建设情况的报告', ...BODY.slice(1), ...SIGNATURE].join('\n');
    expect(runRule('title-format', masked).map((f) => f.messageId)).toEqual(['format']);
  });

  test('the report year is never read from inside 《》 or from a plan period', () => {
    const title = '白沙镇关于贯彻落实《法治政府建设实施纲要（2021—2025年）》情况的报告';
    const text = [title, ...BODY, ...SIGNATURE].join('\n');
    // no year in the title: the body's first sentence gives it, and title-format asks for the year
    expect(createReport(text).year).toMatchObject({ year: 2023, from: 'body' });
    expect(runRule('title-format', text).map((f) => f.messageId)).toEqual(['formatSuggest']);
    const planned = ['白沙镇2021—2025年法治政府建设规划中期报告', ...BODY].join('\n');
    expect(createReport(planned).year).toMatchObject({ year: 2023, from: 'body' });
    const opening = ['按照《白沙镇法治政府建设规划（2021-2025年）》，全镇扎实推进2023年度各项任务。', ...BODY.slice(1)].join('\n');
    expect(createReport(opening).year?.year).toBe(2023);
  });
});

describe('the first-responsible duty reported in running text', () => {
  const withoutItem = (sentence: string) =>
    [
      TITLE,
      '2023年，白沙镇统筹推进依法行政各项工作。',
      '一、主要举措和成效',
      '（一）加强组织领导',
      sentence,
      '（二）规范行政执法',
      '全年办理行政处罚案件58件。',
      '二、存在的不足和原因',
      '执法人员力量不足，原因是编制有限。',
      '三、2024年工作安排',
      '充实执法力量，招录执法人员5名。',
      ...SIGNATURE,
    ].join('\n');

  test('a sentence inside another section makes the item inside, on that line', () => {
    const text = withoutItem('镇党委书记、镇长带头履行推进法治建设第一责任人职责，主持召开专题会议研究法治工作3次，年终述法1次。');
    const e = createReport(text).entry('first-responsible');
    expect([e.status, e.line]).toEqual(['inside', 5]);
    expect(runRule('section-missing', text)).toEqual([]);
    expect(linesOf('first-responsible-separate', text)).toEqual([5]);
  });

  test('a heading that carries out a plan (紧扣市委“138”工作安排，…) names no plans item; a heading of the plans does', () => {
    const carried = withoutItem('落实第一责任人职责，主持专题会议3次。').replace('三、2024年工作安排', '（二）紧扣市委“138”工作安排，全局推进依法行政');
    expect(createReport(carried).entry('plans').status).toBe('missing');
    const own = withoutItem('落实第一责任人职责，主持专题会议3次。').replace('三、2024年工作安排', '三、2024年区委区政府工作安排');
    expect(createReport(own).entry('plans').status).toBe('section');
  });

  test('the same in traditional characters with pinyin debris', () => {
    const text = withoutItem('鎮長帶頭履行推進(jìn)法治建設(shè)第一責(zé)任人職責(zé)，主持召開專題會議研究法治工作3次。');
    expect(createReport(text).entry('first-responsible')).toMatchObject({ status: 'inside', line: 5 });
    expect(runRule('section-missing', text)).toEqual([]);
  });

  test('look-alikes: citing the regulation by its title, or the duty of the people of other units in quotation marks, reports no duty', () => {
    for (const s of ['组织干部学习《党政主要负责人履行推进法治建设第一责任人职责规定》等党内法规。', '开展“法治建设第一责任人”主题征文活动，收到作品40篇。']) {
      const text = withoutItem(s);
      expect(createReport(text).entry('first-responsible').status).toBe('missing');
      expect(runRule('section-missing', text).length).toBe(1);
    }
  });
});

describe('numbered items that are whole sentences', () => {
  const report = (plans: string[]) => [TITLE, ...BODY.slice(0, 7), '四、2024年工作安排', ...plans, ...SIGNATURE].join('\n');

  test('a plans section of one-sentence items has content', () => {
    const text = report(['（一）完善行政复议案件审理机制，年内出台审理规程。', '（二）扩充法律顾问队伍，年底前实现村居全覆盖。']);
    expect(runRule('section-empty', text)).toEqual([]);
    expect(runRule('heading-sequence', text)).toEqual([]);
  });

  test('one-sentence items and longer ones of the same level are one sequence', () => {
    const text = report([
      '（一）完善行政复议案件审理机制，年内出台审理规程。',
      '（二）深化行政执法规范化建设，全面落实行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，年内组织执法案卷评查两次。',
      '（三）加强执法人员培训',
      '每季度组织一次执法人员法律知识轮训。',
    ]);
    expect(runRule('heading-sequence', text)).toEqual([]);
    expect(runRule('section-empty', text)).toEqual([]);
  });

  test('a numbered paragraph whose first sentence is long still counts for numbering: a gap after it is found', () => {
    const text = report([
      '（一）深化行政执法规范化建设，全面落实行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，年内组织执法案卷评查两次。',
      '（三）加强执法人员培训，每季度组织一次法律知识轮训。',
    ]);
    expect(runRule('heading-sequence', text).map((f) => [f.line, f.messageId])).toEqual([[11, 'sequence']]);
  });

  test('look-alike: a plans section of bare titles is still empty', () => {
    const text = report(['（一）加强执法队伍建设', '（二）完善法律顾问制度']);
    expect(linesOf('section-empty', text)).toEqual([9]);
  });
});

describe('facts of the first-responsible duty', () => {
  const withDuty = (sentences: string[]) =>
    [TITLE, ...BODY.slice(0, 3), '二、党政主要负责人履行推进法治建设第一责任人职责情况', ...sentences, ...BODY.slice(5), ...SIGNATURE].join('\n');

  test.each([
    [['镇长主持制发《白沙镇2023年法治政府建设工作方案》，部署全年任务。', '组织开展年终述法，实现全镇38个部门述法全覆盖。']],
    [['镇长签批印发《白沙镇重大行政决策事项目录》，重大决策全部经合法性审查。', '实现全镇三十八个单位主要负责人述法全覆盖。']],
  ])('制发/印发《…》 and coverage figures are facts: %j', (sentences) => {
    expect(runRule('first-responsible-substance', withDuty(sentences))).toEqual([]);
  });

  test('look-alikes: a document cited as the basis and a coverage claim without a figure are no facts', () => {
    const text = withDuty(['镇长严格按照《党政主要负责人履行推进法治建设第一责任人职责规定》要求，认真部署法治建设工作。', '组织开展述法，实现述法全覆盖。']);
    expect(linesOf('first-responsible-substance', text)).toEqual([6]);
  });
});

describe('page furniture glued onto the title’s line', () => {
  const body = [...BODY, ...SIGNATURE];
  test.each([
    ['a breadcrumb before the title', `首页 > 政务公开 > 法治政府建设 ${TITLE}`, ['首页 > 政务公开 > 法治政府建设 ']],
    ['a location prompt and breadcrumb', `您当前所在位置：首页>信息公开>乡镇街道 ${TITLE}`, ['您当前所在位置：首页>信息公开>乡镇街道 ']],
    ['page fields after the title', `${TITLE} 发布时间：2024-02-27 来源：白沙镇人民政府`, [' 发布时间：2024-02-27 来源：白沙镇人民政府']],
    ['a time stamp with a view count after the title', `${TITLE}　2024-02-27 15:36　浏览量：12`, ['　2024-02-27 15:36　浏览量：12']],
    ['both', `首页 > 政务公开 > 年度报告 ${TITLE} 发布日期：2024-02-27`, ['首页 > 政务公开 > 年度报告 ', ' 发布日期：2024-02-27']],
  ])('%s: the title is read, only the furniture span is reported and deleted', (_name, line, spans) => {
    const text = [line, ...body].join('\n');
    expect(frameOf(text)).toEqual({ title: TITLE, year: 2023, sig: '2024年2月26日', organ: ['白沙镇人民政府'] });
    expect(runRule('title-format', text)).toEqual([]);
    const f = runRule('web-boilerplate', text);
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(spans);
    expect(fix(text, f).output).toBe([TITLE, ...body].join('\n'));
  });

  test('a faulty title behind furniture is reported on its own words', () => {
    const title = '白沙镇2023年度法治政府建设工作汇报';
    const text = [`首页 > 政务公开 > 法治政府建设 ${title}`, ...body].join('\n');
    const [f, ...rest] = runRule('title-format', text);
    expect(rest).toEqual([]);
    expect(text.slice(f.start, f.end)).toBe(title);
  });

  test('look-alikes: a title with a space inside, an organ before 关于, a breadcrumb ending on a column named like a title', () => {
    for (const line of [`白沙镇人民政府 关于2023年度法治政府建设情况的报告`, `首页 > 乡镇 > 白沙镇人民政府 关于2023年度法治政府建设情况的报告`]) {
      const text = [line, ...body].join('\n');
      expect(frameOf(text).title).toBe(TITLE);
      expect(runRule('title-format', text)).toEqual([]);
      const f = runRule('web-boilerplate', text);
      expect(f.map((x) => text.slice(x.start, x.end))).toEqual(line.startsWith('首页') ? ['首页 > 乡镇 > '] : []);
    }
    // a breadcrumb ending on a column (法治政府建设年度报告, 2023年法治政府建设年度报告) with the title on the next line:
    // the whole line is furniture, the title follows
    for (const crumb of ['首页 > 政务公开 > 法治政府建设年度报告', '您当前的位置：首页>政务公开>法治政府建设年度报告 > 2023年法治政府建设年度报告']) {
      const text = [crumb, TITLE, ...body].join('\n');
      expect(frameOf(text).title).toBe(TITLE);
      expect(linesOf('web-boilerplate', text)).toEqual([1]);
    }
  });
});

describe('headings written as a paste or a headline leaves them', () => {
  test('a second-level number that lost its opening bracket (一)…) is a heading, reported with the bracket restored', () => {
    const text = [TITLE, '2023年，白沙镇坚持依法行政，统筹推进各项工作。', '一、推进法治政府建设的主要举措和成效', '一)深入学习贯彻习近平法治思想', '全年组织集中学法12次。', '（二）规范行政执法', '开展执法案卷评查2次。'].join('\n');
    const outline = createReport(text).outline;
    expect(outline.map((h) => [h.block.line, h.level])).toEqual([[3, 1], [4, 2], [6, 2]]);
    const f = runRule('heading-numeral-style', text);
    expect(f.map((x) => [x.line, x.messageId, x.data.expected])).toEqual([[4, 'unopened', '（一）']]);
    expect(fix(text, f).output.split('\n')[3]).toBe('（一）深入学习贯彻习近平法治思想');
    expect(runRule('heading-sequence', text)).toEqual([]);
  });

  test('look-alike: a numeral and a closing bracket inside a sentence are no heading', () => {
    const text = [TITLE, '2023年，白沙镇坚持依法行政，统筹推进各项工作。', '一、推进法治政府建设的主要举措和成效', '全年组织集中学法12次（其中专题讲座一）。', '组织培训2次（第一期、第二）。'].join('\n');
    expect(createReport(text).outline.map((h) => h.block.line)).toEqual([3]);
  });

  const HEADLINED = [
    '2023年，白沙镇坚持以习近平法治思想为指导，统筹推进依法行政各项工作。',
    '坚持高位推动 法治建设责任不断压实',
    '镇党委专题研究法治工作4次，镇长带头参加集体学法6次。',
    '深化宣传教育 全民法治意识不断增强',
    '全年开展法治宣传活动26场，发放资料3000余份。',
  ];
  test('two-part headlines of a report written without numbers are its top-level headings, with no number asked for', () => {
    const text = [TITLE, ...HEADLINED].join('\n');
    const r = createReport(text);
    expect(r.outline.map((h) => [h.block.line, h.level])).toEqual([[3, 1], [5, 1]]);
    expect(r.checklist.find((c) => c.item === 'measures')).toMatchObject({ status: 'section', line: 3 });
    expect(runRule('heading-sequence', text)).toEqual([]);
  });

  test('look-alikes: one two-part line alone, and two-part lines in a report numbered at the top level, are no headings of their own', () => {
    const one = [TITLE, ...HEADLINED.slice(0, 3), '全年开展法治宣传活动26场，发放资料3000余份。'].join('\n');
    expect(createReport(one).outline).toEqual([]);
    const numbered = [TITLE, HEADLINED[0], '一、主要举措和成效', ...HEADLINED.slice(1)].join('\n');
    expect(createReport(numbered).outline.map((h) => h.block.line)).toEqual([3]);
  });
});
