import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { applyAll, applyFirstFix } from './_form.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';

const para = (s: string) => `青山区人民政府关于2021年度法治政府建设情况的报告\n${s}`;

// a code of six characters set off by a bracket is quoted whole
const LONG_CODE = para('按照《2023年九龙坡区法治政府建设工作要点》(九龙坡府办发〔202365号)的部署要求推进。');
const OPEN = para('依据《国务院关于加强法县级政府依法行政的决定》(国发〔200840号)开展工作。');
const BRACKETS = para('按照粤府办[2020]15号文件和穗府(2019)8号文件要求，印发青政发【2021】3号通知。');
const RANGE = para('落实《青山区法治政府建设规划(20212025年)》。');

ruleTester('doc-number-format', {
  valid: [
    para('依据《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号)和《法治政府建设实施纲要(2015—2020年)》《纲要(2021-2025年)》，2021年办理案件20件，（2021年）共28号楼整改。'),
    para('两个数字20252021年不构成区间。'),
  ],
  invalid: [
    {
      name: 'a code of six characters set off by a bracket is quoted whole',
      code: LONG_CODE,
      errors: [{ messageId: 'format', ...spanOf(LONG_CODE, '九龙坡府办发〔202365号'), data: { found: '九龙坡府办发〔202365号', expected: '九龙坡府办发〔2023〕65号' }, fixes: ['rewrite'] }],
      output: LONG_CODE.replace('〔202365号', '〔2023〕65号'),
    },
    {
      name: 'a 〔 left open: the fix inserts only the 〕',
      code: OPEN,
      errors: [{ messageId: 'format', ...spanOf(OPEN, '国发〔200840号'), data: { found: '国发〔200840号', expected: '国发〔2008〕40号' }, fixes: ['rewrite'] }],
      output: OPEN.replace('〔200840号', '〔2008〕40号'),
    },
    {
      name: 'the year in square or round brackets',
      code: BRACKETS,
      errors: [
        { messageId: 'format', ...spanOf(BRACKETS, '粤府办[2020]15号'), data: { expected: '粤府办〔2020〕15号' } },
        { messageId: 'format', ...spanOf(BRACKETS, '穗府(2019)8号'), data: { expected: '穗府〔2019〕8号' } },
        { messageId: 'format', ...spanOf(BRACKETS, '青政发【2021】3号'), data: { expected: '青政发〔2021〕3号' } },
      ],
      output: para('按照粤府办〔2020〕15号文件和穗府〔2019〕8号文件要求，印发青政发〔2021〕3号通知。'),
    },
    {
      name: 'a year range that lost its dash',
      code: RANGE,
      errors: [{ messageId: 'range', ...spanOf(RANGE, '20212025年'), data: { found: '20212025年', expected: '2021—2025年' } }],
      output: para('落实《青山区法治政府建设规划(2021—2025年)》。'),
    },
  ],
});

describe('doc-number-format', () => {
  test('a 〔 left open: the fix inserts only the 〕', () => {
    const text = para('依据《国务院关于加强法县级政府依法行政的决定》(国发〔200840号)开展工作。');
    const [f, ...rest] = runRule('doc-number-format', text);
    expect(rest).toEqual([]);
    expect([f.messageId, f.line, f.data.found, f.data.expected]).toEqual(['format', 2, '国发〔200840号', '国发〔2008〕40号']);
    expect(applyFirstFix(text, f)).toContain('(国发〔2008〕40号)');
  });

  test('the year in square or round brackets', () => {
    const text = para('按照粤府办[2020]15号文件和穗府(2019)8号文件要求，印发青政发【2021】3号通知。');
    const found = runRule('doc-number-format', text);
    expect(found.map((f) => f.data.expected)).toEqual(['粤府办〔2020〕15号', '穗府〔2019〕8号', '青政发〔2021〕3号']);
    const fixed = applyAll(text, found);
    expect(fixed).toBe(para('按照粤府办〔2020〕15号文件和穗府〔2019〕8号文件要求，印发青政发〔2021〕3号通知。'));
    expect(runRule('doc-number-format', fixed)).toEqual([]);
  });

  test('a year range that lost its dash', () => {
    const text = para('落实《青山区法治政府建设规划(20212025年)》。');
    const [f] = runRule('doc-number-format', text);
    expect([f.messageId, f.data.found, f.data.expected]).toEqual(['range', '20212025年', '2021—2025年']);
    expect(applyFirstFix(text, f)).toContain('(2021—2025年)');
  });

  test('must not fire on correct numbers, ranges with a dash, or plain years and counts', () => {
    const text = para(
      '依据《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号)和《法治政府建设实施纲要(2015—2020年)》《纲要(2021-2025年)》，2021年办理案件20件，（2021年）共28号楼整改。',
    );
    expect(runRule('doc-number-format', text)).toEqual([]);
    expect(runRule('doc-number-format', para('两个数字20252021年不构成区间。'))).toEqual([]);
  });
});
