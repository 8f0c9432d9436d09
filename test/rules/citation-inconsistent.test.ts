import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';

const doc = (...lines: string[]) => ['青山区人民政府关于2021年度法治政府建设情况的报告', ...lines].join('\n');

const ADDED = doc('严格执行《青山区重大行政决策程序规定》，全年作出决策5项。', '二、下一年度工作安排', '继续落实《青山区重大行政决策程序实施规定》。');
const DROPPED = doc('印发《关于加强行政执法协调监督工作的意见》。', '落实《关于加强行政执法协调监督工作意见》。');
const CHANGED = doc('执行《青山区行政规范性文件审核备案规程》。', '执行《青山区行政规范性文件审查备案规程》。');

// an edition that lost a bracket (东湖街道 2024: 《法治政府建设实施纲要2021-2025年)》; 罗湖区应急管理局 2024: …(2021-2025年》)
const LOST_OPENING = doc('认真落实《法治政府建设实施纲要（2021—2025年）》，全年作出决策5项。', '二、下一年度工作安排', '继续落实《法治政府建设实施纲要2021-2025年)》。');
const LOST_CLOSING = doc('贯彻落实《法治政府建设实施纲要(2021-2025年》，全年作出决策5项。', '二、下一年度工作安排', '继续落实《法治政府建设实施纲要(2021-2025年)》。');

const APART = doc('制定《青山街道2021年依法治理工作要点》，严格落实各项任务。', '对照《青山街道2021年普法依法治理工作要点》开展自查。');

ruleTester('citation-inconsistent', {
  valid: [
    doc(
      '学习《中华人民共和国民法典》和《民法典》。',
      '落实《行政复议法》《行政复议法实施条例》。',
      '依据《法治政府建设实施纲要(2015—2020年)》《法治政府建设实施纲要(2021—2025年)》和《法治政府建设实施纲要》。',
      '省政府《关于加强法治政府建设的实施意见》和市政府《关于加强法治政府建设实施意见》。',
      '印发《关于进一步做好行政规范性文件备案工作的通知》《关于开展行政规范性文件后评估工作的通知》。',
      '制定《青山区2021年普法工作要点》《青山区2022年普法工作要点》。',
      '参照《青山区行政执法公示办法》和《青山区行政执法全过程记录办法》。',
      '对照《法治政府建设与责任落实督察工作规定》《青山区法治政府建设与责任落实督察工作规定》。',
    ),
    {
      // the real pages cite the broken title once: nothing to compare it with (no rule checks a title's brackets)
      name: 'a broken edition bracket alone, beside another edition, beside the title without edition, or broken alike twice',
      code: doc(
        '认真落实《法治政府建设实施纲要2021-2025年)》，全年作出决策5项。',
        '对照《法治中国建设规划(2020-2025年》和《法治中国建设规划》。',
        '依据《法治社会建设实施纲要(2020-2025年》《法治社会建设实施纲要（2015—2020年）》。',
        '二、下一年度工作安排',
        '继续落实《法治政府建设实施纲要2021-2025年)》。',
      ),
    },
    {
      name: 'titles listed side by side in one enumeration name different documents',
      code: doc(
        '制定《青山街道2021年依法治理工作要点》《青山街道2021年普法依法治理工作要点》，严格落实各项任务。',
        '修订《青山区行政执法公示办法》、《青山区行政执法公示实施办法》和《青山区行政执法证件管理办法》。',
        '二、下一年度工作安排',
        '继续落实《青山街道2021年依法治理工作要点》。',
      ),
    },
  ],
  invalid: [
    {
      name: 'an edition that lost its opening bracket, the title cited whole before: reported on the broken copy',
      code: LOST_OPENING,
      errors: [{ messageId: 'inconsistent', ...spanOf(LOST_OPENING, '《法治政府建设实施纲要2021-2025年)》'), message: '同一文件名称前后不一致：《法治政府建设实施纲要（2021—2025年）》/《法治政府建设实施纲要2021-2025年)》', relatedLines: [2], fixes: [] }],
    },
    {
      name: 'an edition that lost its closing bracket, the title cited whole (half-width brackets) after it',
      code: LOST_CLOSING,
      errors: [{ messageId: 'inconsistent', ...spanOf(LOST_CLOSING, '《法治政府建设实施纲要(2021-2025年》'), message: '同一文件名称前后不一致：《法治政府建设实施纲要(2021-2025年)》/《法治政府建设实施纲要(2021-2025年》', relatedLines: [4] }],
    },
    {
      name: 'the same pair in two sentences, not listed together, is one document cited two ways',
      code: APART,
      errors: [{ messageId: 'inconsistent', line: 3, column: spanOf(APART, '《青山街道2021年普法依法治理工作要点》').column, relatedLines: [2] }],
    },
    {
      name: 'characters added: reported on the later citation, the earlier one related, no fix',
      code: ADDED,
      errors: [
        {
          messageId: 'inconsistent',
          line: 4,
          column: spanOf(ADDED, '《青山区重大行政决策程序实施规定》').column,
          message: '同一文件名称前后不一致：《青山区重大行政决策程序规定》/《青山区重大行政决策程序实施规定》',
          relatedLines: [2],
          fixes: [],
        },
      ],
    },
    { name: 'a dropped 的', code: DROPPED, errors: [{ messageId: 'inconsistent', line: 3, column: spanOf(DROPPED, '《关于加强行政执法协调监督工作意见》').column }] },
    { name: 'a one-character change in a long title', code: CHANGED, errors: [{ messageId: 'inconsistent', line: 3, column: spanOf(CHANGED, '《青山区行政规范性文件审查备案规程》').column }] },
  ],
});

describe('citation-inconsistent', () => {
  test('the same document with characters added is reported on the later citation, the earlier one related', () => {
    const text = doc('严格执行《青山区重大行政决策程序规定》，全年作出决策5项。', '二、下一年度工作安排', '继续落实《青山区重大行政决策程序实施规定》。');
    const [f, ...rest] = runRule('citation-inconsistent', text);
    expect(rest).toEqual([]);
    expect(f.line).toBe(4);
    expect(f.message).toBe('同一文件名称前后不一致：《青山区重大行政决策程序规定》/《青山区重大行政决策程序实施规定》');
    expect(f.related.map((r) => r.line)).toEqual([2]);
    expect(f.fixes).toEqual([]);
  });

  test('a dropped 的 and a one-character change in a long title', () => {
    expect(runRule('citation-inconsistent', doc('印发《关于加强行政执法协调监督工作的意见》。', '落实《关于加强行政执法协调监督工作意见》。'))).toHaveLength(1);
    expect(runRule('citation-inconsistent', doc('执行《青山区行政规范性文件审核备案规程》。', '执行《青山区行政规范性文件审查备案规程》。'))).toHaveLength(1);
  });

  test('must not pair accepted short forms or different documents', () => {
    const text = doc(
      '学习《中华人民共和国民法典》和《民法典》。',
      '落实《行政复议法》《行政复议法实施条例》。',
      '依据《法治政府建设实施纲要(2015—2020年)》《法治政府建设实施纲要(2021—2025年)》和《法治政府建设实施纲要》。',
      '省政府《关于加强法治政府建设的实施意见》和市政府《关于加强法治政府建设实施意见》。',
      '印发《关于进一步做好行政规范性文件备案工作的通知》《关于开展行政规范性文件后评估工作的通知》。',
      '制定《青山区2021年普法工作要点》《青山区2022年普法工作要点》。',
      '参照《青山区行政执法公示办法》和《青山区行政执法全过程记录办法》。',
      '对照《法治政府建设与责任落实督察工作规定》《青山区法治政府建设与责任落实督察工作规定》。',
    );
    expect(runRule('citation-inconsistent', text).map((f) => f.message)).toEqual([]);
  });
});
