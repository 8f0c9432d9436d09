import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { fix } from '../../rules/index.js';
import { isChromeLine } from '../../rules/model/chrome.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';

const WATERMARK = '秘书之家—全网资源每日更新www.mishuzj.com';
const WATERMARKED = `${WATERMARK}湖北省2023年法治政府建设取得成效。领导带头履行第一${WATERMARK}责任人职责。\n`;

const chrome = (line: number, endColumn?: number) => ({ messageId: 'chrome' as const, line, column: 1, ...(endColumn ? { endColumn } : {}), fixes: ['delete'] });

ruleTester('web-boilerplate', {
  valid: [
    '高度重视社会监督，设立并向社会公布街道政务服务和投诉举报电话，向辖区内居民提供政务咨询、维权申诉等一站式综合服务，方便群众投诉举报。\n',
    '通过微信公众号、官方微博发布普法信息120余条，开展线上法治宣传活动，覆盖群众3万余人次。\n',
    '开通政务网站关怀版和无障碍浏览功能，方便老年人和残疾人获取政府信息，全年访问量明显增长。\n',
    '来源于群众的意见建议全部办结。\n',
    // the words of page controls in prose stay prose
    '规范公文字体字号，打印、关闭等操作按规定留痕。\n',
    '2020年，全区法治政府建设扎实推进。\n',
    // a government portal's address is how a report cites it; one copy of a site name with no slogan is no watermark
    '通过中国政府网www.gov.cn和“信用中国”网站（www.creditchina.gov.cn）公开信息。\n',
    '在人民网www.people.com.cn发布普法文章。\n',
  ],
  invalid: [
    {
      name: 'a template site watermark inside report prose: only the span is deleted, the prose stays',
      code: WATERMARKED,
      errors: [
        { messageId: 'chrome', ...spanOf(WATERMARKED, WATERMARK, 0), fixes: ['delete'] },
        { messageId: 'chrome', ...spanOf(WATERMARKED, WATERMARK, 1), fixes: ['delete'] },
      ],
      output: '湖北省2023年法治政府建设取得成效。领导带头履行第一责任人职责。\n',
    },
    {
      name: 'page chrome: each line deleted with its break',
      code: '发布时间:2021-03-29 09:42\n访问次数:\n关于2020年法治政府建设情况的报告\n2020年，全区法治政府建设扎实推进。\n版权所有：某市人民政府  网站标识码：1201010001\n微信\n',
      errors: [chrome(1, 22), chrome(2, 6), chrome(5), chrome(6, 3)],
      output: '关于2020年法治政府建设情况的报告\n2020年，全区法治政府建设扎实推进。\n',
    },
    {
      name: 'a row of page controls whose font-size buttons were images, after a headline: 【打印】 【字体:',
      code: '某省人民政府关于2019年度法治政府建设情况的报告\n【打印】 【字体:\n2019年，省政府坚持依法行政。\n',
      errors: [chrome(2)],
      output: '某省人民政府关于2019年度法治政府建设情况的报告\n2019年，省政府坚持依法行政。\n',
    },
    { name: 'the last line without a break', code: '正文内容。\n微信', errors: [chrome(2, 3)], output: '正文内容。\n' },
  ],
});

describe('web-boilerplate', () => {
  test('reports page chrome and deletes the whole line with its break', () => {
    const text = '发布时间:2021-03-29 09:42\n访问次数:\n关于2020年法治政府建设情况的报告\n2020年，全区法治政府建设扎实推进。\n版权所有：某市人民政府  网站标识码：1201010001\n微信\n';
    const f = runRule('web-boilerplate', text);
    expect(f.map((x) => x.line)).toEqual([1, 2, 5, 6]);
    expect(fix(text, f).output).toBe('关于2020年法治政府建设情况的报告\n2020年，全区法治政府建设扎实推进。\n');
  });

  test('the finding names the whole line, markers, spaces and a BOM included; the fix adds only its line break', () => {
    for (const [text, lines, rest] of [
      ['\ufeff【打印】【关闭】  \n关于2020年法治政府建设情况的报告\n- 【打印】【关闭】\n', ['\ufeff【打印】【关闭】  ', '- 【打印】【关闭】'], '关于2020年法治政府建设情况的报告\n'],
      ['## 发布时间:2021-03-29 09:42  \n关于2020年法治政府建设情况的报告\n', ['## 发布时间:2021-03-29 09:42  '], '关于2020年法治政府建设情况的报告\n'],
    ] as const) {
      const f = runRule('web-boilerplate', text);
      expect(f.map((x) => text.slice(x.start, x.end))).toEqual(lines);
      for (const x of f) expect(x.fixes[0].edits).toEqual([{ start: x.start, end: x.end + 1, newText: '' }]);
      expect(fix(text, f).output).toBe(rest);
    }
  });

  test.each([
    '丨     网站无障碍 丨 关怀版',
    '发布日期:2021-01-13    发布者:和平区人民政府',
    '法律声明 | 关于我们 | 网站地图 | 使用帮助',
    '主办单位:天津市和平区人民政府 版权所有:天津市和平区人民政府',
    '津公网安备12010102000334号   津ICP备05000681号   网站标识码:1201010001',
    '本网站违法和不良信息举报电话:022-23196661,举报邮箱:abc@example.gov.cn',
    '信息来源:区府办',
    '微博',
    '【打印】【关闭】',
  ])('chrome: %s', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  test.each([
    '高度重视社会监督，设立并向社会公布街道政务服务和投诉举报电话，向辖区内居民提供政务咨询、维权申诉等一站式综合服务，方便群众投诉举报。',
    '通过微信公众号、官方微博发布普法信息120余条，开展线上法治宣传活动，覆盖群众3万余人次。',
    '开通政务网站关怀版和无障碍浏览功能，方便老年人和残疾人获取政府信息，全年访问量明显增长。',
    '来源于群众的意见建议全部办结。',
    '2020年，全区法治政府建设扎实推进。',
  ])('report text: %s', (line) => {
    expect(isChromeLine(line)).toBe(false);
    expect(runRule('web-boilerplate', line + '\n')).toEqual([]);
  });

  test('page furniture by form before the title: navigation rows, breadcrumbs, clock stamps, unknown fields among known ones', () => {
    const text = [
      '中国政府网 | 重庆市人民政府网 区政府 网站专栏',
      '首页 政务公开 渝快办 互动交流',
      '网站首页',
      '> 政务公开 > 政务专题 > 法治政府建设',
      '栏目:政策文件 发布时间:2023-01-12',
      '浙江/台州-2026-01-27 00:00:00',
      '- 索引号:pnx/2026-00010',
      '- 公文时效:',
      '- 发布日期:2026-01-12',
      '中共青山市委 青山市人民政府',
      '关于2025年度法治政府建设情况的报告',
      '2025年，全市法治政府建设扎实推进，各项工作取得新成效。',
      '相關詞條',
      '聯絡我們',
      '',
    ].join('\n');
    const f = runRule('web-boilerplate', text);
    expect(f.map((x) => x.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14]);
  });

  test('metadata as table rows with empty cells, two field names in one label, and dated fields the list did not know', () => {
    const text = [
      '| 索引号:000014349/2026-02861 | |',
      '| 发文字号: | 发文时间:2025-12-22 |',
      '- 备注/文号: 青镇委〔2025〕5号',
      '- 公文生成日期: 2025-02-07',
      '中共青山县委员会,青山县人民政府:',
      '2024年，青山镇法治政府建设扎实推进，各项工作取得新成效。',
      '一、主要举措和成效',
      '（一）备注：全年发文12件，均经合法性审查。',
      '',
    ].join('\n');
    expect(runRule('web-boilerplate', text).map((x) => x.line)).toEqual([1, 2, 3, 4]);
    // the report's own prose with a colon is no field: 备注 and 文号 in a sentence stay
    expect(runRule('web-boilerplate', '青山镇人民政府关于2024年度法治政府建设情况的报告\n全年规范公文文号管理，备注栏填写完整。\n')).toEqual([]);
  });

  test('a metadata table pasted with its cells one space apart, no bars or colons: two field names make the row', () => {
    const text = [
      '索引号 /2025-00251 生成日期 2025-01-16',
      '发布机构 县教育局 文号',
      '组配分类 法治政府建设报告 主题分类',
      '青山县教育局2024年度法治政府建设工作报告',
      '2024年，县教育局扎实推进法治政府建设。',
      '',
    ].join('\n');
    expect(runRule('web-boilerplate', text).map((x) => x.line)).toEqual([1, 2, 3]);
    // a dated field the list did not know, its colon spaced (信息提供日期 : …) and the next field glued to its time
    const spaced = '信息提供日期 : 2025-02-25 14:28来源 : 青山区城市建设事务中心 信息索引号 : /2025-12041805\n青山区城市建设事务中心2024年法治政府建设年度报告\n2024年，中心扎实推进法治政府建设，信息提供及时，公开日期准确。\n';
    expect(runRule('web-boilerplate', spaced).map((x) => x.line)).toEqual([1]);
    // a site's name and address before a dated field with its clock time, in simplified and traditional characters
    for (const line of ['青山县人民政府门户网站 www.qingshan.com.cn 发布时间:2025-12-31 16:33', '青山縣人民政府門戶網站 www.qingshan.com.cn 發布時間:2025-12-31 16:33']) {
      expect(runRule('web-boilerplate', `青山县卫生健康局2025年法治政府建设年度工作报告\n${line}\n2025年，县卫生健康局扎实推进法治政府建设。\n`).map((x) => x.line), line).toEqual([2]);
    }
    // near miss: a field name and a date without a clock time after the site's name stays (a date alone may be the report's)
    expect(runRule('web-boilerplate', '青山县卫生健康局2025年法治政府建设年度工作报告\n青山县卫生健康局 2026年1月20日\n2025年，县卫生健康局扎实推进法治政府建设。\n')).toEqual([]);
    // near miss: one field name among other words before the title (来源 is also a report's word) is no metadata row
    expect(runRule('web-boilerplate', '来源 青山县 教育系统\n青山县教育局2024年度法治政府建设工作报告\n2024年，县教育局扎实推进法治政府建设。\n')).toEqual([]);
  });

  test('a site name over its breadcrumb is the page header; an organ directly above the title heads the title', () => {
    const site = '青山市人民政府\n首页 >> 政府信息公开 >> 法定主动公开内容\n\n青山镇人民政府关于2022年法治政府建设工作情况报告\n2022年，青山镇扎实推进法治政府建设。\n';
    expect(runRule('web-boilerplate', site).map((x) => x.line)).toEqual([1, 2]);
    const heading = '青山镇人民政府\n关于2022年度法治政府建设情况的报告\n2022年，青山镇扎实推进法治政府建设。\n';
    expect(runRule('web-boilerplate', heading)).toEqual([]);
  });

  test('the last line without a line break is deleted without touching the line before', () => {
    const text = '正文内容。\n微信';
    const f = runRule('web-boilerplate', text);
    expect(fix(text, f).output).toBe('正文内容。\n');
  });
});

describe('web-boilerplate: document-sharing sites', () => {
  test('the lead-in of a document-sharing site is furniture; report sentences about reading and sharing are not', () => {
    expect(isChromeLine('《白沙镇2023年度法治政府建设情况报告.docx》由会员分享，可在线阅读，更多相关《白沙镇报告.docx（12页珍藏版）》请在某某文库上搜索。')).toBe(true);
    expect(isChromeLine('《镇法治建设工作总结.pdf》')).toBe(true);
    expect(isChromeLine('本文档由会员上传，仅供参考。')).toBe(true);
    for (const prose of [
      '依托“学习强国”平台开展在线阅读和法治答题活动，全镇干部参与率达98%。',
      '印发《白沙镇法治政府建设实施方案》，经验做法由市司法局向全市分享。',
      '群众可在政务服务网上搜索办事指南，全年访问量明显增长。',
    ]) expect(isChromeLine(prose), prose).toBe(false);
  });
});

describe('web-boilerplate: template-site watermarks by where they stand', () => {
  const TITLE = '青山区商务局关于2023年度法治政府建设情况的报告';
  test('a name and address set off by a space at a line end, and the learned name with its slogan: spans deleted with their space', () => {
    const text = [
      TITLE,
      '2023年，我局坚持依法行政，各项工作取得新成效。',
      '范文栈 www.fanwenzhan.com',
      '一、主要举措和成效 范文栈 www.fanwenzhan.com',
      '（一）加强组织领导 范文栈,公文写作之家',
      '（二）规范行政执法 文稿库 www.wengaoku.net',
      '全年办理行政许可事项120件，全部按时办结。',
      '',
    ].join('\n');
    const f = runRule('web-boilerplate', text);
    expect(f.map((x) => [x.line, text.slice(x.start, x.end)])).toEqual([
      [3, '范文栈 www.fanwenzhan.com'],
      [4, ' 范文栈 www.fanwenzhan.com'],
      [5, ' 范文栈,公文写作之家'],
      [6, ' 文稿库 www.wengaoku.net'],
    ]);
    expect(fix(text, f).output).toBe(
      [TITLE, '2023年，我局坚持依法行政，各项工作取得新成效。', '一、主要举措和成效', '（一）加强组织领导', '（二）规范行政执法', '全年办理行政许可事项120件，全部按时办结。', ''].join('\n'),
    );
  });

  test.each([
    // an address cited inside a sentence, a labelled address, a government portal after a space
    '在人民网www.people.com.cn发布普法文章。\n',
    '登录 青山发布 www.qsfabu.com 可查询办事指南。\n',
    '门户网址 www.qingshan.com\n',
    '政务公开 www.qingshan.gov.cn\n',
  ])('no watermark: %s', (text) => {
    expect(runRule('web-boilerplate', text)).toEqual([]);
  });

  test('a repost note between the title and the body is furniture; an addressee line is not', () => {
    const text = `${TITLE}\n转自:青山区商务局\n2023年，我局坚持依法行政，各项工作取得新成效。\n`;
    expect(runRule('web-boilerplate', text).map((x) => x.line)).toEqual([2]);
    const addressed = `${TITLE}\n区人民政府：\n2023年，我局坚持依法行政，各项工作取得新成效。\n`;
    expect(runRule('web-boilerplate', addressed)).toEqual([]);
    const sent = `${TITLE}\n主送:区人民政府\n2023年，我局坚持依法行政，各项工作取得新成效。\n`;
    expect(runRule('web-boilerplate', sent)).toEqual([]);
    const attached = `附件：青山区商务局工作材料\n${TITLE}\n2023年，我局坚持依法行政，各项工作取得新成效。\n`;
    expect(runRule('web-boilerplate', attached)).toEqual([]);
  });
});
