import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { fix } from '../../rules/index.js';
import { ruleTester } from '../helpers/ruleTester.js';

ruleTester('mojibake', {
  valid: [
    // one weak sign alone is no garbage: a real question mark, a capital, a table drawn in text
    '这是为什么?!我们必须回答。',
    '打造A级景区，建成B类站点。',
    '┏━━━━┓\n┃ 项目 ┃\n┗━━━━┛',
    '是否依法履职？我们认为仍有差距。', '为什么?,我们必须回答。', '建成5G基站120个，打造A级景区3个。', '完成率(%)为98。', '拼音标注示例：法治（fǎ zhì）一词。', '收到意见(3条)，采纳(2条)。',
    // a capital before a bracket is debris only after a lost character and its mark: not an English word, not a plain F
    '开展Training(ā)活动。', '问卷?F(ān)项。', '采用B(ā)方案。'],
  invalid: [
    {
      name: 'pinyin debris: once per line with the count, one fix for the whole file',
      code: '香洲區(qū)司法局在區(qū)委領(lǐng)導(dǎo)下開展工作。\n第二行沒有問題。\n加強隊(duì)伍建設(shè)。\n',
      errors: [
        { messageId: 'debris', line: 1, column: 3, endColumn: 8, data: { text: '區(qū)', n: 4 }, message: '本行含转码残留“區(qū)”，共4处', fixes: ['strip'] },
        { messageId: 'debris', line: 3, column: 3, endColumn: 9, data: { text: '隊(duì)', n: 2 }, fixes: ['strip'] },
      ],
      output: '香洲區司法局在區委領導下開展工作。\n第二行沒有問題。\n加強隊伍建設。\n',
    },
    {
      name: 'GBK/UTF-8 garbage is reported, not repaired (the debris beside it is stripped)',
      code: '鍛造忠誠干凈擔(dān)當(dāng)?shù)乃痉ㄨF軍。\n',
      errors: [
        { messageId: 'debris', line: 1, column: 7, data: { text: '擔(dān)', n: 2 } },
        { messageId: 'garbage', line: 1, column: 20, endColumn: 29, data: { text: '?shù)乃痉ㄨF' }, fixes: [] },
      ],
      output: '鍛造忠誠干凈擔當?shù)乃痉ㄨF軍。\n',
    },
    {
      name: 'a box-drawing corner glued to Han characters: （二） decoded with the wrong code page',
      code: '?。ǘ┏浞职l揮部作用。\n',
      errors: [{ messageId: 'garbage', line: 1, column: 1, fixes: [] }],
      output: null,
    },
    {
      name: 'two weak signs of different kinds together: a lost character before a mark and a stray capital',
      code: '完成起草工作?!毒V要》印發實施。\n',
      errors: [{ messageId: 'garbage', line: 1, column: 7, fixes: [] }],
      output: null,
    },
    {
      name: 'a lost character before a half-width mark and a stray capital after it: 。現 decoded as ?,F',
      code: '提升了依法行政水平?,F將我街道2021年度工作情况報告如下。\n',
      errors: [{ messageId: 'garbage', line: 1, column: 10, endColumn: 13, data: { text: '?,F' }, fixes: [] }],
      output: null,
    },
    {
      name: 'the lost character was annotated: ?,F(xiàn) — its pinyin bracket is stripped with the rest, the garbage reported',
      code: '取得新成效?,F(xiàn)將有關(guān)情況報告如下。\n',
      errors: [
        { messageId: 'garbage', line: 1, column: 6, endColumn: 9, data: { text: '?,F' }, fixes: [] },
        { messageId: 'debris', line: 1, column: 8, data: { text: 'F(xiàn)', n: 2 }, fixes: ['strip'] },
      ],
      output: '取得新成效?,F將有關情況報告如下。\n',
    },
    { name: 'replacement characters', code: '全年办理案件\ufffd\ufffd件。', errors: [{ messageId: 'garbage', line: 1, column: 7, endColumn: 9, fixes: [] }], output: null },
  ],
});

describe('mojibake', () => {
  test('pinyin debris: once per line with the count, one fix for the whole file', () => {
    const text = '香洲區(qū)司法局在區(qū)委領(lǐng)導(dǎo)下開展工作。\n第二行沒有問題。\n加強隊(duì)伍建設(shè)。\n';
    const f = runRule('mojibake', text);
    expect(f.map((x) => [x.line, x.data.n, x.data.text])).toEqual([
      [1, 4, '區(qū)'],
      [3, 2, '隊(duì)'],
    ]);
    // the same edits on every line's finding: the engine applies them once
    expect(f[0].fixes[0].edits).toEqual(f[1].fixes[0].edits);
    expect(fix(text, f).output).toBe('香洲區司法局在區委領導下開展工作。\n第二行沒有問題。\n加強隊伍建設。\n');
  });

  test('GBK/UTF-8 garbage is reported, not repaired', () => {
    const text = '鍛造忠誠干凈擔(dān)當(dāng)?shù)乃痉ㄨF軍。\n';
    const garbage = runRule('mojibake', text).filter((x) => x.messageId === 'garbage');
    expect(garbage).toHaveLength(1);
    expect(garbage[0].data.text).toBe('?shù)乃痉ㄨF');
    expect(garbage[0].fixes).toEqual([]);
  });

  test('replacement characters', () => {
    const f = runRule('mojibake', '全年办理案件\ufffd\ufffd件。');
    expect(f.map((x) => x.messageId)).toEqual(['garbage']);
  });

});
