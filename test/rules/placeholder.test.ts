import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';

const texts = (s: string) => runRule('placeholder', s).map((f) => f.data.text);

describe('placeholder', () => {
  test.each([
    ['全年开展行政执法培训(几次)，参训人员明显增加。', '(几次)'],
    ['组织旁听庭审（多少人）。', '（多少人）'],
    ['XX区司法局认真落实各项要求。', 'XX'],
    ['××街道办事处高度重视。', '××'],
    ['20XX年，我局继续推进法治建设。', '20XX'],
    ['x01x年工作计划已经印发。', 'x01x'],
    ['全年召开常务会议学法＊次。', '＊'],
    ['本年度共办理复议案件【待补充】件。', '【待补充】'],
    ['TODO 补充第一责任人述法情况。', 'TODO'],
    ['某某单位未按时报送材料。', '某某'],
  ])('reports %s', (text, found) => {
    expect(texts(text)).toContain(found);
  });

  test('an asterisk placeholder is found on the source even when Markdown reads emphasis', () => {
    // "*次，培训*" parses as emphasis, which the normalised text drops
    const f = runRule('placeholder', '全年召开会议*次，培训*人。\n');
    expect(f.map((x) => x.data.text)).toEqual(['*', '*']);
    expect(f[0].column).toBe(7);
  });

  test.each([
    '依法办理王某某诉区政府信息公开案，经审理维持原决定。',
    '严格执行《某某市行政规范性文件管理办法》。',
    '群众反映“某某单位不作为”的问题已经办结。',
    '全区共有4A级景区3个，XXL型号不在此列。',
    '**重点工作**：深化“放管服”改革。',
    '若干意见已经印发，有待补充完善的内容将在明年修订。',
    '2020年12月底前完成全部任务。',
    '全面推行行政执法“三项制度”，实现x轴和y轴数据互通。',
  ])('stays silent on %s', (text) => {
    expect(texts(text)).toEqual([]);
  });

  test('code blocks are not report text', () => {
    expect(texts('说明如下。\n\n```\nTODO XX\n```\n')).toEqual([]);
  });
});
