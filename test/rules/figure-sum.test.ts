import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { report } from './_figures.js';

const run = (...p: string[]) => runRule('figure-sum', report(...p));

describe('figure-sum', () => {
  test('parts that do not add up to the total they belong to', () => {
    const f = run('收到行政复议申请128件，受理120件，审结112件，其中维持73件、撤销15件、终止20件。');
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe('分项之和为108件（73+15+20），与总数“审结”112件不符');
    expect(f[0].related[0].message).toContain('112件');
  });
  test('parts in the next sentence', () => {
    expect(run('全年共受理法律援助案件91件。其中民事案件12件、刑事案件81件。')).toHaveLength(1);
  });
  test('a stock-and-flow chain that does not close', () => {
    const f = run('原有行政执法证件1477个，撤销215个，新申领18个，现有行政执法证件1300个。');
    expect(f.map((x) => x.message)).toEqual(['增减不符：1477−215+18=1280个，与“现有行政执法证件”1300个不符']);
  });
  test('parallel lists summed column by column', () => {
    expect(run('累计交办问题146件，已化解116件。其中，会商办理103件，已化解84件；平时交办43件，已化解30件。')).toHaveLength(1);
  });
  describe('look-alikes that must stay silent', () => {
    test('parts adding up to an earlier total of the sentence', () =>
      expect(run('收到行政复议申请128件，受理120件，审结112件，其中维持73件、撤销15件、终止24件。')).toEqual([]));
    test('a chain that closes', () =>
      expect(run('原有行政执法证件1477个，其中保留行政执法证件1262个，撤销行政执法证件215个；新申领行政执法证件18个，现有行政执法证件1280个。')).toEqual([]));
    test('a single part', () => expect(run('共审查涉法文件39件（其中行政规范性文件23件），提出审查意见157条。')).toEqual([]));
    test('an open list with 等 that falls short', () => expect(run('共受理案件100件，其中行政案件30件、民事案件40件等。')).toEqual([]));
    test('parts in other units (次, 场次, 宗)', () => expect(run('共提供法律服务2446次，其中咨询1689次，开展法制宣传473场次，参与调解20宗。')).toEqual([]));
    test('no opening stock: 累计接收 / 累计解除 / 现在册 is not a chain', () =>
      expect(run('全区累计接收社区矫正对象766人，累计解除125人，现在册133人。')).toEqual([]));
    test('parallel lists that add up', () =>
      expect(run('累计交办问题146件，已化解116件。其中，会商办理103件，已化解84件；平时交办43件，已化解32件。')).toEqual([]));
    test('approximate parts', () => expect(run('共开展活动100场，其中讲座30余场、宣讲60余场。')).toEqual([]));
  });
});
