import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { report } from './_figures.js';

const PARTS = report('收到行政复议申请128件，受理120件，审结112件，其中维持73件、撤销15件、其他20件。');
const SPLIT = report('全年举办法治培训24场，分别为执法人员培训10场、领导干部学法9场。');
const STOCK = report('年初有持证执法人员320人，新增45人，注销12人，年末360人。');
const RAISED = report('执法人员由上年末120人增加到140人，其中新增20人、调出5人。');
const ADDED_ONLY = report('年初有持证执法人员320人，新增45人，年末370人。');
const NEXT = report('全年共受理法律援助案件91件。其中民事案件12件、刑事案件81件。');
const CHAIN = report('原有行政执法证件1477个，撤销215个，新申领18个，现有行政执法证件1300个。');
const RECRUITED = report('全局辅警由上年末426人增加到451人，全年新招录38人，辞退和离职15人。');
const ON_REGISTER = report('年初在册社区矫正对象212人，新接收68人，解除矫正59人，年末在册225人。');
// every part is a 程序: one breakdown, and it exceeds its whole
const PROCEDURES = report('全年共计立案查处390件（其中简易程序110件，普通程序272件，一般程序18件）。');
const PARALLEL = report('累计交办问题146件，已化解116件。其中，会商办理103件，已化解84件；平时交办43件，已化解30件。');

ruleTester('figure-sum', {
  valid: [
    { name: 'parts adding up to an earlier total of the sentence', code: report('收到行政复议申请128件，受理120件，审结112件，其中维持73件、撤销15件、终止24件。') },
    { name: 'a chain that closes', code: report('原有行政执法证件1477个，其中保留行政执法证件1262个，撤销行政执法证件215个；新申领行政执法证件18个，现有行政执法证件1280个。') },
    { name: 'a single part', code: report('共审查涉法文件39件（其中行政规范性文件23件），提出审查意见157条。') },
    { name: 'an open list with 等 that falls short', code: report('共受理案件100件，其中行政案件30件、民事案件40件等。') },
    { name: 'parts in other units (次, 场次, 宗)', code: report('共提供法律服务2446次，其中咨询1689次，开展法制宣传473场次，参与调解20宗。') },
    { name: 'no opening stock: 累计接收 / 累计解除 / 现在册 is not a chain', code: report('全区累计接收社区矫正对象766人，累计解除125人，现在册133人。') },
    { name: 'parallel lists that add up', code: report('累计交办问题146件，已化解116件。其中，会商办理103件，已化解84件；平时交办43件，已化解32件。') },
    { name: 'approximate parts', code: report('共开展活动100场，其中讲座30余场、宣讲60余场。') },
    // a 其中 list may name only some parts: falling short is no error unless the list names every part
    { name: 'a 其中 list of some outcomes falls short', code: report('收到行政复议申请128件，受理120件，审结112件，其中维持73件、撤销15件、终止20件。') },
    { name: 'a 其中 list of two kinds falls short', code: report('全年受理法律援助案件320件，其中民事案件150件、刑事案件120件。') },
    { name: 'parallel lists, no column adding up, falling short', code: report('累计交办问题146件，已化解116件。其中，会商办理90件，已化解70件；平时交办43件，已化解30件。') },
    { name: 'stock and flow that closes', code: report('年初有持证执法人员320人，新增45人，注销12人，年末353人。') },
    { name: 'a rise from last year-end with its flows', code: report('执法人员由上年末120人增加到135人，其中新增20人、调出5人。') },
    { name: 'additions only, closing below: removals may be unstated', code: report('年初有持证执法人员320人，新增45人，年末350人。') },
    { name: 'removals only, closing above: additions may be unstated', code: report('年初有持证执法人员320人，注销12人，年末330人。') },
    { name: 'a rise with no flows stated', code: report('律师人数由上年末120人增加到135人。') },
    { name: 'people recruited and leaving that close the chain', code: report('全局辅警由上年末426人增加到449人，全年新招录38人，辞退和离职15人。') },
    { name: 'a term the chain cannot read (收监执行): not every term is known', code: report('年初在册社区矫正对象212人，本年新接收68人，解除矫正59人，收监执行2人，年末在册215人。') },
    { name: 'a register that closes', code: report('年初在册社区矫正对象212人，新接收68人，解除矫正59人，年末在册221人。') },
    { name: 'recruits with no closing stock', code: report('全局辅警上年末426人，全年新招录38人，辞退和离职15人。') },
    { name: 'two breakdowns in one list: the parallel parts (…程序) add up, the other part counts across them', code: report('全年共计立案查处390件（其中简易程序110件，普通程序280件、立案撤销8件），实施行政强制措施8件。') },
    { name: 'a count after the chain that is not a flow (取得资格)', code: report('全局辅警由上年末426人增加到449人，全年新招录38人，辞退15人。新取得高级执法资格9人。') },
  ],
  invalid: [
    {
      name: 'parallel parts of one breakdown that exceed the total',
      code: PROCEDURES,
      errors: [{ messageId: 'sum', ...spanOf(PROCEDURES, '110件，普通程序272件，一般程序18件'), data: { sum: '400件', total: '390件' } }],
    },
    {
      name: 'parts that do not add up to the total they belong to (the finding spans the parts)',
      code: PARTS,
      errors: [{ messageId: 'sum', ...spanOf(PARTS, '73件、撤销15件、其他20件'), message: '分项之和为108件（73+15+20），与总数“审结”112件不符', relatedLines: [2] }],
    },
    {
      name: 'a 分别 list names every part: a shortfall is reported',
      code: SPLIT,
      errors: [{ messageId: 'sum', ...spanOf(SPLIT, '10场、领导干部学法9场'), data: { sum: '19场', total: '24场' } }],
    },
    {
      name: 'stock and flow: 年初 + 新增 − 注销 ≠ 年末',
      code: STOCK,
      errors: [{ messageId: 'chain', ...spanOf(STOCK, '360人'), data: { expr: '320+45−12', computed: '353人', stated: '360人' } }],
    },
    {
      name: 'a rise from last year-end that its stated flows do not give',
      code: RAISED,
      errors: [{ messageId: 'chain', ...spanOf(RAISED, '140人'), data: { expr: '120+20−5', computed: '135人', stated: '140人' } }],
    },
    {
      name: 'additions alone cannot reach the closing stock',
      code: ADDED_ONLY,
      errors: [{ messageId: 'chain', ...spanOf(ADDED_ONLY, '370人'), data: { expr: '320+45', computed: '365人' } }],
    },
    {
      name: 'recruited (招录) and leaving (辞退, 离职) are flows',
      code: RECRUITED,
      errors: [{ messageId: 'chain', ...spanOf(RECRUITED, '451人'), data: { expr: '426+38−15', computed: '449人', stated: '451人' } }],
    },
    {
      name: 'a register: 年初在册 + 新接收 − 解除 ≠ 年末在册',
      code: ON_REGISTER,
      errors: [{ messageId: 'chain', ...spanOf(ON_REGISTER, '225人'), data: { expr: '212+68−59', computed: '221人', stated: '225人' } }],
    },
    {
      name: 'parts in the next sentence',
      code: NEXT,
      errors: [{ messageId: 'sum', ...spanOf(NEXT, '12件、刑事案件81件'), data: { sum: '93件', total: '91件' } }],
    },
    {
      name: 'a stock-and-flow chain that does not close',
      code: CHAIN,
      errors: [{ messageId: 'chain', ...spanOf(CHAIN, '1300个'), message: '增减不符：1477−215+18=1280个，与“现有行政执法证件”1300个不符', relatedLines: [2] }],
    },
    {
      name: 'parallel lists summed column by column',
      code: PARALLEL,
      errors: [{ messageId: 'sum', ...spanOf(PARALLEL, '84件；平时交办43件，已化解30件'), data: { sum: '114件', parts: '84+30', total: '116件' } }],
    },
  ],
});

describe('figure-sum', () => {
  test('the related place is the total', () => {
    const [f] = runRule('figure-sum', PARTS);
    expect(f.related[0].message).toContain('112件');
  });
});
