import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { report } from './_figures.js';

const run = (...p: string[]) => runRule('figure-conflict', report(...p));

describe('figure-conflict', () => {
  test('an edit left the old and the new amount side by side', () => {
    const f = run('全区共兑现政策资金5亿元，受惠企业3000家。', '二是优化服务。我区共兑现政策资金5905.23万元，受惠企业3000家。');
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe('同一指标“兑现政策资金”前后数值不一致：5亿元（第2行）与5905.23万元（第3行）');
    expect(f[0].line).toBe(2);
    expect(f[0].related.map((r) => r.line)).toEqual([3]);
  });
  test('宗 and 件 are one family', () => {
    expect(run('受理医患纠纷20宗。', '全年受理医患纠纷共22件。')).toHaveLength(1);
  });
  describe('look-alikes that must stay silent', () => {
    test('the same amount in another scale', () => expect(run('共兑现政策资金5亿元。', '共兑现政策资金50000万元。')).toEqual([]));
    test('different measures of one chain (原有 / 保留 / 现有)', () =>
      expect(run('原有行政执法证件1477个，其中保留行政执法证件1262个，撤销行政执法证件215个；新申领行政执法证件18个，现有行政执法证件1280个。')).toEqual([]));
    test('人 and 人次 count different things', () => expect(run('参加网上学法考试296人。', '参加网上学法考试14950人次。')).toEqual([]));
    test('different periods', () => expect(run('2019年受理行政复议案件50件。', '2020年受理行政复议案件80件。')).toEqual([]));
    test('a part-year figure and the year figure', () => expect(run('截至11月底，办理行政复议案件100宗。', '全年办理行政复议案件120宗。')).toEqual([]));
    test('approximations', () => expect(run('开展专题讲座300余场。', '开展专题讲座320场。')).toEqual([]));
    test('parts of different wholes', () => expect(run('共审查文件39件，其中行政规范性文件23件、其他文件16件。', '共备案文件30件，其中行政规范性文件20件、其他文件10件。')).toEqual([]));
    test('a target in the plans section', () =>
      expect(
        run(
          '一、2020年法治政府建设主要举措和成效',
          '全年开展法治宣传进社区活动20场，覆盖群众5000人次。',
          '二、存在的不足和原因',
          '法治宣传形式单一，主要原因是基层普法力量不足。',
          '三、2021年法治政府建设主要安排',
          '开展法治宣传进社区活动30场，进一步扩大覆盖面。',
        ),
      ).toEqual([]));
    test('a short generic measure in different paragraphs', () => expect(run('组织学法4次。', '组织学法6次。')).toEqual([]));
  });
});
